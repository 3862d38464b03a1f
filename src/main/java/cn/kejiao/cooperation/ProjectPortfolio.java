package cn.kejiao.cooperation;

import java.util.List;
import java.util.Map;

import cn.kejiao.platform.Money;

/**
 * A region's portfolio of funded projects (its own and those of the regions below it), with the filters applied:
 * how many at each stage, the funding, the industry chains served, the milestones overdue, the landings.
 */
public record ProjectPortfolio(String regionCode, long projects, Map<ProjectStage, Long> byStage, Money funding,
		List<Chain> chains, long overdueMilestones, long landings, List<ProjectSummary> items) {

	/** The projects serving one industry chain, and their funding. */
	public record Chain(String name, long projects, Money funding) {
	}
}
