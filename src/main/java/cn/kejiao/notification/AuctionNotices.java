package cn.kejiao.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.trading.BidOutbid;
import cn.kejiao.trading.LotSold;
import cn.kejiao.trading.LotUnsold;

/**
 * What the sides of a patent auction are told: the bidder that lost the lead ("您已被超越", with the new leading
 * amount and the close) — at most once per lot in {@link #OUTBID_QUIET} however often it is outbid, as a bidding
 * war would otherwise flood its inbox and mail while the live page already shows every bid; at the close, the
 * winner and the seller of a sold lot, and the seller of an unsold one. The link opens the live lot page.
 */
@Component
class AuctionNotices {

	/** One outbid notice per lot and bidder in this span; the window is fixed (aligned to the epoch), not sliding. */
	static final Duration OUTBID_QUIET = Duration.ofMinutes(5);
	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;
	private final Organisations organisations;

	AuctionNotices(Notifications notifications, Organisations organisations) {
		this.notifications = notifications;
		this.organisations = organisations;
	}

	@ApplicationModuleListener
	void on(BidOutbid event) {
		long window = event.at().toEpochMilli() / OUTBID_QUIET.toMillis();
		notifications.tell(new Notice(event.outbidOrgId(), "auction", "auction-outbid",
				List.of(event.title(), event.leadingAmount().display(), local(event.closesAt())), link(event.lotId()),
				"auction-outbid:" + event.lotId() + ":" + event.outbidOrgId() + ":" + window));
	}

	@ApplicationModuleListener
	void on(LotSold event) {
		String buyer = organisations.find(event.buyerOrgId()).map(OrganisationView::name).orElse("-");
		String seller = organisations.find(event.sellerOrgId()).map(OrganisationView::name).orElse("-");
		notifications.tellAll(List.of(
				new Notice(event.buyerOrgId(), "auction", "auction-won",
						List.of(event.title(), event.hammer().display(), event.buyerCommission().display(), seller),
						link(event.lotId()), "auction-won:" + event.lotId()),
				new Notice(event.sellerOrgId(), "auction", "auction-sold",
						List.of(event.title(), event.hammer().display(), event.sellerCommission().display(), buyer),
						link(event.lotId()), "auction-sold:" + event.lotId())));
	}

	@ApplicationModuleListener
	void on(LotUnsold event) {
		notifications.tell(new Notice(event.sellerOrgId(), "auction",
				event.hadBids() ? "auction-unsold-reserve" : "auction-unsold-no-bids", List.of(event.title()),
				link(event.lotId()), "auction-unsold:" + event.lotId()));
	}

	private static String link(java.util.UUID lotId) {
		return "/auctions/lots/" + lotId;
	}

	private static String local(Instant instant) {
		return MINUTES.format(instant.atZone(ChinaTime.ZONE));
	}
}
