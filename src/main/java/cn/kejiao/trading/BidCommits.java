package cn.kejiao.trading;

import cn.kejiao.platform.database.GroupCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The group commit of bids: bids arriving together on this node are applied in one transaction
 * ({@link BidBatches}); any two bids may share a batch, as the batch applies them in their order under the lots'
 * row locks.
 */
@Configuration(proxyBeanMethods = false)
class BidCommits {

	@Bean
	GroupCommit<BidBatches.Job, Bidding.BidResult> bidGroupCommit(BidBatches batches,
			PlatformTransactionManager transactions, @Value("${kejiao.trading.bid-workers:2}") int workers) {
		return new GroupCommit<>("bids", transactions, workers, 128, job -> new Object(), batches::take);
	}
}
