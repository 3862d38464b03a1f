package cn.kejiao.voucher;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.ChinaTime;

/**
 * The scheduled side of vouchers: stale holds, grants past their validity, last month's settlement.
 * {@code kejiao.voucher.jobs=false} stops them (the simulation runs the same facades itself, at simulated times).
 */
@Component
class VoucherJobs {

	private static final Logger log = LoggerFactory.getLogger(VoucherJobs.class);

	private final VoucherGrants voucherGrants;
	private final ServiceOrders orders;
	private final Settlements settlements;
	private final Clock clock;
	private final boolean enabled;

	VoucherJobs(VoucherGrants voucherGrants, ServiceOrders orders, Settlements settlements, Clock clock,
			@Value("${kejiao.voucher.jobs:true}") boolean enabled) {
		this.enabled = enabled;
		this.voucherGrants = voucherGrants;
		this.orders = orders;
		this.settlements = settlements;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kejiao.voucher.job-interval:PT10M}", initialDelayString = "PT1M")
	void run() {
		if (!enabled) {
			return;
		}
		try {
			int holds = orders.lapseStaleHolds();
			int grants = voucherGrants.lapseExpiredGrants(LocalDate.now(clock.withZone(ChinaTime.ZONE)));
			if (holds + grants > 0) {
				log.info("Vouchers: {} stale holds voided, {} grants lapsed", holds, grants);
			}
			if (LocalDate.now(clock.withZone(ChinaTime.ZONE)).getDayOfMonth() >= 2) {
				settlements.runLastMonth();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Voucher jobs failed; they run again at the next interval", ex);
		}
	}
}
