package cn.kejiao.region;

import java.util.List;

/** A cooperation zone: regions that share resources and accept each other's vouchers. */
public record ZoneView(String code, String name, String nameEn, String description, List<RegionView> regions,
		long version) {
}
