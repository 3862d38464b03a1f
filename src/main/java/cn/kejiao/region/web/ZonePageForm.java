package cn.kejiao.region.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.region.RegionView;
import cn.kejiao.region.ZoneCommand;
import cn.kejiao.region.ZoneView;

/**
 * The zone editor's form, as typed: the member regions are one line of codes, split at spaces and commas. The
 * facade checks the values, so the page and the API refuse in the same words.
 */
record ZonePageForm(@Nullable String code, @Nullable String name, @Nullable String nameEn,
		@Nullable String description, @Nullable String regionCodes) {

	static ZonePageForm empty() {
		return new ZonePageForm("", "", "", "", "");
	}

	static ZonePageForm of(ZoneView zone) {
		return new ZonePageForm(zone.code(), zone.name(), zone.nameEn(), zone.description(),
				String.join(" ", zone.regions().stream().map(RegionView::code).toList()));
	}

	String zoneCode() {
		return code == null ? "" : code.strip();
	}

	ZoneCommand command() {
		List<String> codes = regionCodes == null ? List.of()
				: Arrays.stream(regionCodes.strip().split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList();
		return new ZoneCommand(name, nameEn, description == null ? "" : description, codes);
	}
}
