package cn.kejiao.challenge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.KejiaoException;

/**
 * What a panellist scores an application against: criteria, in the order the form shows them, and each one's
 * weight in percent of the total. A panellist gives every criterion 0–100; the total is the weighted mean, to
 * two decimals.
 *
 * @param weights criterion → weight; the weights are whole percentages that add up to 100
 */
public record Rubric(Map<String, Integer> weights) {

	/** The rubric every challenge is scored with: solution 40%, team 30%, plan 20%, budget 10%. */
	public static final Rubric STANDARD = new Rubric(ordered("SOLUTION", 40, "TEAM", 30, "PLAN", 20, "BUDGET", 10));

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public Rubric {
		if (weights.isEmpty()) {
			throw new IllegalArgumentException("a rubric has criteria");
		}
		if (weights.values().stream().anyMatch(weight -> weight == null || weight <= 0)) {
			throw new IllegalArgumentException("every criterion weighs something: " + weights);
		}
		if (weights.values().stream().mapToInt(Integer::intValue).sum() != 100) {
			throw new IllegalArgumentException("the weights add up to 100: " + weights);
		}
		weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
	}

	public Set<String> criteria() {
		return weights.keySet();
	}

	/**
	 * The weighted total of one panellist's scores.
	 * @throws KejiaoException {@code challenge.scores-incomplete} unless every criterion and nothing else is
	 * scored, {@code challenge.score-range} for a score outside 0–100
	 */
	public BigDecimal total(@Nullable Map<String, Integer> scores) {
		if (scores == null || !scores.keySet().equals(weights.keySet())) {
			throw KejiaoException.invalid("challenge.scores-incomplete", String.join(", ", weights.keySet()));
		}
		long sum = 0;
		for (Map.Entry<String, Integer> criterion : weights.entrySet()) {
			Integer score = scores.get(criterion.getKey());
			if (score == null || score < 0 || score > 100) {
				throw KejiaoException.invalid("challenge.score-range", criterion.getKey());
			}
			sum += (long) score * criterion.getValue();
		}
		return BigDecimal.valueOf(sum).divide(HUNDRED, 2, RoundingMode.HALF_UP);
	}

	private static Map<String, Integer> ordered(Object... criteriaAndWeights) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		for (int i = 0; i < criteriaAndWeights.length; i += 2) {
			weights.put((String) criteriaAndWeights[i], (Integer) criteriaAndWeights[i + 1]);
		}
		return weights;
	}
}
