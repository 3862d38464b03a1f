package cn.kejiao.cooperation;

/**
 * What a project produced: a patent, an achievement added to the catalog (linked by entry id), a technology
 * contract (linked by id), a product, revenue (an amount), jobs (a number).
 */
public enum OutcomeKind {
	PATENT, ACHIEVEMENT, CONTRACT, PRODUCT, REVENUE, JOBS
}
