package cn.kejiao.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.kejiao.challenge.ChallengeState.Step;
import cn.kejiao.platform.KejiaoException;

/** The way of a challenge, without Spring: which step starts where, and what is refused. */
class ChallengeStateTests {

	static final Instant NOW = Instant.parse("2027-03-01T02:00:00Z");

	@Test
	void aChallengeGoesFromDraftThroughReviewToItsNotice() {
		ChallengeState state = ChallengeState.DRAFT.then(Step.PUBLISH);
		assertThat(state).isEqualTo(ChallengeState.OPEN);
		assertThat(state.then(Step.EXTEND_DEADLINE)).isEqualTo(ChallengeState.OPEN);
		assertThat(state.then(Step.APPLY)).isEqualTo(ChallengeState.OPEN);
		state = state.then(Step.FORM_PANEL);
		assertThat(state).isEqualTo(ChallengeState.REVIEW);
		assertThat(state.then(Step.FORM_PANEL)).as("the panel formed again").isEqualTo(ChallengeState.REVIEW);
		assertThat(state.then(Step.SCORE)).isEqualTo(ChallengeState.REVIEW);
		assertThat(state.then(Step.AWARD)).isEqualTo(ChallengeState.NOTICE);
	}

	@Test
	void aPublishedAwardIsFinalOnceItsNoticePeriodHasPassed() {
		assertThat(ChallengeState.at(ChallengeState.NOTICE, NOW.plus(Duration.ofDays(7)), NOW)).isEqualTo(ChallengeState.NOTICE);
		assertThat(ChallengeState.at(ChallengeState.NOTICE, NOW, NOW)).isEqualTo(ChallengeState.AWARDED);
		assertThat(ChallengeState.at(ChallengeState.REVIEW, NOW.minusSeconds(1), NOW)).isEqualTo(ChallengeState.REVIEW);
	}

	@Test
	void aStepOutOfItsStateIsRefusedNamingTheState() {
		assertThatThrownBy(() -> ChallengeState.OPEN.then(Step.AWARD)).isInstanceOfSatisfying(KejiaoException.class, ex -> {
			assertThat(ex.code()).isEqualTo("challenge.state");
			assertThat(ex.args()).containsExactly("OPEN");
			assertThat(ex.status().value()).isEqualTo(409);
		});
		assertThatThrownBy(() -> ChallengeState.NOTICE.then(Step.EXTEND_DEADLINE)).isInstanceOf(KejiaoException.class);
		assertThatThrownBy(() -> ChallengeState.OPEN.then(Step.PUBLISH)).isInstanceOf(KejiaoException.class);
		assertThatThrownBy(() -> ChallengeState.NOTICE.then(Step.SCORE)).isInstanceOf(KejiaoException.class);
	}

	@Test
	void applyingOutsideTheOpenStateSaysWhenApplicationsClosed() {
		assertThatThrownBy(() -> ChallengeState.REVIEW.then(Step.APPLY, "2027-03-01 10:00"))
			.isInstanceOfSatisfying(KejiaoException.class, ex -> {
				assertThat(ex.code()).isEqualTo("challenge.closed-for-applications");
				assertThat(ex.args()).containsExactly("2027-03-01 10:00");
			});
	}

	@Test
	void milestonesArePlannedOnlyForAFinalAward() {
		assertThat(ChallengeState.AWARDED.then(Step.PLAN_MILESTONES)).isEqualTo(ChallengeState.AWARDED);
		assertThatThrownBy(() -> ChallengeState.NOTICE.then(Step.PLAN_MILESTONES))
			.isInstanceOfSatisfying(KejiaoException.class, ex -> assertThat(ex.code()).isEqualTo("challenge.not-final"));
	}

	@Test
	void aMilestoneIsDeliveredOnceAndAcceptedAfterItsDelivery() {
		assertThat(MilestoneState.PLANNED.deliver()).isEqualTo(MilestoneState.DELIVERED);
		assertThat(MilestoneState.DELIVERED.accept()).isEqualTo(MilestoneState.ACCEPTED);
		assertThatThrownBy(() -> MilestoneState.DELIVERED.deliver())
			.isInstanceOfSatisfying(KejiaoException.class, ex -> assertThat(ex.code()).isEqualTo("challenge.milestone-state"));
		assertThatThrownBy(() -> MilestoneState.PLANNED.accept()).isInstanceOf(KejiaoException.class);
	}
}
