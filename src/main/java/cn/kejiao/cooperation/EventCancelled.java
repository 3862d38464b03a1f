package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The organisers cancelled an event; everyone who held a place or waited for one is to be told.
 *
 * @param usernames the people admitted or waiting when it was cancelled
 */
public record EventCancelled(UUID eventId, String eventTitle, Instant startsAt, String place, List<String> usernames) {

	public EventCancelled {
		usernames = List.copyOf(usernames);
	}
}
