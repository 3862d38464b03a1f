package cn.kejiao.demo;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.TimeShift;
import cn.kejiao.trading.AuctionBidders;
import cn.kejiao.trading.AuctionQueries;
import cn.kejiao.trading.AuctionSessions;
import cn.kejiao.trading.Bidding;
import cn.kejiao.trading.LotClosing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Patent auctions in every state: a session organised by 上海 with lots of 同济大学 and 云南省科学技术院 live for ten
 * days from the demo's first start ({@code ent-jd} and {@code ent-ws} registered with their deposits and bidding
 * against each other, one with a proxy maximum) and lots scheduled to open in three days; and an earlier session
 * organised by 云南, replayed at the time it happened ({@link TimeShift}): one lot sold across regions (a 云南 seller,
 * a 上海 buyer), one unsold below its reserve, its results published. Once: a later start finds the session and
 * does nothing.
 */
@Component
class TradingAuctionDemo {

	static final String LIVE_SESSION = "2026 长三角·沪滇科技成果拍卖会（专利专场）";
	static final String PAST_SESSION = "2026 沪滇科技成果拍卖会（第一场）";

	private static final Logger log = LoggerFactory.getLogger(TradingAuctionDemo.class);

	private final AuctionSessions sessions;
	private final AuctionBidders bidders;
	private final AuctionQueries queries;
	private final Bidding bidding;
	private final LotClosing closing;
	private final DemoActors actors;
	private final Clock clock;

	TradingAuctionDemo(AuctionSessions sessions, AuctionBidders bidders, AuctionQueries queries, Bidding bidding,
			LotClosing closing, DemoActors actors, Clock clock) {
		this.sessions = sessions;
		this.bidders = bidders;
		this.queries = queries;
		this.bidding = bidding;
		this.closing = closing;
		this.actors = actors;
		this.clock = clock;
	}

