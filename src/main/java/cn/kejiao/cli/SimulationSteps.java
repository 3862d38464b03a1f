package cn.kejiao.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Actor;

/**
 * What a simulated activity may use of the running simulation: its one seeded random source (draw from it only
 * inside steps, so the order of draws and thus the result follow the seed), the plan, the cast, and the scheduling of
 * later steps, which run on the simulation's thread at their simulated time.
 */
interface SimulationSteps {

	SplittableRandom random();

	Simulation.Plan plan();

	SimulationCast cast();

	/** The providers that take orders, with their logins. */
	List<SimulationCast.Provider> providers();

	/** The enterprises verified so far, in the order they were verified. */
	List<SimulatedEnterprise> enterprises();

	/**
	 * Runs {@code action} {@code days} after the simulated day of the running step, at least the next day (dropped
	 * after the period).
	 */
	void later(int days, Runnable action);

	/** Counts one more {@code action} in the simulation's summary. */
	void done(String action);

	/** Runs a facade call as the actor. */
	<T> T as(@Nullable Actor actor, Supplier<T> step);

	/** The simulated day of the running step (China time). */
	LocalDate today();

	/** An enterprise once verified: its organisation, its login, where it is and what it does. */
	record SimulatedEnterprise(int index, UUID organisationId, Actor actor, String regionCode, String placeName,
			String industry) {
	}
}
