package cn.kejiao.region;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.kejiao.audit.AuditTerms;

/** Region codes recorded in the audit log, read as full region names ("上海市 嘉定区"). */
@Component
class RegionAuditTerms implements AuditTerms {

	private final Regions regions;

	RegionAuditTerms(Regions regions) {
		this.regions = regions;
	}

	@Override
	public Optional<String> nameOf(String subjectType, String field, String value) {
		String lower = field.toLowerCase(java.util.Locale.ROOT);
		if ((lower.contains("region") || lower.equals("from") || lower.equals("to")) && value.matches("[1-9]\\d{5}")
				&& regions.exists(value)) {
			return Optional.of(regions.fullName(value));
		}
		if (lower.contains("zone")) {
			return regions.zones().stream().filter(zone -> zone.code().equals(value)).findFirst().map(ZoneView::localName);
		}
		return Optional.empty();
	}
}
