package cn.kejiao.trading.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;
import cn.kejiao.platform.WrittenAmount;
import cn.kejiao.trading.LegalStatus;
import cn.kejiao.trading.ListingForm;
import cn.kejiao.trading.ListingMode;
import cn.kejiao.trading.ListingView;

/**
 * The listing form as typed, shown again as it was after a refusal. The asking price is written as people write
 * it (200万, ¥1,500,000); left empty, the price is negotiable (面议). Patent numbers: one per line, or separated by
 * commas.
 */
record ListingPageForm(@Nullable UUID achievementId, @Nullable List<ListingMode> modes, @Nullable String licenceTerritory,
		@Nullable String licenceTerm, @Nullable String askingPrice, @Nullable String patentNumbers,
		@Nullable LegalStatus legalStatus, @Nullable String notes, @Nullable Boolean publish) {

	static ListingPageForm empty(@Nullable UUID achievementId) {
		return new ListingPageForm(achievementId, List.of(), "", "", "", "", null, "", true);
	}

	static ListingPageForm of(ListingView listing) {
		return new ListingPageForm(listing.achievementId(), listing.modes(), listing.licenceTerritory(),
				listing.licenceTerm(), listing.askingPrice() == null ? "" : listing.askingPrice().yuan(),
				String.join("\n", listing.patentNumbers()), listing.legalStatus(), listing.notes(), false);
	}

	ListingForm listing() {
		Money price = askingPrice == null || askingPrice.isBlank() ? null
				: new Money(WrittenAmount.fen(askingPrice, "askingPrice"));
		List<String> patents = patentNumbers == null ? List.of()
				: Arrays.stream(patentNumbers.split("[\\n,，;；、]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return new ListingForm(achievementId, modes, licenceTerritory, licenceTerm, price, patents, legalStatus, notes);
	}
}
