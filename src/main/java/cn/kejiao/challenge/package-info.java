/**
 * 揭榜挂帅 challenges: a region admin or an enterprise publishes a problem with measurable targets and a bounty;
 * eligible teams apply; an expert panel scores blind against a rubric, with conflicts of interest excluded;
 * the award is published for a notice period (公示) before it is final; milestones record deliverables,
 * acceptance and payments. One facade per step: {@link cn.kejiao.challenge.Challenges} (publishing),
 * {@link cn.kejiao.challenge.ChallengeApplications}, {@link cn.kejiao.challenge.ChallengeReviews},
 * {@link cn.kejiao.challenge.ChallengeAwards} and {@link cn.kejiao.challenge.ChallengeMilestones}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "揭榜挂帅 challenges")
@org.jspecify.annotations.NullMarked
package cn.kejiao.challenge;
