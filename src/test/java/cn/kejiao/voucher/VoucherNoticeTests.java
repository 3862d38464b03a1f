package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import cn.kejiao.platform.Money;
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

	private static List<String> titles(Http user) {
		return user.get("/api/v1/notifications").json().findValuesAsString("title");
	}
}
