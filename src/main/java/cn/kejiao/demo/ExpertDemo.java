package cn.kejiao.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.NewUser;
import cn.kejiao.challenge.ExpertPool;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.database.EmbeddedDatabase;

/**
 * The expert pool of the demo: the three expert accounts get their profiles, and four more experts of
 * universities and institutes in Shanghai, Yunnan and Chongqing join them, so that a publisher can search by
 * field and region and meet conflicts of interest — 上海大学's materials expert also holds a post at 同济大学.
 * Runs after {@link DemoData}; a later start finds the experts and does nothing.
 */
@Component
@Order(1)
class ExpertDemo implements ApplicationRunner {

	/** username, display name, organisation, title, discipline, keywords, affiliations (separated by 、). */
	static final List<String[]> EXPERTS = List.of(
			new String[] { "expert-sh", null, "同济大学", "教授", "材料科学与工程", "铝合金、轻量化材料、天然产物分离", "" },
			new String[] { "expert-tj", null, "同济大学", "教授", "冶金工程", "氧化铝生产、铝土矿选矿、赤泥综合利用", "" },
			new String[] { "expert-cq", null, "重庆两江新材料检测中心", "正高级工程师", "仪器科学与技术", "材料检测、失效分析、MEMS 封装可靠性", "" },
			new String[] { "expert-km", "昆明理工大学 冶金评审专家", "昆明理工大学", "教授", "冶金工程", "拜耳法溶出、赤泥减量、有色金属资源利用", "" },
			new String[] { "expert-shu", "上海大学 材料评审专家", "上海大学", "研究员", "材料科学与工程", "铝合金、材料基因组、冶金过程模拟",
					"同济大学" },
			new String[] { "expert-cqu", "重庆大学 汽车电子评审专家", "重庆大学", "教授", "车辆工程", "新能源汽车、汽车电子、MEMS 传感器", "" },
			new String[] { "expert-yn", "云南省质检院 中药检测评审专家", "云南省产品质量监督检验研究院", "正高级工程师", "中药学",
					"三七、道地药材、中药质量控制、皂苷提取", "" });

	private final Accounts accounts;
	private final Organisations organisations;
	private final ExpertPool pool;
	private final DemoActors actors;
	private final boolean enabled;

	ExpertDemo(Accounts accounts, Organisations organisations, ExpertPool pool, DemoActors actors,
			ObjectProvider<EmbeddedDatabase> embedded, @Value("${kejiao.demo.enabled:#{null}}") @Nullable Boolean enabled) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.pool = pool;
		this.actors = actors;
		this.enabled = enabled != null ? enabled : embedded.getIfAvailable() != null;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || !accounts.exists("admin") || accounts.exists("expert-km")) {
			return;
		}
		List<OrganisationView> academic = organisations.verified(EnumSet.of(OrganisationType.UNIVERSITY,
				OrganisationType.RESEARCH_INSTITUTE, OrganisationType.TESTING_AGENCY));
		for (String[] expert : EXPERTS) {
			if (expert[1] != null) {
				OrganisationView organisation = academic.stream().filter(o -> o.name().equals(expert[2])).findFirst()
					.orElseThrow();
				accounts.createUser(new NewUser(expert[0], DemoData.PASSWORD, expert[1], expert[0] + "@demo.kejiao.cn", ""),
						organisation.id(), organisation.regionCode(), Set.of(Role.EXPERT));
			}
			actors.as(expert[0], () -> pool.saveProfile(expert[3], expert[4], expert[5],
					expert[6].isEmpty() ? List.of() : List.of(expert[6].split("、"))));
		}
	}
}
