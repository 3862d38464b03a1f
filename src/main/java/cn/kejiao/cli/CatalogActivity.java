package cn.kejiao.cli;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.Actor;

/**
 * The catalog grows over the period: each provider publishes 2–6 shared instruments (the first within the first
 * days), 1–4 services and 2–6 achievements; one verified enterprise in five publishes an achievement of its own.
 * Each entry is created as a draft and published by its owner, through the catalog's facade (so the search index and
 * the insight marks see it like any other). About 2,000 entries at 100 providers and 5,000 enterprises.
 */
@Component
class CatalogActivity implements SimulatedActivity {

	/** An instrument kind: name, category (of the instrument categories), what it does, price per hour in yuan. */
	private record Kind(String name, String category, String specs, int pricePerHour) {
	}

	private static final List<Kind> KINDS = List.of(
			new Kind("场发射扫描电子显微镜", "电子光学仪器", "分辨率 0.8 nm@15 kV，配能谱仪（EDS）", 400),
			new Kind("X射线衍射仪", "X射线仪器", "Cu 靶，物相定性定量与残余应力分析", 200),
			new Kind("电感耦合等离子体质谱仪", "质谱仪器", "检出限 ppt 级，可测 70 余种元素", 300),
			new Kind("高效液相色谱仪", "色谱仪器", "四元梯度泵，二极管阵列检测器", 150),
			new Kind("傅里叶变换红外光谱仪", "光谱仪器", "光谱范围 7800–350 cm⁻¹，配 ATR 附件", 120),
			new Kind("万能材料试验机", "力学性能测试仪器", "最大试验力 250 kN，拉伸、压缩、弯曲", 200),
			new Kind("高低温湿热试验箱", "环境与可靠性试验设备", "温度 -70–180 ℃，湿度 10–98% RH", 100),
			new Kind("三坐标测量机", "长度计量仪器", "测量范围 1000×700×600 mm", 220));

	private static final String[] SERVICES = { "材料成分与微观结构分析", "金属材料力学性能检测", "环境与可靠性试验", "失效分析",
			"食品安全检测", "产品设计与工艺验证" };

	private final Catalog catalog;
	private int serial;

	CatalogActivity(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void setUp(SimulationSteps steps) {
		serial = 0;
		int days = steps.plan().days();
		for (SimulationCast.Provider provider : steps.providers()) {
			int instruments = 2 + steps.random().nextInt(5);
			for (int i = 0; i < instruments; i++) {
				int day = i == 0 ? 1 + steps.random().nextInt(3) : 1 + steps.random().nextInt(Math.max(1, days * 2 / 3));
				steps.later(day, () -> instrument(steps, provider));
			}
			int services = 1 + steps.random().nextInt(4);
			for (int i = 0; i < services; i++) {
				steps.later(1 + steps.random().nextInt(Math.max(1, days / 2)), () -> service(steps, provider));
			}
			int achievements = 2 + steps.random().nextInt(5);
			for (int i = 0; i < achievements; i++) {
				int day = i == 0 ? 1 + steps.random().nextInt(5) : 1 + steps.random().nextInt(Math.max(1, days * 2 / 3));
				String industry = SimulationCast.INDUSTRIES[steps.random().nextInt(SimulationCast.INDUSTRIES.length)];
				steps.later(day, () -> achievement(steps, provider.actor(), provider.name(), industry));
			}
		}
	}

	@Override
	public void enterpriseVerified(SimulationSteps steps, SimulationSteps.SimulatedEnterprise enterprise) {
		if (steps.random().nextInt(5) == 0) {
			steps.later(10 + steps.random().nextInt(Math.max(1, steps.plan().days() / 2)),
					() -> achievement(steps, enterprise.actor(), enterprise.placeName(), enterprise.industry()));
		}
	}

	private void instrument(SimulationSteps steps, SimulationCast.Provider provider) {
		Kind kind = KINDS.get(steps.random().nextInt(KINDS.size()));
		int price = kind.pricePerHour() + 10 * steps.random().nextInt(20);
		Map<String, Object> details = new LinkedHashMap<>();
		String model = "M-" + (100 + steps.random().nextInt(900));
		details.put("model", model);
		details.put("maker", "模拟仪器厂");
		details.put("originalValue", (50 + steps.random().nextInt(500)) * 10_000);
		details.put("purchaseYear", 2012 + steps.random().nextInt(13));
		details.put("location", provider.name());
		details.put("specs", kind.specs());
		publish(steps, provider.actor(), EntryType.INSTRUMENT, new EntryForm(code(steps, "I"),
				kind.name() + "（" + model + "）", kind.name() + "，" + kind.specs() + "。面向企业开放共享，提供测试与技术咨询。",
				kind.category() + "、" + kind.name(),
				kind.category(), BigDecimal.valueOf(price), "HOUR", Set.of(), null, Confidentiality.PUBLIC, null, details),
				"instruments published");
	}

	private void service(SimulationSteps steps, SimulationCast.Provider provider) {
		String name = SERVICES[steps.random().nextInt(SERVICES.length)];
		int price = (5 + steps.random().nextInt(76)) * 100;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("turnaroundDays", 3 + steps.random().nextInt(12));
		publish(steps, provider.actor(), EntryType.SERVICE, new EntryForm(code(steps, "S"), name,
				provider.name() + "提供" + name + "服务，依据国家与行业标准，出具正式报告。", name + "、检验检测", "检验检测",
				BigDecimal.valueOf(price), "ITEM", Set.of(), null, Confidentiality.PUBLIC, null, details), "services published");
	}

	/** An achievement in an industry, worded so that the demands of that industry find it. */
	private void achievement(SimulationSteps steps, Actor owner, String ownerName, String industry) {
		String[] maturities = { "LAB", "PILOT", "INDUSTRIAL" };
		String[] topics = { "工艺优化与质量提升技术", "关键工艺智能检测技术", "绿色低碳生产工艺", "良率提升与过程控制技术" };
		String topic = topics[steps.random().nextInt(topics.length)];
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("trl", 3 + steps.random().nextInt(6));
		details.put("transferModes", List.of("技术许可", "合作开发"));
		BigDecimal price = BigDecimal.valueOf((5 + steps.random().nextInt(200)) * 10_000L);
		publish(steps, owner, EntryType.ACHIEVEMENT, new EntryForm(code(steps, "A"), industry + topic,
				ownerName + "研发的" + industry + topic + "，面向" + industry + "企业的生产工艺瓶颈，提升产品良率与质量稳定性，已完成验证，可联合攻关。",
				industry + "、工艺优化、" + topic, industry, price, "TOTAL", null,
				maturities[steps.random().nextInt(maturities.length)], Confidentiality.PUBLIC, null, details),
				"achievements published");
	}

	private void publish(SimulationSteps steps, Actor owner, EntryType type, EntryForm form, String counted) {
		EntryView draft = steps.as(owner, () -> catalog.create(type, form));
		steps.as(owner, () -> catalog.publish(draft.id()));
		steps.done(counted);
	}

	private String code(SimulationSteps steps, String type) {
		return "SIM" + steps.plan().seed() + "-" + type + (++serial);
	}
}
