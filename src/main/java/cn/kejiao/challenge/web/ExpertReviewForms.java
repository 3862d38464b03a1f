package cn.kejiao.challenge.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The forms of the panel and "my reviews" pages, as they are posted. */
final class ExpertReviewForms {

	private ExpertReviewForms() {
	}

	/** The experts ticked in the pool, the date their review is due, and the search the pool was showing. */
	record InvitationForm(@Nullable List<String> experts, @Nullable String reviewDue, @Nullable String q,
			@Nullable String region, @Nullable String organisation) {
	}

	/** An expert accepts, ticking that it has no conflict of interest. */
	record AcceptForm(@Nullable Boolean noConflict) {
	}

	/** An expert declines, saying why; {@code conflict} ticked when it is a conflict of interest. */
	record DeclineForm(@Nullable String reason, @Nullable Boolean conflict) {
	}

	/** An expert's profile; affiliations one organisation per line. */
	record ProfileForm(@Nullable String title, @Nullable String discipline, @Nullable String keywords,
			@Nullable String affiliations) {

		List<String> affiliationList() {
			return affiliations == null ? List.of()
					: affiliations.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		}
	}
}
