package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.kejiao.organisation.OrganisationStatus;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;

/** Who acts as an enterprise for vouchers and orders, without Spring or a database. */
class ActingEnterpriseTests {

	static final UUID ORG = UUID.randomUUID();

	static Actor actor(Role role) {
		return new Actor(UUID.randomUUID(), "someone", "Someone", ORG, "Org", "310114", Set.of(role));
	}

	static OrganisationView organisation(OrganisationType type, OrganisationStatus status) {
		return new OrganisationView(ORG, "Org", type, "310114", "9131", status, null, null, "contact", "", "", "", "",
				Set.of(), Instant.EPOCH, null, null);
	}

	@Test
	void aVerifiedEnterpriseActsAsOne() {
		OrganisationView enterprise = organisation(OrganisationType.ENTERPRISE, OrganisationStatus.VERIFIED);
		assertThat(ActingEnterprise.require(actor(Role.ENTERPRISE), enterprise)).isEqualTo(enterprise);
	}

	@Test
	void anEnterpriseStillWaitingForVerificationDoesNot() {
		refused(actor(Role.ENTERPRISE), organisation(OrganisationType.ENTERPRISE, OrganisationStatus.PENDING));
	}

	@Test
	void anOrganisationOfAnotherTypeDoesNotEvenWithTheEnterpriseRole() {
		refused(actor(Role.ENTERPRISE), organisation(OrganisationType.UNIVERSITY, OrganisationStatus.VERIFIED));
	}

	@Test
	void aUserWithoutTheEnterpriseRoleOrOrganisationDoesNot() {
		refused(actor(Role.PROVIDER), organisation(OrganisationType.ENTERPRISE, OrganisationStatus.VERIFIED));
		refused(actor(Role.ENTERPRISE), null);
	}

	private static void refused(Actor actor, @org.jspecify.annotations.Nullable OrganisationView organisation) {
		assertThatThrownBy(() -> ActingEnterprise.require(actor, organisation)).isInstanceOf(KejiaoException.class)
			.hasFieldOrPropertyWithValue("code", "voucher.enterprises-only");
	}
}
