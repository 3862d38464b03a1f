package cn.kejiao.voucher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import cn.kejiao.platform.database.GroupCommit;

/** The group commit of order steps (decision 0006), a bean whose workers start and stop with the application. */
@Configuration(proxyBeanMethods = false)
class OrderCommits {

	@Bean
	GroupCommit<OrderSteps.Step, OrderView> orderStepCommits(OrderSteps steps, PlatformTransactionManager transactions,
			@Value("${kejiao.voucher.commit-workers:2}") int workers) {
		return new GroupCommit<>("order-steps", transactions, workers, 64, OrderSteps.Step::orderId, steps::take);
	}
}
