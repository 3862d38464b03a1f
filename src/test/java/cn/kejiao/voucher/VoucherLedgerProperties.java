package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.ledger.Ledger;
import cn.kejiao.ledger.Verification;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;

/**
 * Random sequences of scheme openings, approvals, accepts (holds; some of them of a quote the provider has
 * changed since the enterprise read it, refused), confirmations (posts), cancellations (voids) and lapses run
 * against the real application and a model of what each should do; after every step the ledger verifies,
 * every account the sequence touched holds what the model says, no hold is more than its order's quote, no
 * budget or grant went below zero and no enterprise passed its cap.
 */
class VoucherLedgerProperties {

	static ConfigurableApplicationContext app;

	@BeforeContainer
	static void start() {
		app = new SpringApplicationBuilder(KejiaoApplication.class).run("--kejiao.data-dir=target/voucher-properties",
				"--kejiao.embedded-db.clean=true", "--server.port=0", "--spring.main.banner-mode=off",
				"--logging.file.name=target/voucher-properties/kejiao.log", "--kejiao.demo.enabled=true",
				"--kejiao.demo.catalog-scale=small", "--kejiao.demo.catalog-in-background=false",
				"--kejiao.voucher.job-interval=PT100H", "--kejiao.voucher.hold-for=PT0.001S");
	}

	@AfterContainer
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	sealed interface Step permits Open, Grant, Order, Finish, Lapse, StaleHolds {
	}

	/** A Yunnan scheme accepted in 沪滇: budget and cap in whole yuan, ratio in percent. */
	record Open(int budget, int cap, int ratioPercent) implements Step {
	}

	/** ent-ws applies to one of the open schemes and yn-admin approves the amount. */
	record Grant(int scheme, int amount) implements Step {
	}

	/**
	 * An order from provider-jd, quoted and accepted with one of the grants for a voucher part (0: the most
	 * allowed); with {@code requote}, the provider quotes ¥100 more after the enterprise saw the quote, and the
	 * enterprise's accept of the quote it saw is refused.
	 */
	record Order(int grant, int quote, int voucher, boolean requote) implements Step {
	}

	/** An accepted order is delivered and confirmed (posted) or cancelled (voided). */
	record Finish(int order, boolean confirm) implements Step {
	}

	/** Holds not delivered in time (here: at once) are voided by the scheduled job. */
	record StaleHolds() implements Step {
	}

	/** Grants pass their validity: what they hold goes back to the budgets. */
	record Lapse() implements Step {
	}

