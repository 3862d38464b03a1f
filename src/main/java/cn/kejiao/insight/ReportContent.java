package cn.kejiao.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/**
 * What a report says, in Chinese, before it is written as a workbook or a PDF: the region's full name, the period,
 * every kind's figures, the months, the largest flows in and out, and the stocks at the period's end. Money is null
 * for a kind that carries none.
 */
record ReportContent(String title, String region, String regionName, ReportPeriod period, LocalDate from, LocalDate to,
		OffsetDateTime generatedAt, List<Summary> summary, List<Month> months, List<Flow> flowsIn, List<Flow> flowsOut,
		List<Stock> stocks, @Nullable Money vouchersHeld, boolean nation) {

	/** One kind's figures: what the region received, what it gave, what stayed inside. */
	record Summary(InsightKind kind, String name, Amount served, Amount serving, Amount inside) {
	}

	/** One kind's figures in one month. */
	record Month(YearMonth month, InsightKind kind, String name, Amount served, Amount serving) {
	}

	/** One flow: the kind, the serving region's name, the served region's name and how much. */
	record Flow(InsightKind kind, String name, String servingName, String servedName, Amount amount) {
	}

	/** A stock at the period's end: entries shared. */
	record Stock(InsightKind kind, String name, long count) {
	}

	static String count(long count) {
		return String.format("%,d", count);
	}

	static String money(@Nullable Money money) {
		return money == null ? "—" : money.display();
	}
}
