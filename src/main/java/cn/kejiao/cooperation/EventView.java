package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event as its reader sees it, with its places: {@code capacity}, {@code registered} (admitted), {@code waiting}
 * and {@code checkedIn}; {@code registrationOpen} whether registering is possible now; {@code manageable} whether
 * the reader is one of its organisers.
 */
public record EventView(UUID id, EventKind kind, String title, String summary, Instant startsAt, Instant endsAt,
		String place, @Nullable String onlineLink, List<Organiser> organisers, List<EventForm.AgendaItem> agenda,
		int capacity, int registered, int waiting, int checkedIn, int placesLeft, @Nullable Instant registrationOpensAt,
		@Nullable Instant registrationClosesAt, EventState state, boolean registrationOpen, boolean manageable,
		String createdBy, Instant createdAt) {

	/** An organising region: its code and its name in the reader's language. */
	public record Organiser(String regionCode, String name) {
	}
}
