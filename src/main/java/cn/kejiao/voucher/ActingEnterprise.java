package cn.kejiao.voucher;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;

/**
 * Who acts as an enterprise where vouchers are applied for and orders placed: a user with the enterprise role
 * of a verified organisation of type enterprise. Anyone else is refused with {@code voucher.enterprises-only}
 * (403).
 */
@Component
class ActingEnterprise {

	private final Organisations organisations;

	ActingEnterprise(Organisations organisations) {
		this.organisations = organisations;
	}

	/** The actor's enterprise, or refused. */
	OrganisationView of(Actor actor) {
		return require(actor, actor.organisationId() == null ? null
				: organisations.find(actor.organisationId()).orElse(null));
	}

	/** Whether the actor acts as an enterprise, by the same rule as {@link #of}. */
	EnterpriseStanding standing(Actor actor) {
		OrganisationView organisation = actor.organisationId() == null ? null
				: organisations.find(actor.organisationId()).orElse(null);
		if (!actor.has(Role.ENTERPRISE) || organisation == null || organisation.type() != OrganisationType.ENTERPRISE) {
			return EnterpriseStanding.NOT_AN_ENTERPRISE;
		}
		try {
			require(actor, organisation);
			return EnterpriseStanding.VERIFIED;
		}
		catch (KejiaoException ex) {
			return EnterpriseStanding.NOT_VERIFIED;
		}
	}

	/** The rule itself, given the actor's organisation as found (null: none). */
	static OrganisationView require(Actor actor, @Nullable OrganisationView organisation) {
		if (!actor.has(Role.ENTERPRISE) || organisation == null || !organisation.id().equals(actor.organisationId())
				|| !organisation.isVerified() || organisation.type() != OrganisationType.ENTERPRISE) {
			throw KejiaoException.forbidden("voucher.enterprises-only");
		}
		return organisation;
	}
}
