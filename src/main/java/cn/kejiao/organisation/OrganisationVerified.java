package cn.kejiao.organisation;

import java.util.UUID;

/**
 * An organisation took effect: approved without a notice period, at the end of its notice, or created verified by
 * the platform ({@code registeredItself} false: nobody was waiting for a verdict).
 */
public record OrganisationVerified(UUID organisationId, String name, String regionCode, boolean registeredItself) {
}
