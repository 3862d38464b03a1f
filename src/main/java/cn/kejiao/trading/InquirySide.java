package cn.kejiao.trading;

/** The two sides of an inquiry thread: the organisation that asked, and the listing's seller. */
public enum InquirySide {
	BUYER, SELLER;

	public InquirySide other() {
		return this == BUYER ? SELLER : BUYER;
	}
}
