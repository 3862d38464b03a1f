package cn.kejiao.ledger;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account to open: {@code code} names it for good ("grant:…", "hold:…"); {@code floorZero} accounts hold
 * money and never go below zero, the others (a region's issuance) are where money comes from.
 */
public record Account(String code, String kind, @Nullable String regionCode, @Nullable UUID ownerId, boolean floorZero) {
}
