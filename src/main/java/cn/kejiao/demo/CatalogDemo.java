package cn.kejiao.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.hankcs.hanlp.HanLP;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Role;

/**
 * A catalog for the demo: instruments and services of the testing agencies, universities and institutes,
 * achievements (real Chinese paper abstracts, see demo/SOURCE.md, about one in ten shown in Traditional
 * Chinese as some regions write them) and experts. Entries are created through the catalog's facade as
 * their owners would, so the audit log and the search index see them like any other.
 */
@Component
class CatalogDemo {

	/** Full scale is what the Yangtze River Delta platform opened with: 1,705 instruments and 309 service items. */
	record Scale(int instruments, int services, int experts) {

		static Scale of(String name) {
			return "small".equals(name) ? new Scale(150, 45, 40) : new Scale(1705, 309, 200);
		}

		int total(int achievements) {
			return instruments + services + experts + achievements + 1;
		}
	}

	private final Catalog catalog;
	private final Organisations organisations;
	private final TransactionTemplate transactions;
	private Random random = new Random(2026);

	CatalogDemo(Catalog catalog, Organisations organisations, TransactionTemplate transactions) {
		this.catalog = catalog;
		this.organisations = organisations;
		this.transactions = transactions;
	}

	/** True when every demo entry is there (a start-up interrupted while loading leaves fewer). */
	boolean complete(Scale scale) {
		return catalog.countAll() >= scale.total(papers().size());
	}

	/**
	 * Loads (or completes) the demo catalog for the verified providers. Entries are upserted by their
	 * codes, in small transactions, so a load cut short by a stop simply goes on at the next start.
	 */
	void load(Scale scale) {
		List<OrganisationView> providers = organisations.verified(EnumSet.of(OrganisationType.TESTING_AGENCY,
				OrganisationType.RESEARCH_INSTITUTE, OrganisationType.UNIVERSITY, OrganisationType.ENGINEERING_CENTRE));
		List<OrganisationView> testing = providers.stream().filter(o -> o.type() == OrganisationType.TESTING_AGENCY).toList();
		List<OrganisationView> academic = providers.stream().filter(o -> o.type() != OrganisationType.TESTING_AGENCY).toList();
		OrganisationView ynAcademy = providers.stream().filter(o -> o.name().equals("云南省科学技术院")).findFirst().orElseThrow();
		random = new Random(2026);
		seed(testing, academic, ynAcademy, scale);
	}

	record Kind(String name, String category, String[] models, String specs, String unit, int priceLow, int priceHigh,
			int valueLowWan, int valueHighWan) {
	}

