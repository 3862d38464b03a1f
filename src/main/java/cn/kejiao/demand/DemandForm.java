package cn.kejiao.demand;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a demand's author types. {@code budget} is a decimal string in yuan (or empty: to be agreed);
 * {@code regionCode} and {@code industryChain} only for a region admin posting for its region's industry.
 * {@code hideName} null: on posting, shown; on a change, left as it is.
 */
public record DemandForm(@Nullable String title, @Nullable String description, @Nullable String field,
		@Nullable List<String> keywords, @Nullable String budget, @Nullable LocalDate deadline,
		@Nullable List<CooperationMode> modes, @Nullable Visibility visibility, @Nullable String zoneCode,
		@Nullable Boolean hideName, @Nullable String regionCode, @Nullable String industryChain) {
}
