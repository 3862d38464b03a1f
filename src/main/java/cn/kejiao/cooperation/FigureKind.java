package cn.kejiao.cooperation;

/**
 * What a live figure of an agreement's area counts between its parties. Each is measured in one direction, from
 * the party that was served (the client side) to the party that served it, and comes from the module that owns
 * it through that module's public facade.
 */
public enum FigureKind {

	/** Service orders that enterprises of one party placed with providers of the other: number and value. */
	SERVICE_ORDERS,

	/** Voucher money spent on those orders: number of orders paid partly by voucher, and the voucher amount. */
	VOUCHER_SPENDING,

	/** Instrument bookings by organisations of one party on instruments of the other: number and fees. */
	INSTRUMENT_BOOKINGS,

	/** Matches confirmed between demands of one party and achievements of the other: number. */
	DEMAND_MATCHES,

	/** Experts of the serving party seated on review panels of challenges published by the other: number. */
	PANEL_EXPERTS,

	/** Registered technology contracts with the buyer in one party and the seller in the other: number, value. */
	CONTRACTS;

	/** Whether the figure carries money besides the count; demand matches and panel seats are counted only. */
	public boolean hasValue() {
		return this != DEMAND_MATCHES && this != PANEL_EXPERTS;
	}
}
