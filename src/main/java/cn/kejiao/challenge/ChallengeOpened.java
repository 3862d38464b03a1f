package cn.kejiao.challenge;

import java.util.UUID;

/** A challenge was published: it takes applications until its deadline. */
public record ChallengeOpened(UUID challengeId, String regionCode) {
}
