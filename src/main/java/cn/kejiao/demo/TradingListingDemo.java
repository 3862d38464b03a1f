package cn.kejiao.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.Money;
import cn.kejiao.trading.Inquiries;
import cn.kejiao.trading.InquiryOffer;
import cn.kejiao.trading.InquiryThread;
import cn.kejiao.trading.LegalStatus;
import cn.kejiao.trading.ListingForm;
import cn.kejiao.trading.ListingMode;
import cn.kejiao.trading.ListingView;
import cn.kejiao.trading.Listings;

/**
 * Technology listings of providers in 云南, 上海 and 重庆, each on an achievement of the seller's own that this
 * demo puts in the catalog (so it does not wait for the bulk catalog), and inquiry threads on them: {@code ent-jd}
 * (上海嘉定) agreed with 云南省科学技术院 ({@code provider-yn}) on a non-exclusive licence of its low-platinum exhaust
 * catalyst, the offer accepted; {@code ent-ws} (文山) in talks with 同济大学 with an open offer; {@code ent-jd}
 * asking 重庆两江新材料检测中心 a question. Everything goes through the facades as the people would do it. Once: a
 * later start finds the listings and does nothing.
 */
@Component
public class TradingListingDemo {

	/** The demo listings, by a short name other demo code may use. */
	public record DemoListing(String key, String seller, String externalCode, String title) {
	}

	static final List<DemoListing> LISTINGS = List.of(
			new DemoListing("yn-catalyst", "provider-yn", "LST-YN-01", "汽车尾气净化用低铂三效催化剂制备技术"),
			new DemoListing("yn-notoginseng", "provider-yn", "LST-YN-02", "三七总皂苷绿色高效提取纯化技术"),
			new DemoListing("sh-emc", "provider-jd", "LST-SH-01", "汽车零部件电磁兼容快速预测评估方法"),
			new DemoListing("sh-welding", "expert-sh", "LST-SH-02", "车用轻量化铝合金激光-电弧复合焊接工艺"),
			new DemoListing("cq-ageing", "expert-cq", "LST-CQ-01", "高分子材料湿热老化寿命加速评估技术"));

	private static final Logger log = LoggerFactory.getLogger(TradingListingDemo.class);

	private final Catalog catalog;
	private final Listings listings;
	private final Inquiries inquiries;
	private final DemoActors actors;
	private final TransactionTemplate transactions;

	TradingListingDemo(Catalog catalog, Listings listings, Inquiries inquiries, DemoActors actors,
			TransactionTemplate transactions) {
		this.catalog = catalog;
		this.listings = listings;
		this.inquiries = inquiries;
		this.actors = actors;
		this.transactions = transactions;
	}

	/**
	 * The ids of the demo listings by key ({@code yn-catalyst}, {@code yn-notoginseng}, {@code sh-emc},
	 * {@code sh-welding}, {@code cq-ageing}); a listing not loaded (yet) is absent.
	 */
	public Map<String, UUID> listingIds() {
		Map<String, UUID> ids = new LinkedHashMap<>();
		for (DemoListing demo : LISTINGS) {
			find(demo).ifPresent(listing -> ids.put(demo.key(), listing.id()));
		}
		return ids;
	}

	/** The demo listing by key, as it stands now. */
	public Optional<ListingView> listing(String key) {
		return LISTINGS.stream().filter(d -> d.key().equals(key)).findFirst().flatMap(this::find);
	}

	private Optional<ListingView> find(DemoListing demo) {
		return actors.as(demo.seller(), () -> listings.mine().stream()
			.filter(l -> l.title().equals(demo.title())).findFirst());
	}

