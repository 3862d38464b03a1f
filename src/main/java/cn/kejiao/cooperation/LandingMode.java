package cn.kejiao.cooperation;

/** How a project's achievement was taken up (落地): licensed to the enterprise, a new company, incubated. */
public enum LandingMode {
	LICENCE, NEW_COMPANY, INCUBATED
}
