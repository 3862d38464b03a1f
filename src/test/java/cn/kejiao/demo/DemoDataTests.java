package cn.kejiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import cn.kejiao.challenge.Challenges;
import cn.kejiao.demand.Demands;
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

	private long countDemoDemands(Actor admin) {
		return demands.list(admin, null, null, null, true).stream().filter(d -> d.title().equals(DemandDemo.BAUXITE)).count();
	}
}
