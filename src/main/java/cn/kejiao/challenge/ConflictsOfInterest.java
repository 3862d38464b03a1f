package cn.kejiao.challenge;

/**
 * When an expert may not score an application, in one place: the application is of the expert's own
 * organisation, or of an organisation the expert's profile names as an affiliation (part-time post,
 * collaboration). Such an application is left out of the expert's queue and refused if scored; the publisher
 * sees the same conflicts in the pool before inviting, and the ones experts declare when they decline.
 * Written as SQL conditions over {@code challenge.application a}, so the queue, the scoring check, the ranking
 * and "my reviews" all count the same applications.
 */
final class ConflictsOfInterest {

	/** An expert's own organisation: the application is of it. */
	static final String SAME_ORGANISATION = "SAME_ORGANISATION";

	/** An organisation the expert is affiliated with: the application is of it. */
	static final String RELATED_ORGANISATION = "RELATED_ORGANISATION";

	/** The expert declared a conflict of interest when it declined the invitation. */
	static final String DECLARED = "DECLARED";

	private ConflictsOfInterest() {
	}

	/**
	 * The condition that application {@code a} is free of conflicts for the expert whose organisation id is the
	 * SQL expression {@code organisation} and whose user id is {@code user}.
	 */
	static String scorable(String organisation, String user) {
		return "(a.applicant_org_id is distinct from " + organisation + " and not (a.applicant_name = any("
				+ affiliationsOf(user) + ")))";
	}

	/** The names of the organisations the expert is affiliated with, as an SQL text[] (empty without a profile). */
	static String affiliationsOf(String user) {
		return "coalesce((select e.affiliations from challenge.expert_profile e where e.user_id = " + user
				+ "), '{}'::text[])";
	}
}