	static final List<Kind> INSTRUMENTS = List.of(
			new Kind("场发射扫描电子显微镜", "电子光学仪器", new String[] { "蔡司 Sigma 300", "日立 SU8010", "赛默飞 Apreo 2" },
					"分辨率 0.8 nm@15 kV，放大倍数 12–2,000,000×，配能谱仪（EDS）", "HOUR", 300, 600, 200, 500),
			new Kind("透射电子显微镜", "电子光学仪器", new String[] { "日本电子 JEM-2100F", "赛默飞 Talos F200X" },
					"点分辨率 0.19 nm，加速电压 200 kV，配 STEM 与能谱", "HOUR", 800, 1500, 600, 1500),
			new Kind("X射线衍射仪", "X射线仪器", new String[] { "布鲁克 D8 ADVANCE", "理学 SmartLab", "帕纳科 Empyrean" },
					"Cu 靶，测角仪精度 0.0001°，可做物相定性定量、残余应力分析", "SAMPLE", 150, 300, 80, 200),
			new Kind("电感耦合等离子体质谱仪", "质谱仪器", new String[] { "安捷伦 7900", "赛默飞 iCAP RQ" },
					"检出限 ppt 级，可测 70 余种元素，含稀土与重金属", "SAMPLE", 200, 500, 150, 300),
			new Kind("气相色谱-质谱联用仪", "质谱仪器", new String[] { "岛津 GCMS-QP2020 NX", "安捷伦 8890-5977B" },
					"质量范围 1.5–1090 u，可做挥发性有机物、农药残留分析", "SAMPLE", 200, 400, 60, 120),
			new Kind("高效液相色谱仪", "色谱仪器", new String[] { "沃特世 ACQUITY Arc", "岛津 LC-20AD" },
					"四元梯度泵，二极管阵列检测器，适用于药物与中药成分含量测定", "SAMPLE", 100, 250, 30, 80),
			new Kind("傅里叶变换红外光谱仪", "光谱仪器", new String[] { "赛默飞 Nicolet iS20", "布鲁克 INVENIO S" },
					"光谱范围 7800–350 cm⁻¹，分辨率 0.09 cm⁻¹，配 ATR 附件", "SAMPLE", 80, 200, 30, 80),
			new Kind("激光扫描共聚焦显微镜", "显微镜及图像分析仪器", new String[] { "徕卡 STELLARIS 5", "蔡司 LSM 980" },
					"4 路激光，光谱检测，活细胞成像", "HOUR", 200, 400, 300, 600),
			new Kind("核磁共振波谱仪", "波谱仪器", new String[] { "布鲁克 AVANCE NEO 600", "布鲁克 AVANCE III 400" },
					"600 MHz，宽带探头，可做一维、二维谱", "SAMPLE", 300, 800, 500, 1200),
			new Kind("电磁兼容测试系统", "电磁兼容测试仪器", new String[] { "罗德与施瓦茨 ESW44", "是德科技 N9038B" },
					"9 kHz–44 GHz，3 m 法半电波暗室，满足 CISPR 25、GB/T 18655 汽车零部件测试", "HOUR", 600, 1200, 800, 2000),
			new Kind("万能材料试验机", "力学性能测试仪器", new String[] { "英斯特朗 5985", "美特斯 CMT5105" },
					"最大试验力 250 kN，拉伸、压缩、弯曲，高低温环境箱 -70–350 ℃", "SAMPLE", 100, 300, 50, 150),
			new Kind("高低温湿热试验箱", "环境与可靠性试验设备", new String[] { "爱斯佩克 PSL-4KPH", "伟思富奇 WK3-1000" },
					"温度 -70–180 ℃，湿度 10–98% RH，容积 1000 L", "HOUR", 50, 150, 30, 80),
			new Kind("三坐标测量机", "长度计量仪器", new String[] { "海克斯康 GLOBAL S", "蔡司 CONTURA" },
					"测量范围 1000×700×600 mm，示值误差 1.5+L/350 μm", "HOUR", 150, 300, 100, 300),
			new Kind("同步热分析仪", "热分析仪器", new String[] { "耐驰 STA 449 F3", "梅特勒 TGA/DSC 3+" },
					"室温–1600 ℃，热重与差示扫描量热同步测量", "SAMPLE", 150, 300, 60, 120),
			new Kind("激光粒度分析仪", "颗粒度测量仪器", new String[] { "马尔文 Mastersizer 3000", "新帕泰克 HELOS" },
					"测量范围 0.01–3500 μm，湿法与干法进样", "SAMPLE", 80, 150, 40, 80),
			new Kind("工业计算机断层扫描系统", "工业计算机断层扫描仪器", new String[] { "依科视朗 FF35 CT", "蔡司 METROTOM 1500" },
					"225 kV 微焦点射线源，体素尺寸最小 3 μm，铸件与电池无损检测", "HOUR", 800, 2000, 500, 1500),
			new Kind("电动振动试验系统", "环境与可靠性试验设备", new String[] { "苏试 DC-3200", "东菱 ES-30" },
					"额定推力 32 kN，频率 2–2700 Hz，正弦、随机与冲击", "HOUR", 300, 600, 80, 200),
			new Kind("动力电池充放电测试系统", "电池与电源测试仪器", new String[] { "新威 CE-6000", "Digatron MCT" },
					"单通道 100 V/300 A，能量回馈，配高低温箱", "HOUR", 100, 300, 50, 200),
			new Kind("原子力显微镜", "显微镜及图像分析仪器", new String[] { "布鲁克 Dimension Icon", "牛津仪器 Cypher ES" },
					"峰值力轻敲模式，噪声 < 30 pm，可测力学与电学性能", "HOUR", 300, 500, 200, 400),
			new Kind("X射线光电子能谱仪", "电子能谱仪器", new String[] { "赛默飞 ESCALAB Xi+", "岛津 AXIS SUPRA" },
					"单色化 Al Kα，能量分辨率 ≤ 0.45 eV，深度剖析", "SAMPLE", 400, 800, 500, 1000));

