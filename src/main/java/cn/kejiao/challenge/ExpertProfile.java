package cn.kejiao.challenge;

import java.util.List;

/**
 * What an expert tells publishers about itself for the pool: its professional title (职称), discipline (学科领域),
 * keywords of its research, and the organisations it is affiliated with besides its own (part-time posts,
 * collaborations in the last three years) — an application of one of those is a conflict of interest.
 */
public record ExpertProfile(String title, String discipline, String keywords, List<String> affiliations) {

	public ExpertProfile {
		affiliations = List.copyOf(affiliations);
	}

	static final ExpertProfile EMPTY = new ExpertProfile("", "", "", List.of());

	/** Whether the expert has said anything of its field yet. */
	public boolean isEmpty() {
		return title.isBlank() && discipline.isBlank() && keywords.isBlank() && affiliations.isEmpty();
	}
}
