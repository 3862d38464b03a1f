package cn.kejiao.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.account.Accounts;
import cn.kejiao.organisation.Decision;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.TimeShift;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.ApplicationView;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.SchemeForm;
import cn.kejiao.voucher.SchemeView;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.voucher.Settlements;
import cn.kejiao.voucher.VoucherApplications;
import cn.kejiao.voucher.VoucherGrants;
import cn.kejiao.voucher.VoucherSchemes;
import cn.kejiao.cli.SimulationSteps.SimulatedEnterprise;

/**
 * Drives a period of activity through the modules' public facades, as the users would, each step as its actor and
 * at its simulated time ({@link TimeShift}): enterprises register and their region admins verify them; the
 * enterprises of 上海, 云南 and 重庆 apply for their region's innovation voucher and are granted it; enterprises
 * order services from providers, which quote; orders are accepted (paid partly by voucher where the voucher is
 * accepted at the provider), cancelled, delivered and confirmed; some buy technology contracts; the platform admin
 * settles every month that ended; the {@link SimulatedActivity} beans add the rest (catalog, demands, bookings,
 * challenges…). Steps run in the order of their simulated time, on the calling
 * thread; one seeded random source decides everything, so the same seed gives the same activity. A step a facade
 * refuses is counted by its error code and the simulation goes on.
 */
@Component
class Simulation {

	record Plan(int days, int enterprises, long seed, LocalDate start) {

		LocalDate end() {
			return start.plusDays(days - 1L);
		}
	}

	/** What was done, counted per action; refusals per error code; steps run; seconds it took. */
	record Outcome(Map<String, Long> actions, Map<String, Long> refusals, long steps, double seconds) {
	}

	private record Step(int day, long sequence, Runnable action) {
	}

	private static final class Enterprise {
		final int index;
		final String[] place;
		final String industry;
		@Nullable Actor actor;
		@Nullable UUID organisationId;
		@Nullable Scheme scheme;
		@Nullable UUID grant;
		long balance;

		Enterprise(int index, String[] place, String industry) {
			this.index = index;
			this.place = place;
			this.industry = industry;
		}
	}

	private record Scheme(UUID id, String admin, String zone) {
	}

	private final Accounts accounts;
	private final Organisations organisations;
	private final Regions regions;
	private final VoucherSchemes schemes;
	private final VoucherApplications applications;
	private final ServiceOrders orders;
	private final Settlements settlements;
	private final VoucherGrants grants;
	private final Clock clock;
	private final List<SimulatedActivity> activities;

	Simulation(Accounts accounts, Organisations organisations, Regions regions, VoucherSchemes schemes,
			VoucherApplications applications, ServiceOrders orders, Settlements settlements,
			VoucherGrants grants, Clock clock, List<SimulatedActivity> activities) {
		this.activities = activities.stream()
			.sorted(java.util.Comparator.comparing(activity -> activity.getClass().getName())).toList();
		this.grants = grants;
		this.accounts = accounts;
		this.organisations = organisations;
		this.regions = regions;
		this.schemes = schemes;
		this.applications = applications;
		this.orders = orders;
		this.settlements = settlements;
		this.clock = clock;
	}

	/** Runs the plan, printing a line per simulated month to {@code out}. */
	Outcome run(Plan plan, PrintStream out) {
		return new Run(plan, out).run();
	}

	private final class Run implements SimulationSteps {

		final Plan plan;
		final PrintStream out;
		final SplittableRandom random;
		final SimulationCast cast = new SimulationCast(accounts, organisations);
		final PriorityQueue<Step> queue = new PriorityQueue<>(
				java.util.Comparator.comparingInt(Step::day).thenComparingLong(Step::sequence));
		final Map<String, Long> actions = new TreeMap<>();
		final Map<String, Long> refusals = new TreeMap<>();
		final Map<String, Scheme> schemeOfProvince = new TreeMap<>();
		final Map<String, List<SimulationCast.Provider>> providersInZone = new TreeMap<>();
		List<SimulationCast.Provider> providers = List.of();
		final List<SimulatedEnterprise> verified = new ArrayList<>();
		long sequence;
		long steps;

		Run(Plan plan, PrintStream out) {
			this.plan = plan;
			this.out = out;
			this.random = new SplittableRandom(plan.seed());
		}