	/** The kinds of instrument a service is done with, for the services' "instruments used". */
	static final Map<String, List<String>> INSTRUMENTS_FOR = Map.of(
			"汽车电子零部件电磁兼容（EMC）检测", List.of("电磁兼容测试系统"),
			"金属材料力学性能检测", List.of("万能材料试验机"),
			"材料成分与微观结构分析", List.of("场发射扫描电子显微镜", "X射线衍射仪", "透射电子显微镜"),
			"环境与可靠性试验", List.of("高低温湿热试验箱", "电动振动试验系统"),
			"铝土矿与氧化铝化学成分分析", List.of("电感耦合等离子体质谱仪", "X射线衍射仪"),
			"三七等中药材质量检测", List.of("高效液相色谱仪", "气相色谱-质谱联用仪"),
			"食品安全检测", List.of("气相色谱-质谱联用仪", "电感耦合等离子体质谱仪"),
			"失效分析", List.of("场发射扫描电子显微镜", "工业计算机断层扫描系统"),
			"动力电池安全性能测试", List.of("动力电池充放电测试系统"));

	record ServiceKind(String name, String category, String standards, boolean cma, int price, String unit, int days) {
	}

	static final List<ServiceKind> SERVICES = List.of(
			new ServiceKind("汽车电子零部件电磁兼容（EMC）检测", "检验检测", "GB/T 18655-2018；CISPR 25；ISO 11452", true, 8000, "ITEM", 10),
			new ServiceKind("金属材料力学性能检测", "检验检测", "GB/T 228.1-2021；GB/T 229-2020", true, 600, "SAMPLE", 5),
			new ServiceKind("材料成分与微观结构分析", "检验检测", "GB/T 17359-2012；JY/T 0584-2020", true, 900, "SAMPLE", 7),
			new ServiceKind("环境与可靠性试验", "检验检测", "GB/T 2423 系列；ISO 16750", true, 5000, "ITEM", 15),
			new ServiceKind("铝土矿与氧化铝化学成分分析", "检验检测", "GB/T 3257 系列；YS/T 575 系列", true, 500, "SAMPLE", 5),
			new ServiceKind("三七等中药材质量检测", "检验检测", "《中国药典》2020 年版；GB 5009 系列", true, 800, "SAMPLE", 7),
			new ServiceKind("食品安全检测", "检验检测", "GB 2762-2022；GB 2763-2021", true, 600, "SAMPLE", 7),
			new ServiceKind("失效分析", "检验检测", "GB/T 34554-2017", false, 0, null, 15),
			new ServiceKind("动力电池安全性能测试", "检验检测", "GB 38031-2020", true, 30000, "ITEM", 20),
			new ServiceKind("产品认证咨询（CCC、CE）", "认证", "CNCA 认证实施规则", false, 0, null, 30),
			new ServiceKind("新产品研发设计与样机试制", "研发设计", "", false, 0, null, 60),
			new ServiceKind("科技查新", "技术咨询", "GB/T 32003-2015", false, 800, "ITEM", 7),
			new ServiceKind("专利导航与技术竞争分析", "技术咨询", "GB/T 39551-2020", false, 20000, "ITEM", 30),
			new ServiceKind("科技成果评价", "技术转移服务", "GB/T 39057-2020", false, 10000, "ITEM", 20),
			new ServiceKind("技术合同认定登记咨询", "技术转移服务", "《技术合同认定规则》", false, 0, null, 10));

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
			"郭", "何", "罗", "高", "林" };
	static final String[] GIVEN = { "建华", "晓明", "志强", "丽娟", "海涛", "文博", "雪梅", "振宇", "立新", "雅琴", "国栋", "慧敏",
			"明辉", "红霞", "永刚", "晨曦", "思远", "春燕" };
	static final String[][] EXPERT_FIELDS = { { "材料科学与工程", "铝合金、轻量化材料、有色冶金" },
			{ "冶金工程", "氧化铝生产、铝土矿选矿、赤泥综合利用" }, { "车辆工程", "新能源汽车、智能网联、汽车电子" },
			{ "电子科学与技术", "传感器、集成电路、MEMS" }, { "中药学", "三七、道地药材、中药质量控制" },
			{ "化学工程与技术", "催化、精细化工、绿色工艺" }, { "仪器科学与技术", "精密测量、无损检测、计量" },
			{ "食品科学与工程", "食品安全、功能食品、检测方法" }, { "环境科学与工程", "固废资源化、污水处理、碳排放" },
			{ "机械工程", "智能制造、数控装备、增材制造" } };

	/** Seeds the catalog; {@code providers} own instruments and services, all of them achievements and experts. */
	private void seed(List<OrganisationView> testing, List<OrganisationView> academic, OrganisationView ynAcademy,
			Scale scale) {
		List<OrganisationView> providers = new ArrayList<>(testing);
		providers.addAll(academic);
		as(ynAcademy, () -> bauxite());
		inChunks(scale.instruments(), i -> {
			OrganisationView owner = providers.get(i % providers.size());
			Kind kind = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
			as(owner, () -> instrument(owner, kind, i + 1));
		});
		inChunks(scale.services(), i -> {
			List<OrganisationView> pool = i % 3 == 2 ? academic : testing;
			OrganisationView owner = pool.get(random.nextInt(pool.size()));
			ServiceKind kind = SERVICES.get(i % SERVICES.size());
			as(owner, () -> service(owner, kind, i + 1));
		});
		List<String[]> papers = papers();
		inChunks(papers.size(), i -> {
			OrganisationView owner = academic.get(i % academic.size());
			as(owner, () -> achievement(papers.get(i), i + 1));
		});
		inChunks(scale.experts(), i -> {
			OrganisationView owner = academic.get(i % academic.size());
			as(owner, () -> expert(i + 1));
		});
	}

	/** Runs the steps in transactions of 100, so that progress is committed as it goes. */
	private void inChunks(int count, java.util.function.IntConsumer step) {
		for (int from = 0; from < count; from += 100) {
			int start = from;
			transactions.executeWithoutResult(status -> {
				for (int i = start; i < Math.min(count, start + 100); i++) {
					step.accept(i);
				}
			});
		}
	}

	private void bauxite() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("patents", List.of("ZL201810123456.7 发明专利（已授权）", "ZL201920654321.X 实用新型（已授权）"));
		details.put("trl", 7);
		details.put("transferModes", List.of("技术转让", "技术许可", "合作开发"));
		details.put("inventors", "云南省科学技术院有色金属资源利用团队");
		EntryView entry = catalog.upsert(EntryType.ACHIEVEMENT, new EntryForm("ACH-YN-0001", "低品位铝土矿生产氧化铝技术",
				"针对云南文山等地高硅低铝比（A/S 3–5）铝土矿难以用拜耳法经济处理的问题，开发了选矿脱硅—强化溶出—赤泥低碱化的"
						+ "集成工艺：浮选脱硅使精矿铝硅比提高到 7 以上，配合石灰强化拜耳法溶出，氧化铝溶出率达 85% 以上，吨氧化铝碱耗降低约 20%，"
						+ "赤泥可用于建材。已在年产 10 万吨规模完成中试，可用于低品位铝土矿资源的绿色高效利用和氧化铝企业的原料保障。",
				"低品位铝土矿、氧化铝、拜耳法、选矿脱硅、赤泥综合利用、绿色铝", "冶金工程", null, null, null, "PILOT",
				Confidentiality.PUBLIC, null, details));
		catalog.publish(entry.id());
	}

	private void instrument(OrganisationView owner, Kind kind, int index) {
		String model = kind.models()[random.nextInt(kind.models().length)];
		int price = round(kind.priceLow() + random.nextInt(kind.priceHigh() - kind.priceLow() + 1));
		int value = kind.valueLowWan() + random.nextInt(kind.valueHighWan() - kind.valueLowWan() + 1);
		String title = kind.name();
		String specs = kind.specs();
		if (index % 10 == 7) {
			title = HanLP.convertToTraditionalChinese(title);
			specs = HanLP.convertToTraditionalChinese(specs);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("model", model.substring(model.indexOf(' ') + 1));
		details.put("maker", model.substring(0, model.indexOf(' ')));
		details.put("originalValue", value * 10_000);
		details.put("purchaseYear", 2012 + random.nextInt(13));
		details.put("location", owner.address().isBlank() ? owner.name() : owner.address());
		details.put("specs", specs);
		details.put("sampleRequirements", "样品需干燥、无腐蚀性，送样前请与联系人确认尺寸与数量。");
		details.put("bookingMode", index % 3 == 0 ? "自动审批" : "机主审核");
		details.put("internalPrice", round(price * 0.6));
		details.put("contact", owner.contactName() + " " + owner.contactPhone());
		Set<String> accreditations = owner.qualifications().stream().map(Enum::name)
			.filter(q -> q.equals("CMA") || q.equals("CNAS")).collect(java.util.stream.Collectors.toSet());
		EntryView entry = catalog.upsert(EntryType.INSTRUMENT, new EntryForm("INS-" + String.format("%05d", index), title,
				kind.name() + "（" + model + "），" + specs + "。面向长三角及合作区域企业开放共享，提供测试与技术咨询。",
				kind.category() + "、" + kind.name(), kind.category(), BigDecimal.valueOf(price), kind.unit(), accreditations,
				null, Confidentiality.PUBLIC, null, details));
		if (index % 97 != 0) {
			catalog.publish(entry.id());
		}
	}

	private void service(OrganisationView owner, ServiceKind kind, int index) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("standards", kind.standards());
		details.put("turnaroundDays", kind.days());
		List<String> wanted = INSTRUMENTS_FOR.getOrDefault(kind.name(), List.of());
		List<String> instruments = wanted.isEmpty() ? List.of() : catalog.mine(EntryType.INSTRUMENT).stream()
			.filter(i -> wanted.stream().anyMatch(w -> i.summary().startsWith(w)))
			.map(EntryView::externalCode).limit(3).toList();
		if (!instruments.isEmpty()) {
			details.put("instruments", instruments);
		}
		details.put("contact", owner.contactName() + " " + owner.contactPhone());
		Set<String> accreditations = kind.cma() ? owner.qualifications().stream().map(Enum::name)
			.filter(q -> q.equals("CMA") || q.equals("CNAS")).collect(java.util.stream.Collectors.toSet()) : Set.of();
		EntryView entry = catalog.upsert(EntryType.SERVICE, new EntryForm("SRV-" + String.format("%03d", index), kind.name(),
				owner.name() + "提供" + kind.name() + "服务，依据 " + (kind.standards().isBlank() ? "客户需求与行业规范" : kind.standards())
						+ "，出具正式报告，周期约 " + kind.days() + " 个工作日。",
				kind.name() + "、" + kind.category(), kind.category(), kind.price() == 0 ? null : BigDecimal.valueOf(kind.price()),
				kind.price() == 0 ? null : kind.unit(), accreditations, null, Confidentiality.PUBLIC, null, details));
		catalog.publish(entry.id());
	}

	private void achievement(String[] paper, int index) {
		String[] maturities = { "LAB", "LAB", "PILOT", "INDUSTRIAL" };
		String title = paper[0];
		String summary = paper[1];
		if (index % 10 == 3) {
			title = HanLP.convertToTraditionalChinese(title);
			summary = HanLP.convertToTraditionalChinese(summary);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("trl", 3 + random.nextInt(6));
		details.put("transferModes", List.of(index % 2 == 0 ? "技术许可" : "技术转让", "合作开发"));
		Confidentiality confidentiality = index % 20 == 5 ? Confidentiality.ON_REQUEST
				: index % 20 == 11 ? Confidentiality.ZONE : Confidentiality.PUBLIC;
		BigDecimal price = index % 3 == 0 ? null : BigDecimal.valueOf((5 + random.nextInt(200)) * 10_000L);
		EntryView entry = catalog.upsert(EntryType.ACHIEVEMENT, new EntryForm("ACH-" + String.format("%04d", index), title,
				summary, paper[2], paper[3], price, price == null ? null : "TOTAL", null,
				maturities[random.nextInt(maturities.length)], confidentiality, null, details));
		catalog.publish(entry.id());
	}

	private void expert(int index) {
		String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
		String[] field = EXPERT_FIELDS[index % EXPERT_FIELDS.length];
		String[] titles = { "教授", "研究员", "副教授", "高级工程师", "正高级工程师" };
		String title = titles[random.nextInt(titles.length)];
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("titles", title);
		details.put("fields", field[0]);
		details.put("available", index % 4 != 0);
		details.put("techCommissioner", index % 5 == 0);
		if (index % 6 == 0) {
			details.put("talentTeam", field[0] + "创新团队");
		}
		EntryView entry = catalog.upsert(EntryType.EXPERT, new EntryForm("EXP-" + String.format("%03d", index),
				name + " " + title, name + "，" + title + "，长期从事" + field[1] + "方面的研究与技术服务，主持国家和省部级项目多项，"
						+ "可为企业提供技术咨询、难题攻关与人才培养。",
				field[1].replace("、", "、"), field[0], null, null, null, null, Confidentiality.PUBLIC, null, details));
		catalog.publish(entry.id());
	}

	private static int round(double value) {
		return (int) Math.round(value / 10.0) * 10;
	}

	private void as(OrganisationView owner, Runnable step) {
		Actor actor = new Actor(UUID.nameUUIDFromBytes(owner.id().toString().getBytes(StandardCharsets.UTF_8)), "demo",
				"演示数据", owner.id(), owner.name(), owner.regionCode(), Set.of(Role.PROVIDER));
		Actors.runAs(actor, () -> {
			step.run();
			return null;
		});
	}

	static List<String[]> papers() {
		List<String[]> papers = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("demo/achievements.tsv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				String[] cells = line.split("\t");
				if (cells.length == 4) {
					papers.add(cells);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return papers;
	}
}
