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
import org.springframework.web.multipart.MultipartFile;

import cn.kejiao.challenge.Award;
import cn.kejiao.challenge.ChallengeForm;
import cn.kejiao.challenge.Rubric;
import cn.kejiao.challenge.Target;
import cn.kejiao.platform.Money;
import jakarta.validation.constraints.NotNull;

/**
 * The forms of the challenge pages, as they are posted. The facades check what the words say (lengths,
 * amounts, dates in the future) and answer in the reader's language; these records only take the fields
 * apart. An amount is read inside the step, so a malformed one is refused like any other step.
 */
final class ChallengePageForms {

	private ChallengePageForms() {
	}

	/**
	 * A new challenge: targets one per line as "indicator：target", cooperation zones separated by commas or
	 * spaces, the deadline a form's datetime-local (China time).
	 */
	record NewChallengeForm(@Nullable String title, @Nullable String problem, @Nullable String targets,
			@Nullable String bounty, @Nullable String deadline, @Nullable String zones, @Nullable Integer noticeDays) {

		ChallengeForm challenge() {
			List<Target> parsed = lines(targets).stream().map(l -> l.split("[:：]", 2))
				.map(p -> new Target(p[0].strip(), p.length > 1 ? p[1].strip() : "")).toList();
			return new ChallengeForm(title, problem, parsed, Money.ofYuan(strip(bounty), "bounty"), List.of(), words(zones),
					List.of(), deadline, noticeDays == null ? 7 : noticeDays);
		}
	}

	record ApplicationForm(@Nullable String team, @Nullable String proposal, @Nullable MultipartFile attachment) {
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
			return new Award(applicationId, Money.ofYuan(strip(amount), "amount"));
		}
	}

	/** A milestone of an awarded team; no payment is a payment of nothing. */
	record MilestoneForm(@NotNull UUID applicationId, @Nullable String title,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn, @Nullable String payment) {

		@Nullable Money paymentAmount() {
			return payment == null || payment.isBlank() ? null : Money.ofYuan(payment.strip(), "payment");
		}
	}

	record DeliveryForm(@Nullable String deliverable) {
	}

	record AcceptanceForm(@Nullable String paymentReference) {
	}

	private static @Nullable String strip(@Nullable String text) {
		return text == null ? null : text.strip();
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static List<String> words(@Nullable String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[,，\\s]+")).filter(w -> !w.isBlank()).toList();
	}
}
