package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * A step of an order is published as an event, and the notification module tells the side that now has to act,
 * in its reader's language.
 */
@KejiaoIntegrationTest
@EnableScenarios
class VoucherNoticeTests {

	@LocalServerPort
	int port;

	@Test
	void aQuoteTellsTheEnterpriseWhichNowAcceptsOrCancels(Scenario scenario) {
		Http enterprise = Http.as(port, "ent-jd");
		Http provider = Http.as(port, "provider-jd");
		String providerOrg = provider.get("/api/v1/me").json().get("organisationId").asString();
		var created = enterprise.post("/api/v1/orders", java.util.Map.of("providerOrgId", providerOrg, "description",
				"电机控制器 EMC 辐射发射摸底测试 " + VoucherTests.marker(), "serviceKind", "检验检测"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String number = created.json().get("number").asString();

		scenario.stimulate(() -> provider.post("/api/v1/orders/" + id + "/quote", java.util.Map.of("amount", "12800.50")))
			.andWaitForStateChange(() -> titles(enterprise.language("en")), titles -> titles.contains("Order " + number + " has a quote"))
			.andVerifyEvents(events -> assertThat(events).contains(OrderQuoted.class)
				.matching(event -> event.orderId().toString().equals(id) && event.quote().yuan().equals("12800.50")));

		assertThat(titles(Http.as(port, "ent-jd").language("zh"))).contains("订单 " + number + " 已报价");
		assertThat(titles(provider.language("en"))).doesNotContain("Order " + number + " has a quote");
	}

	private static List<String> titles(Http user) {
		return user.get("/api/v1/notifications").json().findValuesAsString("title");
	}
}
