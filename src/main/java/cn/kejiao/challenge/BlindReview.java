package cn.kejiao.challenge;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Actor;

/**
 * What "blind" means for a challenge's review, in one place (docs/challenges.md): until the review is closed —
 * the award is published — a panellist knows an application only by its label, 申请人 A, B, … in the order the
 * applications came in. Its organisation's name and region, its team and its attachment's file name stay
 * hidden; the proposal is shown as written. The publisher, the admins governing the challenge's region and
 * the platform admins (who form the panel and rank) always see who applied.
 */
@Component
class BlindReview {

	private final ChallengeRows rows;
	private final MessageSource messages;

	BlindReview(ChallengeRows rows, MessageSource messages) {
		this.rows = rows;
		this.messages = messages;
	}

	/** Whether the applicants of the challenge are hidden from this reader now. */
	boolean hidesApplicantsFrom(ChallengeRow row, Actor reader) {
		if (row.isManagedBy(reader)) {
			return false;
		}
		ChallengeState now = rows.state(row);
		return now == ChallengeState.OPEN || now == ChallengeState.REVIEW;
	}

	/** "申请人 C" for the third application (1-based {@code ordinal}), in the reader's language. */
	String label(long ordinal) {
		return messages.getMessage("challenge.applicant-label", new Object[] { letters(ordinal) },
				LocaleContextHolder.getLocale());
	}

	/** A, B, … Z, AA, AB, …: as spreadsheet columns are named. */
	static String letters(long ordinal) {
		StringBuilder letters = new StringBuilder();
		for (long n = ordinal; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

	/** An attachment's file name as a panellist downloads it while blind: "applicant-C.pdf". */
	static String attachmentName(long ordinal, String original) {
		int dot = original.lastIndexOf('.');
		String extension = dot > 0 && original.length() - dot <= 8 ? original.substring(dot).replaceAll("[^.A-Za-z0-9]", "")
				: "";
		return "applicant-" + letters(ordinal) + extension;
	}
}
