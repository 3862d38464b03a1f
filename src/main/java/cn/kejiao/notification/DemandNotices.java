package cn.kejiao.notification;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.demand.MatchSuggested;

/**
 * What the owners of catalog entries are told about demands: that an entry of theirs is among the strongest
 * matches of a demand that opened — once for each demand and entry, however often the demand reopens.
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
}
