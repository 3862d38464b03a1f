package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;

/**
 * Where the facts of some kinds come from: one owning module's public facade, asked for every region at once. Each
 * source is a bean of this package; it also listens to the owning module's events and marks the days they changed
 * ({@link StaleDays}), so the read model is refreshed from the same calls it can be rebuilt from.
 */
interface FactSource {

	/** The kinds this source answers. */
	Set<InsightKind> kinds();

	/**
	 * The facts of {@code kind} from {@code from} to {@code to} (both included, China time), every region,
	 * aggregated by day, served region and serving region (both the same region for a kind of one region). A
	 * period of at most one year is asked at a time.
	 */
	List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to);

	/**
	 * The rows behind the facts of {@code kind} from {@code from} to {@code to}: those whose served side lies in one
	 * of {@code served} and whose serving side lies in one of {@code serving} (region codes, each with everything
	 * below it; any region when empty), newest first, {@code limit} rows from {@code offset}. Who may read them is
	 * decided before ({@link InsightAccess}).
	 */
	List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit);
}
