package cn.kejiao.voucher;

import static cn.kejiao.support.VoucherScenario.grant;
import static cn.kejiao.support.VoucherScenario.order;
import static cn.kejiao.support.VoucherScenario.quoteOf;
import static cn.kejiao.support.VoucherScenario.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise pays the price it saw: an accept names the quote it accepts and is refused, holding nothing, when
 * the provider has quoted again since; the voucher part it asks for is what is held; the page shows what will be
 * held before the enterprise confirms.
 */
@KejiaoIntegrationTest
class AcceptedPriceTests {

	@LocalServerPort
	int port;

	@Test
	void aQuoteChangedAfterTheEnterpriseSawItIsRefusedAndNothingIsHeld() {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		Http provider = Http.as(port, "provider-jd");
		String scheme = scheme(yn, "报价核对券" + Markers.unique(), "1000000", "0.9", "100000", "hu-dian");
		String grant = grant(yn, enterprise, scheme, "50000", null);
		String order = order(enterprise, provider, "铝合金拉伸试验", "1000");
		String seen = quoteOf(enterprise, order);
		assertThat(seen).isEqualTo("1000.00");

		assertThat(provider.post("/api/v1/orders/" + order + "/quote", Map.of("amount", "20000")).status()).isEqualTo(200);
		var refused = enterprise.post("/api/v1/orders/" + order + "/accept", Map.of("quotedAmount", seen, "grantId", grant));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("order.quote-changed");
		assertThat(refused.json().get("detail").asString()).contains("¥20000.00", "¥1000.00");
		var english = Http.as(port, "ent-ws").language("en").post("/api/v1/orders/" + order + "/accept",
				Map.of("quotedAmount", seen, "grantId", grant, "voucherAmount", "900"));
		assertThat(english.json().get("detail").asString())
			.isEqualTo("The provider has changed the quote to ¥20000.00 (you saw ¥1000.00); nothing was accepted or held: "
					+ "look at the new quote before you decide.");

		// nothing was held: the grant, the scheme and the order are as they were
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("50000.00");
		assertThat(yn.get("/api/v1/voucher-schemes/" + scheme).json().get("held").asString()).isEqualTo("0.00");
		JsonNode still = enterprise.get("/api/v1/orders/" + order).json();
		assertThat(still.get("state").asString()).isEqualTo("QUOTED");
		assertThat(still.get("voucherAmount").asString()).isEqualTo("0.00");

		// the quote it now sees, with the voucher part it asks for: exactly that part is held
		var accepted = enterprise.post("/api/v1/orders/" + order + "/accept",
				Map.of("quotedAmount", quoteOf(enterprise, order), "grantId", grant, "voucherAmount", "300"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("quote").asString()).isEqualTo("20000.00");
		assertThat(accepted.json().get("voucherAmount").asString()).isEqualTo("300.00");
		assertThat(accepted.json().get("ownPart").asString()).isEqualTo("19700.00");
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("49700.00");
		assertThat(yn.get("/api/v1/voucher-schemes/" + scheme).json().get("held").asString()).isEqualTo("300.00");
		// once accepted, the provider cannot quote again
		assertThat(provider.post("/api/v1/orders/" + order + "/quote", Map.of("amount", "30000")).code()).isEqualTo("order.state");
		assertVerified();
	}

	@Test
	void anAcceptThatDoesNotNameTheQuoteIsRefusedWithItsCode() {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		String scheme = scheme(yn, "报价必填券" + Markers.unique(), "1000000", "0.5", "100000", "hu-dian");
		String grant = grant(yn, enterprise, scheme, "50000", null);
		String order = order(enterprise, Http.as(port, "provider-jd"), "热重分析", "6000");

		var without = enterprise.post("/api/v1/orders/" + order + "/accept", Map.of("grantId", grant));
		assertThat(without.status()).isEqualTo(400);
		assertThat(without.code()).isEqualTo("order.quoted-amount-required");
		assertThat(without.contentType()).startsWith("application/problem+json");
		var noBody = enterprise.send("POST", "/api/v1/orders/" + order + "/accept", "application/json", "");
		assertThat(noBody.code()).isEqualTo("order.quoted-amount-required");
		var number = enterprise.send("POST", "/api/v1/orders/" + order + "/accept", "application/json",
				"{\"quotedAmount\":6000,\"grantId\":\"" + grant + "\"}");
		assertThat(number.status()).isEqualTo(400);
		assertThat(number.code()).isEqualTo("money.format");
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("50000.00");
		assertThat(enterprise.get("/api/v1/orders/" + order).json().get("state").asString()).isEqualTo("QUOTED");
	}

	@Test
	void aQuoteTooSmallForTheRatioToLeaveAFenSaysSoAndCanBeAcceptedWithoutAVoucher() {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		String scheme = scheme(yn, "小额报价券" + Markers.unique(), "1000000", "0.3", "100000", "hu-dian");
		String grant = grant(yn, enterprise, scheme, "50000", null);
		String order = order(enterprise, Http.as(port, "provider-jd"), "样品登记", "0.01");

		var refused = enterprise.post("/api/v1/orders/" + order + "/accept", Map.of("quotedAmount", "0.01", "grantId", grant));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("voucher.ratio-rounds-to-zero");
		assertThat(refused.json().get("detail").asString()).contains("30%", "¥0.01", "¥0.04");
		var english = Http.as(port, "ent-ws").language("en").post("/api/v1/orders/" + order + "/accept",
				Map.of("quotedAmount", "0.01", "grantId", grant, "voucherAmount", "0.01"));
		assertThat(english.code()).isEqualTo("voucher.ratio-rounds-to-zero");
		assertThat(english.json().get("detail").asString()).isEqualTo("At a subsidy ratio of 30%, the voucher part of a "
				+ "¥0.01 quote is less than ¥0.01: a voucher pays from a quote of ¥0.04; you may accept without a voucher.");

		var paidInFull = enterprise.post("/api/v1/orders/" + order + "/accept", Map.of("quotedAmount", "0.01"));
		assertThat(paidInFull.status()).as(paidInFull.body()).isEqualTo(200);
		assertThat(paidInFull.json().get("voucherAmount").asString()).isEqualTo("0.00");
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("50000.00");
	}

	@Test
	void reQuotesRacingAcceptsNeverHoldForAQuoteTheEnterpriseDidNotSee() throws Exception {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		Http provider = Http.as(port, "provider-jd");
		String scheme = scheme(yn, "报价竞争券" + Markers.unique(), "1000000", "0.5", "100000", "hu-dian");
		String grant = grant(yn, enterprise, scheme, "50000", null);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			orders.add(order(enterprise, provider, "并发报价 " + i, "1000"));
		}
		Map<String, String> accepts = new ConcurrentHashMap<>();
		Map<String, String> quotes = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			List<Future<?>> futures = new ArrayList<>();
			for (String order : orders) {
				futures.add(pool.submit(() -> {
					start.await();
					var response = enterprise.post("/api/v1/orders/" + order + "/accept",
							Map.of("quotedAmount", "1000.00", "grantId", grant, "voucherAmount", "400"));
					accepts.put(order, response.status() == 200 ? "ok" : response.code());
					return null;
				}));
				futures.add(pool.submit(() -> {
					start.await();
					var response = provider.post("/api/v1/orders/" + order + "/quote", Map.of("amount", "18000"));
					quotes.put(order, response.status() == 200 ? "ok" : response.code());
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		int accepted = 0;
		for (String order : orders) {
			JsonNode view = enterprise.get("/api/v1/orders/" + order).json();
			if (accepts.get(order).equals("ok")) {
				accepted++;
				assertThat(view.get("quote").asString()).as(order).isEqualTo("1000.00");
				assertThat(view.get("voucherAmount").asString()).as(order).isEqualTo("400.00");
				assertThat(quotes.get(order)).as(order).isEqualTo("order.state");
			}
			else {
				assertThat(accepts.get(order)).as(order).isEqualTo("order.quote-changed");
				assertThat(quotes.get(order)).as(order).isEqualTo("ok");
				assertThat(view.get("state").asString()).as(order).isEqualTo("QUOTED");
				assertThat(view.get("quote").asString()).as(order).isEqualTo("18000.00");
				assertThat(view.get("voucherAmount").asString()).as(order).isEqualTo("0.00");
			}
		}
		assertThat(new BigDecimal(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()))
			.isEqualByComparingTo(BigDecimal.valueOf(50000 - 400L * accepted));
		assertVerified();
	}

	@Test
	void theOrderPageShowsWhatWillBeHeldAndHoldsNoMoreThanItShowed() {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		Http provider = Http.as(port, "provider-jd");
		String scheme = scheme(yn, "页面确认券" + Markers.unique(), "1000000", "0.5", "100000", "hu-dian");
		String grant = grant(yn, enterprise, scheme, "50000", "800");
		String order = order(enterprise, provider, "金相组织观察", "1000");
		Http page = Http.browser(port);
		page.login("ent-ws", "kejiao-demo");
		assertThat(page.get("/orders/" + order).body()).contains("id=\"accept-review\"");

		// the most the grant allows: half the quote, ¥500 of the ¥800 it holds
		String preview = page.get("/orders/" + order + "/accept?grantId=" + grant + "&voucherAmount=").body();
		assertThat(between(preview, "id=\"accept-quote\">", "<")).isEqualTo("¥1,000.00");
		assertThat(between(preview, "id=\"accept-held\">", "<")).isEqualTo("¥500.00");
		assertThat(between(preview, "id=\"accept-own\">", "<")).isEqualTo("¥500.00");
		assertThat(preview).contains("name=\"quotedAmount\" value=\"1000.00\"", "name=\"voucherAmount\" value=\"500.00\"");
		// a part above the ratio is refused before anything is confirmed
		var above = page.get("/orders/" + order + "/accept?grantId=" + grant + "&voucherAmount=600");
		assertThat(above.status()).isEqualTo(302);
		assertThat(page.get("/orders/" + order).body()).contains("创新券最多可支付报价的 50%，即 ¥500.00");

		// the provider quotes again while the enterprise looks at the confirmation: its confirmation is refused
		provider.post("/api/v1/orders/" + order + "/quote", Map.of("amount", "1600"));
		var stale = page.submitForm("/orders/" + order, "/orders/" + order + "/accept", Map.of("quotedAmount", "1000.00",
				"grantId", grant, "voucherAmount", "500.00", "key", "page-" + order + "-1000.00"));
		assertThat(stale.status()).isEqualTo(302);
		assertThat(page.get("/orders/" + order).body()).contains("服务机构已将报价改为 ¥1600.00（您看到的是 ¥1000.00）");
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("800.00");

		// the new confirmation: half of ¥1600 is ¥800, all the grant holds; that is what is held
		String again = page.get("/orders/" + order + "/accept?grantId=" + grant).body();
		assertThat(between(again, "id=\"accept-held\">", "<")).isEqualTo("¥800.00");
		page.submitForm("/orders/" + order + "/accept?grantId=" + grant, "/orders/" + order + "/accept", Map.of(
				"quotedAmount", "1600.00", "grantId", grant, "voucherAmount", "800.00", "key", "page-" + order + "-1600.00"));
		JsonNode view = enterprise.get("/api/v1/orders/" + order).json();
		assertThat(view.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(view.get("voucherAmount").asString()).isEqualTo("800.00");
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("0.00");
		assertVerified();
	}

	private static String between(String text, String before, String after) {
		int from = text.indexOf(before);
		assertThat(from).as(before).isNotNegative();
		int start = from + before.length();
		return text.substring(start, text.indexOf(after, start));
	}

	private void assertVerified() {
		JsonNode verification = Http.as(port, "admin").get("/api/v1/voucher-ledger/verification").json();
		assertThat(verification.get("violations").size()).as(verification.toString()).isZero();
	}
}
