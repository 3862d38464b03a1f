package cn.kejiao.cooperation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.kejiao.booking.BookingFlows;
import cn.kejiao.challenge.PanelFlows;
import cn.kejiao.demand.MatchFlows;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.trading.ContractFigures;
import cn.kejiao.voucher.OrderFlows;

/**
 * Live figures between the parties of an agreement, computed from what happened on the platform in a period,
 * through the owning modules' public facades (never their tables), each answering the day-by-day flows between
 * regions in one shape ({@link RegionFlow}); which state and which day each kind counts is in decision 0028.
 */
@Service
public class AgreementFigures {

	private final OrderFlows orders;
	private final BookingFlows bookings;
	private final MatchFlows matches;
	private final PanelFlows panels;
	private final ContractFigures contracts;

	AgreementFigures(OrderFlows orders, BookingFlows bookings, MatchFlows matches, PanelFlows panels,
			ContractFigures contracts) {
		this.orders = orders;
		this.bookings = bookings;
		this.matches = matches;
		this.panels = panels;
		this.contracts = contracts;
	}

	/**
	 * One figure in one direction: what {@code servedParty} (the client side: the ordering enterprise, the booker,
	 * the demand's owner, the challenge's publisher, the buyer) received from {@code servingParty}.
	 *
	 * @param servedParty a party's region code, as named by the agreement
	 * @param servingParty another party's region code
	 * @param value the money involved, or null for kinds that count without money
	 */
	public record Figure(FigureKind kind, String servedParty, String servingParty, long count,
			@Nullable Money value) {
	}

	/**
	 * The figures of the given kinds between every ordered pair of distinct parties, for the days {@code from} to
	 * {@code to} (both included, China time). A party counts everything in its region and below.
	 * <p>
	 * One figure per kind asked for and ordered pair, also when nothing flowed (count 0, value zero for the kinds
	 * with money), kinds in the order of {@link FigureKind}, pairs in the order of the parties; only the modules of
	 * the kinds asked for are asked. Nothing for fewer than two distinct parties. {@code flows.region} (400) for a
	 * party that is not a region code, {@code flows.span} (400) for a period that runs backwards or spans more than
	 * ten years.
	 */
	public List<Figure> between(Collection<String> parties, Set<FigureKind> kinds, LocalDate from, LocalDate to) {
		RegionFlow.requireSpan(from, to);
		List<String> distinct = AgreementFigurePairs.parties(parties);
		if (distinct.size() < 2 || kinds.isEmpty()) {
			return List.of();
		}
		EnumSet<FigureKind> asked = EnumSet.copyOf(kinds);
		// orders and voucher money come from the same rows: read them once when both are asked for
		OrderFlows.OrdersAndVouchers both = asked.containsAll(EnumSet.of(FigureKind.SERVICE_ORDERS,
				FigureKind.VOUCHER_SPENDING)) ? orders.ordersAndVoucherSpending(from, to, distinct) : null;
		List<Figure> figures = new ArrayList<>();
		for (FigureKind kind : asked) {
			List<RegionFlow> flows = both == null ? flows(kind, distinct, from, to)
					: kind == FigureKind.SERVICE_ORDERS ? both.orders()
					: kind == FigureKind.VOUCHER_SPENDING ? both.voucherSpending() : flows(kind, distinct, from, to);
			figures.addAll(AgreementFigurePairs.sum(kind, distinct, flows));
		}
		return figures;
	}

	/** The flows of one kind with both sides inside the parties, from the module that owns them. */
	private List<RegionFlow> flows(FigureKind kind, List<String> parties, LocalDate from, LocalDate to) {
		return switch (kind) {
			case SERVICE_ORDERS -> orders.orders(from, to, parties);
			case VOUCHER_SPENDING -> orders.voucherSpending(from, to, parties);
			case INSTRUMENT_BOOKINGS -> bookings.flows(from, to, parties);
			case DEMAND_MATCHES -> matches.flows(from, to, parties);
			case PANEL_EXPERTS -> panels.flows(from, to, parties);
			case CONTRACTS -> contracts.daily(from, to, parties);
		};
	}
}
