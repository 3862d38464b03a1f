package cn.kejiao.trading.web;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.trading.AuctionBidders;
import cn.kejiao.trading.AuctionQueries;
import cn.kejiao.trading.AuctionSessions;
import cn.kejiao.trading.Bidding;
import cn.kejiao.trading.LotClosing;
import cn.kejiao.trading.LotView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Patent auctions: the calendar, lots, registration and deposits, bids and the organiser's steps. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Auctions")
class AuctionApiController {

	private final AuctionSessions sessions;
	private final AuctionBidders bidders;
	private final AuctionQueries queries;
	private final Bidding bidding;
	private final LotClosing closing;

	AuctionApiController(AuctionSessions sessions, AuctionBidders bidders, AuctionQueries queries, Bidding bidding,
			LotClosing closing) {
		this.sessions = sessions;
		this.bidders = bidders;
		this.queries = queries;
		this.bidding = bidding;
		this.closing = closing;
	}

	record PageOf<T>(List<T> items, long total, int page, int size) {

		static <T> PageOf<T> of(Page<T> page) {
			return new PageOf<>(page.getContent(), page.getTotalElements(), page.getNumber(), page.getSize());
		}
	}

	@GetMapping("/auctions")
	@Operation(summary = "Lots by state", description = "state: SCHEDULED, LIVE, CLOSED or empty for all; soonest closing first. The reserve price is never shown to bidders or the public.")
	PageOf<LotView> lots(@RequestParam(required = false) @Nullable String state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return PageOf.of(queries.lots(state, Paging.of(page, size, 100), Actors.current().orElse(null)));
	}

	@GetMapping("/auctions/{lotId}")
	@Operation(summary = "One lot", description = "state, leadingAmount, leader (a pseudonym), closesAt (moved by anti-sniping), bidCount, minimumBid; the result once closed.")
	LotView lot(@PathVariable UUID lotId) {
		return queries.lot(lotId, Actors.current().orElse(null));
	}

	record History(List<AuctionQueries.PriceStep> steps, @Nullable List<AuctionQueries.SubmittedBid> submitted) {
	}

	@GetMapping("/auctions/{lotId}/bids")
	@Operation(summary = "The price history of a lot", description = "steps: each new leading amount, bidder as a pseudonym, auto when the platform bid for a proxy maximum. submitted: every bid as placed, proxy maxima included: for the organiser only.")
	History history(@PathVariable UUID lotId) {
		Actor reader = Actors.current().orElse(null);
		LotView lot = queries.lot(lotId, reader);
		boolean organiser = reader != null && reader.governs(lot.sessionRegion());
		return new History(queries.history(lotId, reader), organiser ? queries.submitted(lotId, reader) : null);
	}

	record BidBody(@Nullable Money amount, @Nullable Money maxAmount) {
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "auction.bidders-only")
	@PostMapping("/auctions/{lotId}/bids")
	@Operation(summary = "Bid on a live lot", description = "amount: bid exactly this; maxAmount: a proxy maximum, the platform bids for you one increment at a time up to it. 201 with the leading bid that results; 409 auction.bid-too-low (minimum), auction.closed, auction.not-started, auction.not-registered, auction.no-deposit (deposit), auction.unverified, auction.own-lot, auction.leading, auction.max-not-higher.")
	ResponseEntity<Bidding.BidResult> bid(@PathVariable UUID lotId, @RequestBody BidBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(bidding.bid(Actors.require(), lotId, new Bidding.BidRequest(body.amount(), body.maxAmount())));
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "auction.bidders-only")
	@PostMapping("/auctions/{lotId}/registrations")
	@Operation(summary = "Register the caller's organisation as a bidder", description = "201 with the pseudonym; bidding needs the deposit the lot asks for, recorded by the organiser. 409 auction.unverified, auction.own-lot, auction.closed.")
	ResponseEntity<AuctionBidders.MyRegistration> register(@PathVariable UUID lotId) {
		return ResponseEntity.status(HttpStatus.CREATED).body(bidders.register(Actors.require(), lotId));
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "auction.organiser-only")
	@GetMapping("/auctions/{lotId}/registrations")
	@Operation(summary = "The registered bidders of a lot and their deposits (organiser)")
	List<AuctionBidders.Registrant> registrants(@PathVariable UUID lotId) {
		return bidders.registrants(Actors.require(), lotId);
	}

