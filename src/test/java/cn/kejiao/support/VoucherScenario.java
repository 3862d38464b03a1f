package cn.kejiao.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.kejiao.platform.ChinaTime;

/**
 * A voucher story over the API, step by step: an issuer's scheme, an enterprise's granted voucher, and an order
 * from a provider that is quoted, accepted with a voucher part, delivered and confirmed. Defaults are the demo
 * users yn-admin (issuer), ent-ws (enterprise) and provider-jd (provider):
 * <pre>{@code
 * VoucherScenario story = VoucherScenario.on(port);
 * String scheme = story.scheme("hu-dian");
 * String grant = story.grant(scheme, "200000", "150000");
 * String order = story.confirmedOrder(grant, "20000", "10000.00");
 * }</pre>
 * Every step fails with the response body when the application refuses it.
 */
public final class VoucherScenario {

	private final Http issuer;
	private final Http enterprise;
	private final Http provider;

	private VoucherScenario(Http issuer, Http enterprise, Http provider) {
		this.issuer = issuer;
		this.enterprise = enterprise;
		this.provider = provider;
	}

	public static VoucherScenario on(int port) {
		return between(port, "yn-admin", "ent-ws", "provider-jd");
	}

	public static VoucherScenario between(int port, String issuer, String enterprise, String provider) {
		return new VoucherScenario(Http.as(port, issuer), Http.as(port, enterprise), Http.as(port, provider));
	}

	public Http issuer() {
		return issuer;
	}

	public Http enterprise() {
		return enterprise;
	}

	public Http provider() {
		return provider;
	}

	/** A scheme open since yesterday: budget 1,000,000, half subsidised, at most 300,000 per enterprise. */
	public String scheme(String acceptedZone) {
		return scheme(issuer, "测试创新券" + Markers.unique(), "1000000", "0.5", "300000", acceptedZone);
	}

	/** The enterprise applies for {@code amount}; the issuer approves {@code approved} (all if null). */
	public String grant(String scheme, String amount, String approved) {
		return grant(issuer, enterprise, scheme, amount, approved);
	}

	/** An order of the enterprise at the provider, quoted at {@code quote}. */
	public String quotedOrder(String quote) {
		return order(enterprise, provider, "委托检测" + Markers.unique(), quote);
	}

	/** The enterprise reads the order and accepts the quote it read, paying {@code voucherAmount} of it with the grant. */
	public Http.Response accept(String order, String grant, String voucherAmount) {
		return expect(200, enterprise.post("/api/v1/orders/" + order + "/accept",
				Map.of("quotedAmount", quoteOf(enterprise, order), "grantId", grant, "voucherAmount", voucherAmount)));
	}

	/** The quote of an order as the party reading it sees it, a yuan string. */
	public static String quoteOf(Http party, String order) {
		return expect(200, party.get("/api/v1/orders/" + order)).json().get("quote").asString();
	}

	public Http.Response deliver(String order) {
		return expect(200, provider.post("/api/v1/orders/" + order + "/deliver", Map.of("note", "报告 " + Markers.unique())));
	}

	public Http.Response confirm(String order) {
		return expect(200, enterprise.post("/api/v1/orders/" + order + "/confirm", Map.of()));
	}

	/** An order taken through quote, accept, deliver and confirm. */
	public String confirmedOrder(String grant, String quote, String voucherAmount) {
		String order = quotedOrder(quote);
		accept(order, grant, voucherAmount);
		deliver(order);
		confirm(order);
		return order;
	}

	/** Creates a scheme open since yesterday (China time) and returns its id. */
	public static String scheme(Http admin, String name, String budget, String ratio, String cap, String zone) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("budget", budget);
		form.put("subsidyRatio", ratio);
		form.put("capPerEnterprise", cap);
		form.put("acceptedZone", zone);
		form.put("opensOn", LocalDate.now(ChinaTime.ZONE).minusDays(1).toString());
		return expect(201, admin.post("/api/v1/voucher-schemes", form)).json().get("id").asString();
	}

	/** An application for {@code amount} approved at {@code approved} (as applied if null); returns the grant id. */
	public static String grant(Http admin, Http enterprise, String scheme, String amount, String approved) {
		var applied = expect(201, enterprise.post("/api/v1/voucher-applications",
				Map.of("schemeId", scheme, "amount", amount, "purpose", "委托检测与研发设计")));
		Map<String, Object> decision = new LinkedHashMap<>();
		if (approved != null) {
			decision.put("amount", approved);
		}
		return expect(200, admin.post("/api/v1/voucher-applications/" + applied.json().get("id").asString() + "/approve",
				decision)).json().get("grantId").asString();
	}

	/** An order of the enterprise at the provider's organisation, quoted; returns the order id. */
	public static String order(Http enterprise, Http provider, String description, String quote) {
		String providerOrg = provider.get("/api/v1/me").json().get("organisationId").asString();
		String id = expect(201, enterprise.post("/api/v1/orders", Map.of("providerOrgId", providerOrg, "description",
				description, "serviceKind", "检验检测"))).json().get("id").asString();
		expect(200, provider.post("/api/v1/orders/" + id + "/quote", Map.of("amount", quote)));
		return id;
	}

	private static Http.Response expect(int status, Http.Response response) {
		if (response.status() != status) {
			throw new AssertionError("expected " + status + " but was " + response.status() + ": " + response.body());
		}
		return response;
	}
}
