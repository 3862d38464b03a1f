package cn.kejiao.trading;

import org.jspecify.annotations.Nullable;

/**
 * A search of the published listings: the words are searched as the catalog searches achievements; {@code mode}
 * keeps the listings offering that mode, {@code region} those whose seller is in that region or below it.
 */
public record ListingQuery(@Nullable String q, @Nullable ListingMode mode, @Nullable String region, int page, int size) {
}
