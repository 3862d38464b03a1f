package cn.kejiao.trading;

import cn.kejiao.platform.KejiaoException;

/**
 * DRAFT → PUBLISHED ⇄ WITHDRAWN; PUBLISHED (or a draft or withdrawn listing a lot was made of) → SOLD, for good.
 * Only a published listing is in the listings search and takes inquiries and acceptances.
 */
public enum ListingState {
	DRAFT, PUBLISHED, WITHDRAWN, SOLD;

	ListingState publish() {
		if (this != DRAFT && this != WITHDRAWN) {
			throw KejiaoException.conflict("listing.not-publishable", name());
		}
		return PUBLISHED;
	}

	ListingState withdraw() {
		if (this != PUBLISHED && this != DRAFT) {
			throw KejiaoException.conflict("listing.not-withdrawable", name());
		}
		return WITHDRAWN;
	}

	ListingState edit() {
		if (this == SOLD) {
			throw KejiaoException.conflict("listing.sold");
		}
		return this;
	}

	/** Whether the buyers of the public catalog see it (a sold listing is still shown, as sold). */
	public boolean isPublic() {
		return this == PUBLISHED || this == SOLD;
	}
}
