package cn.kejiao.organisation;

import java.util.UUID;

/** An organisation registered itself and waits for the admins of its region. */
public record OrganisationRegistered(UUID organisationId, String name, String regionCode) {
}
