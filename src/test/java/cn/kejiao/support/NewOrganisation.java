package cn.kejiao.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kejiao.organisation.CreditCode;

/**
 * Registers a fresh organisation with its first user through the public registration API, with a valid unified
 * social credit code of its region, and verifies it if asked:
 * {@code NewOrganisation.enterprise("532628").verified(port)}.
 */
public final class NewOrganisation {

	public static final String PASSWORD = "Str0ng-pass!";

	private final String type;
	private final String regionCode;
	private String name;
	private String username;
	private String password = PASSWORD;
	private List<String> qualifications = new ArrayList<>();

	private NewOrganisation(String type, String regionCode) {
		this.type = type;
		this.regionCode = regionCode;
		this.username = "u" + Markers.digits(8);
		this.name = "测试机构" + Markers.unique();
	}

	public static NewOrganisation enterprise(String regionCode) {
		return of("ENTERPRISE", regionCode);
	}

	/** Any type the registration accepts: ENTERPRISE, UNIVERSITY, TESTING_AGENCY, GOVERNMENT, … */
	public static NewOrganisation of(String type, String regionCode) {
		return new NewOrganisation(type, regionCode);
	}

	/** A valid credit code (check character included) of an enterprise in the region, random otherwise. */
	public static String creditCode(String regionCode) {
		String first17 = "91" + regionCode + "MA" + Markers.digits(6) + "0";
		return first17 + CreditCode.checkCharacter(first17);
	}

	public NewOrganisation named(String name) {
		this.name = name;
		return this;
	}

	public NewOrganisation user(String username) {
		this.username = username;
		return this;
	}

	public NewOrganisation password(String password) {
		this.password = password;
		return this;
	}

	public NewOrganisation qualifications(String... qualifications) {
		this.qualifications = List.of(qualifications);
		return this;
	}

	/** The request body of the registration, for a test that sends it itself or changes a field first. */
	public Map<String, Object> body() {
		return body(creditCode(regionCode));
	}

	private Map<String, Object> body(String creditCode) {
		Map<String, Object> organisation = new LinkedHashMap<>();
		organisation.put("name", name);
		organisation.put("type", type);
		organisation.put("regionCode", regionCode);
		organisation.put("creditCode", creditCode);
		organisation.put("contactName", "李工");
		organisation.put("contactPhone", "0876-1234567");
		organisation.put("contactEmail", username + "@example.cn");
		organisation.put("qualifications", qualifications);
		Map<String, Object> user = Map.of("username", username, "password", password, "displayName", "李工", "email",
				username + "@example.cn");
		return Map.of("organisation", organisation, "user", user);
	}

	/** Registered and waiting for its region admin. */
	public Registered pending(int port) {
		String code = creditCode(regionCode);
		Http.Response response = Http.api(port).post("/api/v1/registrations", body(code));
		if (response.status() != 201) {
			throw new AssertionError("registration refused: " + response.status() + " " + response.body());
		}
		return new Registered(UUID.fromString(response.json().get("id").asString()), name, regionCode, code, username,
				password, port);
	}

	/** Registered and approved by the platform admin, with no public notice period. */
	public Registered verified(int port) {
		Registered registered = pending(port);
		Http.Response decided = Http.as(port, "admin").post("/api/v1/organisations/" + registered.id() + "/decision",
				Map.of("verdict", "APPROVE", "noticeDays", 0));
		if (decided.status() != 200 || !"VERIFIED".equals(decided.json().get("status").asString())) {
			throw new AssertionError("verification refused: " + decided.status() + " " + decided.body());
		}
		return registered;
	}

	/** A registered organisation and its first user. */
	public record Registered(UUID id, String name, String regionCode, String creditCode, String username, String password,
			int port) {

		/** An API client with a bearer token of the organisation's user. */
		public Http api() {
			return Http.as(port, username, password);
		}
	}
}
