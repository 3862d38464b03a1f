package cn.kejiao.voucher;

import static cn.kejiao.support.VoucherScenario.grant;
import static cn.kejiao.support.VoucherScenario.order;
import static cn.kejiao.support.VoucherScenario.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.KejiaoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Vouchers as their users meet them: schemes, grants, orders paid partly by vouchers, and money that adds up. */
@KejiaoIntegrationTest
class VoucherTests {

	@LocalServerPort
	int port;

	@Test
	void aYunnanVoucherPaysPartOfAJiadingTestAndTheLedgerAddsUp() {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		Http provider = Http.as(port, "provider-jd");
		String scheme = scheme(yn, "云南省科技创新券（沪滇通用）" + Markers.unique(), "1000000", "0.5", "300000", "hu-dian");

		String grant = grant(yn, enterprise, scheme, "200000", "150000");
		JsonNode grantView = enterprise.get("/api/v1/voucher-grants/" + grant).json();
		assertThat(grantView.get("balance").asString()).isEqualTo("150000.00");

		String order = order(enterprise, provider, "氧化铝样品 XRD 物相分析与元素含量检测", "20000");
		var accepted = enterprise.send("POST", "/api/v1/orders/" + order + "/accept", "application/json",
				"{\"quotedAmount\":\"20000.00\",\"grantId\":\"" + grant + "\",\"voucherAmount\":\"10000.00\"}");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("voucherAmount").asString()).isEqualTo("10000.00");
		assertThat(accepted.json().get("ownPart").asString()).isEqualTo("10000.00");
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("140000.00");

		var delivered = provider.post("/api/v1/orders/" + order + "/deliver", Map.of("note", "报告编号 JD-2026-001"));
		assertThat(delivered.json().get("state").asString()).isEqualTo("DELIVERED");
		var confirmed = enterprise.post("/api/v1/orders/" + order + "/confirm", Map.of());
		assertThat(confirmed.json().get("state").asString()).isEqualTo("CONFIRMED");

