package cn.kejiao.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * Keeps the read model current and answers for it: {@link #refresh()} recomputes the days marked stale from the
 * owning modules' facades, {@link #rebuild()} recomputes every day from {@code kejiao.insight.years-back} years back
 * (default ten) to two years ahead, {@link #check} compares what is stored with what the facades answer now. Several nodes may refresh
 * at once: each takes its marks with {@code FOR UPDATE SKIP LOCKED}, and the facts of one kind are replaced under
 * a transaction-level advisory lock on the kind, so two nodes never write the same kind's rows at once
 * (decision 0031). {@code kejiao.insight.jobs=false} stops the scheduled refresh (the tests refresh themselves).
 */
@Service
public class InsightReadModel {

	private static final Logger log = LoggerFactory.getLogger(InsightReadModel.class);

	private static final int MARKS_PER_PASS = 2_000;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Map<InsightKind, FactSource> sources = new EnumMap<>(InsightKind.class);
	private final StaleDays staleDays;
	private final Clock clock;
	private final int yearsBack;
	private final boolean enabled;

	InsightReadModel(JdbcClient jdbc, TransactionTemplate transactions, List<FactSource> sources,
			StaleDays staleDays, Clock clock, @Value("${kejiao.insight.years-back:10}") int yearsBack,
			@Value("${kejiao.insight.jobs:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.staleDays = staleDays;
		this.clock = clock;
		this.yearsBack = yearsBack;
		this.enabled = enabled;
		for (FactSource source : sources) {
			for (InsightKind kind : source.kinds()) {
				FactSource before = this.sources.put(kind, source);
				if (before != null) {
					throw new IllegalStateException(kind + " has two sources: " + before + " and " + source);
				}
			}
		}
	}

	/** The kinds some module answers for; the others are not counted yet. */
	public SortedSet<InsightKind> kinds() {
		return new TreeSet<>(sources.keySet());
	}

	/**
	 * On a start with the schedule on, rebuilds in the background the kinds never rebuilt (a database from before
	 * the read model, or a kind added since), so the figures cover the days before their events were followed.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void rebuildNewKinds() {
		if (!enabled) {
			return;
		}
		Thread.ofVirtual().name("insight-rebuild").start(() -> {
			try {
				List<String> rebuilt = jdbc.sql("select kind from insight.kind_state where rebuilt_at is not null")
					.query(String.class).list();
				for (InsightKind kind : kinds()) {
					if (!rebuilt.contains(kind.name())) {
						rebuild(kind);
						log.info("Insight: {} rebuilt from its module", kind);
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("Rebuilding the insight read model at start failed; it is tried again at the next start", ex);
			}
		});
	}

	@Scheduled(fixedDelayString = "${kejiao.insight.refresh-interval:PT10S}", initialDelayString = "PT30S")
	void scheduledRefresh() {
		if (!enabled) {
			return;
		}
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			log.warn("Refreshing the insight read model failed; the marks stay and it runs again", ex);
		}
	}

	/**
	 * Recomputes every (kind, day) marked stale, until no mark is left; the number of (kind, day)s recomputed. The
	 * marks taken and the facts written commit together: a failure leaves the marks for the next refresh.
	 */
	public int refresh() {
		int done = 0;
		while (true) {
			Integer pass = transactions.execute(status -> refreshPass());
			if (pass == null || pass < 0) {
				return done;
			}
			done += pass;
		}
	}

	/** One batch of marks; -1 when none was left. */
	private int refreshPass() {
		List<Map.Entry<String, LocalDate>> marks = jdbc.sql("""
				delete from insight.stale_day where id in (
				  select id from insight.stale_day order by id limit :limit for update skip locked)
				returning kind, day""")
			.param("limit", MARKS_PER_PASS)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class)))
			.list();
		if (marks.isEmpty()) {
			return -1;
		}
		Map<InsightKind, SortedSet<LocalDate>> days = new EnumMap<>(InsightKind.class);
		for (Map.Entry<String, LocalDate> mark : marks) {
			InsightKind kind = kindOrNull(mark.getKey());
			if (kind != null && sources.containsKey(kind)) {
				days.computeIfAbsent(kind, k -> new TreeSet<>()).add(mark.getValue());
			}
		}
		int recomputed = 0;
		for (Map.Entry<InsightKind, SortedSet<LocalDate>> entry : days.entrySet()) {
			for (LocalDate[] run : runs(entry.getValue())) {
				replace(entry.getKey(), run[0], run[1]);
				recomputed += (int) (run[1].toEpochDay() - run[0].toEpochDay() + 1);
			}
			stamp(entry.getKey(), "refreshed_at");
		}
		return recomputed;
	}

	/**
	 * Recomputes every kind over every day from {@code kejiao.insight.years-back} years ago to two years ahead, a
	 * year at a time, from the facades alone; marks left meanwhile are refreshed afterwards as usual.
	 */
	public void rebuild() {
		kinds().forEach(this::rebuild);
	}

	/** Recomputes one kind over every day, as {@link #rebuild()} does for all. */
	public void rebuild(InsightKind kind) {
		LocalDate today = staleDays.today();
		LocalDate since = today.minusYears(yearsBack).withDayOfYear(1);
		// a simulated year may run ahead of the wall clock: two years ahead are rebuilt too
		LocalDate until = today.plusYears(2);
		transactions.executeWithoutResult(status -> {
			for (LocalDate from = since; !from.isAfter(until); from = from.plusYears(1)) {
				LocalDate to = from.plusYears(1).minusDays(1);
				replace(kind, from, to.isAfter(until) ? until : to);
			}
			jdbc.sql("delete from insight.fact where kind = :kind and (day < :since or day > :until)")
				.param("kind", kind.name()).param("since", since).param("until", until).update();
			jdbc.sql("delete from insight.fact_month where kind = :kind and (month < :since or month > :until)")
				.param("kind", kind.name()).param("since", since).param("until", until).update();
			stamp(kind, "rebuilt_at");
		});
	}

	/** A fact stored and the same fact as its module answers it now, where the two differ. */
	public record Difference(InsightKind kind, LocalDate day, String servedRegion, String servingRegion,
			long storedCount, long sourceCount, long storedValueFen, long sourceValueFen) {
	}

	/**
	 * Compares the stored facts of {@code from} to {@code to} (at most a year) with what the modules' facades answer
	 * now, every kind; empty when the read model is exact. Refresh first: marks not yet refreshed show as
	 * differences.
	 */
	public List<Difference> check(LocalDate from, LocalDate to) {
		List<Difference> differences = new ArrayList<>();
		for (InsightKind kind : kinds()) {
			Map<List<Object>, long[]> stored = new HashMap<>();
			jdbc.sql("""
					select day, served_region, serving_region, count, coalesce(value_fen, 0) from insight.fact
					where kind = :kind and day between :from and :to""")
				.param("kind", kind.name()).param("from", from).param("to", to)
				.query(rs -> {
					stored.put(List.of(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)),
							new long[] { rs.getLong(4), rs.getLong(5) });
				});
			for (RegionFlow fact : merged(sources.get(kind).facts(kind, from, to))) {
				long value = fact.value() == null ? 0 : fact.value().fen();
				long[] was = stored.remove(List.of(fact.day(), fact.servedRegion(), fact.servingRegion()));
				long[] had = was == null ? new long[2] : was;
				if (had[0] != fact.count() || had[1] != value) {
					differences.add(new Difference(kind, fact.day(), fact.servedRegion(), fact.servingRegion(),
							had[0], fact.count(), had[1], value));
				}
			}
			stored.forEach((key, had) -> differences.add(new Difference(kind, (LocalDate) key.get(0),
					(String) key.get(1), (String) key.get(2), had[0], 0, had[1], 0)));
		}
		return differences;
	}

	/** Replaces the facts of {@code kind} from {@code from} to {@code to} with the source's, and their months. */
	private void replace(InsightKind kind, LocalDate from, LocalDate to) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "insight.fact." + kind.name())
			.query().singleValue();
		List<RegionFlow> facts = merged(sources.get(kind).facts(kind, from, to));
		jdbc.sql("delete from insight.fact where kind = :kind and day between :from and :to")
			.param("kind", kind.name()).param("from", from).param("to", to).update();
		List<RegionFlow> rows = facts.stream()
			.filter(f -> f.count() != 0 || (f.value() != null && f.value().fen() != 0))
			.toList();
		if (!rows.isEmpty()) {
			jdbc.sql("""
					insert into insight.fact (kind, day, served_region, serving_region, count, value_fen)
					select :kind, * from unnest(:days, :served, :serving, :counts, :values)""")
				.param("kind", kind.name())
				.param("days", SqlArrays.of("date", rows.stream().map(f -> java.sql.Date.valueOf(f.day())).toArray()))
				.param("served", SqlArrays.texts(rows.stream().map(RegionFlow::servedRegion).toList()))
				.param("serving", SqlArrays.texts(rows.stream().map(RegionFlow::servingRegion).toList()))
				.param("counts", SqlArrays.of("bigint", rows.stream().map(RegionFlow::count).toArray()))
				.param("values", SqlArrays.of("bigint",
						rows.stream().map(f -> f.value() == null ? null : f.value().fen()).toArray()))
				.update();
		}
		LocalDate firstMonth = from.withDayOfMonth(1);
		LocalDate lastMonth = to.withDayOfMonth(1);
		jdbc.sql("delete from insight.fact_month where kind = :kind and month between :from and :to")
			.param("kind", kind.name()).param("from", firstMonth).param("to", lastMonth).update();
		jdbc.sql("""
				insert into insight.fact_month (kind, month, served_region, serving_region, count, value_fen)
				select kind, date_trunc('month', day)::date, served_region, serving_region, sum(count), sum(value_fen)
				from insight.fact where kind = :kind and day >= :from and day < :to
				group by 1, 2, 3, 4""")
			.param("kind", kind.name()).param("from", firstMonth).param("to", lastMonth.plusMonths(1)).update();
	}

	/** Facts with the same day and regions added up (a source may answer a key twice, e.g. from two tables). */
	private static List<RegionFlow> merged(List<RegionFlow> facts) {
		Map<List<Object>, RegionFlow> byKey = new HashMap<>();
		for (RegionFlow fact : facts) {
			byKey.merge(List.of(fact.day(), fact.servedRegion(), fact.servingRegion()), fact,
					(a, b) -> new RegionFlow(a.day(), a.servedRegion(), a.servingRegion(), a.count() + b.count(),
							a.value() == null && b.value() == null ? null
									: Objects.requireNonNullElse(a.value(), cn.kejiao.platform.Money.ZERO)
										.plus(Objects.requireNonNullElse(b.value(), cn.kejiao.platform.Money.ZERO))));
		}
		return new ArrayList<>(byKey.values());
	}

	private void stamp(InsightKind kind, String column) {
		jdbc.sql("insert into insight.kind_state (kind, " + column + ") values (:kind, :now) "
				+ "on conflict (kind) do update set " + column + " = excluded." + column)
			.param("kind", kind.name()).param("now", Timestamp.from(clock.instant())).update();
	}

	/** Consecutive days as [first, last] runs. */
	private static List<LocalDate[]> runs(SortedSet<LocalDate> days) {
		List<LocalDate[]> runs = new ArrayList<>();
		LocalDate start = null;
		LocalDate last = null;
		for (LocalDate day : days) {
			if (start != null && day.equals(last.plusDays(1))) {
				last = day;
				continue;
			}
			if (start != null) {
				runs.add(new LocalDate[] { start, last });
			}
			start = day;
			last = day;
		}
		if (start != null) {
			runs.add(new LocalDate[] { start, last });
		}
		return runs;
	}

	private static InsightKind kindOrNull(String name) {
		try {
			return InsightKind.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
