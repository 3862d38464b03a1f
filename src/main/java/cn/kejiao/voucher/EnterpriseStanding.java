package cn.kejiao.voucher;

/**
 * Whether a user may apply for vouchers and place orders, so a page offers those forms only to whoever may use
 * them: an enterprise user of a verified enterprise ({@link #VERIFIED}); one whose enterprise is not verified
 * (yet, or was rejected) is told to get it verified first; anyone else is offered neither.
 */
public enum EnterpriseStanding {
	VERIFIED, NOT_VERIFIED, NOT_AN_ENTERPRISE
}
