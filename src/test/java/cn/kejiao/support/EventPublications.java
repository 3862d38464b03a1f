package cn.kejiao.support;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events modules published, as the event publication registry keeps them until every listener has handled
 * them. A test that must show that something did <em>not</em> happen after an event (no second notice) waits
 * here for the listeners to have run, instead of sleeping. A bean of the shared test context.
 */
public final class EventPublications {

	private final JdbcTemplate jdbc;

	EventPublications(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many events were published whose serialised form mentions the text (an id, say), handled or not. */
	public long mentioning(String text) {
		return jdbc.queryForObject("select count(*) from platform.event_publication where serialized_event like ?",
				Long.class, "%" + text + "%");
	}

	/** Waits until every listener of every event that mentions the text has handled it. */
	public void awaitHandled(Duration timeout, String text) {
		Eventually.await(timeout, () -> jdbc.queryForObject("select count(*) from platform.event_publication "
				+ "where completion_date is null and serialized_event like ?", Long.class, "%" + text + "%") == 0);
	}
}