	void load() {
		try {
			if (listingIds().size() < LISTINGS.size()) {
				transactions.executeWithoutResult(status -> seed());
				log.info("Demo technology listings loaded");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Demo technology listings not loaded", ex);
		}
	}

	private void seed() {
		Map<String, UUID> ids = new LinkedHashMap<>(listingIds());
		ids.computeIfAbsent("yn-catalyst", key -> list(LISTINGS.get(0),
				"以铈锆固溶体储氧材料负载高分散铂钯铑，贵金属用量比常规配方降低 30%，满足国六 b 排放要求，已在 2 万升/年涂覆线上完成中试。",
				"催化剂、铂族金属、汽车尾气、三效催化、国六", "化工",
				new ListingForm(null, List.of(ListingMode.LICENCE_NON_EXCLUSIVE, ListingMode.JOINT_DEVELOPMENT), "中国大陆",
						"5 年", new Money(150_000_000L), List.of("ZL201810123456.7", "ZL201920654321.X"), LegalStatus.GRANTED,
						"提供配方与涂覆工艺包、中试数据和现场技术指导。")));
		ids.computeIfAbsent("yn-notoginseng", key -> list(LISTINGS.get(1),
				"以大孔树脂与膜分离耦合提取纯化三七总皂苷，收率提高 12%，乙醇用量减少三分之一，适用于文山三七产区的中药饮片与提取物企业。",
				"三七、总皂苷、提取纯化、膜分离、中药", "中药学",
				new ListingForm(null, List.of(ListingMode.TRANSFER, ListingMode.LICENCE_EXCLUSIVE), "", "", null,
						List.of("CN202310456789.1"), LegalStatus.EXAMINATION, "价格面议，可按产量提成。")));
		ids.computeIfAbsent("sh-emc", key -> list(LISTINGS.get(2),
				"基于近场扫描与机器学习的汽车电子零部件辐射发射预测方法，在样件阶段预估 CISPR 25 结果，整改轮次平均减少两轮。",
				"电磁兼容、EMC、汽车电子、CISPR 25、近场扫描", "电子电器",
				new ListingForm(null, List.of(ListingMode.LICENCE_NON_EXCLUSIVE), "长三角地区", "3 年",
						new Money(40_000_000L), List.of("ZL202110987654.3"), LegalStatus.GRANTED, "")));
		ids.computeIfAbsent("sh-welding", key -> list(LISTINGS.get(3),
				"6 系铝合金车身结构件的激光-电弧复合焊接工艺窗口与在线质量监测，焊缝强度系数达 0.8 以上，气孔率低于 1%。",
				"铝合金、激光焊接、复合焊、车身轻量化", "材料",
				new ListingForm(null, List.of(ListingMode.TRANSFER, ListingMode.EQUITY, ListingMode.JOINT_DEVELOPMENT), "",
						"", new Money(300_000_000L), List.of("ZL201910345678.2"), LegalStatus.GRANTED, "")));
		ids.computeIfAbsent("cq-ageing", key -> list(LISTINGS.get(4),
				"以湿热、紫外与应力多因素加速试验结合 Arrhenius–Peck 模型评估高分子材料服役寿命，试验周期缩短至传统方法的四分之一。",
				"高分子材料、老化、寿命评估、加速试验", "材料",
				new ListingForm(null, List.of(ListingMode.LICENCE_NON_EXCLUSIVE, ListingMode.JOINT_DEVELOPMENT), "西部地区",
						"2 年", null, List.of(), LegalStatus.NOT_PATENTED, "技术秘密，签署保密协议后提供详细资料。")));
		threads(ids);
	}

	private UUID list(DemoListing demo, String summary, String keywords, String category, ListingForm form) {
		return actors.as(demo.seller(), () -> {
			EntryView entry = catalog.upsert(EntryType.ACHIEVEMENT, new EntryForm(demo.externalCode(), demo.title(), summary,
					keywords, category, null, null, null, "PILOT", Confidentiality.PUBLIC, null, Map.of()));
			if (!entry.state().isPublic()) {
				catalog.publish(entry.id());
			}
			return listings.create(new ListingForm(entry.id(), form.modes(), form.licenceTerritory(), form.licenceTerm(),
					form.askingPrice(), form.patentNumbers(), form.legalStatus(), form.notes()), true).id();
		});
	}

	/** The threads: one agreed (云南 seller, 上海 buyer), one with an open offer, one question. */
	private void threads(Map<String, UUID> ids) {
		UUID catalyst = ids.get("yn-catalyst");
		if (catalyst != null && actors.as("ent-jd", () -> inquiries.mineOn(catalyst)).isEmpty()) {
			InquiryThread thread = actors.as("ent-jd", () -> inquiries.open(catalyst,
					"我司拟在嘉定的排气后处理产线导入该催化剂，希望了解普通许可的费用、中试数据和技术指导安排。", List.of()));
			UUID id = thread.inquiry().id();
			actors.as("provider-yn", () -> inquiries.post(id,
					"感谢关注。普通许可含工艺包和 3 次现场指导，中试报告可在签署保密协议后提供。", List.of()));
			InquiryOffer offer = actors.as("provider-yn", () -> inquiries.offer(id, new Inquiries.OfferForm(
					new Money(120_000_000L), ListingMode.LICENCE_NON_EXCLUSIVE,
					"普通许可，中国大陆，5 年；合同生效后 30 日内支付 60%，产线量产后支付 40%。")));
			actors.as("ent-jd", () -> inquiries.accept(id, offer.id()));
		}
		UUID welding = ids.get("sh-welding");
		if (welding != null && actors.as("ent-ws", () -> inquiries.mineOn(welding)).isEmpty()) {
			UUID id = actors.as("ent-ws", () -> inquiries.open(welding,
					"我司铝材深加工项目拟采用该焊接工艺，能否以作价入股方式合作？", List.of())).inquiry().id();
			actors.as("expert-sh", () -> inquiries.offer(id, new Inquiries.OfferForm(new Money(250_000_000L),
					ListingMode.EQUITY, "以专利作价 250 万元入股，占新公司 10% 股权，团队提供两年技术支持。")));
		}
		UUID ageing = ids.get("cq-ageing");
		if (ageing != null && actors.as("ent-jd", () -> inquiries.mineOn(ageing)).isEmpty()) {
			actors.as("ent-jd", () -> inquiries.open(ageing,
					"贵中心的加速老化评估能否覆盖车用密封条材料？评估周期大约多久？", List.of()));
		}
	}
}
