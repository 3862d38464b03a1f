package cn.kejiao.demand;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.catalog.EntryType;

/**
 * Someone who manages a demand said whether a suggested entry was useful, or changed what they said. A match
 * counts as confirmed from the first useful verdict still standing ({@link MatchFlows}), so the verdict may have
 * moved that day: {@code firstUsefulBefore} and {@code firstUsefulAfter} are the match's first useful verdict
 * before and after it, null when there was none.
 */
public record MatchVerdictGiven(UUID demandId, UUID entryId, EntryType entryType, boolean useful,
		@Nullable Instant firstUsefulBefore, @Nullable Instant firstUsefulAfter) {
}
