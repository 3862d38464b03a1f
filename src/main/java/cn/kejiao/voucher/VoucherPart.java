package cn.kejiao.voucher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.OrderRows.GrantRow;
import cn.kejiao.voucher.OrderRows.OrderRow;

/**
 * What a grant pays of an order's quote: the one rule that an accept holds by and that the order page shows
 * before the enterprise confirms. The grant must be the enterprise's own, active, valid today, accepted where
 * the provider is and for the service's kind. The part is the one the enterprise asks for, never more than the
 * grant's subsidy ratio of the quote (rounded down to the fen); without one asked for, that most, but no more
 * than the grant still holds.
 */
@Component
class VoucherPart {

	private final Regions regions;
	private final Clock clock;

	VoucherPart(Regions regions, Clock clock) {
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * Refuses a grant that may not pay for the order.
	 * @throws KejiaoException {@code voucher.grant-expired}, {@code voucher.region-not-accepted} or
	 * {@code voucher.kind-not-accepted}
	 */
	void check(GrantRow grant, OrderRow order) {
		check(grant, order.providerRegion(), order.serviceKind());
	}

	/** The same rule for a provider's region and a kind of service, before any order exists (a booking's request). */
	void check(GrantRow grant, String providerRegion, String serviceKind) {
		if (!grant.state().equals("ACTIVE") || grant.validUntil().isBefore(LocalDate.now(clock.withZone(ChinaTime.ZONE)))) {
			throw KejiaoException.conflict("voucher.grant-expired", grant.validUntil());
		}
		if (!accepts(grant, providerRegion)) {
			throw KejiaoException.invalid("voucher.region-not-accepted", regions.fullName(providerRegion));
		}
		if (!grant.serviceKinds().isEmpty() && !grant.serviceKinds().contains(serviceKind)) {
			throw KejiaoException.invalid("voucher.kind-not-accepted",
					serviceKind.isEmpty() ? "-" : serviceKind, String.join("、", grant.serviceKinds()));
		}
	}

	private boolean accepts(GrantRow grant, String providerRegion) {
		if (grant.acceptedZone() == null) {
			return RegionCodes.isWithin(providerRegion, grant.regionCode());
		}
		return regions.zone(grant.acceptedZone()).regions().stream()
			.anyMatch(member -> RegionCodes.isWithin(providerRegion, member.code()));
	}

	/**
	 * The voucher part to hold, in fen: exactly {@code asked} when the enterprise asks for one, else the most the
	 * ratio allows of the quote, but no more than the grant holds. Whether the grant can cover an asked part is
	 * the ledger's to say, when it holds it.
	 * @param quote the quote, in fen
	 * @param ratio the grant's subsidy ratio, 0 < ratio ≤ 1
	 * @param asked the part asked for, in fen (above zero), or null for the most allowed
	 * @param balance what the grant holds; read only when no part is asked for
	 * @throws KejiaoException {@code voucher.ratio-rounds-to-zero} when the ratio of the quote is less than a fen,
	 * {@code voucher.above-ratio} when more than the ratio is asked for, {@code voucher.grant-empty} when the grant
	 * holds nothing
	 */
	static long held(long quote, BigDecimal ratio, @Nullable Long asked, LongSupplier balance) {
		long most = most(quote, ratio);
		if (most <= 0) {
			throw KejiaoException.invalid("voucher.ratio-rounds-to-zero", percent(ratio), Money.yuan(quote),
					Money.yuan(smallestQuote(ratio)));
		}
		if (asked != null) {
			if (asked > most) {
				throw KejiaoException.invalid("voucher.above-ratio", Money.yuan(most), percent(ratio));
			}
			return asked;
		}
		long voucher = Math.min(most, balance.getAsLong());
		if (voucher <= 0) {
			throw KejiaoException.conflict("voucher.grant-empty");
		}
		return voucher;
	}

	/** The largest voucher part a grant allows for a quote: the subsidy ratio of it, rounded down to the fen. */
	static long most(long quote, BigDecimal ratio) {
		return BigDecimal.valueOf(quote).multiply(ratio).setScale(0, RoundingMode.FLOOR).longValueExact();
	}

	/** The smallest quote, in fen, of which the ratio is at least a fen. */
	static long smallestQuote(BigDecimal ratio) {
		return BigDecimal.ONE.divide(ratio, 0, RoundingMode.CEILING).longValueExact();
	}

	/** The ratio as a page names it: 50 for 0.5, 33.3 for 0.333. */
	static String percent(BigDecimal ratio) {
		return ratio.movePointRight(2).stripTrailingZeros().toPlainString();
	}
}
