package cn.kejiao.challenge;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation withdrew its application before the deadline: it leaves the challenge, and no longer counts on
 * the day it was handed in ({@code submittedAt}).
 */
public record ChallengeApplicationWithdrawn(UUID challengeId, UUID applicationId, Instant submittedAt) {
}
