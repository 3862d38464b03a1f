package cn.kejiao.cli;

import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.trading.AuctionBidders;
import cn.kejiao.trading.AuctionSessions;
import cn.kejiao.trading.Bidding;
import cn.kejiao.trading.LotClosing;

/**
 * Auctions in the simulated year, about twenty sessions at a year's length (at least two in any run): a region
 * admin opens a session with three to seven lots of providers' patents, open for ten days; two to four verified
 * enterprises register for a lot, the organiser records their deposits and each bids above the last (one lot in six
 * has a reserve its bids do not reach and stays unsold); every morning the lots due are closed, as the trading
 * module's closing job would (the simulation runs no jobs), and the organiser publishes the session's results the
 * day after it closed.
 */
@Component
class AuctionActivity implements SimulatedActivity {

	private static final String[] ORGANISERS = { "sh-admin", "yn-admin", "cq-admin" };

	private static final long INCREMENT = 1_000_000L; // 10,000 yuan

	private final AuctionSessions sessions;
	private final AuctionBidders bidders;
	private final Bidding bidding;
	private final LotClosing closing;

	AuctionActivity(AuctionSessions sessions, AuctionBidders bidders, Bidding bidding, LotClosing closing) {
		this.sessions = sessions;
		this.bidders = bidders;
		this.bidding = bidding;
		this.closing = closing;
	}

	@Override
	public void setUp(SimulationSteps steps) {
		var plan = steps.plan();
		int count = Math.max(2, (int) Math.round(20.0 * plan.days() / 365));
		for (int i = 0; i < count; i++) {
			steps.later(5 + steps.random().nextInt(Math.max(1, plan.days() - 20)), () -> open(steps));
		}
	}

	@Override
	public void day(SimulationSteps steps) {
		for (int closed = closing.closeDue(); closed > 0; closed--) {
			steps.done("lots closed");
		}
	}

	private void open(SimulationSteps steps) {
		SplittableRandom random = steps.random();
		if (steps.providers().isEmpty()) {
			return;
		}
		String organiser = ORGANISERS[random.nextInt(ORGANISERS.length)];
		Actor admin = steps.cast().admin(organiser);
		var plan = steps.plan();
		UUID session = steps.as(admin, () -> sessions.open(admin, new AuctionSessions.SessionForm(
				"科技成果拍卖会 " + steps.today() + "（模拟 " + plan.seed() + "）", "线上同步竞价", "",
				"模拟：高校院所与科技服务机构的专利公开竞价。", null, null)));
		steps.done("auction sessions");
		Instant opens = steps.today().atTime(LocalTime.of(10, 0)).atZone(ChinaTime.ZONE).toInstant();
		Instant closes = steps.today().plusDays(10).atTime(LocalTime.of(8, 0)).atZone(ChinaTime.ZONE).toInstant();
		int lots = 3 + random.nextInt(5);
		for (int i = 0; i < lots; i++) {
			SimulationCast.Provider seller = steps.providers().get(random.nextInt(steps.providers().size()));
			String industry = SimulationCast.INDUSTRIES[random.nextInt(SimulationCast.INDUSTRIES.length)];
			long starting = (10 + random.nextInt(41)) * 1_000_000L; // 100,000 to 500,000 yuan
			// one lot in six has a reserve above what its bids reach, and stays unsold
			Money reserve = random.nextInt(6) == 0 ? new Money(starting + 20 * INCREMENT) : null;
			String patent = "ZL" + (2019 + random.nextInt(5)) + (10_000_000 + random.nextInt(89_999_999)) + ".X";
			UUID lot = steps.as(admin, () -> sessions.addLot(admin, session, new AuctionSessions.LotForm(
					industry + "关键工艺发明专利（" + (steps.plan().seed()) + "-" + steps.today() + "）", "发明专利权转让，含技术资料与技术指导。",
					seller.organisationId(), null, null, patent + "（发明专利，已授权）", new Money(starting),
					new Money(INCREMENT), reserve, new Money(2_000_000L), opens, closes, null, null)));
			steps.done("lots offered");
			long[] last = { 0 };
			Set<Integer> taken = new HashSet<>();
			int count = 2 + random.nextInt(3);
			for (int b = 0; b < count; b++) {
				steps.later(1 + random.nextInt(8), () -> bid(steps, admin, lot, seller, starting, last, taken));
			}
		}
		steps.later(11, () -> {
			steps.as(admin, () -> {
				sessions.publish(admin, session);
				return null;
			});
			steps.done("auction sessions published");
		});
	}

	/** A verified enterprise registers for the lot, its deposit is recorded, and it bids above the last bid. */
	private void bid(SimulationSteps steps, Actor admin, UUID lot, SimulationCast.Provider seller, long starting,
			long[] last, Set<Integer> taken) {
		SplittableRandom random = steps.random();
		var enterprises = steps.enterprises();
		if (enterprises.isEmpty()) {
			return;
		}
		var enterprise = enterprises.get(random.nextInt(enterprises.size()));
		if (enterprise.organisationId().equals(seller.organisationId()) || !taken.add(enterprise.index())) {
			return;
		}
		steps.as(enterprise.actor(), () -> bidders.register(enterprise.actor(), lot));
		steps.as(admin, () -> bidders.recordDeposit(admin, lot, enterprise.organisationId(), new Money(2_000_000L),
				"保证金-" + enterprise.index()));
		steps.done("auction bidders");
		long amount = (last[0] == 0 ? starting : last[0] + INCREMENT) + INCREMENT * random.nextInt(3);
		steps.as(enterprise.actor(), () -> bidding.bid(enterprise.actor(), lot, new Bidding.BidRequest(new Money(amount), null)));
		last[0] = amount;
		steps.done("bids");
	}
}
