package cn.kejiao.organisation;

/**
 * PENDING → (verified) IN_NOTICE → VERIFIED, or PENDING → VERIFIED when there is no notice period;
 * PENDING or IN_NOTICE → REJECTED with a reason.
 */
public enum OrganisationStatus {
	PENDING, IN_NOTICE, VERIFIED, REJECTED
}
