package cn.kejiao.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/**
 * The open statistics of a region over a period: the counts of every kind the platform counts, money only where the
 * authorities publish it anyway ({@link InsightAccess#publicValue}), and the catalog's stocks at the period's end.
 * {@code served}: what the region's side received; {@code serving}: what its side gave; {@code inside}: both sides
 * in the region (the same figure for a kind of one region). Money is a yuan string, null where not published.
 */
public record PublicFigures(String region, String name, String nameEn, LocalDate from, LocalDate to,
		OffsetDateTime generatedAt, List<PublicKind> figures, List<PublicStock> stocks) {

	/** One kind's public figures. */
	public record PublicKind(InsightKind kind, String name, String nameEn, InsightKind.Group group, boolean moneyPublished,
			PublicAmount served, PublicAmount serving, PublicAmount inside) {
	}

	/** How many, and how much where published. */
	public record PublicAmount(long count, @Nullable Money value) {
	}

	/** Entries shared at the end of the period. */
	public record PublicStock(InsightKind kind, String name, String nameEn, long count) {
	}
}
