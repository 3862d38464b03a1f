package cn.kejiao.challenge;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An expert answered its invitation to a challenge's panel: accepted, or declined (with a declared conflict of
 * interest or not). The publisher's organisation is the one waiting for it.
 */
public record InvitationAnswered(UUID challengeId, String title, @Nullable UUID publisherOrgId, UUID expert,
		String expertName, boolean accepted, boolean conflict) {
}
