package cn.kejiao.voucher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/**
 * What a region admin states about a scheme. {@code budget} and {@code capPerEnterprise} are amounts (yuan strings in JSON);
 * {@code subsidyRatio} the share of an order a voucher may pay (0 < r ≤ 1); {@code serviceKinds} the
 * catalog service categories it pays for (empty: any); {@code acceptedZone} the cooperation zone where its
 * vouchers are accepted (null: the scheme's own region only); {@code qualifications} what an applicant must
 * hold (such as TECH_SME).
 */
public record SchemeForm(@Nullable String regionCode, @Nullable String name, @Nullable String description,
		@Nullable Money budget, @Nullable BigDecimal subsidyRatio, @Nullable Money capPerEnterprise,
		@Nullable List<String> serviceKinds, @Nullable String acceptedZone, @Nullable List<String> qualifications,
		@Nullable LocalDate opensOn, @Nullable LocalDate closesOn, @Nullable LocalDate validUntil) {
}
