package cn.kejiao.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.Money;
import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.voucher.ApplicationView;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.SchemeForm;
import cn.kejiao.voucher.SchemeView;
import cn.kejiao.voucher.ServiceOrders;
import cn.kejiao.voucher.VoucherSchemes;
import cn.kejiao.voucher.VoucherApplications;

/**
 * Voucher schemes of 上海市 (accepted across 长三角) and 云南省 (accepted in 沪滇), grants to the demo enterprises
 * and orders at every stage, so that 文山's alumina maker can pay a 嘉定 testing agency with a Yunnan voucher.
 * Made through the facades, as the users would, once: a later start finds the schemes and does nothing.
 */
@Component
class VoucherDemo {

	static final String SHANGHAI = "上海市科技创新券（长三角通用通兑）";
	static final String YUNNAN = "云南省科技创新券（沪滇通用通兑）";

	private static final Logger log = LoggerFactory.getLogger(VoucherDemo.class);

	private final VoucherSchemes voucherSchemes;
	private final VoucherApplications voucherApplications;
	private final ServiceOrders orders;
	private final Accounts accounts;
	private final Organisations organisations;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final DemoActors actors;

	VoucherDemo(VoucherSchemes voucherSchemes, VoucherApplications voucherApplications, ServiceOrders orders, Accounts accounts, Organisations organisations,
			TransactionTemplate transactions, Clock clock, DemoActors actors) {
		this.actors = actors;
		this.voucherSchemes = voucherSchemes;
		this.voucherApplications = voucherApplications;
		this.orders = orders;
		this.accounts = accounts;
		this.organisations = organisations;
		this.transactions = transactions;
		this.clock = clock;
	}

	void load() {
		List<SchemeView> existing = as("admin", () -> voucherSchemes.schemes(null));
		if (existing.stream().anyMatch(s -> s.name().equals(SHANGHAI))) {
			return;
		}
		transactions.executeWithoutResult(status -> seed());
		log.info("Demo voucher schemes, grants and orders loaded");
	}

	private void seed() {
		LocalDate today = LocalDate.now(clock);
		SchemeView shanghai = as("sh-admin", () -> voucherSchemes.createScheme(new SchemeForm("310000", SHANGHAI,
				"支持科技型中小企业购买检验检测、研发设计、技术咨询等服务，在长三角三省一市的服务机构通用通兑。", new Money(500_000_000),
				new java.math.BigDecimal("0.5"), new Money(30_000_000), List.of(), "yrd", List.of(), today.minusDays(30),
				today.plusDays(150), today.plusYears(1))));
		SchemeView yunnan = as("yn-admin", () -> voucherSchemes.createScheme(new SchemeForm("530000", YUNNAN,
				"科技入滇：云南企业可在上海、云南的服务机构使用，用于检验检测、中试熟化与技术咨询。", new Money(300_000_000),
				new java.math.BigDecimal("0.5"), new Money(50_000_000), List.of(), "hu-dian", List.of(), today.minusDays(30),
				today.plusDays(150), today.plusYears(1))));

		UUID jdGrant = grant("ent-jd", "sh-admin", shanghai, "200000.00", "智能网联汽车传感器检测与可靠性试验");
		UUID wsGrant = grant("ent-ws", "yn-admin", yunnan, "300000.00", "低品位铝土矿与赤泥综合利用的检测分析和工艺咨询");
		as("ent-ws", () -> voucherApplications.apply(yunnan.id(), Money.ofYuan("100000.00", "amount"), "三七加工副产物资源化利用的检测分析"));

		UUID providerJd = organisationOf("provider-jd");
		UUID providerYn = organisationOf("provider-yn");
		// 1. done: a Yunnan voucher paid half of a 嘉定 test
		OrderView done = order("ent-ws", providerJd, "氧化铝赤泥样品成分与物相分析（XRD、XRF）", "36000.00");
		as("ent-ws", () -> orders.accept(done.id(), Money.ofYuan(done.quote(), "quotedAmount"), wsGrant, Money.ofYuan("18000.00", "voucherAmount"), "demo-1"));
		as("provider-jd", () -> orders.deliver(done.id(), null, null, "检测报告 JD-2026-0815，已盖 CMA 章。"));
		as("ent-ws", () -> orders.confirm(done.id()));
		// 2. accepted: the voucher part is held
		OrderView held = order("ent-ws", providerJd, "铝电解槽用温度传感器可靠性试验", "48000.00");
		as("ent-ws", () -> orders.accept(held.id(), Money.ofYuan(held.quote(), "quotedAmount"), wsGrant, Money.ofYuan("24000.00", "voucherAmount"), "demo-2"));
		// 3. delivered, waiting for the enterprise's confirmation
		OrderView delivered = order("ent-jd", providerJd, "77 GHz 毫米波雷达电磁兼容（EMC）测试", "16000.00");
		as("ent-jd", () -> orders.accept(delivered.id(), Money.ofYuan(delivered.quote(), "quotedAmount"), jdGrant, Money.ofYuan("8000.00", "voucherAmount"), "demo-3"));
		as("provider-jd", () -> orders.deliver(delivered.id(), null, null, "测试报告 JD-2026-0902。"));
		// 4. quoted by the Yunnan academy, for the enterprise to accept
		order("ent-ws", providerYn, "低品位铝土矿浮选脱硅工艺试验方案咨询", "60000.00");
		// 5. requested from Yunnan by a 嘉定 enterprise: its Shanghai voucher will not pay there (长三角 only)
		as("ent-jd", () -> orders.request(providerYn, null, "三七提取物中皂苷含量检测", "检验检测"));
		// 6. requested by a 嘉定 enterprise from the institute it grew out of: flagged as related parties (DemoContacts)
		UUID institute = organisations.verified(java.util.EnumSet.of(cn.kejiao.organisation.OrganisationType.RESEARCH_INSTITUTE))
			.stream().filter(o -> o.name().equals("上海工业技术研究院")).findFirst().orElseThrow().id();
		as("ent-jd", () -> orders.request(institute, null, "车规级芯片封装可靠性摸底试验", "检验检测"));
	}

	private UUID grant(String enterprise, String admin, SchemeView scheme, String amount, String purpose) {
		ApplicationView application = as(enterprise, () -> voucherApplications.apply(scheme.id(), Money.ofYuan(amount, "amount"), purpose));
		return as(admin, () -> voucherApplications.approve(application.id(), null)).grantId();
	}

	private OrderView order(String enterprise, UUID provider, String description, String quote) {
		OrderView order = as(enterprise, () -> orders.request(provider, null, description, "检验检测"));
		String providerUser = provider.equals(organisationOf("provider-jd")) ? "provider-jd" : "provider-yn";
		return as(providerUser, () -> orders.quote(order.id(), Money.ofYuan(quote, "amount")));
	}

	private UUID organisationOf(String username) {
		return accounts.find(username).map(UserView::organisationId).orElseThrow();
	}

	private <T> T as(String username, Supplier<T> step) {
		return actors.as(username, step);
	}
}
