/**
 * 揭榜挂帅 challenges: a region admin or an enterprise publishes a problem with measurable targets and a bounty;
 * eligible teams apply; an expert panel scores blind against a rubric, with conflicts of interest excluded;
 * the award is published for a notice period (公示) before it is final; milestones record deliverables,
 * acceptance and payments. {@link cn.kejiao.challenge.Challenges} is the module's facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "揭榜挂帅 challenges")
@org.jspecify.annotations.NullMarked
package cn.kejiao.challenge;
