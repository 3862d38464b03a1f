package cn.kejiao.insight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.ChinaTime;

/**
 * Marks the days whose facts of a kind changed, in the transaction that changed them (the sources' event
 * listeners run in the publishing transaction): a mark is committed with the change or not at all, and carries the
 * day of the application's clock as the change saw it. A mark is one appended row with no key to contend for, so
 * busy steps (orders confirmed in batches) never wait on each other for it; the refresh reads them in order and
 * removes them (decision 0031).
 */
@Component
class StaleDays {

	private final JdbcClient jdbc;
	private final Clock clock;

	StaleDays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The day of the application's clock (China time), as the calling step sees it. */
	LocalDate today() {
		return LocalDate.now(clock.withZone(ChinaTime.ZONE));
	}

	/** Marks today for each kind. */
	void markToday(InsightKind... kinds) {
		LocalDate today = today();
		for (InsightKind kind : kinds) {
			mark(kind, today);
		}
	}

	/** Marks the day (China time) of an instant the fact counts on, e.g. when a booking's use ended. */
	void mark(InsightKind kind, Instant when) {
		mark(kind, LocalDate.ofInstant(when, ChinaTime.ZONE));
	}

	void mark(InsightKind kind, LocalDate day) {
		jdbc.sql("insert into insight.stale_day (kind, day) values (:kind, :day)")
			.param("kind", kind.name()).param("day", day).update();
	}
}
