package cn.kejiao.organisation;

import java.util.UUID;

/** An organisation took effect: approved without a notice period, at the end of its notice, or created verified. */
public record OrganisationVerified(UUID organisationId, String name, String regionCode) {
}
