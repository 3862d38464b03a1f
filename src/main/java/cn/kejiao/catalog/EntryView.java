package cn.kejiao.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A catalog entry as a reader may see it. When the reader may not see confidential parts,
 * {@code confidential} is true and summary, details and price are withheld. Prices are decimal strings
 * in yuan.
 */
public record EntryView(UUID id, EntryType type, String externalCode, UUID ownerOrgId, String ownerOrgName,
		String regionCode, String title, String summary, List<String> keywords, String category,
		@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal price, @Nullable String priceUnit, List<String> accreditations, @Nullable String maturity,
		Confidentiality confidentiality, EntryState state, Map<String, Object> details, Instant updatedAt,
		@Nullable Instant publishedAt, boolean confidential) {
}
