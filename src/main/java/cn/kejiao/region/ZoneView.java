package cn.kejiao.region;

import java.util.List;

/** A cooperation zone: regions that share resources and accept each other's vouchers. */
public record ZoneView(String code, String name, String nameEn, String description, List<RegionView> regions,
		long version) {

	/** The zone's name in the reader's language. */
	public String localName() {
		return RegionView.isEnglish(org.springframework.context.i18n.LocaleContextHolder.getLocale()) ? nameEn : name;
	}
}
