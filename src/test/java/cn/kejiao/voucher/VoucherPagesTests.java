package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.KejiaoIntegrationTest;

/** The voucher pages as their users see them, and what each of them may not see. */
@KejiaoIntegrationTest
class VoucherPagesTests {

	@LocalServerPort
	int port;

	@Test
	void aRegionAdminOpensASchemeFromItsPageAndAMistakeIsExplained() {
		Http admin = browser("yn-admin");
		String page = admin.get("/admin/vouchers").body();
		assertThat(page).contains("云南省科技创新券（沪滇通用通兑）", "文山绿色铝材氧化铝有限公司", "待审批的申请");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "云南省中试熟化券" + Markers.unique());
		form.put("budget", "800000");
		form.put("subsidyRatio", "四成");
		form.put("capPerEnterprise", "100000");
		form.put("acceptedZone", "hu-dian");
		var wrong = admin.submitForm("/admin/vouchers", "/admin/vouchers/schemes", form);
		assertThat(wrong.status()).isEqualTo(302);
		assertThat(admin.get("/admin/vouchers").body()).contains("补贴比例“四成”无效");

		form.put("subsidyRatio", "40%");
		admin.submitForm("/admin/vouchers", "/admin/vouchers/schemes", form);
		String after = admin.get("/admin/vouchers").body();
		assertThat(after).contains(form.get("name"), "40%", "¥800,000.00");
		// the scheme is changed from its page: the budget grows, the ratio shrinks for future grants
		String id = after.replaceAll("(?s).*href=\"/admin/vouchers/schemes/([0-9a-f-]{36})\"><strong>" + java.util.regex.Pattern.quote(form.get("name")) + ".*", "$1");
		String edit = admin.get("/admin/vouchers/schemes/" + id).body();
		assertThat(edit).contains("value=\"800,000.00\"", "value=\"40.0%\"");
		Map<String, String> changed = new LinkedHashMap<>(form);
		changed.put("budget", "900000");
		changed.put("subsidyRatio", "30%");
		changed.put("serviceKinds", "检验检测、研发设计");
		changed.put("opensOn", edit.replaceAll("(?s).*name=\"opensOn\" type=\"date\" required value=\"([0-9-]+)\".*", "$1"));
		changed.put("closesOn", edit.replaceAll("(?s).*name=\"closesOn\" type=\"date\" required value=\"([0-9-]+)\".*", "$1"));
		changed.put("validUntil", edit.replaceAll("(?s).*name=\"validUntil\" type=\"date\" required value=\"([0-9-]+)\".*", "$1"));
		assertThat(admin.submitForm("/admin/vouchers/schemes/" + id, "/admin/vouchers/schemes/" + id, changed).location())
			.endsWith("/admin/vouchers");
		JsonNodeView scheme = new JsonNodeView(Http.as(port, "yn-admin").get("/api/v1/voucher-schemes/" + id).json());
		assertThat(scheme.text("budget")).isEqualTo("900000.00");
		assertThat(scheme.text("available")).isEqualTo("900000.00");
		assertThat(new java.math.BigDecimal(scheme.node().get("subsidyRatio").toString())).isEqualByComparingTo("0.3");
		// the figures refresh by themselves
		assertThat(admin.get("/admin/vouchers/figures").body()).contains(form.get("name"));
	}

	@Test
	void eachSideSeesItsOwnOrdersAndVouchersOnly() {
		Http enterprise = browser("ent-ws");
		String vouchers = enterprise.get("/vouchers").body();
		assertThat(vouchers).contains("云南省科技创新券（沪滇通用通兑）", "用券明细", "氧化铝赤泥样品成分与物相分析");
		String orders = enterprise.get("/orders").body();
		assertThat(orders).contains("铝电解槽用温度传感器可靠性试验").doesNotContain("77 GHz 毫米波雷达");

		Http other = browser("ent-jd");
		String jdOrders = other.get("/orders").body();
		assertThat(jdOrders).contains("77 GHz 毫米波雷达").doesNotContain("铝电解槽用温度传感器可靠性试验");
		String foreignOrder = orders.replaceAll("(?s).*href=\"/orders/([0-9a-f-]{36})\".*", "$1");
		assertThat(other.get("/orders/" + foreignOrder).status()).isEqualTo(404);
		assertThat(other.get("/admin/vouchers").status()).isEqualTo(403);

		String settlement = browser("provider-jd").get("/settlements").body();
		assertThat(settlement).contains("上海嘉定汽车零部件检测技术有限公司", "云南省");
	}

	record JsonNodeView(tools.jackson.databind.JsonNode node) {
		String text(String field) {
			return node.get(field).asString();
		}
	}

	private Http browser(String username) {
		Http browser = Http.browser(port);
		browser.login(username, "kejiao-demo");
		return browser;
	}
}
