package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.Money;
import cn.kejiao.support.EventPublications;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;

/**
 * A step of an order is published as an event, and the notification module tells the side that now has to act,
 * in the reader's language.
 */
@KejiaoIntegrationTest
@EnableScenarios
class VoucherNoticeTests {

	@Autowired
	Personas personas;

	@Autowired
	ServiceOrders orders;

	@Autowired
	EventPublications publications;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aQuoteTellsTheEnterpriseWhichNowAcceptsOrCancels(Scenario scenario) {
		String provider = personas.api("provider-jd").get("/api/v1/me").json().get("organisationId").asString();
		var requested = personas.api("ent-jd").post("/api/v1/orders", Map.of("providerOrgId", provider, "description",
				"电机控制器 EMC 辐射发射摸底测试 " + Markers.unique(), "serviceKind", "检验检测"));
		assertThat(requested.status()).as(requested.body()).isEqualTo(201);
		String id = requested.json().get("id").asString();
		String number = requested.json().get("number").asString();

		scenario.stimulate(() -> personas.as("provider-jd", () -> orders.quote(UUID.fromString(id),
				Money.ofYuan("12800.50", "amount"))))
			.andWaitForStateChange(() -> titles(personas.api("ent-jd").language("en")),
					titles -> titles.contains("Order " + number + " has a quote"))
			.andVerifyEvents(events -> assertThat(events).contains(OrderQuoted.class)
				.matching(event -> event.orderId().toString().equals(id) && event.quote().yuan().equals("12800.50")));

		assertThat(titles(personas.api("ent-jd").language("zh"))).contains("订单 " + number + " 已报价");
		assertThat(titles(personas.api("provider-jd").language("en"))).doesNotContain("Order " + number + " has a quote");
	}

	@Test
	void theStepsOfOneBatchAreToldTogetherAndOnlyOnce(Scenario scenario) {
		UUID provider = personas.actor("provider-jd").organisationId();
		UUID enterprise = personas.actor("ent-jd").organisationId();
		String first = "B" + Markers.unique();
		String second = "B" + Markers.unique();
		var batch = new OrderStepsTaken(
				List.of(new OrderAccepted(UUID.randomUUID(), provider, first, new Money(500000), new Money(250000))),
				List.of(new OrderDelivered(UUID.randomUUID(), enterprise, second)),
				List.of(new OrderConfirmed(UUID.randomUUID(), provider, second, new Money(100000))));

		scenario.publish(batch)
			.andWaitForStateChange(() -> titles(personas.api("ent-jd").language("en")),
					titles -> titles.stream().anyMatch(title -> title.contains(second)))
			.andVerify(titles -> assertThat(titles).filteredOn(title -> title.contains(second)).hasSize(1));
		List<String> told = titles(personas.api("provider-jd").language("en"));
		assertThat(told).filteredOn(title -> title.contains(first)).hasSize(1);
		assertThat(told).filteredOn(title -> title.contains(second)).hasSize(1);

		// delivered again (a retry after a failure): nobody is told twice
		transactions.executeWithoutResult(status -> publisher.publishEvent(batch));
		publications.awaitHandled(Duration.ofSeconds(20), first);
		assertThat(titles(personas.api("provider-jd").language("en"))).filteredOn(title -> title.contains(first)).hasSize(1);
	}

	private static List<String> titles(Http user) {
		return user.get("/api/v1/notifications").json().findValuesAsString("title");
	}
}
