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
 * weight in percent of the total. A panellist gives every criterion a whole number from 0 to 100; the total is
 * the weighted mean, to two decimals.
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
	 * @throws KejiaoException as {@link #scores(Map)} does
	 */
	public BigDecimal total(@Nullable Map<String, ? extends Number> scores) {
		long sum = 0;
		for (Map.Entry<String, Integer> score : scores(scores).entrySet()) {
			sum += (long) score.getValue() * weights.get(score.getKey());
		}
		return BigDecimal.valueOf(sum).divide(HUNDRED, 2, RoundingMode.HALF_UP);
	}

	/**
	 * A panellist's scores as they are kept: a whole number from 0 to 100 for every criterion. A score with a
	 * fraction (99.9) is refused, never rounded, so that what the panellist typed is what counts.
	 * @throws KejiaoException {@code challenge.scores-incomplete} unless every criterion and nothing else is
	 * scored, {@code challenge.score-whole} for a score that is not a whole number, {@code challenge.score-range}
	 * for a score outside 0–100
	 */
	public Map<String, Integer> scores(@Nullable Map<String, ? extends Number> scores) {
		if (scores == null || !scores.keySet().equals(weights.keySet())) {
			throw KejiaoException.invalid("challenge.scores-incomplete", String.join(", ", weights.keySet()));
		}
		Map<String, Integer> whole = new LinkedHashMap<>();
		for (String criterion : weights.keySet()) {
			Number given = scores.get(criterion);
			if (given == null) {
				throw KejiaoException.invalid("challenge.score-range", criterion);
			}
			BigDecimal score = given instanceof BigDecimal exact ? exact : new BigDecimal(given.toString());
			if (score.signum() != 0 && score.stripTrailingZeros().scale() > 0) {
				throw KejiaoException.invalid("challenge.score-whole", criterion, score.toPlainString());
			}
			if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
				throw KejiaoException.invalid("challenge.score-range", criterion);
			}
			whole.put(criterion, score.intValueExact());
		}
		return whole;
	}

	private static Map<String, Integer> ordered(Object... criteriaAndWeights) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		for (int i = 0; i < criteriaAndWeights.length; i += 2) {
			weights.put((String) criteriaAndWeights[i], (Integer) criteriaAndWeights[i + 1]);
		}
		return weights;
	}
}
