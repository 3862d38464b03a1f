package cn.kejiao.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A report of a region as its list shows it: the region (code and name in the reader's language), the period (a
 * month or a year, its first and last day), when it was written and by whom ({@code null} with {@code scheduled}
 * for the monthly and yearly schedule), and whether its files are there ({@code READY}) or writing them failed
 * ({@code FAILED}; the schedule tries again).
 */
public record InsightReport(UUID id, String region, String regionName, ReportPeriod.Kind period, int year,
		@Nullable Integer month, LocalDate periodStart, LocalDate periodEnd, OffsetDateTime generatedAt,
		boolean scheduled, @Nullable String generatedBy, State state) {

	public enum State {
		READY, FAILED
	}

	public boolean ready() {
		return state == State.READY;
	}

	/** A report's file to download: its name (Chinese, with the region and the period) and its bytes. */
	public record File(String name, byte[] content) {
	}
}
