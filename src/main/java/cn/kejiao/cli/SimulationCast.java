package cn.kejiao.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.NewUser;
import cn.kejiao.account.UserView;
import cn.kejiao.organisation.CreditCode;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.organisation.Qualification;
import cn.kejiao.organisation.RegistrationForm;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Role;

/**
 * Who acts in the simulation: the demo region admins and platform admin, the demo providers (each given one
 * login of its own when it has none), and the simulated enterprises, each registered with one login user. The
 * places enterprises register in are the demo regions: 上海 districts, 苏州, 昆山, 温州, 昆明, 文山, 富宁 and 重庆.
 */
final class SimulationCast {

	static final String PASSWORD = "kejiao-demo";

	/** Region code, its name for organisation names, and the admin who verifies registrations there. */
	static final String[][] PLACES = { { "310114", "上海嘉定", "jd-admin" }, { "310115", "上海浦东", "sh-admin" },
			{ "310112", "上海闵行", "sh-admin" }, { "310113", "上海宝山", "sh-admin" }, { "320505", "苏州高新区", "admin" },
			{ "320583", "昆山", "admin" }, { "330302", "温州鹿城", "admin" }, { "530102", "昆明五华", "yn-admin" },
			{ "530114", "昆明呈贡", "yn-admin" }, { "532601", "文山", "ws-admin" }, { "532628", "富宁", "ws-admin" },
			{ "500112", "重庆渝北", "cq-admin" }, { "500106", "重庆沙坪坝", "cq-admin" } };

	static final String[] INDUSTRIES = { "汽车零部件", "新材料", "电子信息", "生物医药", "绿色铝材", "三七加工", "智能装备", "集成电路",
			"新能源", "食品加工", "激光光电", "环保科技" };

	/** A provider that takes orders: its organisation, region and the login acting for it. */
	record Provider(UUID organisationId, String name, String regionCode, Actor actor) {
	}

	private final Accounts accounts;
	private final Organisations organisations;
	private final Map<String, Actor> admins = new LinkedHashMap<>();

	SimulationCast(Accounts accounts, Organisations organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
	}

	/** The demo admins; {@code null} when the demo accounts are missing. */
	@Nullable
	String loadAdmins() {
		for (String name : List.of("admin", "sh-admin", "jd-admin", "yn-admin", "ws-admin", "cq-admin")) {
			var user = accounts.find(name);
			if (user.isEmpty()) {
				return name;
			}
			admins.put(name, actor(user.get()));
		}
		return null;
	}

	/** The admin who registers contracts and verifies organisations of a region: the nearest demo admin above it. */
	static String registrar(String region) {
		if (region.startsWith("310114")) {
			return "jd-admin";
		}
		if (region.startsWith("5326")) {
			return "ws-admin";
		}
		return switch (region.substring(0, 2)) {
			case "31" -> "sh-admin";
			case "53" -> "yn-admin";
			case "50" -> "cq-admin";
			default -> "admin";
		};
	}

	Actor admin(String username) {
		return admins.get(username);
	}

	/**
	 * Up to {@code count} verified providers, in the order of their credit codes, each with a login: its own
	 * demo user where it has one, else one created for it by the platform admin.
	 */
	List<Provider> providers(int count, long seed) {
		List<OrganisationView> verified = new ArrayList<>(organisations.verified(EnumSet.allOf(OrganisationType.class))
			.stream().filter(o -> o.type().isProvider()).sorted(Comparator.comparing(OrganisationView::creditCode)).toList());
		List<Provider> providers = new ArrayList<>();
		for (OrganisationView organisation : verified.subList(0, Math.min(count, verified.size()))) {
			List<UserView> users = accounts.usersOf(organisation.id()).stream()
				.filter(u -> u.roles().contains(Role.PROVIDER)).sorted(Comparator.comparing(UserView::username)).toList();
			UserView user = users.isEmpty() ? Actors.runAs(admins.get("admin"), () -> accounts.createUser(
					new NewUser("sim" + seed + "-p" + (providers.size() + 1), PASSWORD, organisation.name() + " 业务部",
							"sim" + seed + "-p" + (providers.size() + 1) + "@sim.kejiao.cn", ""),
					organisation.id(), organisation.regionCode(), Set.of(Role.PROVIDER))) : users.getFirst();
			providers.add(new Provider(organisation.id(), organisation.name(), organisation.regionCode(), actor(user)));
		}
		return providers;
	}

	/** The registration of simulated enterprise {@code index} at {@code place}, and its first user. */
	static RegistrationForm form(long seed, int index, String[] place, String industry) {
		int serial = (int) Math.floorMod(seed * 100_003L + index, 1_000_000L);
		String first17 = "91" + place[0] + "MA" + String.format("%06d", serial) + "0";
		String name = place[1] + industry + "科技有限公司（模拟" + seed + "-" + index + "）";
		return new RegistrationForm(name, OrganisationType.ENTERPRISE, place[0], first17 + CreditCode.checkCharacter(first17),
				"联系人" + index, "0871-" + String.format("%08d", serial), "e" + index + "@sim" + seed + ".kejiao.cn",
				place[1], industry + "领域的科技型中小企业，寻求检验检测、研发设计与技术转移服务。", EnumSet.of(Qualification.TECH_SME));
	}

	static NewUser user(long seed, int index, RegistrationForm form) {
		String username = username(seed, index);
		return new NewUser(username, PASSWORD, form.name() + " 技术部", username + "@sim.kejiao.cn", "");
	}

	static String username(long seed, int index) {
		return "sim" + seed + "-e" + index;
	}

	/** The user as an actor, as if signed in. */
	Actor actor(String username) {
		return actor(accounts.find(username).orElseThrow());
	}

	private Actor actor(UserView user) {
		OrganisationView organisation = user.organisationId() == null ? null
				: organisations.find(user.organisationId()).orElse(null);
		return new Actor(user.id(), user.username(), user.displayName(), user.organisationId(),
				organisation == null ? null : organisation.name(), user.regionCode(), user.roles());
	}
}