		Outcome run() {
			long started = System.nanoTime();
			String missing = cast.loadAdmins();
			if (missing != null) {
				throw new IllegalStateException("the demo account " + missing + " is missing: the simulation acts as the demo admins");
			}
			at(plan.start().minusDays(1), LocalTime.of(8, 0), this::setUp);
			for (int i = 1; i <= plan.enterprises(); i++) {
				String[] place = SimulationCast.PLACES[random.nextInt(SimulationCast.PLACES.length)];
				Enterprise enterprise = new Enterprise(i, place,
						SimulationCast.INDUSTRIES[random.nextInt(SimulationCast.INDUSTRIES.length)]);
				schedule(random.nextInt(Math.max(1, plan.days() * 2 / 3)), () -> register(enterprise));
			}
			for (int day = 0; day < plan.days(); day++) {
				LocalDate date = plan.start().plusDays(day);
				// the voucher jobs, at simulated times: stale holds voided and expired grants lapsed every night,
				// the month that ended settled on the first
				at(date, LocalTime.of(1, 0), () -> {
					actions.merge("holds voided", (long) orders.lapseStaleHolds(), Long::sum);
					actions.merge("grants lapsed", (long) grants.lapseExpiredGrants(date), Long::sum);
				});
				if (day > 0 && date.getDayOfMonth() == 1) {
					at(date, LocalTime.of(2, 0), () -> {
						as(cast.admin("admin"), () -> settlements.run(YearMonth.from(date.minusDays(1))));
						done("settled");
					});
				}
				at(date, LocalTime.of(8, 30), () -> activities.forEach(activity -> activity.day(this)));
				List<Step> today = new ArrayList<>();
				while (!queue.isEmpty() && queue.peek().day() == day) {
					today.add(queue.poll());
				}
				// spread over the working day, in their order
				long spacing = Math.max(1, 9 * 3600L / Math.max(1, today.size()));
				for (int i = 0; i < today.size(); i++) {
					Step step = today.get(i);
					at(date, LocalTime.of(9, 0).plusSeconds(i * spacing), step.action());
				}
				if (date.plusDays(1).getDayOfMonth() == 1 || day == plan.days() - 1) {
					double seconds = (System.nanoTime() - started) / 1e9;
					out.printf("day %3d  %s  enterprises %d verified %d  grants %d  orders %d confirmed %d  demands %d  "
							+ "contracts %d  settlements %d  refused %d  %.0f s  %.0f steps/s%n", day + 1, date, count("registered"),
							count("verified"), count("granted"), count("requested"), count("confirmed"), count("demands"),
							count("contracts registered"), count("settled"), refusals.values().stream().mapToLong(Long::longValue).sum(), seconds,
							steps / Math.max(seconds, 0.001));
				}
			}
			actions.put("steps after the period", count("steps after the period") + queue.size());
			return new Outcome(actions, refusals, steps, (System.nanoTime() - started) / 1e9);
		}

		private void setUp() {
			LocalDate opens = plan.start().minusDays(1);
			scheme("310000", "sh-admin", "上海市科技创新券", "yrd", opens);
			scheme("530000", "yn-admin", "云南省科技创新券", "hu-dian", opens);
			scheme("500000", "cq-admin", "重庆市科技创新券", "hu-yu", opens);
			providers = cast.providers(Math.max(8, Math.min(200, plan.enterprises() / 50)), plan.seed());
			for (String zone : List.of("yrd", "hu-dian", "hu-yu")) {
				providersInZone.put(zone, providers.stream().filter(p -> regions.zoneCovers(zone, p.regionCode())).toList());
			}
			actions.put("providers", (long) providers.size());
			activities.forEach(activity -> activity.setUp(this));
		}

		private void scheme(String region, String admin, String name, String zone, LocalDate opens) {
			SchemeView view = as(cast.admin(admin), () -> schemes.createScheme(new SchemeForm(region,
					name + "（模拟 " + plan.start().getYear() + "，" + plan.seed() + "）", "模拟：支持科技型中小企业购买检验检测、研发设计与技术咨询服务。",
					new Money(plan.enterprises() * 30_000_000L + 100_000_000L), new BigDecimal("0.5"), new Money(30_000_000),
					List.of(), zone, List.of(), opens, plan.end().plusDays(30), plan.end().plusYears(1))));
			schemeOfProvince.put(region.substring(0, 2), new Scheme(view.id(), admin, zone));
			actions.merge("schemes", 1L, Long::sum);
		}

		private void register(Enterprise enterprise) {
			var form = SimulationCast.form(plan.seed(), enterprise.index, enterprise.place, enterprise.industry);
			OrganisationView registered = accounts.register(form, SimulationCast.user(plan.seed(), enterprise.index, form), true);
			enterprise.organisationId = registered.id();
			done("registered");
			later(1 + random.nextInt(5), () -> verify(enterprise));
		}

		private void verify(Enterprise enterprise) {
			as(cast.admin(enterprise.place[2]), () -> organisations.decide(enterprise.organisationId,
					new Decision(Decision.Verdict.APPROVE, null, 0)));
			enterprise.actor = cast.actor(SimulationCast.username(plan.seed(), enterprise.index));
			done("verified");
			SimulatedEnterprise handle = new SimulatedEnterprise(enterprise.index, enterprise.organisationId,
					enterprise.actor, enterprise.place[0], enterprise.place[1], enterprise.industry);
			verified.add(handle);
			activities.forEach(activity -> activity.enterpriseVerified(this, handle));
			enterprise.scheme = schemeOfProvince.get(enterprise.place[0].substring(0, 2));
			if (enterprise.scheme != null && random.nextInt(10) < 7) {
				later(1 + random.nextInt(10), () -> apply(enterprise));
			}
			int count = random.nextInt(5);
			for (int i = 0; i < count; i++) {
				later(3 + random.nextInt(Math.max(1, plan.days() / 2)), () -> request(enterprise));
			}
		}

