package cn.kejiao.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.kejiao.booking.BookingFlows;
import cn.kejiao.challenge.PanelFlows;
import cn.kejiao.cooperation.AgreementFigures.Figure;
import cn.kejiao.demand.MatchFlows;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.trading.ContractFigures;
import cn.kejiao.voucher.OrderFlows;

/** An agreement's figures ask only the modules of the kinds asked for, for the parties' regions and the period. */
class AgreementFiguresAskTests {

	final OrderFlows orders = mock(OrderFlows.class);
	final BookingFlows bookings = mock(BookingFlows.class);
	final MatchFlows matches = mock(MatchFlows.class);
	final PanelFlows panels = mock(PanelFlows.class);
	final ContractFigures contracts = mock(ContractFigures.class);
	final AgreementFigures figures = new AgreementFigures(orders, bookings, matches, panels, contracts);

	static final LocalDate FROM = LocalDate.of(2026, 11, 1);
	static final LocalDate TO = LocalDate.of(2026, 11, 30);

	@Test
	void contractsAndPanelsAloneAskTradingAndChallengeAndNoOtherModule() {
		List<String> parties = List.of("500000", "310000");
		when(contracts.daily(any(), any(), any())).thenReturn(List.of(
				new RegionFlow(FROM, "500103", "310114", 2, new Money(1_000_00))));
		when(panels.flows(any(), any(), any())).thenReturn(List.of(new RegionFlow(TO, "310000", "500112", 1, null)));

		List<Figure> found = figures.between(parties, Set.of(FigureKind.PANEL_EXPERTS, FigureKind.CONTRACTS), FROM, TO);

		verify(contracts).daily(FROM, TO, parties);
		verify(panels).flows(FROM, TO, parties);
		verifyNoInteractions(orders, bookings, matches);
		assertThat(found).containsExactly(
				new Figure(FigureKind.PANEL_EXPERTS, "500000", "310000", 0, null),
				new Figure(FigureKind.PANEL_EXPERTS, "310000", "500000", 1, null),
				new Figure(FigureKind.CONTRACTS, "500000", "310000", 2, new Money(1_000_00)),
				new Figure(FigureKind.CONTRACTS, "310000", "500000", 0, Money.ZERO));
	}

	@Test
	void ordersAndVoucherMoneyTogetherAreReadInOnePass() {
		List<String> parties = List.of("530000", "310000");
		when(orders.ordersAndVoucherSpending(any(), any(), any())).thenReturn(new OrderFlows.OrdersAndVouchers(
				List.of(new RegionFlow(FROM, "532600", "310114", 3, new Money(30_000_00))),
				List.of(new RegionFlow(FROM, "532600", "310114", 1, new Money(5_000_00)))));

		List<Figure> found = figures.between(parties, Set.of(FigureKind.VOUCHER_SPENDING, FigureKind.SERVICE_ORDERS),
				FROM, TO);

		verify(orders).ordersAndVoucherSpending(FROM, TO, parties);
		org.mockito.Mockito.verifyNoMoreInteractions(orders);
		assertThat(found).contains(new Figure(FigureKind.SERVICE_ORDERS, "530000", "310000", 3, new Money(30_000_00)),
				new Figure(FigureKind.VOUCHER_SPENDING, "530000", "310000", 1, new Money(5_000_00)));
	}

	@Test
	void fewerThanTwoPartiesOrNoKindAsksNobody() {
		assertThat(figures.between(List.of("310000", "310000"), Set.of(FigureKind.values()), FROM, TO)).isEmpty();
		assertThat(figures.between(List.of("310000", "530000"), Set.of(), FROM, TO)).isEmpty();
		verifyNoInteractions(orders, bookings, matches, panels, contracts);
	}
}
