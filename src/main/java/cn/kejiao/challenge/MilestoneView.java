package cn.kejiao.challenge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A milestone of an awarded application: PLANNED → DELIVERED → ACCEPTED, with its payment record. */
public record MilestoneView(UUID id, UUID challengeId, UUID applicationId, String title, LocalDate dueOn,
		String payment, String state, String deliverable, @Nullable Instant deliveredAt, @Nullable Instant acceptedAt,
		@Nullable Instant paidAt, String paymentReference) {
}
