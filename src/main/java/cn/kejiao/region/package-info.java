/**
 * China's administrative divisions (GB/T 2260: province, prefecture, county) and the cooperation zones
 * built from them (长三角, 沪滇, 沪渝, 嘉昆太). Other modules ask {@link cn.kejiao.region.Regions} for a
 * region, its children and ancestors, whether one region lies inside another, and which regions a zone
 * covers; they store only region codes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions and cooperation zones")
@org.jspecify.annotations.NullMarked
package cn.kejiao.region;
