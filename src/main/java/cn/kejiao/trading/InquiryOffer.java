package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An offer made in a thread by one side, for the other side to accept. */
public record InquiryOffer(UUID id, UUID inquiryId, InquirySide side, Money amount, ListingMode mode, String terms,
		String madeBy, Instant madeAt, OfferState state, @Nullable String answeredBy, @Nullable Instant answeredAt) {
}
