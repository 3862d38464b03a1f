package cn.kejiao.cooperation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.cooperation.AgreementFiles;
import cn.kejiao.cooperation.AgreementKind;
import cn.kejiao.cooperation.AgreementView;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.AreaTemplate;
import cn.kejiao.platform.KejiaoException;

/**
 * The new-agreement form as typed: up to {@value #PARTIES} parties (region and signing organisation), the template
 * areas ticked and further areas one per line. Kept as typed, to show again when refused.
 */
record AgreementPageForm(@Nullable String kind, @Nullable String title, @Nullable List<String> region,
		@Nullable List<String> signatory, @Nullable String signedOn, @Nullable String signedPlace,
		@Nullable String termStart, @Nullable String termEnd, @Nullable String summary, @Nullable List<String> template,
		@Nullable String otherAreas) {

	static final int PARTIES = 4;

	static AgreementPageForm empty(String ownRegion) {
		List<String> templates = java.util.Arrays.stream(AreaTemplate.values()).map(Enum::name).toList();
		return new AgreementPageForm("FRAMEWORK", "", List.of(ownRegion), List.of(), "", "", "", "", "", templates, "");
	}

	public String regionAt(int i) {
		return at(region, i);
	}

	public String signatoryAt(int i) {
		return at(signatory, i);
	}

	public boolean ticked(String name) {
		return template != null && template.contains(name);
	}

	Agreements.NewAgreement agreement(AgreementFiles.@Nullable Upload text) {
		AgreementKind type;
		try {
			type = kind == null || kind.isBlank() ? null : AgreementKind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			type = null;
		}
		List<AgreementView.Party> parties = new ArrayList<>();
		for (int i = 0; i < PARTIES; i++) {
			if (!regionAt(i).isBlank()) {
				parties.add(new AgreementView.Party(regionAt(i).strip(), signatoryAt(i).strip()));
			}
		}
		List<Agreements.NewArea> areas = new ArrayList<>();
		for (AreaTemplate t : AreaTemplate.values()) {
			if (ticked(t.name())) {
				areas.add(new Agreements.NewArea(t, null, null));
			}
		}
		for (String line : (otherAreas == null ? "" : otherAreas).split("\\R")) {
			if (!line.isBlank()) {
				areas.add(new Agreements.NewArea(null, line.strip(), null));
			}
		}
		return new Agreements.NewAgreement(type, title, parties, date(signedOn), signedPlace, date(termStart),
				date(termEnd), summary, areas, text);
	}

	/** A date as typed (2021-06-03); refused with {@code agreement.date-invalid} when it cannot be read. */
	static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("agreement.date-invalid", text.strip());
		}
	}

	private static String at(@Nullable List<String> values, int i) {
		return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
	}
}
