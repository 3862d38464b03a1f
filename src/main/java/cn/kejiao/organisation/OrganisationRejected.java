package cn.kejiao.organisation;

import java.util.UUID;

/** An admin of its region turned an organisation's registration down, for the reason given. */
public record OrganisationRejected(UUID organisationId, String name, String regionCode, String reason, long round) {
}