	record DepositBody(@Nullable Money amount, @Nullable String reference) {
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "auction.organiser-only")
	@PostMapping("/auctions/{lotId}/registrations/{orgId}/deposit")
	@Operation(summary = "Record a bidder's deposit (organiser)", description = "At least the deposit the lot asks for (400 auction.deposit-short).")
	AuctionBidders.MyRegistration deposit(@PathVariable UUID lotId, @PathVariable UUID orgId,
			@RequestBody DepositBody body) {
		if (body.amount() == null) {
			throw KejiaoException.invalid("auction.field-required", "amount").with("field", "amount");
		}
		Actor actor = Actors.require();
		return bidders.recordDeposit(actor, lotId, orgId, body.amount(), body.reference());
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "auction.organiser-only")
	@PostMapping("/auctions/{lotId}/close")
	@Operation(summary = "Close a lot whose close time passed (organiser)", description = "The sweep closes lots on its own within seconds; 409 auction.not-yet-closed before the close time.")
	LotView close(@PathVariable UUID lotId) {
		closing.close(Actors.require(), lotId);
		return queries.lot(lotId, Actors.require());
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "auction.organiser-only")
	@PostMapping("/auctions/{lotId}/withdraw")
	@Operation(summary = "Withdraw a lot before its first bid (organiser)")
	LotView withdraw(@PathVariable UUID lotId) {
		sessions.withdraw(Actors.require(), lotId);
		return queries.lot(lotId, Actors.require());
	}

	@GetMapping("/auctions/mine")
	@Operation(summary = "The lots the caller's organisation registered for, with its highest bid and whether it leads")
	List<AuctionQueries.MyBid> mine() {
		return queries.myBids(Actors.require());
	}

	@GetMapping("/auctions/selling")
	@Operation(summary = "The lots the caller's organisation sells")
	List<LotView> selling() {
		return queries.myLots(Actors.require());
	}

	@GetMapping("/auction-sessions")
	@Operation(summary = "The auction calendar: sessions with lots closing from now on (all=true: every session)")
	List<AuctionQueries.SessionView> sessions(@RequestParam(defaultValue = "false") boolean all) {
		return queries.sessions(all);
	}

	record SessionWithLots(AuctionQueries.SessionView session, List<LotView> lots) {
	}

	@GetMapping("/auction-sessions/{id}")
	@Operation(summary = "A session and its lots")
	SessionWithLots session(@PathVariable UUID id) {
		Actor reader = Actors.current().orElse(null);
		return new SessionWithLots(queries.session(id), queries.lotsOf(id, reader));
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "auction.organiser-only")
	@PostMapping("/auction-sessions")
	@Operation(summary = "Open an auction session in the caller's region (organiser)", description = "buyerCommissionPercent, sellerCommissionPercent: of the hammer price (defaults 5 and 3).")
	ResponseEntity<AuctionQueries.SessionView> open(@RequestBody AuctionSessions.SessionForm form) {
		UUID id = sessions.open(Actors.require(), form);
		return ResponseEntity.status(HttpStatus.CREATED).body(queries.session(id));
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "auction.organiser-only")
	@PostMapping("/auction-sessions/{id}/lots")
	@Operation(summary = "Add a lot (organiser)", description = "sellerOrgId: a verified organisation; startingPrice, increment, reservePrice (hidden), deposit: yuan strings; startsAt, closesAt: ISO-8601 instants; extendWindowMinutes, extendByMinutes: anti-sniping (default 5 and 5).")
	ResponseEntity<LotView> addLot(@PathVariable UUID id, @RequestBody AuctionSessions.LotForm form) {
		Actor actor = Actors.require();
		return ResponseEntity.status(HttpStatus.CREATED).body(queries.lot(sessions.addLot(actor, id, form), actor));
	}

	@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "auction.organiser-only")
	@PostMapping("/auction-sessions/{id}/publish")
	@Operation(summary = "Publish the results of the session's closed lots (organiser)")
	AuctionQueries.SessionView publish(@PathVariable UUID id) {
		sessions.publish(Actors.require(), id);
		return queries.session(id);
	}
}
