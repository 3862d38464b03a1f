package cn.kejiao.region;

/** The three levels of GB/T 2260 that Kejiao uses. */
public enum RegionLevel {
	PROVINCE, PREFECTURE, COUNTY
}
