package cn.kejiao.notification;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.demand.DemandMatched;
import cn.kejiao.demand.MatchSuggested;

/**
 * What the owners of catalog entries are told about demands: that an entry of theirs is among the strongest
 * matches of a demand that opened — once for each demand and entry, however often the demand reopens; and what
 * the demand's owner is told: that strong matches were found.
 */
@Component
class DemandNotices {

	private final Notifications notifications;

	DemandNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(MatchSuggested event) {
		notifications.tell(new Notice(event.entryOwnerOrgId(), "match", "match-suggested",
				List.of(event.entryTitle(), event.regionName(), event.demandTitle()), "/demands/" + event.demandId(),
				"match:" + event.demandId() + ":" + event.entryId()));
	}

	/** The demand's owner hears of its strong matches, again only when a reopened demand finds others. */
	@ApplicationModuleListener
	void on(DemandMatched event) {
		notifications.tell(new Notice(event.ownerOrgId(), "match", "demand-matched",
				List.of(event.demandTitle(), String.valueOf(event.entryIds().size())), "/demands/" + event.demandId(),
				"demand-matched:" + event.demandId() + ":" + event.entryIds().stream().map(UUID::toString).sorted()
					.collect(Collectors.joining(","))));
	}
}
