package cn.kejiao.voucher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A voucher scheme with its money: amounts are yuan strings. {@code budget} is what the region put in;
 * {@code available} is still in the budget; {@code granted} went to enterprises, of which {@code held} is
 * reserved by accepted orders, {@code posted} paid to providers and {@code lapsed} came back unused.
 */
public record SchemeView(UUID id, String regionCode, String name, String description, String budget,
		BigDecimal subsidyRatio, String capPerEnterprise, List<String> serviceKinds, @Nullable String acceptedZone,
		List<String> qualifications, LocalDate opensOn, LocalDate closesOn, LocalDate validUntil, Instant createdAt,
		String available, String granted, String held, String posted, String lapsed, long applicationsPending) {
}
