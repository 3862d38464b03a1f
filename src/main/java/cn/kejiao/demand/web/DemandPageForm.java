package cn.kejiao.demand.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import cn.kejiao.demand.CooperationMode;
import cn.kejiao.demand.DemandForm;
import cn.kejiao.demand.Visibility;
import jakarta.validation.constraints.Size;

/**
 * The posting page's form, as typed: shown again as it was after a refusal. Keywords are one line, split at
 * commas, semicolons and spaces; {@code open} publishes the demand at once. The facade checks the rest, so
 * the page and the API refuse in the same words; only what the facade leaves to the page is checked here.
 */
record DemandPageForm(@Nullable String title, @Nullable String description, @Nullable @Size(max = 100) String field,
		@Nullable String keywords, @Nullable String budget,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate deadline,
		@Nullable List<CooperationMode> modes, @Nullable Visibility visibility, @Nullable String zoneCode,
		@Nullable Boolean hideName, @Nullable String regionCode, @Nullable String industryChain,
		@Nullable Boolean open) {

	/** An empty form: public, to be opened at once. */
	static DemandPageForm empty() {
		return new DemandPageForm("", "", "", "", "", null, List.of(), Visibility.PUBLIC, "", false, "", "", true);
	}

	/** An unticked box is not sent at all. */
	boolean hidden() {
		return Boolean.TRUE.equals(hideName);
	}

	boolean opening() {
		return Boolean.TRUE.equals(open);
	}

	DemandForm demand() {
		return new DemandForm(title, description, field,
				keywords == null ? List.of() : Arrays.asList(keywords.split("[,，;；、\\s]+")), budget, deadline, modes,
				visibility == null ? Visibility.PUBLIC : visibility, blankToNull(zoneCode), hidden(),
				blankToNull(regionCode), industryChain == null ? "" : industryChain);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