	void load() {
		try {
			List<String> loaded = queries.sessions(true).stream().map(AuctionQueries.SessionView::title).toList();
			if (!loaded.contains(PAST_SESSION)) {
				past();
			}
			if (!loaded.contains(LIVE_SESSION)) {
				live();
				log.info("Demo auctions loaded");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Demo auctions not loaded", ex);
		}
	}

	private void live() {
		Instant now = clock.instant();
		UUID tongji = org("expert-sh");
		UUID yunnan = org("provider-yn");
		UUID session = actors.as("sh-admin", () -> sessions.open(Actors.require(), new AuctionSessions.SessionForm(
				LIVE_SESSION, "上海技术交易所 · 线上同步竞价", "", "长三角科技成果拍卖会专利专场：高校院所与科研院所的发明专利公开竞价，"
						+ "竞买人须为认证机构并缴纳保证金；最后 5 分钟内出价自动延时 5 分钟。",
				null, null)));
		Instant open = now.minus(Duration.ofDays(1));
		Instant close = now.plus(Duration.ofDays(10));
		UUID shanghaiLot = lot("sh-admin", session, "一种车规级功率模块双面散热封装结构及其制造方法", tongji,
				"ZL202210345678.1（发明专利，已授权）", "300000", "10000", "400000", "30000", open, close);
		UUID yunnanLot = lot("sh-admin", session, "三七总皂苷高效提取与纯化工艺", yunnan,
				"ZL202110567890.3（发明专利，已授权）", "200000", "10000", "260000", "20000", open, close);
		for (UUID lot : List.of(shanghaiLot, yunnanLot)) {
			register("sh-admin", lot, "ent-jd", "保证金-JD-" + lot.toString().substring(0, 4));
			register("sh-admin", lot, "ent-ws", "保证金-WS-" + lot.toString().substring(0, 4));
		}
		bid("ent-ws", shanghaiLot, null, "360000");
		bid("ent-jd", shanghaiLot, "320000", null);
		bid("ent-jd", yunnanLot, "210000", null);
		bid("ent-ws", yunnanLot, "230000", null);
		Instant later = now.plus(Duration.ofDays(3));
		lot("sh-admin", session, "基于深度学习的汽车零部件表面缺陷检测方法", tongji, "ZL202310112233.5（发明专利，已授权）",
				"150000", "5000", null, "15000", later, later.plus(Duration.ofDays(7)));
		lot("sh-admin", session, "高铁赤泥中铁铝钠协同回收方法", yunnan, "ZL202210998877.6（发明专利，已授权）", "180000",
				"10000", "220000", "20000", later, later.plus(Duration.ofDays(7)));
	}

	/** The earlier session, as it went: opened, bid on, closed and published at the times it happened. */
	private void past() {
		Instant start = clock.instant().minus(Duration.ofDays(30));
		Instant close = start.plus(Duration.ofDays(10));
		UUID tongji = org("expert-sh");
		UUID yunnan = org("provider-yn");
		record Lots(UUID session, UUID sold, UUID unsold) {
		}
		Lots lots = TimeShift.at(start, clock, () -> {
			UUID session = actors.as("yn-admin", () -> sessions.open(Actors.require(), new AuctionSessions.SessionForm(
					PAST_SESSION, "昆明 · 云南省科技成果转化中心", "", "沪滇科技合作专场：云南科研院所成果面向长三角企业公开竞价。", null,
					null)));
			UUID sold = lot("yn-admin", session, "铝电解槽废阴极炭块无害化处理及资源化利用方法", yunnan,
					"ZL202010456789.2（发明专利，已授权）", "500000", "10000", "600000", "50000",
					start.plus(Duration.ofHours(1)), close);
			UUID unsold = lot("yn-admin", session, "一种柔性可穿戴应变传感器及其制备方法", tongji,
					"ZL202110778899.0（发明专利，已授权）", "100000", "5000", "180000", "10000",
					start.plus(Duration.ofHours(1)), close);
			register("yn-admin", sold, "ent-jd", "保证金-JD-2026-01");
			register("yn-admin", sold, "ent-ws", "保证金-WS-2026-01");
			register("yn-admin", unsold, "ent-ws", "保证金-WS-2026-02");
			return new Lots(session, sold, unsold);
		});
		TimeShift.at(start.plus(Duration.ofDays(5)), clock, () -> {
			bid("ent-jd", lots.sold(), null, "800000");
			bid("ent-ws", lots.sold(), "650000", null);
			bid("ent-ws", lots.unsold(), "120000", null);
			return null;
		});
		TimeShift.at(close.plus(Duration.ofMinutes(1)), clock, closing::closeDue);
		TimeShift.at(close.plus(Duration.ofDays(1)), clock,
				() -> actors.as("yn-admin", () -> {
					sessions.publish(Actors.require(), lots.session());
					return null;
				}));
	}

	private UUID lot(String organiser, UUID session, String title, UUID seller, String patents, String starting,
			String increment, @Nullable String reserve, String deposit, Instant startsAt, Instant closesAt) {
		return actors.as(organiser, () -> sessions.addLot(Actors.require(), session, new AuctionSessions.LotForm(title,
				"发明专利权转让，含全部技术资料与 3 个月技术指导。", seller, null, null, patents, yuan(starting), yuan(increment),
				reserve == null ? null : yuan(reserve), yuan(deposit), startsAt, closesAt, null, null)));
	}

	private void register(String organiser, UUID lot, String bidder, String reference) {
		UUID org = org(bidder);
		actors.as(bidder, () -> bidders.register(Actors.require(), lot));
		actors.as(organiser, () -> {
			Actor actor = Actors.require();
			bidders.recordDeposit(actor, lot, org, queries.lot(lot, actor).deposit(), reference);
			return null;
		});
	}

	private void bid(String bidder, UUID lot, @Nullable String amount, @Nullable String maxAmount) {
		actors.as(bidder, () -> bidding.bid(Actors.require(), lot, new Bidding.BidRequest(
				amount == null ? null : yuan(amount), maxAmount == null ? null : yuan(maxAmount))));
	}

	private UUID org(String username) {
		return actors.as(username, () -> Actors.require().organisationId());
	}

	private static Money yuan(String yuan) {
		return Money.ofYuan(yuan, "amount");
	}
}
