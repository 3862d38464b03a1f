package cn.kejiao.insight;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;

/**
 * Who may read which figures, in one place. The platform admin reads every region ({@link InsightFigures#NATION}
 * included); a region admin reads its region and everything below it — figures, flows, the rows behind them,
 * downloads and reports; anyone else, and an admin for a region outside its own, reads the public summary only
 * (the open statistics): counts of every kind, money only where it is published anyway ({@link #publicValue}),
 * no rows, nothing finer than a prefecture.
 */
@Component
public class InsightAccess {

	/** Whether the actor reads the full figures of the region, with money, flows and rows. */
	public boolean governs(@Nullable Actor actor, String region) {
		if (actor == null) {
			return false;
		}
		if (actor.isPlatformAdmin()) {
			return true;
		}
		return actor.isRegionAdmin() && !InsightFigures.NATION.equals(region)
				&& RegionCodes.isWithin(region, actor.regionCode());
	}

	/** Refuses with {@code insight.scope} (403) an actor who does not govern the region. */
	public void requireGoverns(@Nullable Actor actor, String region) {
		if (!governs(actor, region)) {
			throw KejiaoException.forbidden("insight.scope", region);
		}
	}

	/**
	 * Whether a kind's money appears in the public summary: a contract's registered value, a lot's hammer price, a
	 * challenge's award, a project's funding and the vouchers a region issued are published by the authorities
	 * anyway; orders, voucher spending and settlement, and booking fees are one organisation's business.
	 */
	public static boolean publicValue(InsightKind kind) {
		return switch (kind) {
			case CONTRACTS, LOTS_SOLD, CHALLENGES_AWARDED, PROJECTS_STARTED, VOUCHERS_ISSUED -> true;
			default -> false;
		};
	}

	/** The region an actor's dashboard opens on: its own for a region admin, the whole country otherwise. */
	public String home(@Nullable Actor actor) {
		return actor != null && actor.isRegionAdmin() && !actor.isPlatformAdmin() ? actor.regionCode()
				: InsightFigures.NATION;
	}
}
