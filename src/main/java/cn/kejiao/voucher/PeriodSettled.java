package cn.kejiao.voucher;

import java.util.UUID;

/** A month's voucher money was settled: each issuing region's lines to the providers it owes (run once a period). */
public record PeriodSettled(UUID runId, String period) {
}
