package cn.kejiao.trading;

import cn.kejiao.platform.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A bid took the lead from another bidder: the organisation that led until now ({@code outbidOrgId}) is behind,
 * at the new leading amount. Published once per change of leader, not when the platform answers for a proxy.
 */
public record BidOutbid(UUID lotId, String title, UUID outbidOrgId, Money leadingAmount, Instant closesAt,
		Instant at) {
}
