package cn.kejiao.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an owner states about an entry. {@code externalCode} is the owner's own stable code (an asset
 * number, a service code): importing the same code again updates the entry instead of adding one.
 * {@code details} holds the type's own attributes (an instrument's model and maker, an achievement's
 * patents and transfer modes, ...).
 */
public record EntryForm(
		@Nullable @Size(max = 64) @Pattern(regexp = "[\\w.\\-/]*") String externalCode,
		@NotBlank @Size(min = 2, max = 300) String title,
		@Nullable @Size(max = 20000) String summary,
		@Nullable @Size(max = 1000) String keywords,
		@Nullable @Size(max = 100) String category,
		@Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal price,
		@Nullable @Pattern(regexp = "HOUR|SAMPLE|ITEM|TOTAL") String priceUnit,
		@Nullable Set<@Pattern(regexp = "CMA|CNAS") String> accreditations,
		@Nullable @Pattern(regexp = "LAB|PILOT|INDUSTRIAL") String maturity,
		@Nullable Confidentiality confidentiality,
		@Nullable @Pattern(regexp = "[1-9]\\d{5}") String regionCode,
		@Nullable Map<String, Object> details) {
}
