package cn.kejiao.insight;

/**
 * What the read model counts, one kind per fact the platform records, each with one rule for which state counts on
 * which day (written once, in the owning module's facade; decision 0028 and 0031). A fact is kept per day (China
 * time), served region and serving region: for a flow between regions, served is the client side and serving the
 * side that did the work (or paid, or issued); for a fact of one region only (a demand posted, an entry shared) both
 * are that region. Counts of a stock (entries shared) may be negative on a day where more were withdrawn than added.
 */
public enum InsightKind {

	// Catalog: entries shared, net per day (published minus withdrawn), by the entry's region.
	INSTITUTIONS(Group.CATALOG, false, false),
	INSTRUMENTS(Group.CATALOG, false, false),
	SERVICES(Group.CATALOG, false, false),
	ACHIEVEMENTS(Group.CATALOG, false, false),
	EXPERTS(Group.CATALOG, false, false),

	// Vouchers: served = the holding enterprise's region, serving = the issuing scheme's region.
	VOUCHERS_ISSUED(Group.VOUCHERS, true, true),
	VOUCHERS_SPENT(Group.VOUCHERS, true, true),
	VOUCHERS_SETTLED(Group.VOUCHERS, true, true),
	VOUCHERS_LAPSED(Group.VOUCHERS, true, true),

	// Service orders: served = the enterprise, serving = the provider (decision 0028).
	ORDERS(Group.ORDERS, true, true),
	/** Voucher money spent on confirmed orders (booking fees included): served = enterprise, serving = provider. */
	VOUCHER_SPENDING(Group.ORDERS, true, true),

	// Demands: posted and suggested by the demand's region; confirmed matches: demand / achievement region.
	DEMANDS_POSTED(Group.DEMANDS, false, false),
	DEMANDS_MATCHED(Group.DEMANDS, false, false),
	MATCHES_CONFIRMED(Group.DEMANDS, false, true),

	// Challenges (揭榜挂帅): published and applied by the challenge's region; awarded: publisher / winner region.
	CHALLENGES_PUBLISHED(Group.CHALLENGES, true, false),
	CHALLENGE_APPLICATIONS(Group.CHALLENGES, false, true),
	CHALLENGES_AWARDED(Group.CHALLENGES, true, true),
	PANEL_SEATS(Group.CHALLENGES, false, true),

	// Instrument sharing: outside bookings used (booker / owner), and hours of use of all bookings by owner region.
	BOOKINGS(Group.SHARING, true, true),
	INSTRUMENT_HOURS(Group.SHARING, false, false),

	// Technology trading: lots sold (buyer / seller, hammer price) and registered contracts (buyer / seller).
	LOTS_SOLD(Group.TRADING, true, true),
	CONTRACTS(Group.TRADING, true, true),

	// Cooperation: agreements' tasks done and overdue (owner's region), projects started (funder / lead, funding),
	// projects accepted (lead's region), event registrations (registrant / event region) and events held.
	TASKS_DONE(Group.COOPERATION, false, false),
	TASKS_OVERDUE(Group.COOPERATION, false, false),
	PROJECTS_STARTED(Group.COOPERATION, true, true),
	PROJECTS_ACCEPTED(Group.COOPERATION, false, false),
	EVENTS_HELD(Group.COOPERATION, false, false),
	EVENT_REGISTRATIONS(Group.COOPERATION, false, true);

	/** The dashboard's sections, in their order. */
	public enum Group {
		CATALOG, VOUCHERS, ORDERS, DEMANDS, CHALLENGES, SHARING, TRADING, COOPERATION
	}

	private final Group group;

	private final boolean money;

	private final boolean flow;

	InsightKind(Group group, boolean money, boolean flow) {
		this.group = group;
		this.money = money;
		this.flow = flow;
	}

	public Group group() {
		return group;
	}

	/** Whether the facts of this kind carry an amount of money. */
	public boolean money() {
		return money;
	}

	/** Whether the facts run between two regions (and may be drawn on the map), or stay in one. */
	public boolean flow() {
		return flow;
	}

	/** The key of its name in the message bundles: {@code insight.kind.ORDERS}. */
	public String messageKey() {
		return "insight.kind." + name();
	}
}
