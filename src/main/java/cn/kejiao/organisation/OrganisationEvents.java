package cn.kejiao.organisation;

import java.util.UUID;

/** What happened to organisations, for other modules to react to. */
public final class OrganisationEvents {

	private OrganisationEvents() {
	}

	public record OrganisationRegistered(UUID organisationId, String regionCode) {
	}

	public record OrganisationVerified(UUID organisationId, String regionCode) {
	}

	public record OrganisationRejected(UUID organisationId, String regionCode, String reason) {
	}
}
