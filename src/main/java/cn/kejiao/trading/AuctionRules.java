package cn.kejiao.trading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules of an English (ascending) auction with proxy bids, as one pure function of the lot's price state and
 * a submitted bid. A bid is an {@code AMOUNT} (bid exactly this) or a {@code MAX} (the platform bids for you, the
 * smallest increment at a time, up to this maximum). The first acceptable bid is the starting price; after that
 * the leading amount plus the increment. When a bid meets a proxy maximum, the platform answers for the proxy at
 * once: a higher maximum takes the lead at one increment above the other maximum (or at its own maximum, if
 * that is less); an equal one loses to the earlier bid. Every accepted bid yields price steps that rise strictly.
 * Replaying the accepted bids of a lot in their order through {@link #apply} gives back its state exactly.
 */
public final class AuctionRules {

	private AuctionRules() {
	}

	/** What a bidder submitted. */
	public enum Kind {
		AMOUNT, MAX
	}

	/** A lot's prices: the leader's proxy maximum is known only here, never shown before the close. */
	public record Prices(long startingFen, long incrementFen, @Nullable Long leadingFen, @Nullable UUID leader,
			@Nullable Long leaderMaxFen) {

		public static Prices opening(long startingFen, long incrementFen) {
			return new Prices(startingFen, incrementFen, null, null, null);
		}

		/** The least a bidder other than the leader may bid now. */
		public long minimumFen() {
			return leadingFen == null ? startingFen : leadingFen + incrementFen;
		}
	}

	public record Bid(UUID bidder, Kind kind, long fen) {
	}

	/** A new leading amount, placed by the bidder who submitted ({@code auto} false) or by the platform for a proxy. */
	public record Step(UUID bidder, long fen, boolean auto) {
	}

	/** Why a bid was not accepted; {@code minimumFen} is what would have been. */
	public enum Refusal {
		TOO_LOW("auction.bid-too-low"), LEADING("auction.leading"), MAX_NOT_HIGHER("auction.max-not-higher");

		private final String code;

		Refusal(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	/** The lot after the bid and the price steps it caused, or the refusal (then {@code after} is unchanged). */
	public record Outcome(Prices after, List<Step> steps, @Nullable Refusal refusal, long minimumFen) {

		public boolean accepted() {
			return refusal == null;
		}
	}

	public static Outcome apply(Prices lot, Bid bid) {
		long minimum = lot.minimumFen();
		if (lot.leader() != null && lot.leader().equals(bid.bidder())) {
			return raiseOwnMaximum(lot, bid);
		}
		if (bid.fen() < minimum) {
			return new Outcome(lot, List.of(), Refusal.TOO_LOW, minimum);
		}
		if (lot.leader() == null) {
			long amount = bid.kind() == Kind.AMOUNT ? bid.fen() : lot.startingFen();
			return accepted(lot, amount, bid.bidder(), bid.fen(), List.of(new Step(bid.bidder(), amount, false)));
		}
		long leading = Objects.requireNonNull(lot.leadingFen());
		long max = Objects.requireNonNull(lot.leaderMaxFen());
		UUID leader = lot.leader();
		List<Step> steps = new ArrayList<>(2);
		if (bid.fen() > max) {
			if (max > leading) {
				steps.add(new Step(leader, max, true));
			}
			long amount = bid.kind() == Kind.AMOUNT ? bid.fen() : Math.min(bid.fen(), max + lot.incrementFen());
			steps.add(new Step(bid.bidder(), amount, false));
			return accepted(lot, amount, bid.bidder(), bid.fen(), steps);
		}
		if (bid.fen() < max) {
			steps.add(new Step(bid.bidder(), bid.fen(), false));
			long answer = Math.min(max, bid.fen() + lot.incrementFen());
			steps.add(new Step(leader, answer, true));
			return accepted(lot, answer, leader, max, steps);
		}
		// the same maximum: the earlier bid keeps the lead, at that amount
		steps.add(new Step(leader, max, true));
		return accepted(lot, max, leader, max, steps);
	}

	private static Outcome raiseOwnMaximum(Prices lot, Bid bid) {
		long max = Objects.requireNonNull(lot.leaderMaxFen());
		if (bid.kind() == Kind.AMOUNT) {
			return new Outcome(lot, List.of(), Refusal.LEADING, lot.minimumFen());
		}
		if (bid.fen() <= max) {
			return new Outcome(lot, List.of(), Refusal.MAX_NOT_HIGHER, max + 1);
		}
		Prices after = new Prices(lot.startingFen(), lot.incrementFen(), lot.leadingFen(), lot.leader(), bid.fen());
		return new Outcome(after, List.of(), null, after.minimumFen());
	}

	private static Outcome accepted(Prices lot, long leadingFen, UUID leader, long leaderMaxFen, List<Step> steps) {
		Prices after = new Prices(lot.startingFen(), lot.incrementFen(), leadingFen, leader, leaderMaxFen);
		return new Outcome(after, List.copyOf(steps), null, after.minimumFen());
	}

	/**
	 * Anti-sniping: a bid that moves the price within {@code window} of the close moves the close to
	 * {@code extendBy} after the bid (never earlier than it was).
	 */
	public static Instant closeAfterBid(Instant closesAt, Instant bidAt, Duration window, Duration extendBy) {
		if (window.isZero() || closesAt.minus(window).isAfter(bidAt)) {
			return closesAt;
		}
		Instant extended = bidAt.plus(extendBy);
		return extended.isAfter(closesAt) ? extended : closesAt;
	}

	/**
	 * The price the lot is sold at when it closes, or null when it is unsold: no bid, or the leader's maximum short
	 * of the reserve. A proxy maximum that reaches the reserve buys at the reserve even if nobody pushed the price
	 * there, as the platform would have bid up to it for the leader.
	 */
	public static @Nullable Long hammerFen(Prices lot, @Nullable Long reserveFen) {
		if (lot.leadingFen() == null) {
			return null;
		}
		if (reserveFen == null || lot.leadingFen() >= reserveFen) {
			return lot.leadingFen();
		}
		return Objects.requireNonNull(lot.leaderMaxFen()) >= reserveFen ? reserveFen : null;
	}

	/** A commission of {@code basisPoints} ten-thousandths, rounded half up to the fen. */
	public static long commissionFen(long hammerFen, int basisPoints) {
		return Math.floorDiv(Math.multiplyExact(hammerFen, basisPoints) + 5_000, 10_000);
	}
}
