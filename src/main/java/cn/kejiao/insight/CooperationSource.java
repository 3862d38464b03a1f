package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.kejiao.cooperation.CooperationFlows;
import cn.kejiao.cooperation.CooperationItems;
import cn.kejiao.cooperation.EventRegistrationChanged;
import cn.kejiao.cooperation.EventStateChanged;
import cn.kejiao.cooperation.ProjectStage;
import cn.kejiao.cooperation.ProjectStageChanged;
import cn.kejiao.cooperation.TaskChanged;
import cn.kejiao.cooperation.TaskOverdue;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;

/**
 * What cooperation produced ({@link CooperationFlows} holds each rule): agreements' tasks done and flagged overdue,
 * projects started (per funder, with its amount) and accepted, events held and registrations admitted. An event
 * counts on its start day while it is published and not cancelled, whatever the day is now: its fact changes only
 * when it is created or moves on, and those mark its start day, so no fact changes by the mere passing of time.
 */
@Component
class CooperationSource implements FactSource {

	private static final List<String> EVERY_REGION = List.of();

	private final CooperationFlows flows;
	private final CooperationItems items;
	private final StaleDays stale;

	CooperationSource(CooperationFlows flows, CooperationItems items, StaleDays stale) {
		this.flows = flows;
		this.items = items;
		this.stale = stale;
	}

	@Override
	public Set<InsightKind> kinds() {
		return EnumSet.of(InsightKind.TASKS_DONE, InsightKind.TASKS_OVERDUE, InsightKind.PROJECTS_STARTED,
				InsightKind.PROJECTS_ACCEPTED, InsightKind.EVENTS_HELD, InsightKind.EVENT_REGISTRATIONS);
	}

	@Override
	public List<RegionFlow> facts(InsightKind kind, LocalDate from, LocalDate to) {
		return switch (kind) {
			case TASKS_DONE -> flows.tasksDone(from, to, EVERY_REGION);
			case TASKS_OVERDUE -> flows.tasksOverdue(from, to, EVERY_REGION);
			case PROJECTS_STARTED -> flows.projectsStarted(from, to, EVERY_REGION);
			case PROJECTS_ACCEPTED -> flows.projectsAccepted(from, to, EVERY_REGION);
			case EVENTS_HELD -> flows.eventsHeld(from, to, EVERY_REGION);
			case EVENT_REGISTRATIONS -> flows.eventRegistrations(from, to, EVERY_REGION);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	@Override
	public List<FlowItem> rows(InsightKind kind, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return switch (kind) {
			case TASKS_DONE -> items.tasksDone(from, to, served, serving, offset, limit);
			case TASKS_OVERDUE -> items.tasksOverdue(from, to, served, serving, offset, limit);
			case PROJECTS_STARTED -> items.projectsStarted(from, to, served, serving, offset, limit);
			case PROJECTS_ACCEPTED -> items.projectsAccepted(from, to, served, serving, offset, limit);
			case EVENTS_HELD -> items.eventsHeld(from, to, served, serving, offset, limit);
			case EVENT_REGISTRATIONS -> items.eventRegistrations(from, to, served, serving, offset, limit);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	/** Done today, or no longer done (the day it was done), or moved to another owner (both). */
	@EventListener
	void on(TaskChanged changed) {
		stale.markToday(InsightKind.TASKS_DONE);
		if (changed.doneAtBefore() != null) {
			stale.mark(InsightKind.TASKS_DONE, changed.doneAtBefore());
		}
		if (changed.overdueFlaggedAtBefore() != null) {
			stale.mark(InsightKind.TASKS_OVERDUE, changed.overdueFlaggedAtBefore());
		}
	}

	@EventListener
	void on(TaskOverdue overdue) {
		stale.markToday(InsightKind.TASKS_OVERDUE);
	}

	@EventListener
	void on(ProjectStageChanged changed) {
		if (changed.stage() == ProjectStage.APPROVED) {
			stale.mark(InsightKind.PROJECTS_STARTED, changed.at());
		}
		if (changed.stage() == ProjectStage.ACCEPTED) {
			stale.mark(InsightKind.PROJECTS_ACCEPTED, changed.at());
		}
	}

	@EventListener
	void on(EventStateChanged changed) {
		stale.mark(InsightKind.EVENTS_HELD, changed.startsAt());
	}

	@EventListener
	void on(EventRegistrationChanged changed) {
		stale.mark(InsightKind.EVENT_REGISTRATIONS, changed.registeredAt());
	}
}
