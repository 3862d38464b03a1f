package cn.kejiao.challenge.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import cn.kejiao.challenge.Award;
import cn.kejiao.challenge.Rubric;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.WrittenAmount;
import jakarta.validation.constraints.NotNull;

/**
 * The forms of the challenge pages, as they are posted. The facades check what the words say (lengths,
 * amounts, dates in the future) and answer in the reader's language; these records only take the fields
 * apart. An amount is read inside the step, so a malformed one is refused like any other step.
 */
final class ChallengePageForms {

	private ChallengePageForms() {
	}

	record ExtensionForm(@Nullable String deadline, @Nullable String reason) {
	}

	/** The experts' usernames, separated by commas or spaces. */
	record PanelForm(@Nullable String experts) {

		List<String> usernames() {
			return words(experts);
		}
	}

	record ReviewForm(@NotNull UUID applicationId, @Nullable String comment) {

		/**
		 * A criterion's score from the field {@code score-<criterion>}; one left empty or not a number is missing.
		 * A number with a fraction is passed on as typed, for the rubric to refuse in words, not rounded here.
		 */
		static Map<String, BigDecimal> scores(Map<String, String> fields) {
			Map<String, BigDecimal> scores = new LinkedHashMap<>();
			for (String criterion : Rubric.STANDARD.criteria()) {
				String value = fields.get("score-" + criterion);
				if (value != null && value.strip().matches("-?\\d{1,3}(\\.\\d{1,6})?")) {
					scores.put(criterion, new BigDecimal(value.strip()));
				}
			}
			return scores;
		}
	}

	record AwardForm(@NotNull UUID applicationId, @Nullable String amount, @Nullable String decision) {

		Award award() {
			return new Award(applicationId, new Money(WrittenAmount.fen(amount, "amount")));
		}
	}

	/** A milestone of an awarded team; no payment is a payment of nothing. */
	record MilestoneForm(@NotNull UUID applicationId, @Nullable String title,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn, @Nullable String payment) {

		@Nullable Money paymentAmount() {
			Long fen = WrittenAmount.optionalFen(payment, "payment");
			return fen == null ? null : new Money(fen);
		}
	}

	record DeliveryForm(@Nullable String deliverable) {
	}

	record AcceptanceForm(@Nullable String paymentReference) {
	}

	private static List<String> words(@Nullable String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[,，\\s]+")).filter(w -> !w.isBlank()).toList();
	}
}