		private void apply(Enterprise enterprise) {
			long amount = (5 + random.nextInt(26)) * 1_000_000L; // 50,000 to 300,000 yuan
			ApplicationView application = as(enterprise.actor, () -> applications.apply(enterprise.scheme.id(),
					new Money(amount), "委托检验检测与研发设计服务"));
			done("applied");
			later(1 + random.nextInt(7), () -> {
				ApplicationView approved = as(cast.admin(enterprise.scheme.admin()),
						() -> applications.approve(application.id(), null));
				enterprise.grant = approved.grantId();
				enterprise.balance = amount;
				done("granted");
			});
		}

		private void request(Enterprise enterprise) {
			List<SimulationCast.Provider> choice = enterprise.scheme != null && random.nextInt(5) < 4
					? providersInZone.get(enterprise.scheme.zone()) : providers;
			if (choice.isEmpty()) {
				choice = providers;
			}
			SimulationCast.Provider provider = choice.get(random.nextInt(choice.size()));
			String service = SimulationCast.INDUSTRIES[random.nextInt(SimulationCast.INDUSTRIES.length)];
			OrderView order = as(enterprise.actor, () -> orders.request(provider.organisationId(), null,
					service + "样品检验检测与分析报告", "检验检测"));
			done("requested");
			long quote = (5 + random.nextInt(76)) * 100_000L; // 5,000 to 80,000 yuan
			later(1 + random.nextInt(2), () -> {
				as(provider.actor(), () -> orders.quote(order.id(), new Money(quote)));
				done("quoted");
				if (random.nextInt(20) == 0) {
					later(1 + random.nextInt(5), () -> {
						as(enterprise.actor, () -> orders.cancel(order.id(), "预算调整"));
						done("cancelled");
					});
					return;
				}
				later(1 + random.nextInt(3), () -> accept(enterprise, provider, order.id(), quote));
			});
		}

		private void accept(Enterprise enterprise, SimulationCast.Provider provider, UUID order, long quote) {
			boolean voucher = enterprise.grant != null && enterprise.balance > 0
					&& regions.zoneCovers(enterprise.scheme.zone(), provider.regionCode());
			long part = voucher ? Math.min(quote / 2, enterprise.balance) : 0;
			as(enterprise.actor, () -> orders.accept(order, new Money(quote), part > 0 ? enterprise.grant : null,
					part > 0 ? new Money(part) : null, "sim-" + order));
			enterprise.balance -= part;
			done(part > 0 ? "accepted with voucher" : "accepted");
			later(3 + random.nextInt(12), () -> {
				as(provider.actor(), () -> orders.deliver(order, null, null, "检测报告已出具。"));
				done("delivered");
				later(1 + random.nextInt(5), () -> {
					as(enterprise.actor, () -> orders.confirm(order));
					done("confirmed");
				});
			});
		}

		/** Runs a step at a simulated time, counting a refusal by its code instead of stopping. */
		private void at(LocalDate date, LocalTime time, Runnable step) {
			Instant when = date.atTime(time).atZone(ChinaTime.ZONE).toInstant();
			steps++;
			try {
				TimeShift.at(when, clock, () -> {
					step.run();
					return null;
				});
			}
			catch (KejiaoException ex) {
				refusals.merge(ex.code(), 1L, Long::sum);
			}
		}

		private void schedule(int day, Runnable action) {
			if (day < plan.days()) {
				queue.add(new Step(day, sequence++, action));
			}
			else {
				done("steps after the period");
			}
		}

		@Override
		public void later(int days, Runnable action) {
			// today's steps were taken off the queue when the day began: a step for today would wait at its head
			schedule((int) (today().toEpochDay() - plan.start().toEpochDay()) + Math.max(1, days), action);
		}

		@Override
		public void done(String action) {
			actions.merge(action, 1L, Long::sum);
		}

		@Override
		public LocalDate today() {
			return LocalDate.now(clock.withZone(ChinaTime.ZONE));
		}

		@Override
		public SplittableRandom random() { return random; }

		@Override
		public Plan plan() { return plan; }

		@Override
		public SimulationCast cast() { return cast; }

		@Override
		public List<SimulationCast.Provider> providers() {
			return providers;
		}

		@Override
		public List<SimulatedEnterprise> enterprises() {
			return verified;
		}

		private long count(String action) {
			return actions.getOrDefault(action, 0L);
		}

		@Override
		public <T> T as(@Nullable Actor actor, java.util.function.Supplier<T> step) {
			return Actors.runAs(java.util.Objects.requireNonNull(actor), step);
		}
	}
}
