package cn.kejiao.trading;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened in an inquiry thread that the other side should hear of: the thread was opened, a message
 * or an offer was posted, an offer was accepted. Only the thread's ids and what the notice names travel.
 *
 * @param toOrgId the organisation to tell (the side that did not act)
 * @param fromOrgName the organisation that acted
 * @param amount the offer's amount as the API writes it (yuan), empty for a message
 */
public record InquiryActivity(UUID inquiryId, Kind kind, String title, String fromOrgName, UUID toOrgId,
		String amount, String onceKey, Instant at) {

	public enum Kind {
		OPENED, MESSAGE, OFFER, ACCEPTED
	}
}
