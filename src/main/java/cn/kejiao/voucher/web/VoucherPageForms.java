package cn.kejiao.voucher.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.WrittenAmount;
import cn.kejiao.voucher.SchemeForm;
import jakarta.validation.constraints.NotNull;

/**
 * The forms of the voucher pages, as they are posted. The facades check what the values mean and answer in the
 * reader's language; these records only take the fields apart. Amounts, ratios and dates are read inside the
 * step, so a malformed one is refused like any other step, with the same message as before.
 */
final class VoucherPageForms {

	private VoucherPageForms() {
	}

	record ApplicationForm(@NotNull UUID schemeId, @Nullable String amount, @Nullable String purpose) {

		Money money() {
			return written(amount, "amount");
		}
	}

	record OrderRequestForm(@NotNull UUID providerOrgId, @Nullable UUID serviceId, @Nullable String description,
			@Nullable String serviceKind) {
	}

	record QuoteForm(@Nullable String amount) {

		Money money() {
			return written(amount, "amount");
		}
	}

	/**
	 * The enterprise's choice on the order page, before it confirms: a grant or none, and the voucher part it asks
	 * for (read only with a grant; empty for the most the grant allows).
	 */
	record AcceptChoice(@Nullable UUID grantId, @Nullable String voucherAmount) {

		@Nullable Money voucherPart() {
			return AcceptForm.part(grantId, voucherAmount);
		}
	}

	/**
	 * The confirmed acceptance: the quote the enterprise saw ({@code quotedAmount}) and the voucher part it was
	 * shown, sent back as they were shown. A voucher part is read only with a grant: without one, the order is
	 * paid in full by the enterprise.
	 */
	record AcceptForm(@Nullable String quotedAmount, @Nullable UUID grantId, @Nullable String voucherAmount,
			@NotNull String key) {

		@Nullable Money quoted() {
			String amount = strip(quotedAmount);
			return amount == null || amount.isEmpty() ? null : written(amount, "quotedAmount");
		}

		@Nullable Money voucherPart() {
			return part(grantId, voucherAmount);
		}

		static @Nullable Money part(@Nullable UUID grantId, @Nullable String voucherAmount) {
			String amount = strip(voucherAmount);
			return grantId == null || amount == null || amount.isEmpty() ? null : written(amount, "voucherAmount");
		}
	}

	record DeliveryForm(@Nullable MultipartFile report, @Nullable String note) {
	}

	record ReasonForm(@Nullable String reason) {
	}

	record ResolutionForm(@NotNull String outcome, @Nullable String reason) {

		boolean deliveryStands() {
			return "DELIVERY_STANDS".equals(outcome);
		}
	}

	/** An approval, of the amount applied for unless a smaller one is given. */
	record ApprovalForm(@Nullable String amount) {

		@Nullable Money money() {
			String given = strip(amount);
			return given == null || given.isEmpty() ? null : written(given, "amount");
		}
	}

	/**
	 * A scheme as the admin page posts it: the ratio as "50%" or "0.5", service kinds separated by commas, 、 or
	 * spaces; a new scheme's dates default to the facade's, an edited one posts its qualifications unchanged.
	 */
	record SchemePageForm(@NotNull String name, @Nullable String description, @NotNull String budget,
			@NotNull String subsidyRatio, @NotNull String capPerEnterprise, @Nullable String acceptedZone,
			@Nullable String serviceKinds, @Nullable String opensOn, @Nullable String closesOn,
			@Nullable String validUntil, @Nullable List<String> qualifications) {

		SchemeForm scheme() {
			return new SchemeForm(null, name, description, written(budget, "budget"), ratio(subsidyRatio),
					written(capPerEnterprise, "capPerEnterprise"),
					kinds(serviceKinds), acceptedZone, qualifications == null ? List.of() : qualifications, date(opensOn),
					date(closesOn), date(validUntil));
		}
	}

	/** An amount as people write it: 3600, 3,600.50, ¥3,600, 200万 (see {@link WrittenAmount}). */
	private static Money written(@Nullable String text, String field) {
		return new Money(WrittenAmount.fen(text, field));
	}

	private static @Nullable String strip(@Nullable String text) {
		return text == null ? null : text.strip();
	}

	private static BigDecimal ratio(String text) {
		try {
			return new BigDecimal(text.strip().replace("%", "")).movePointLeft(text.contains("%") ? 2 : 0);
		}
		catch (NumberFormatException ex) {
			throw KejiaoException.invalid("voucher.subsidy-ratio", text);
		}
	}

	private static List<String> kinds(@Nullable String text) {
		return text == null ? List.of() : List.of(text.split("[,，、;；\\s]+")).stream().filter(k -> !k.isBlank()).toList();
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("voucher.scheme-dates");
		}
	}
}
