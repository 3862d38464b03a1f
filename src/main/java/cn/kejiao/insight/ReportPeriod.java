package cn.kejiao.insight;

import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.KejiaoException;

/** The period a report covers: a calendar month or a calendar year (China time). */
public record ReportPeriod(Kind kind, LocalDate start) {

	/** A month's report or a year's. */
	public enum Kind {
		MONTH, YEAR
	}

	/** The oldest year a report may be asked for. */
	static final int FIRST_YEAR = 2000;

	public static ReportPeriod month(YearMonth month) {
		return new ReportPeriod(Kind.MONTH, month.atDay(1));
	}

	public static ReportPeriod year(int year) {
		return new ReportPeriod(Kind.YEAR, LocalDate.of(year, 1, 1));
	}

	/**
	 * The period as a request names it; {@code insight.report-period} (400) for a kind missing, a year out of range or
	 * a month not 1–12 for a month's report.
	 */
	public static ReportPeriod of(@Nullable Kind kind, @Nullable Integer year, @Nullable Integer month) {
		if (kind == null || year == null || year < FIRST_YEAR || year > 2100) {
			throw KejiaoException.invalid("insight.report-period");
		}
		if (kind == Kind.YEAR) {
			return year(year);
		}
		if (month == null || month < 1 || month > 12) {
			throw KejiaoException.invalid("insight.report-period");
		}
		return month(YearMonth.of(year, month));
	}

	/** The last day of the period. */
	public LocalDate end() {
		return kind == Kind.MONTH ? start.plusMonths(1).minusDays(1) : start.plusYears(1).minusDays(1);
	}

	public int year() {
		return start.getYear();
	}

	/** The period as a Chinese report titles it: 2026年11月, 2026年. */
	public String chinese() {
		return kind == Kind.MONTH ? start.getYear() + "年" + start.getMonthValue() + "月" : start.getYear() + "年";
	}

	/** The period as files are named: 2026-11, 2026. */
	public String label() {
		return kind == Kind.MONTH ? YearMonth.from(start).toString() : String.valueOf(start.getYear());
	}
}
