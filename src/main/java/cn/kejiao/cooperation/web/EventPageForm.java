package cn.kejiao.cooperation.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.cooperation.EventFollowUps;
import cn.kejiao.cooperation.EventForm;
import cn.kejiao.cooperation.EventKind;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/**
 * The new-event form as typed, kept to show again when refused. Times are China time (datetime-local); other
 * organisers are region names or codes separated by commas; the agenda one item a line, "09:00 | title | speaker".
 */
record EventPageForm(@Nullable String kind, @Nullable String title, @Nullable String summary, @Nullable String startsAt,
		@Nullable String endsAt, @Nullable String place, @Nullable String onlineLink, @Nullable String otherOrganisers,
		@Nullable String agenda, @Nullable String capacity, @Nullable String registrationOpensAt,
		@Nullable String registrationClosesAt, @Nullable String open) {

	static EventPageForm empty() {
		return new EventPageForm("MATCHMAKING", "", "", "", "", "", "", "", "", "100", "", "", "on");
	}

	EventForm form(String ownRegion, Regions regions) {
		LinkedHashSet<String> organisers = new LinkedHashSet<>();
		organisers.add(ownRegion);
		for (String part : (otherOrganisers == null ? "" : otherOrganisers).split("[,，、;；\\n]")) {
			String name = part.strip();
			if (name.isEmpty()) {
				continue;
			}
			if (regions.exists(name)) {
				organisers.add(name);
				continue;
			}
			List<RegionView> found = regions.search(name, 1);
			if (found.isEmpty() && name.length() > 2) {
				// 文山州 for 文山壮族苗族自治州: as people write it, without the full suffix
				found = regions.search(name.substring(0, name.length() - 1), 1);
			}
			if (found.isEmpty()) {
				throw KejiaoException.invalid("event.organiser-unknown", name);
			}
			organisers.add(found.getFirst().code());
		}
		List<EventForm.AgendaItem> items = new ArrayList<>();
		for (String line : (agenda == null ? "" : agenda).split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("[|｜]", 3);
			items.add(parts.length == 1 ? new EventForm.AgendaItem("", parts[0].strip(), "")
					: new EventForm.AgendaItem(parts[0].strip(), parts[1].strip(), parts.length > 2 ? parts[2].strip() : ""));
		}
		Integer places;
		try {
			places = capacity == null || capacity.isBlank() ? null : Integer.valueOf(capacity.strip());
		}
		catch (NumberFormatException ex) {
			throw KejiaoException.invalid("event.capacity", 100_000);
		}
		return new EventForm(EventFollowUps.kind(EventKind.class, kind, "event.kind-unknown"), title, summary,
				time(startsAt, "startsAt"), time(endsAt, "endsAt"), place, onlineLink, List.copyOf(organisers), items, places,
				time(registrationOpensAt, "registrationOpensAt"), time(registrationClosesAt, "registrationClosesAt"));
	}

	public boolean openNow() {
		return open != null && !open.isBlank();
	}

	private static @Nullable Instant time(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(ChinaTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("event.time-invalid", text);
		}
	}
}
