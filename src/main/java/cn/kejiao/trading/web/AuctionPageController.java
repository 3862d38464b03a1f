package cn.kejiao.trading.web;

import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.WrittenAmount;
import cn.kejiao.platform.web.ForRoles;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.trading.AuctionBidders;
import cn.kejiao.trading.AuctionQueries;
import cn.kejiao.trading.Bidding;
import cn.kejiao.trading.LotView;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public auction pages — the calendar, a session and the live lot page — and the bidder's steps on the lot
 * page: register, and bid an amount or a proxy maximum. The lot page updates itself through
 * {@link AuctionLivePageController}; a bid sent from it answers with a short fragment, so the bidder's own page is
 * not reloaded either.
 */
@Controller
class AuctionPageController {

	private final AuctionQueries queries;
	private final AuctionBidders bidders;
	private final Bidding bidding;
	private final Organisations organisations;
	private final Problems problems;
	private final Clock clock;

	AuctionPageController(AuctionQueries queries, AuctionBidders bidders, Bidding bidding, Organisations organisations,
			Problems problems, Clock clock) {
		this.queries = queries;
		this.bidders = bidders;
		this.bidding = bidding;
		this.organisations = organisations;
		this.problems = problems;
		this.clock = clock;
	}

	/** A day of the calendar, in China time, with its sessions. */
	record Day(String date, List<SessionLots> sessions) {
	}

	record SessionLots(AuctionQueries.SessionView session, List<LotView> lots) {
	}

	@GetMapping("/auctions")
	String calendar(@RequestParam(defaultValue = "false") boolean all, Model model) {
		Actor reader = Actors.current().orElse(null);
		List<SessionLots> sessions = queries.sessions(all).stream()
			.map(s -> new SessionLots(s, queries.lotsOf(s.id(), reader).stream()
				.filter(l -> !l.state().equals("WITHDRAWN")).toList()))
			.filter(s -> !s.lots().isEmpty())
			.toList();
		Map<String, List<SessionLots>> byDay = sessions.stream()
			.collect(Collectors.groupingBy(s -> AuctionTimes.day(s.session().firstStart()),
					java.util.TreeMap::new, Collectors.toList()));
		model.addAttribute("days", byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList());
		model.addAttribute("all", all);
		return "trading/auction/calendar";
	}

	@GetMapping("/auctions/sessions/{id}")
	String session(@PathVariable UUID id, Model model) {
		Actor reader = Actors.current().orElse(null);
		AuctionQueries.SessionView session = queries.session(id);
		model.addAttribute("auctionSession", session);
		model.addAttribute("lots", queries.lotsOf(id, reader));
		model.addAttribute("organiser", reader != null && reader.governs(session.regionCode()));
		return "trading/auction/session";
	}

	@GetMapping("/auctions/lots/{id}")
	String lot(@PathVariable UUID id, Model model) {
		Actor reader = Actors.current().orElse(null);
		LotView lot = queries.lot(id, reader);
		if (lot.state().equals("WITHDRAWN") && (reader == null || !reader.governs(lot.sessionRegion()))) {
			throw KejiaoException.notFound("auction.lot-not-found");
		}
		AuctionBidders.MyRegistration mine = reader == null ? null : bidders.mine(reader, id).orElse(null);
		model.addAttribute("lot", lot);
		model.addAttribute("history", newestFirst(queries.history(id, reader)));
		model.addAttribute("me", mine == null ? null : mine.pseudonym());
		model.addAttribute("registration", mine);
		model.addAttribute("bidder", bidderState(reader, lot, mine));
		model.addAttribute("organiser", reader != null && reader.governs(lot.sessionRegion()));
		model.addAttribute("seller", reader != null && lot.sellerOrgId().equals(reader.organisationId()));
		model.addAttribute("nowIso", clock.instant().toString());
		return "trading/auction/lot";
	}

	/**
	 * What the reader may do on the lot: SIGN_IN, NONE (not a bidder: an admin, the seller, a lot not open),
	 * UNVERIFIED (its organisation is not verified), REGISTER, DEPOSIT (registered, deposit not recorded yet), BID.
	 */
	private String bidderState(@Nullable Actor reader, LotView lot, AuctionBidders.@Nullable MyRegistration mine) {
		if (reader == null) {
			return lot.live() || lot.state().equals("SCHEDULED") ? "SIGN_IN" : "NONE";
		}
		boolean opens = lot.live() || lot.state().equals("SCHEDULED");
		if (!opens || reader.organisationId() == null || lot.sellerOrgId().equals(reader.organisationId())
				|| !(reader.has(Role.ENTERPRISE) || reader.has(Role.PROVIDER) || reader.has(Role.EXPERT))) {
			return "NONE";
		}
		if (mine == null) {
			boolean verified = organisations.find(reader.organisationId()).map(OrganisationView::isVerified)
				.orElse(false);
			return verified ? "REGISTER" : "UNVERIFIED";
		}
		return mine.mayBid() ? "BID" : "DEPOSIT";
	}

	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "auction.bidders-only")
	@PostMapping("/auctions/lots/{id}/register")
	String register(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			AuctionBidders.MyRegistration mine = bidders.register(Actors.require(), id);
			redirect.addFlashAttribute("message", "registered");
			redirect.addFlashAttribute("pseudonym", mine.pseudonym());
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/auctions/lots/" + id;
	}

	/**
	 * A bid: {@code kind} AMOUNT (exactly this) or MAX (a proxy maximum). From the page's htmx form the answer is a
	 * fragment (200 even when refused, so htmx shows it; the form keeps what was typed); without script the page
	 * comes back with the outcome and the typed amount.
	 */
	@ForRoles(value = { Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT }, refusal = "auction.bidders-only")
	@PostMapping("/auctions/lots/{id}/bids")
	String bid(@PathVariable UUID id, @RequestParam(defaultValue = "AMOUNT") String kind,
			@RequestParam(required = false) @Nullable String amount,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		boolean proxy = kind.equals("MAX");
		Bidding.BidResult result = null;
		String error = null;
		try {
			Money money = new Money(WrittenAmount.fen(amount, "amount"));
			result = bidding.bid(Actors.require(), id,
					proxy ? new Bidding.BidRequest(null, money) : new Bidding.BidRequest(money, null));
		}
		catch (KejiaoException ex) {
			error = problems.refusal(ex, request);
		}
		if (htmx != null) {
			model.addAttribute("result", result);
			model.addAttribute("error", error);
			model.addAttribute("proxy", proxy);
			return "trading/auction/lot :: bid-outcome";
		}
		redirect.addFlashAttribute("bidResult", result);
		redirect.addFlashAttribute("bidError", error);
		redirect.addFlashAttribute("typedAmount", amount);
		redirect.addFlashAttribute("typedKind", kind);
		return "redirect:/auctions/lots/" + id + "#bid";
	}

	/** "My bids": the lots my organisation registered for, live ones first. */
	@GetMapping("/auctions/mine")
	String mine(Model model) {
		model.addAttribute("bids", queries.myBids(Actors.require()));
		return "trading/auction/mine";
	}

	/** "My lots": the lots my organisation sells, with their state and result. */
	@GetMapping("/auctions/selling")
	String selling(Model model) {
		model.addAttribute("lots", queries.myLots(Actors.require()));
		return "trading/auction/selling";
	}

	static List<AuctionQueries.PriceStep> newestFirst(List<AuctionQueries.PriceStep> steps) {
		return steps.stream().sorted(Comparator.comparingInt(AuctionQueries.PriceStep::seq).reversed()).toList();
	}
}
