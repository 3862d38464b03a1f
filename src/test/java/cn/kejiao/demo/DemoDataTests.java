package cn.kejiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import cn.kejiao.challenge.Challenges;
import cn.kejiao.demand.Demands;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import cn.kejiao.voucher.VoucherSchemes;

/** A later start finds the demo data of the first one and adds nothing twice. */
@KejiaoIntegrationTest
class DemoDataTests {

	@Autowired
	DemoData demo;

	@Autowired
	Personas personas;

	@Autowired
	Demands demands;

	@Autowired
	Challenges challenges;

	@Autowired
	VoucherSchemes schemes;

	@Autowired
	Organisations organisations;

	@Test
	void aLaterStartPostsNoDemoDemandChallengeOrSchemeAgain() {
		Actor admin = personas.actor("admin");
		long demandsBefore = countDemoDemands(admin);
		int challengesBefore = challenges.list(admin).size();
		int schemesBefore = schemes.schemes(admin).size();
		assertThat(demandsBefore).as("the demo demand is there after the first start").isEqualTo(1);

		demo.run(new DefaultApplicationArguments());
		demo.run(new DefaultApplicationArguments());

		assertThat(countDemoDemands(admin)).isEqualTo(demandsBefore);
		assertThat(challenges.list(admin)).hasSize(challengesBefore);
		assertThat(schemes.schemes(admin)).hasSize(schemesBefore);
	}

	@Test
	void demoOrganisationsAreListedOnceAndOnlyTheRelatedPairSharesAPhone() {
		List<OrganisationView> demo = organisations.verified(EnumSet.allOf(OrganisationType.class)).stream()
			.filter(o -> o.contactEmail().endsWith("@demo.kejiao.cn"))
			.toList();
		assertThat(demo).hasSizeGreaterThan(130);
		assertThat(demo.stream().map(OrganisationView::name).distinct().count()).as("names are unique")
			.isEqualTo(demo.size());
		assertThat(demo.stream().filter(o -> o.name().equals("上海嘉定汽车零部件检测技术有限公司"))).hasSize(1);
		Map<String, List<String>> byPhone = demo.stream().collect(Collectors.groupingBy(OrganisationView::contactPhone,
				Collectors.mapping(OrganisationView::name, Collectors.toList())));
		assertThat(byPhone.values().stream().filter(names -> names.size() > 1).map(java.util.TreeSet::new).toList())
			.as("organisations sharing a phone")
			.containsExactly(new java.util.TreeSet<>(List.of("上海嘉定智能汽车科技有限公司", "上海工业技术研究院")));
		assertThat(demo.stream().map(OrganisationView::contactName).distinct().count()).isGreaterThan(20);
	}

	private long countDemoDemands(Actor admin) {
		return demands.list(admin, null, null, null, true).stream().filter(d -> d.title().equals(DemandDemo.BAUXITE)).count();
	}
}
