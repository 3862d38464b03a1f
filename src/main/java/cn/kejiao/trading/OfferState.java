package cn.kejiao.trading;

/**
 * OPEN until the other side accepts it (ACCEPTED), a newer offer in the thread replaces it (SUPERSEDED), or the
 * listing is sold or withdrawn so that it can no longer be accepted (LAPSED).
 */
public enum OfferState {
	OPEN, SUPERSEDED, ACCEPTED, LAPSED
}
