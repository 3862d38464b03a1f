package cn.kejiao.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;


import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.NewUser;
import cn.kejiao.organisation.CreditCode;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.organisation.Qualification;
import cn.kejiao.organisation.RegistrationForm;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.database.EmbeddedDatabase;

/** Seeds the demo organisations and accounts once; a later start finds them and does nothing. */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "kejiao-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** The accounts the README lists, in the order printed at start-up. */
	static final List<String[]> ACCOUNTS = List.of(
			new String[] { "admin", "平台管理员 platform admin" },
			new String[] { "sh-admin", "上海市科委 region admin 310000" },
			new String[] { "jd-admin", "嘉定区科委 region admin 310114" },
			new String[] { "yn-admin", "云南省科技厅 region admin 530000" },
			new String[] { "ws-admin", "文山州科技局 region admin 532600" },
			new String[] { "cq-admin", "重庆市科技局 region admin 500000" },
			new String[] { "provider-jd", "嘉定 testing agency (provider) 310114" },
			new String[] { "provider-yn", "云南省科学技术院 (provider) 530000" },
			new String[] { "ent-jd", "嘉定 automotive enterprise 310114" },
			new String[] { "ent-ws", "文山 alumina enterprise 532600" },
			new String[] { "expert-sh", "expert at 同济大学 310000" },
			new String[] { "expert-tj", "expert at 同济大学 (challenge panels) 310000" },
			new String[] { "expert-cq", "expert at 重庆两江新材料检测中心 (challenge panels) 500000" },
			new String[] { "expert-km", "expert at 昆明理工大学 (expert pool) 530114" },
			new String[] { "expert-shu", "expert at 上海大学, post at 同济大学 (expert pool) 310113" },
			new String[] { "expert-cqu", "expert at 重庆大学 (expert pool) 500106" },
			new String[] { "expert-yn", "expert at 云南省产品质量监督检验研究院 (expert pool) 530102" });

	private final Organisations organisations;
	private final Accounts accounts;
	private final CatalogDemo catalog;
	private final VoucherDemo vouchers;
	private final DemandDemo demands;
	private final ChallengeDemo challenges;
	private final BookingDemo bookings;
	private final TradingAuctionDemo auctions;
	private final TradingListingDemo tradingListings;
	private final TradingContractDemo tradingContracts;
	private final CooperationAgreementDemo cooperationAgreements;
	private final CooperationProjectDemo cooperationProjects;
	private final CooperationEventDemo cooperationEvents;
	private final String catalogScale;
	private final boolean catalogInBackground;
	private final TransactionTemplate transactions;
	private final boolean enabled;

	DemoData(Organisations organisations, Accounts accounts, CatalogDemo catalog, VoucherDemo vouchers, DemandDemo demands,
			ChallengeDemo challenges, BookingDemo bookings, TradingAuctionDemo auctions,
			TradingListingDemo tradingListings,
			TradingContractDemo tradingContracts,
			CooperationAgreementDemo cooperationAgreements,
			CooperationProjectDemo cooperationProjects,
			CooperationEventDemo cooperationEvents,
			TransactionTemplate transactions,
			ObjectProvider<EmbeddedDatabase> embedded, @Value("${kejiao.demo.enabled:#{null}}") @Nullable Boolean enabled,
			@Value("${kejiao.demo.catalog-scale:full}") String catalogScale,
			@Value("${kejiao.demo.catalog-in-background:true}") boolean catalogInBackground) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.catalog = catalog;
		this.vouchers = vouchers;
		this.demands = demands;
		this.challenges = challenges;
		this.bookings = bookings;
		this.auctions = auctions;
		this.tradingListings = tradingListings;
		this.tradingContracts = tradingContracts;
		this.cooperationAgreements = cooperationAgreements;
		this.cooperationProjects = cooperationProjects;
		this.cooperationEvents = cooperationEvents;
		this.catalogScale = catalogScale;
		this.catalogInBackground = catalogInBackground;
		this.transactions = transactions;
		this.enabled = enabled != null ? enabled : embedded.getIfAvailable() != null;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		if (!accounts.exists("admin")) {
			transactions.executeWithoutResult(status -> seed());
			log.info("Demo organisations and accounts loaded");
		}
		if ("none".equals(catalogScale)) {
			return; // organisations and accounts only (the matching evaluation brings its own catalog)
		}
		vouchers.load();
		demands.load();
		challenges.load();
		auctions.load();
		tradingListings.load();
		tradingContracts.load();
		cooperationAgreements.load();
		cooperationProjects.load();
		cooperationEvents.load();
		CatalogDemo.Scale scale = CatalogDemo.Scale.of(catalogScale);
		if (catalog.complete(scale)) {
			bookings.load();
			return;
		}
		if (catalogInBackground) {
			// the catalog (thousands of entries) fills while Kejiao already serves; search shows it as it grows;
			// the instruments' bookings follow it
			Thread.ofVirtual().name("demo-catalog").start(() -> {
				loadCatalog(scale);
				bookings.load();
			});
		}
		else {
			loadCatalog(scale);
			bookings.load();
		}
	}

	private void loadCatalog(CatalogDemo.Scale scale) {
		long started = System.nanoTime();
		try {
			catalog.load(scale);
			log.info("Demo catalog loaded in {} s", (System.nanoTime() - started) / 1_000_000_000);
			// loading thousands of entries is a one-time burst: let the JVM return that heap to the system
			System.gc();
		}
		catch (RuntimeException ex) {
			log.warn("Demo catalog not loaded completely; it goes on at the next start", ex);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void printAccounts() {
		if (!enabled) {
			return;
		}
		StringBuilder text = new StringBuilder("Demo accounts (password '" + PASSWORD + "'):");
		for (String[] account : ACCOUNTS) {
			text.append(String.format("%n  %-12s %s", account[0], account[1]));
		}
		log.info(text.toString());
	}

	private void seed() {
		OrganisationView platform = verified("科交平台运营中心", OrganisationType.GOVERNMENT, "310000", "11", 1,
				"上海市徐汇区钦州路100号", "科交平台的运营方：区域、合作区、账号与配置。");
		user("admin", "平台管理员", platform, "310000", Role.PLATFORM_ADMIN);

		OrganisationView shStc = verified("上海市科学技术委员会", OrganisationType.GOVERNMENT, "310000", "11", 2,
				"上海市徐汇区钦州路100号", "上海市科技主管部门，牵头长三角、沪滇、沪渝科技合作。");
		user("sh-admin", "上海市科委管理员", shStc, "310000", Role.REGION_ADMIN);
		OrganisationView jdStc = verified("上海市嘉定区科学技术委员会", OrganisationType.GOVERNMENT, "310114", "11", 3,
				"上海市嘉定区博乐路118号", "嘉定区科技主管部门，嘉昆太协同创新圈成员。");
		user("jd-admin", "嘉定区科委管理员", jdStc, "310114", Role.REGION_ADMIN);
		OrganisationView ynDst = verified("云南省科学技术厅", OrganisationType.GOVERNMENT, "530000", "11", 4,
				"云南省昆明市五华区三市街6号", "云南省科技主管部门，推进科技入滇与沪滇合作。");
		user("yn-admin", "云南省科技厅管理员", ynDst, "530000", Role.REGION_ADMIN);
		OrganisationView wsBureau = verified("文山壮族苗族自治州科学技术局", OrganisationType.GOVERNMENT, "532600", "11", 5,
				"云南省文山州文山市", "文山州科技主管部门，服务绿色铝、三七等产业链。");
		user("ws-admin", "文山州科技局管理员", wsBureau, "532600", Role.REGION_ADMIN);
		OrganisationView cqBureau = verified("重庆市科学技术局", OrganisationType.GOVERNMENT, "500000", "11", 6,
				"重庆市渝北区", "重庆市科技主管部门，沪渝科技合作七大领域的牵头单位。");
		user("cq-admin", "重庆市科技局管理员", cqBureau, "500000", Role.REGION_ADMIN);

		OrganisationView jdTesting = verified("上海嘉定汽车零部件检测技术有限公司", OrganisationType.TESTING_AGENCY, "310114",
				"91", 7, "上海市嘉定区安亭镇", "汽车零部件材料、环境可靠性与电磁兼容检测，具备 CMA、CNAS 资质。",
				Qualification.CMA, Qualification.CNAS, Qualification.HIGH_TECH_ENTERPRISE);
		user("provider-jd", "嘉定检测业务经理", jdTesting, "310114", Role.PROVIDER);
		OrganisationView ynAcademy = verified("云南省科学技术院", OrganisationType.RESEARCH_INSTITUTE, "530102", "12", 8,
				"云南省昆明市五华区", "省属综合性科研机构，开展成果转化、检测分析与技术服务。", Qualification.KEY_LABORATORY);
		user("provider-yn", "云南省科学技术院成果转化部", ynAcademy, "530102", Role.PROVIDER);
		OrganisationView jdAuto = verified("上海嘉定智能汽车科技有限公司", OrganisationType.ENTERPRISE, "310114", "91", 9,
				"上海市嘉定区安亭镇墨玉南路", "智能网联汽车电子与零部件研发制造。", Qualification.HIGH_TECH_ENTERPRISE,
				Qualification.TECH_SME);
		user("ent-jd", "嘉定智能汽车研发部", jdAuto, "310114", Role.ENTERPRISE);
		OrganisationView wsAlumina = verified("文山绿色铝材氧化铝有限公司", OrganisationType.ENTERPRISE, "532600", "91", 10,
				"云南省文山州文山市马塘工业园区", "以当地铝土矿生产氧化铝，推进绿色铝产业链，寻求低品位铝土矿利用技术。",
				Qualification.TECH_SME, Qualification.SPECIALISED_SME);
		user("ent-ws", "文山氧化铝技术中心", wsAlumina, "532600", Role.ENTERPRISE);
		OrganisationView tongji = verified("同济大学", OrganisationType.UNIVERSITY, "310110", "12", 11, "上海市杨浦区四平路1239号",
				"教育部直属高校，嘉定校区毗邻上海国际汽车城。", Qualification.KEY_LABORATORY,
				Qualification.ENGINEERING_RESEARCH_CENTRE);
		user("expert-sh", "同济大学 材料科学专家", tongji, "310110", Role.EXPERT);

		OrganisationView sitri = verified("上海工业技术研究院", OrganisationType.RESEARCH_INSTITUTE, "310114", "12", 12,
				"上海市嘉定区", "面向长三角的共性技术研发与转化平台。", Qualification.ENGINEERING_RESEARCH_CENTRE);
		OrganisationView kunshan = verified("昆山智能制造工程技术研究中心", OrganisationType.ENGINEERING_CENTRE, "320583", "12",
				13, "江苏省昆山市", "嘉昆太协同创新圈的工程技术中心。");
		verified("太仓科技企业孵化器", OrganisationType.INCUBATOR, "320585", "12", 14, "江苏省太仓市",
				"国家级科技企业孵化器。", Qualification.INCUBATOR_ACCREDITED);
		OrganisationView cqTesting = verified("重庆两江新材料检测中心", OrganisationType.TESTING_AGENCY, "500112", "91", 15,
				"重庆市渝北区", "金属与高分子材料检测。", Qualification.CMA);
		// experts of the platform's pool who sit on 揭榜挂帅 panels
		user("expert-tj", "同济大学 冶金与材料评审专家", tongji, "310110", Role.EXPERT);
		user("expert-cq", "重庆两江新材料检测中心 评审专家", cqTesting, "500112", Role.EXPERT);
		verified("苏州技术转移中心", OrganisationType.TECH_TRANSFER_AGENCY, "320500", "12", 16, "江苏省苏州市",
				"技术经纪、成果评估与挂牌交易。");
		OrganisationView wenzhou = verified("温州激光与光电子产业研究院", OrganisationType.RESEARCH_INSTITUTE, "330300", "12", 17,
				"浙江省温州市", "激光与光电子共性技术研发。");
		OrganisationView kust = verified("昆明理工大学", OrganisationType.UNIVERSITY, "530114", "12", 20, "云南省昆明市呈贡区",
				"冶金、材料与有色金属资源利用见长。", Qualification.KEY_LABORATORY);
		OrganisationView cqu = verified("重庆大学", OrganisationType.UNIVERSITY, "500106", "12", 21, "重庆市沙坪坝区",
				"机械、电气、材料与汽车工程见长。", Qualification.KEY_LABORATORY);
		OrganisationView shu = verified("上海大学", OrganisationType.UNIVERSITY, "310113", "12", 22, "上海市宝山区",
				"材料基因组、微电子与智能制造。", Qualification.ENGINEERING_RESEARCH_CENTRE);
		OrganisationView ynTesting = verified("云南省产品质量监督检验研究院", OrganisationType.TESTING_AGENCY, "530102", "12", 23,
				"云南省昆明市", "有色金属、中药材与食品检验检测。", Qualification.CMA, Qualification.CNAS);
		OrganisationView szTesting = verified("苏州新材料检测技术服务有限公司", OrganisationType.TESTING_AGENCY, "320505", "91", 24,
				"江苏省苏州市高新区", "材料、电子元器件与可靠性检测。", Qualification.CMA, Qualification.CNAS);
		List<OrganisationView> testing = new java.util.ArrayList<>(List.of(jdTesting, cqTesting, ynTesting, szTesting));
		List<OrganisationView> academic = new java.util.ArrayList<>(List.of(ynAcademy, tongji, sitri, kunshan, wenzhou, kust, cqu,
				shu));
		morePlatformProviders(testing, academic);

		pending("富宁县三七种植科技有限公司", OrganisationType.ENTERPRISE, "532628", 18, "ent-fn", "富宁三七技术部",
				"三七标准化种植与加工，寻求病害防治技术。", Qualification.TECH_SME);
		pending("上海临港新材料科技有限公司", OrganisationType.ENTERPRISE, "310115", 19, "ent-lg", "临港新材料研发部",
				"高性能铝合金材料研发。");
	}

	/** Places where the cooperating regions' providers sit, with the name they are known by. */
	static final String[][] PLACES = { { "310104", "上海徐汇" }, { "310110", "上海杨浦" }, { "310112", "上海闵行" },
			{ "310113", "上海宝山" }, { "310114", "上海嘉定" }, { "310115", "上海浦东" }, { "310117", "上海松江" }, { "320505", "苏州高新区" },
			{ "320583", "昆山" }, { "320585", "太仓" }, { "320102", "南京玄武" }, { "330302", "温州鹿城" }, { "330106", "杭州西湖" },
			{ "330212", "宁波鄞州" }, { "340104", "合肥蜀山" }, { "530102", "昆明五华" }, { "530114", "昆明呈贡" }, { "532601", "文山" },
			{ "530402", "玉溪红塔" }, { "500106", "重庆沙坪坝" }, { "500112", "重庆渝北" }, { "500108", "重庆南岸" } };
	static final String[] DOMAINS = { "材料", "电子电器", "汽车零部件", "环境", "食品药品", "计量", "建材", "化工", "生物医药", "新能源",
			"集成电路", "有色金属" };

	/**
	 * About 130 providers in all, as many as the Yangtze River Delta sharing platform opened with. A generated
	 * name already taken is skipped: place and field can spell one of the named providers above (上海嘉定 ·
	 * 汽车零部件 is the 嘉定 testing agency), and one organisation must not appear twice under two ids.
	 */
	private void morePlatformProviders(List<OrganisationView> testing, List<OrganisationView> academic) {
		Set<String> taken = new java.util.HashSet<>();
		testing.forEach(o -> taken.add(o.name()));
		academic.forEach(o -> taken.add(o.name()));
		int serial = 100;
		for (int i = 0; testing.size() + academic.size() < 130; i++) {
			String[] place = PLACES[i % PLACES.length];
			String domain = DOMAINS[(i * 7 + i / PLACES.length) % DOMAINS.length];
			String name = switch (i % 3) {
				case 0 -> place[1] + domain + "检测技术有限公司" + suffix(i);
				case 1 -> place[1] + domain + "研究院" + suffix(i);
				default -> place[1] + domain + "工程技术研究中心" + suffix(i);
			};
			if (!taken.add(name)) {
				continue;
			}
			switch (i % 3) {
				case 0 -> testing.add(verified(name, OrganisationType.TESTING_AGENCY, place[0], "91", serial++, place[1],
						domain + "领域检验检测与认证服务，对外开放共享大型仪器。", Qualification.CMA, Qualification.CNAS));
				case 1 -> academic.add(verified(name, OrganisationType.RESEARCH_INSTITUTE, place[0], "12", serial++, place[1],
						domain + "共性技术研发、中试熟化与成果转化。", Qualification.ENGINEERING_RESEARCH_CENTRE));
				default -> academic.add(verified(name, OrganisationType.ENGINEERING_CENTRE, place[0], "12", serial++,
						place[1], domain + "工程化研究与技术服务。"));
			}
		}
	}

	private static String suffix(int i) {
		return i < PLACES.length * 3 ? "" : "（" + (i / (PLACES.length * 3) + 1) + "）";
	}

	private OrganisationView verified(String name, OrganisationType type, String region, String authority, int serial,
			String address, String introduction, Qualification... qualifications) {
		return organisations.createVerified(form(name, type, region, authority, serial, address, introduction, qualifications));
	}

	private void pending(String name, OrganisationType type, String region, int serial, String username,
			String displayName, String introduction, Qualification... qualifications) {
		accounts.register(form(name, type, region, "91", serial, "", introduction, qualifications),
				new NewUser(username, PASSWORD, displayName, username + "@demo.kejiao.cn", "0871-12345678"), true);
	}

	private static RegistrationForm form(String name, OrganisationType type, String region, String authority,
			int serial, String address, String introduction, Qualification... qualifications) {
		return new RegistrationForm(name, type, region, creditCode(authority, region, serial), DemoContacts.name(serial),
				DemoContacts.phone(region, serial), "contact" + serial + "@demo.kejiao.cn", address, introduction,
				qualifications.length == 0 ? EnumSet.noneOf(Qualification.class) : EnumSet.copyOf(List.of(qualifications)));
	}

	/** A well-formed code: authority and category, the region, "MA" and a serial, and the check character. */
	static String creditCode(String authority, String region, int serial) {
		String first17 = authority + region + "MA" + String.format("%06d", serial) + "0";
		return first17 + CreditCode.checkCharacter(first17);
	}

	private void user(String username, String displayName, OrganisationView organisation, String region, Role role) {
		accounts.createUser(new NewUser(username, PASSWORD, displayName, username + "@demo.kejiao.cn", ""),
				organisation.id(), region, Set.of(role));
	}

}
