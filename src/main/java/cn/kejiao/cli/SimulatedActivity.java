package cn.kejiao.cli;

/**
 * One part of the simulated year besides the enterprises' vouchers, orders, demands and contracts (which
 * {@link Simulation} drives itself): catalog growth, bookings, challenges, auctions, cooperation… Each is a bean of
 * this package; the simulation calls them in the order of their class names, so the same seed gives the same year.
 */
interface SimulatedActivity {

	/** Once, before the first simulated day, after the voucher schemes and providers are set up. */
	default void setUp(SimulationSteps steps) {
	}

	/** Each time an enterprise is verified (a step on its simulated day). */
	default void enterpriseVerified(SimulationSteps steps, SimulationSteps.SimulatedEnterprise enterprise) {
	}

	/** Each simulated day, before that day's scheduled steps. */
	default void day(SimulationSteps steps) {
	}
}
