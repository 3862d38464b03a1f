package cn.kejiao.trading;

/**
 * How a listed technology passes to a buyer. An accepted offer in a mode that leaves the seller nothing more to
 * give ({@link #endsListing()}: a transfer, an exclusive or sole licence, a contribution as equity) sells the
 * listing; a non-exclusive licence or a joint development can be agreed with several buyers, and the listing
 * stays published.
 */
public enum ListingMode {
	/** 转让: the rights pass to the buyer. */
	TRANSFER(true),
	/** 独占许可: only the licensee may use it in the territory, not even the seller. */
	LICENCE_EXCLUSIVE(true),
	/** 排他许可: the licensee and the seller alone may use it in the territory. */
	LICENCE_SOLE(true),
	/** 普通许可: the seller may license it to others too. */
	LICENCE_NON_EXCLUSIVE(false),
	/** 作价入股: contributed as capital to the buyer's company. */
	EQUITY(true),
	/** 合作开发: developed further together. */
	JOINT_DEVELOPMENT(false);

	private final boolean endsListing;

	ListingMode(boolean endsListing) {
		this.endsListing = endsListing;
	}

	/** Whether an agreement in this mode sells the listing (nothing is left to offer anyone else). */
	public boolean endsListing() {
		return endsListing;
	}

	public boolean isLicence() {
		return name().startsWith("LICENCE_");
	}
}