	@Provide
	Arbitrary<List<Step>> sequences() {
		Arbitrary<Step> open = Combinators.combine(Arbitraries.integers().between(1, 200).map(i -> i * 1000),
				Arbitraries.integers().between(1, 100).map(i -> i * 1000), Arbitraries.integers().between(1, 100))
			.as(Open::new);
		Arbitrary<Step> grant = Combinators.combine(Arbitraries.integers().between(0, 4),
				Arbitraries.integers().between(1, 80).map(i -> i * 1000)).as(Grant::new);
		Arbitrary<Step> order = Combinators.combine(Arbitraries.integers().between(0, 6),
				Arbitraries.integers().between(1, 60).map(i -> i * 500), Arbitraries.integers().between(0, 20000),
				Arbitraries.of(false, false, false, true))
			.as(Order::new);
		Arbitrary<Step> finish = Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.of(true, false))
			.as(Finish::new);
		Arbitrary<Step> lapse = Arbitraries.just(new Lapse());
		Arbitrary<Step> stale = Arbitraries.just(new StaleHolds());
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, open), net.jqwik.api.Tuple.of(6, grant),
				net.jqwik.api.Tuple.of(8, order), net.jqwik.api.Tuple.of(6, finish), net.jqwik.api.Tuple.of(1, lapse),
				net.jqwik.api.Tuple.of(1, stale))
			.list().ofMinSize(4).ofMaxSize(24);
	}

	/** What the model expects of one sequence, in fen. */
	static final class Model {
		final List<UUID> schemes = new ArrayList<>();
		final Map<UUID, Long> budgets = new LinkedHashMap<>();
		final Map<UUID, Long> caps = new LinkedHashMap<>();
		final Map<UUID, Integer> ratios = new LinkedHashMap<>();
		final Map<UUID, Long> grantedTo = new LinkedHashMap<>();
		final List<UUID> grants = new ArrayList<>();
		final Map<UUID, UUID> schemeOf = new LinkedHashMap<>();
		final Map<UUID, Long> grantBalances = new LinkedHashMap<>();
		final Map<UUID, Boolean> lapsed = new LinkedHashMap<>();
		final List<UUID> held = new ArrayList<>();
		final Map<UUID, Long> holds = new LinkedHashMap<>();
		final Map<UUID, UUID> grantOf = new LinkedHashMap<>();
		final Map<UUID, Long> quotes = new LinkedHashMap<>();
		long posted;
	}

	@Property(tries = 30)
	void theLedgerBalancesAndTheRulesHoldAfterEveryStep(@ForAll("sequences") List<Step> steps) {
		VoucherSchemes voucherSchemes = app.getBean(VoucherSchemes.class);
		VoucherApplications voucherApplications = app.getBean(VoucherApplications.class);
		VoucherGrants voucherGrants = app.getBean(VoucherGrants.class);
		ServiceOrders orders = app.getBean(ServiceOrders.class);
		Ledger ledger = app.getBean(Ledger.class);
		UUID provider = user("provider-jd").organisationId();
		Model model = new Model();
		for (Step step : steps) {
			switch (step) {
				case Open open -> {
					SchemeView scheme = as("yn-admin", () -> voucherSchemes.createScheme(new SchemeForm("530000", "性质测试券",
							null, new Money(open.budget() * 100L), BigDecimal.valueOf(open.ratioPercent(), 2),
							new Money(open.cap() * 100L), List.of(),
							"hu-dian", List.of(), LocalDate.now().minusDays(1), null, null)));
					model.schemes.add(scheme.id());
					model.budgets.put(scheme.id(), open.budget() * 100L);
					model.caps.put(scheme.id(), open.cap() * 100L);
					model.ratios.put(scheme.id(), open.ratioPercent());
				}
				case Grant grant when !model.schemes.isEmpty() -> {
					UUID scheme = model.schemes.get(grant.scheme() % model.schemes.size());
					long amount = grant.amount() * 100L;
					long already = model.grantedTo.getOrDefault(scheme, 0L);
					String expected = amount > model.caps.get(scheme) ? "voucher.above-cap"
							: already + amount > model.caps.get(scheme) ? "voucher.cap-exceeded"
									: amount > model.budgets.get(scheme) ? "voucher.budget-exhausted" : null;
					String outcome = attempt(() -> {
						ApplicationView application = as("ent-ws", () -> voucherApplications.apply(scheme, new Money(amount), "性质测试"));
						UUID id = as("yn-admin", () -> voucherApplications.approve(application.id(), null)).grantId();
						model.grants.add(id);
						model.schemeOf.put(id, scheme);
						model.grantBalances.put(id, amount);
						model.budgets.merge(scheme, -amount, Long::sum);
						model.grantedTo.merge(scheme, amount, Long::sum);
					});
					assertThat(outcome).as(step.toString()).isEqualTo(expected);
				}
				case Order order when !model.grants.isEmpty() -> {
					UUID grant = model.grants.get(order.grant() % model.grants.size());
					long quote = order.quote() * 100L;
					long most = quote * model.ratios.get(model.schemeOf.get(grant)) / 100;
					long balance = model.grantBalances.get(grant);
					long voucher = order.voucher() == 0 ? Math.min(most, balance) : order.voucher() * 100L;
					String expected = order.requote() ? "order.quote-changed"
							: Boolean.TRUE.equals(model.lapsed.get(grant)) ? "voucher.grant-expired"
							: order.voucher() == 0 && voucher <= 0 ? "voucher.grant-empty"
									: voucher > most ? "voucher.above-ratio"
											: voucher > balance ? "voucher.grant-insufficient" : null;
					OrderView created = as("ent-ws", () -> orders.request(provider, null, "性质测试订单", "检验检测"));
					as("provider-jd", () -> orders.quote(created.id(), new Money(quote)));
					Money seen = Money.ofYuan(as("ent-ws", () -> orders.order(created.id(), Actors.require())).quote(), "quote");
					if (order.requote()) {
						as("provider-jd", () -> orders.quote(created.id(), new Money(quote + 10_000)));
					}
					String outcome = attempt(() -> {
						as("ent-ws", () -> orders.accept(created.id(), seen, grant,
								order.voucher() == 0 ? null : new Money(voucher), "p-" + created.id()));
						model.quotes.put(created.id(), quote);
						model.held.add(created.id());
						model.holds.put(created.id(), voucher);
						model.grantOf.put(created.id(), grant);
						model.grantBalances.merge(grant, -voucher, Long::sum);
					});
					assertThat(outcome).as(step.toString()).isEqualTo(expected);
				}
				case Finish finish when !model.held.isEmpty() -> {
					UUID order = model.held.remove(finish.order() % model.held.size());
					long voucher = model.holds.remove(order);
					if (finish.confirm()) {
						as("provider-jd", () -> orders.deliver(order, null, null, "报告"));
						as("ent-ws", () -> orders.confirm(order));
						model.posted += voucher;
					}
					else {
						as("ent-ws", () -> orders.cancel(order, "性质测试取消"));
						UUID grant = model.grantOf.get(order);
						if (Boolean.TRUE.equals(model.lapsed.get(grant))) {
							model.budgets.merge(model.schemeOf.get(grant), voucher, Long::sum);
						}
						else {
							model.grantBalances.merge(grant, voucher, Long::sum);
						}
					}
				}
				case StaleHolds stale -> {
					orders.lapseStaleHolds();
					for (UUID order : model.held) {
						long voucher = model.holds.remove(order);
						UUID grant = model.grantOf.get(order);
						if (Boolean.TRUE.equals(model.lapsed.get(grant))) {
							model.budgets.merge(model.schemeOf.get(grant), voucher, Long::sum);
						}
						else {
							model.grantBalances.merge(grant, voucher, Long::sum);
						}
					}
					model.held.clear();
				}
				case Lapse lapse -> {
					voucherGrants.lapseExpiredGrants(LocalDate.now().plusYears(5));
					for (UUID grant : model.grants) {
						if (!Boolean.TRUE.equals(model.lapsed.put(grant, true))) {
							model.budgets.merge(model.schemeOf.get(grant), model.grantBalances.get(grant), Long::sum);
							model.grantBalances.put(grant, 0L);
						}
					}
				}
				default -> {
					// a step that needs a scheme, grant or order the sequence has not made yet
				}
			}
			check(ledger, model, step);
		}
	}

	private static void check(Ledger ledger, Model model, Step after) {
		Verification verification = ledger.verify();
		assertThat(verification.violations()).as("after " + after).isEmpty();
		for (UUID scheme : model.schemes) {
			assertThat(ledger.balance("budget:" + scheme)).as("budget after " + after).isEqualTo(model.budgets.get(scheme))
				.isNotNegative();
			assertThat(model.grantedTo.getOrDefault(scheme, 0L)).as("cap").isLessThanOrEqualTo(model.caps.get(scheme));
		}
		for (UUID grant : model.grants) {
			assertThat(ledger.balance("grant:" + grant)).as("grant after " + after).isEqualTo(model.grantBalances.get(grant))
				.isNotNegative();
		}
		for (var hold : model.holds.entrySet()) {
			assertThat(ledger.balance("hold:" + hold.getKey())).as("hold after " + after).isEqualTo(hold.getValue())
				.isLessThanOrEqualTo(model.quotes.get(hold.getKey()));
		}
		// the lapse job finds accepted orders through their open holds: one for each accepted order, no other
		var jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		assertThat(jdbc.sql("select order_id from voucher.open_hold order by order_id").query(UUID.class).list())
			.as("open holds after " + after)
			.isEqualTo(jdbc.sql("select id from voucher.service_order where state = 'ACCEPTED' order by id").query(UUID.class).list());
	}

	/** Runs the step; returns null when it succeeded, else the error code it was refused with. */
	private static String attempt(Runnable step) {
		try {
			step.run();
			return null;
		}
		catch (KejiaoException ex) {
			return ex.code();
		}
	}

	private static UserView user(String username) {
		return app.getBean(Accounts.class).find(username).orElseThrow();
	}

	private static <T> T as(String username, Supplier<T> step) {
		UserView user = user(username);
		String organisation = user.organisationId() == null ? null
				: app.getBean(Organisations.class).find(user.organisationId()).map(o -> o.name()).orElse(null);
		return Actors.runAs(new Actor(user.id(), user.username(), user.displayName(), user.organisationId(), organisation,
				user.regionCode(), user.roles()), step);
	}

	static Path dataDir() {
		return Path.of("target/voucher-properties");
	}
}
