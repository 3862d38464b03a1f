package cn.kejiao.region;

import org.jspecify.annotations.Nullable;

/** A region as other modules and the API see it. */
public record RegionView(String code, String name, RegionLevel level, @Nullable String parentCode) {
}
