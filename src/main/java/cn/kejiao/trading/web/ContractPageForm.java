package cn.kejiao.trading.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.WrittenAmount;
import cn.kejiao.trading.ContractType;
import cn.kejiao.trading.Contracts;
import cn.kejiao.trading.PaymentSchedule;

/**
 * The form that drafts a contract by hand, as typed: the signed-in user's organisation is one side ({@code side}:
 * SELLER or BUYER), the other organisation picked from the verified ones; amounts as people write them (3,600,
 * 200万); up to {@value #ROWS} instalments, blank rows left out. Kept as typed, to show again when refused.
 */
record ContractPageForm(@Nullable String title, @Nullable String type, @Nullable String side,
		@Nullable String counterpart, @Nullable String value, @Nullable List<String> dueOn, @Nullable List<String> amount,
		@Nullable String broker, @Nullable String commission) {

	static final int ROWS = 4;

	static ContractPageForm empty() {
		return new ContractPageForm("", "TRANSFER", "SELLER", "", "", List.of(), List.of(), "", "");
	}

	/** The i-th instalment's date as typed, for the form. */
	public String due(int i) {
		return dueOn != null && i < dueOn.size() && dueOn.get(i) != null ? dueOn.get(i) : "";
	}

	/** The i-th instalment's amount as typed, for the form. */
	public String amountAt(int i) {
		return amount != null && i < amount.size() && amount.get(i) != null ? amount.get(i) : "";
	}

	/** The draft for the facade; refusals ({@code money.written}, {@code contract.*}) name what to correct. */
	Contracts.Draft draft(UUID myOrganisation) {
		UUID other = uuid(counterpart, "contract.parties-required");
		boolean selling = !"BUYER".equals(side);
		ContractType kind;
		try {
			kind = type == null || type.isBlank() ? null : ContractType.valueOf(type);
		}
		catch (IllegalArgumentException ex) {
			kind = null;
		}
		Money total = value == null || value.isBlank() ? null : new Money(WrittenAmount.fen(value, "value"));
		List<PaymentSchedule.Planned> planned = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			String d = due(i).strip();
			String a = amountAt(i).strip();
			if (d.isEmpty() && a.isEmpty()) {
				continue;
			}
			planned.add(new PaymentSchedule.Planned(date(d), a.isEmpty() ? null : new Money(WrittenAmount.fen(a, "amount"))));
		}
		UUID brokerId = broker == null || broker.isBlank() ? null : uuid(broker, "contract.broker-not-qualified");
		Money fee = commission == null || commission.isBlank() ? Money.ZERO
				: new Money(WrittenAmount.fen(commission, "commission"));
		return new Contracts.Draft(title, kind, selling ? myOrganisation : other, selling ? other : myOrganisation,
				total, planned, brokerId, fee);
	}

	private static @Nullable LocalDate date(String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static UUID uuid(@Nullable String text, String code) {
		try {
			return UUID.fromString(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid(code);
		}
	}
}
