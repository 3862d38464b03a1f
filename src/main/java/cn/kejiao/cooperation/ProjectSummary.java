package cn.kejiao.cooperation;

import java.time.LocalDate;
import java.util.UUID;

import cn.kejiao.platform.Money;

/** A project in the portfolio list: what it is, who leads it, its funding and stage, and what to look at. */
public record ProjectSummary(UUID id, String number, String title, String regionCode, String leadName,
		String leadRegion, String industryChain, Money funding, ProjectStage stage, LocalDate startsOn,
		LocalDate endsOn, long milestones, long overdueMilestones, long landings) {
}
