package cn.kejiao.trading;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A technology contract moved on: drafted, signed by one side, signed by both, registered, started, completed or
 * terminated. The other side is told; both when neither acted (a draft from a lot, an offer or an award, the
 * region's registration), and the seller region's admins when a contract waits for their registration.
 *
 * @param step drafted, signed, signed-by-both, registered, started, completed, terminated
 * @param byOrgId the party that acted; null when the platform or a region admin did
 * @param detail the registration number, or the reason of a termination; empty otherwise
 */
public record ContractStepTaken(UUID contractId, String number, String title, String step, UUID sellerOrgId,
		UUID buyerOrgId, String sellerRegion, @Nullable UUID byOrgId, String detail) {
}
