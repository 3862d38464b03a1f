package cn.kejiao.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.kejiao.platform.KejiaoException;

/** The rubric panellists score with, without Spring: its weights, and the weighted total it gives. */
class RubricTests {

	@Test
	void theStandardRubricWeighsSolutionTeamPlanAndBudgetFortyThirtyTwentyTen() {
		assertThat(Rubric.STANDARD.weights()).containsExactly(Map.entry("SOLUTION", 40), Map.entry("TEAM", 30),
				Map.entry("PLAN", 20), Map.entry("BUDGET", 10));
	}

	@Test
	void theTotalIsTheWeightedMeanToTwoDecimals() {
		assertThat(Rubric.STANDARD.total(Map.of("SOLUTION", 90, "TEAM", 80, "PLAN", 85, "BUDGET", 70)))
			.isEqualByComparingTo("84.00");
		assertThat(Rubric.STANDARD.total(Map.of("SOLUTION", 61, "TEAM", 0, "PLAN", 0, "BUDGET", 0)))
			.isEqualByComparingTo("24.40");
		assertThat(Rubric.STANDARD.total(Map.of("SOLUTION", 100, "TEAM", 100, "PLAN", 100, "BUDGET", 100)))
			.isEqualByComparingTo("100.00");
	}

	@Test
	void everyCriterionAndNothingElseMustBeScored() {
		assertThatThrownBy(() -> Rubric.STANDARD.total(Map.of("SOLUTION", 90))).isInstanceOf(KejiaoException.class)
			.extracting(ex -> ((KejiaoException) ex).code()).isEqualTo("challenge.scores-incomplete");
		assertThatThrownBy(() -> Rubric.STANDARD.total(null)).extracting(ex -> ((KejiaoException) ex).code())
			.isEqualTo("challenge.scores-incomplete");
		assertThatThrownBy(() -> Rubric.STANDARD.total(Map.of("SOLUTION", 90, "TEAM", 80, "PLAN", 85, "BUDGET", 70,
				"CHARM", 100))).extracting(ex -> ((KejiaoException) ex).code()).isEqualTo("challenge.scores-incomplete");
	}

	@Test
	void aScoreOutsideZeroToAHundredIsRefusedNamingItsCriterion() {
		assertThatThrownBy(() -> Rubric.STANDARD.total(Map.of("SOLUTION", 90, "TEAM", 101, "PLAN", 85, "BUDGET", 70)))
			.isInstanceOfSatisfying(KejiaoException.class, ex -> {
				assertThat(ex.code()).isEqualTo("challenge.score-range");
				assertThat(ex.args()).containsExactly("TEAM");
			});
		assertThatThrownBy(() -> Rubric.STANDARD.total(Map.of("SOLUTION", -1, "TEAM", 80, "PLAN", 85, "BUDGET", 70)))
			.extracting(ex -> ((KejiaoException) ex).code()).isEqualTo("challenge.score-range");
	}

	@Test
	void aScoreWithAFractionIsRefusedNotCutToAWholeNumber() {
		assertThatThrownBy(() -> Rubric.STANDARD.total(Map.of("SOLUTION", new java.math.BigDecimal("99.9"), "TEAM",
				java.math.BigDecimal.valueOf(80), "PLAN", java.math.BigDecimal.valueOf(85), "BUDGET", java.math.BigDecimal.ONE)))
			.isInstanceOfSatisfying(KejiaoException.class, ex -> {
				assertThat(ex.code()).isEqualTo("challenge.score-whole");
				assertThat(ex.args()).containsExactly("SOLUTION", "99.9");
			});
		// a whole number written with a fraction of zero is a whole number
		assertThat(Rubric.STANDARD.scores(Map.of("SOLUTION", new java.math.BigDecimal("90.00"), "TEAM",
				new java.math.BigDecimal("1E+1"), "PLAN", java.math.BigDecimal.ZERO, "BUDGET", new java.math.BigDecimal("100"))))
			.containsEntry("SOLUTION", 90).containsEntry("TEAM", 10).containsEntry("PLAN", 0).containsEntry("BUDGET", 100);
		assertThatThrownBy(() -> Rubric.STANDARD.total(Map.of("SOLUTION", 99.5d, "TEAM", 80, "PLAN", 85, "BUDGET", 70)))
			.extracting(ex -> ((KejiaoException) ex).code()).isEqualTo("challenge.score-whole");
	}

	@Test
	void aRubricWhoseWeightsDoNotAddUpToAHundredCannotBeMade() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Rubric(Map.of("SOLUTION", 60, "TEAM", 30)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rubric(Map.of("SOLUTION", 110, "TEAM", -10)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rubric(Map.of()));
	}

	@Test
	void aRubricKeepsItsCriteriaInTheOrderGivenAndCannotBeChangedAfterwards() {
		Map<String, Integer> weights = new LinkedHashMap<>();
		weights.put("PLAN", 50);
		weights.put("TEAM", 50);
		Rubric rubric = new Rubric(weights);
		weights.put("BUDGET", 10);
		assertThat(rubric.criteria()).containsExactly("PLAN", "TEAM");
		assertThatThrownBy(() -> rubric.weights().put("BUDGET", 0)).isInstanceOf(UnsupportedOperationException.class);
	}
}
