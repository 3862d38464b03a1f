package cn.kejiao.notification;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.cooperation.EventCancelled;
import cn.kejiao.cooperation.EventPlaceGiven;
import cn.kejiao.platform.ChinaTime;

/**
 * What people registered for an event are told, in the application and by e-mail, once (an event delivered again
 * tells nobody twice): the person first on the waiting list, that a place was freed and is now theirs (the link opens
 * the event's page, where they can give the place up again); everyone admitted or waiting, that the organisers
 * cancelled the event.
 */
@Component
class EventNotices {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;

	EventNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(EventPlaceGiven event) {
		notifications.tell(Notice.toUser(event.username(), "event", "event-place-given",
				List.of(event.eventTitle(), MINUTES.format(event.startsAt().atZone(ChinaTime.ZONE)), event.place()),
				"/events/" + event.eventId(), "event-place-given:" + event.registrationId()));
	}

	@ApplicationModuleListener
	void on(EventCancelled event) {
		List<String> details = List.of(event.eventTitle(), MINUTES.format(event.startsAt().atZone(ChinaTime.ZONE)),
				event.place());
		for (String username : event.usernames()) {
			notifications.tell(Notice.toUser(username, "event", "event-cancelled", details, "/events",
					"event-cancelled:" + event.eventId() + ":" + username));
		}
	}
}
