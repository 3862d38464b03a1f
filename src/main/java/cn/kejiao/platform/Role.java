package cn.kejiao.platform;

/** What a user may do. A region admin acts on its own region and every region below it. */
public enum Role {
	ENTERPRISE, PROVIDER, EXPERT, REGION_ADMIN, PLATFORM_ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}
}