		JsonNode preview = provider.get("/api/v1/settlements/preview").json();
		assertThat(preview.get("lines").findValuesAsString("issuerRegion")).contains("530000");
		assertThat(preview.get("lines").findValuesAsString("providerName")).allMatch(name -> name.contains("嘉定"));
		JsonNode schemeView = yn.get("/api/v1/voucher-schemes/" + scheme).json();
		assertThat(schemeView.get("granted").asString()).isEqualTo("150000.00");
		assertThat(schemeView.get("posted").asString()).isEqualTo("10000.00");
		assertThat(schemeView.get("held").asString()).isEqualTo("0.00");
		assertThat(schemeView.get("available").asString()).isEqualTo("850000.00");
		assertVerified();
	}

	@Test
	void theDemoGivesWenshansAluminaMakerAYunnanVoucherForJiading() {
		Http enterprise = Http.as(port, "ent-ws");
		JsonNode yunnan = null;
		for (JsonNode grant : enterprise.get("/api/v1/voucher-grants").json()) {
			if (grant.get("schemeName").asString().startsWith("云南省科技创新券")) {
				yunnan = grant;
			}
		}
		assertThat(yunnan).as("a Yunnan grant").isNotNull();
		assertThat(new java.math.BigDecimal(yunnan.get("balance").asString())).isGreaterThanOrEqualTo(new java.math.BigDecimal("200000"));
		assertThat(yunnan.get("acceptedZone").asString()).isEqualTo("hu-dian");
		List<String> states = enterprise.get("/api/v1/orders").json().findValuesAsString("state");
		assertThat(states).contains("CONFIRMED", "ACCEPTED", "QUOTED");
		assertThat(Http.as(port, "ent-jd").get("/api/v1/orders").json().findValuesAsString("state")).contains("DELIVERED", "REQUESTED");
		assertThat(Http.as(port, "yn-admin").get("/api/v1/voucher-applications?state=PENDING").json().size()).isPositive();
	}

	@Test
	void aRetriedAcceptHoldsOnceAndACancelGivesTheMoneyBack() {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		Http provider = Http.as(port, "provider-jd");
		String scheme = scheme(yn, "云南省创新券" + Markers.unique(), "500000", "0.5", "100000", "hu-dian");
		String grant = grant(yn, enterprise, scheme, "50000", null);
		String order = order(enterprise, provider, "新能源汽车零部件振动试验", "8000");
		String key = "accept-" + Markers.unique();
		String body = "{\"quotedAmount\":\"8000.00\",\"grantId\":\"" + grant + "\"}";
		for (int attempt = 0; attempt < 3; attempt++) {
			var response = enterprise.sendWith("POST", "/api/v1/orders/" + order + "/accept", body, "Idempotency-Key", key);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.json().get("voucherAmount").asString()).as("the most the ratio allows").isEqualTo("4000.00");
		}
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("46000.00");
		var other = enterprise.sendWith("POST", "/api/v1/orders/" + order + "/accept", body, "Idempotency-Key", "another-key");
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.code()).isEqualTo("order.state");

		var noReason = provider.post("/api/v1/orders/" + order + "/cancel", Map.of());
		assertThat(noReason.code()).isEqualTo("order.reason-required");
		var cancelled = provider.post("/api/v1/orders/" + order + "/cancel", Map.of("reason", "设备检修，无法按期完成"));
		assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("50000.00");
		assertVerified();
	}

	@Test
	void vouchersObeyTheirSchemesRules() {
		Http sh = Http.as(port, "sh-admin");
		Http yn = Http.as(port, "yn-admin");
		Http entJd = Http.as(port, "ent-jd");
		Http entWs = Http.as(port, "ent-ws");
		Http providerYn = Http.as(port, "provider-yn");
		Http providerJd = Http.as(port, "provider-jd");
		String shScheme = scheme(sh, "上海市科技创新券" + Markers.unique(), "1000000", "0.3", "100000", "yrd");

		// a Shanghai admin cannot decide a Yunnan application, nor a Yunnan enterprise apply to Shanghai's scheme
		String ynScheme = scheme(yn, "云南省创新券" + Markers.unique(), "1000000", "0.5", "100000", null);
		String application = entWs.post("/api/v1/voucher-applications", Map.of("schemeId", ynScheme, "amount", "10000",
				"purpose", "检测费用")).json().get("id").asString();
		assertThat(sh.post("/api/v1/voucher-applications/" + application + "/approve", Map.of()).status()).isEqualTo(403);
		var notEligible = entWs.post("/api/v1/voucher-applications", Map.of("schemeId", shScheme, "amount", "10000",
				"purpose", "检测"));
		assertThat(notEligible.code()).isEqualTo("voucher.not-eligible-region");

		// amounts are yuan strings with at most two decimals
		var number = entJd.send("POST", "/api/v1/voucher-applications", "application/json",
				"{\"schemeId\":\"" + shScheme + "\",\"amount\":10000,\"purpose\":\"x\"}");
		assertThat(number.status()).isEqualTo(400);
		assertThat(number.code()).isEqualTo("money.format");
		var cents = entJd.post("/api/v1/voucher-applications", Map.of("schemeId", shScheme, "amount", "100.001", "purpose", "x"));
		assertThat(cents.code()).isEqualTo("money.format");
		assertThat(entJd.post("/api/v1/voucher-applications", Map.of("schemeId", shScheme, "amount", "200000", "purpose", "x"))
			.code()).isEqualTo("voucher.above-cap");

		String grant = grant(sh, entJd, shScheme, "100000", null);
		// accepted across the Yangtze River Delta, not in Yunnan
		String yunnanOrder = order(entJd, providerYn, "三七皂苷含量检测", "10000");
		var refused = entJd.post("/api/v1/orders/" + yunnanOrder + "/accept", Map.of("quotedAmount", "10000", "grantId", grant,
				"voucherAmount", "3000"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("voucher.region-not-accepted");
		String jdOrder = order(entJd, providerJd, "毫米波雷达 EMC 测试", "10000");
		var aboveRatio = entJd.post("/api/v1/orders/" + jdOrder + "/accept", Map.of("quotedAmount", "10000.00", "grantId",
				grant, "voucherAmount", "3000.01"));
		assertThat(aboveRatio.code()).isEqualTo("voucher.above-ratio");

		// the other enterprise sees neither the grant nor the order
		assertThat(entWs.get("/api/v1/voucher-grants/" + grant).status()).isEqualTo(404);
		assertThat(entWs.get("/api/v1/orders/" + jdOrder).status()).isEqualTo(404);
		assertThat(entWs.get("/api/v1/orders").json().findValuesAsString("id")).doesNotContain(jdOrder);
		assertThat(entWs.get("/api/v1/voucher-grants").json().findValuesAsString("id")).doesNotContain(grant);
		assertThat(entWs.post("/api/v1/orders/" + jdOrder + "/accept", Map.of("quotedAmount", "10000")).status())
			.isEqualTo(404);
		// nor may a provider accept, or an enterprise quote
		assertThat(providerJd.post("/api/v1/orders/" + jdOrder + "/accept", Map.of("quotedAmount", "10000")).code())
			.isEqualTo("order.enterprise-only");
		// and without saying which quote it accepts, the caller learns that only once it is the order's enterprise
		assertThat(providerJd.post("/api/v1/orders/" + jdOrder + "/accept", Map.of()).code()).isEqualTo("order.enterprise-only");
		assertThat(entWs.post("/api/v1/orders/" + jdOrder + "/accept", Map.of()).status()).isEqualTo(404);
		assertThat(entJd.post("/api/v1/orders/" + jdOrder + "/quote", Map.of("amount", "1")).code()).isEqualTo("order.provider-only");
		assertThat(Http.as(port, "yn-admin").get("/api/v1/voucher-ledger/verification").status()).isEqualTo(403);
	}

	@Test
	void manyAcceptsAgainstOneGrantSucceedExactlyAsOftenAsItCanPay() throws Exception {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		Http provider = Http.as(port, "provider-jd");
		String scheme = scheme(yn, "并发测试券" + Markers.unique(), "1000000", "0.5", "100000", "hu-dian");
		String grant = grant(yn, enterprise, scheme, "100000", null);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			orders.add(order(enterprise, provider, "批量检测 " + i, "20000"));
		}
		ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
			List<Future<?>> futures = new ArrayList<>();
			for (String order : orders) {
				futures.add(pool.submit(() -> {
					start.await();
					var response = enterprise.post("/api/v1/orders/" + order + "/accept",
							Map.of("quotedAmount", "20000", "grantId", grant, "voucherAmount", "10000"));
					outcomes.add(response.status() == 200 ? "ok" : response.code());
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		assertThat(outcomes.stream().filter("ok"::equals).count()).isEqualTo(10);
		assertThat(outcomes.stream().filter(o -> !o.equals("ok"))).hasSize(14).allMatch("voucher.grant-insufficient"::equals);
		assertThat(enterprise.get("/api/v1/voucher-grants/" + grant).json().get("balance").asString()).isEqualTo("0.00");
		assertVerified();
	}

	@Test
	void racingApprovalsNeverPassTheBudgetOrTheCap() throws Exception {
		Http yn = Http.as(port, "yn-admin");
		Http enterprise = Http.as(port, "ent-ws");
		String capped = scheme(yn, "封顶测试券" + Markers.unique(), "10000000", "0.5", "50000", null);
		String small = scheme(yn, "小预算测试券" + Markers.unique(), "50000", "0.5", "5000000", null);
		for (String scheme : List.of(capped, small)) {
			List<String> applications = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				applications.add(enterprise.post("/api/v1/voucher-applications", Map.of("schemeId", scheme, "amount", "10000",
						"purpose", "检测费用 " + i)).json().get("id").asString());
			}
			ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
			try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
				for (String application : applications) {
					pool.submit(() -> {
						var response = yn.post("/api/v1/voucher-applications/" + application + "/approve", Map.of());
						outcomes.add(response.status() == 200 ? "ok" : response.code());
					});
				}
			}
			assertThat(outcomes.stream().filter("ok"::equals).count()).as(scheme).isEqualTo(5);
			assertThat(outcomes.stream().filter(o -> !o.equals("ok")))
				.allMatch(scheme.equals(capped) ? "voucher.cap-exceeded"::equals : "voucher.budget-exhausted"::equals);
		}
		assertThat(yn.get("/api/v1/voucher-schemes/" + small).json().get("available").asString()).isEqualTo("0.00");
		assertVerified();
	}

	@Autowired
	cn.kejiao.platform.database.EmbeddedDatabase database;

	@Test
	void aFinishedMonthIsSettledOnceAndOnlyByThePlatformAdmin() {
		Http admin = Http.as(port, "admin");
		String last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
		String current = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		var first = admin.post("/api/v1/settlements", Map.of("period", last));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		var again = admin.post("/api/v1/settlements", Map.of("period", last));
		assertThat(again.json().get("id").asString()).as("the same run").isEqualTo(first.json().get("id").asString());
		assertThat(admin.get("/api/v1/settlements/" + last).json().get("period").asString()).isEqualTo(last);
		assertThat(admin.post("/api/v1/settlements", Map.of("period", current)).code()).isEqualTo("settlement.period-not-over");
		assertThat(admin.post("/api/v1/settlements", Map.of("period", "2026-13")).code()).isEqualTo("settlement.period");
		assertThat(Http.as(port, "sh-admin").post("/api/v1/settlements", Map.of("period", last)).status()).isEqualTo(403);
		assertVerified();
	}

	@Test
	void theSettlementStatementComesAsExcelAndAsAPdfInChinese() throws Exception {
		Http provider = Http.as(port, "provider-jd");
		byte[] excel = provider.download("/api/v1/settlements/export");
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(excel))) {
			var lines = workbook.getSheet("服务机构");
			assertThat(lines.getRow(0).getCell(1).getStringCellValue()).isEqualTo("服务机构");
			assertThat(lines.getRow(1).getCell(1).getStringCellValue()).contains("嘉定");
		}
		byte[] pdf = provider.download("/api/v1/settlements/pdf");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		var reader = new com.lowagie.text.pdf.PdfReader(pdf);
		String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains("科技创新券结算单", "按服务机构", "嘉定");
		// the enterprise's own statement: its Yunnan grant, what it spent and what is held
		JsonNode mine = Http.as(port, "ent-ws").get("/api/v1/voucher-statement").json();
		assertThat(mine.get("grants").findValuesAsString("schemeName")).anyMatch(n -> n.startsWith("云南省科技创新券"));
		assertThat(mine.get("orders").findValuesAsString("state")).contains("CONFIRMED", "ACCEPTED");
		String statement = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(
				Http.as(port, "ent-ws").download("/api/v1/voucher-statement/pdf"))).getTextFromPage(1);
		assertThat(statement).contains("科技创新券使用明细", "文山", "已完成");
		assertThat(Http.as(port, "ent-ws").download("/api/v1/voucher-statement/export")).isNotEmpty();
		// an enterprise is owed nothing: its statement has no lines of others
		assertThat(Http.as(port, "ent-ws").get("/api/v1/settlements/preview").json().get("lines").size()).isZero();
	}

	@Test
	void theVerificationFindsATamperedBalanceAndTheCommandLineCheckAgrees() throws Exception {
		assertThat(verifyFromCommandLine()).contains("Ledger verified: 0 violations");
		try (var connection = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
				var statement = connection.createStatement()) {
			// someone edits a grant's balance behind the ledger's back
			statement.executeUpdate("update ledger.account set credits = credits + 100, balance = balance + 100 "
					+ "where id = (select min(id) from ledger.account where kind = 'GRANT')");
			try {
				JsonNode verification = Http.as(port, "admin").get("/api/v1/voucher-ledger/verification").json();
				assertThat(verification.get("violations").size()).isEqualTo(2);
				assertThat(verification.get("violations").toString()).contains("grant:", "sum to 100 fen");
				assertThat(verifyFromCommandLine()).contains("VIOLATION account grant:", "2 violations");
			}
			finally {
				statement.executeUpdate("update ledger.account set credits = credits - 100, balance = balance - 100 "
						+ "where id = (select min(id) from ledger.account where kind = 'GRANT')");
			}
		}
		assertVerified();
	}

	private String verifyFromCommandLine() {
		var out = new java.io.ByteArrayOutputStream();
		var original = System.out;
		System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			cn.kejiao.cli.Commands.run(cn.kejiao.KejiaoApplication.class, "verify-ledger", "--spring.datasource.url=" + database.jdbcUrl(),
					"--spring.datasource.username=" + database.username(), "--kejiao.data-dir=target/verify-ledger");
		}
		finally {
			System.setOut(original);
		}
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private void assertVerified() {
		JsonNode verification = Http.as(port, "admin").get("/api/v1/voucher-ledger/verification").json();
		assertThat(verification.get("violations").size()).as(verification.toString()).isZero();
		assertThat(verification.get("totalBalance").asLong()).isZero();
	}
}
