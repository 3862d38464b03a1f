package cn.kejiao.insight;

import java.time.YearMonth;

/** One kind's figures for a region in one month (the first and last months may be partial periods). */
public record MonthFigure(YearMonth month, InsightKind kind, Amount served, Amount serving) {
}
