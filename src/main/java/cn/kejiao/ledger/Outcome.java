package cn.kejiao.ledger;

import org.jspecify.annotations.Nullable;

/**
 * What became of one transfer of {@link Ledger#transferAll}: {@code posted} (replayed when its key was used
 * before), or {@code refused} because the paying account held too little, and then nothing moved.
 */
public record Outcome(@Nullable Posted posted, @Nullable InsufficientBalance refused) {
}
