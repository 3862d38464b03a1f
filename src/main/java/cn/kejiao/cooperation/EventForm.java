package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an organiser writes to create an event. Times are instants (the pages read them in China time).
 *
 * @param organisers the organising regions' codes; the creating admin's region must be among them
 * @param capacity the number of places (registrations admitted); further registrations wait
 * @param registrationOpensAt when registration opens (null: at once once published)
 * @param registrationClosesAt when it closes (null: at the event's start)
 */
public record EventForm(@Nullable EventKind kind, @Nullable String title, @Nullable String summary,
		@Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable String place, @Nullable String onlineLink,
		@Nullable List<String> organisers, @Nullable List<AgendaItem> agenda, @Nullable Integer capacity,
		@Nullable Instant registrationOpensAt, @Nullable Instant registrationClosesAt) {

	/** One item of the agenda: its time as written ("09:30", "14:00–14:30"), title and speaker. */
	public record AgendaItem(@Nullable String time, @Nullable String title, @Nullable String speaker) {
	}
}
