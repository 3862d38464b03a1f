package cn.kejiao.trading.web;

import cn.kejiao.organisation.OrganisationStatus;
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
import cn.kejiao.trading.AuctionSessions;
import cn.kejiao.trading.LotClosing;
import cn.kejiao.trading.LotView;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's console (a platform admin or a region admin): the sessions of the regions it governs with their
 * lots; opening a session, adding a lot from a verified seller of its region, the registered bidders of a lot and
 * their deposits, withdrawing a lot before its first bid, closing a lot whose time passed and publishing the results.
 * The facades check the region of every step; a refused step comes back to the form with what was typed.
 */
@Controller
@ForRoles(value = { Role.REGION_ADMIN, Role.PLATFORM_ADMIN }, refusal = "auction.organiser-only")
class AuctionConsolePageController {

	static final String CONSOLE = "/auctions/console";
	private static final Pattern UUID_IN = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final AuctionSessions sessions;
	private final AuctionBidders bidders;
	private final AuctionQueries queries;
	private final LotClosing closing;
	private final Organisations organisations;
	private final Problems problems;

	AuctionConsolePageController(AuctionSessions sessions, AuctionBidders bidders, AuctionQueries queries,
			LotClosing closing, Organisations organisations, Problems problems) {
		this.sessions = sessions;
		this.bidders = bidders;
		this.queries = queries;
		this.closing = closing;
		this.organisations = organisations;
		this.problems = problems;
	}

	/** A session as typed in the console's form. */
	record SessionInput(@Nullable String title, @Nullable String place, @Nullable String onlineUrl,
			@Nullable String description, @Nullable BigDecimal buyerCommissionPercent,
			@Nullable BigDecimal sellerCommissionPercent) {
	}

	/** A lot as typed: amounts as people write them, times in China time, the achievement or listing as its id or address. */
	record LotInput(@Nullable String title, @Nullable String description, @Nullable UUID sellerOrgId,
			@Nullable String achievement, @Nullable String patentNumbers, @Nullable String startingPrice,
			@Nullable String increment, @Nullable String reservePrice, @Nullable String deposit,
			@Nullable String startsAt, @Nullable String closesAt, @Nullable Integer extendWindowMinutes,
			@Nullable Integer extendByMinutes) {
	}

	record SessionLots(AuctionQueries.SessionView session, List<LotView> lots) {
	}

	@GetMapping(CONSOLE)
	String console(Model model) {
		Actor actor = Actors.require();
		model.addAttribute("sessions", queries.sessions(true).stream().filter(s -> actor.governs(s.regionCode()))
			.sorted(Comparator.comparing((AuctionQueries.SessionView s) -> s.live() == 0).thenComparing(
					AuctionQueries.SessionView::firstStart, Comparator.nullsFirst(Comparator.reverseOrder())))
			.map(s -> new SessionLots(s, queries.lotsOf(s.id(), actor)))
			.toList());
		model.addAttribute("sellers", sellers(actor));
		return "trading/auction/console";
	}

	/** The verified organisations of the regions the actor governs, by name: who may sell a lot. */
	private List<OrganisationView> sellers(Actor actor) {
		return organisations.search(actor, OrganisationStatus.VERIFIED, "", "", 0, 100).getContent().stream()
			.sorted(Comparator.comparing(OrganisationView::name)).toList();
	}

	@PostMapping(CONSOLE + "/sessions")
	String open(@ModelAttribute SessionInput input, BindingResult binding, RedirectAttributes redirect,
			HttpServletRequest request) {
		if (binding.hasErrors()) {
			return problems.refused(binding, CONSOLE + "#open-session", redirect, request);
		}
		try {
			UUID id = sessions.open(Actors.require(), new AuctionSessions.SessionForm(input.title(), input.place(),
					input.onlineUrl(), input.description(), input.buyerCommissionPercent(),
					input.sellerCommissionPercent()));
			redirect.addFlashAttribute("message", "session-opened");
			return "redirect:" + CONSOLE + "#session-" + id;
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			redirect.addFlashAttribute("sessionInput", input);
			return "redirect:" + CONSOLE + "#open-session";
		}
	}

	@PostMapping(CONSOLE + "/sessions/{id}/lots")
	String addLot(@PathVariable UUID id, @ModelAttribute LotInput input, BindingResult binding,
			RedirectAttributes redirect, HttpServletRequest request) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("lotInput", input);
			redirect.addFlashAttribute("failedSession", id);
			return problems.refused(binding, CONSOLE + "#add-lot-" + id, redirect, request);
		}
		try {
			UUID lot = sessions.addLot(Actors.require(), id, form(input));
			redirect.addFlashAttribute("message", "lot-added");
			return "redirect:" + CONSOLE + "/lots/" + lot;
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			redirect.addFlashAttribute("lotInput", input);
			redirect.addFlashAttribute("failedSession", id);
			return "redirect:" + CONSOLE + "#add-lot-" + id;
		}
	}

	private static AuctionSessions.LotForm form(LotInput input) {
		if (input.sellerOrgId() == null) {
			throw KejiaoException.invalid("auction.field-required", "sellerOrgId").with("field", "sellerOrgId");
		}
		UUID offered = achievement(input.achievement());
		boolean listing = offered != null && input.achievement().contains("/listings/");
		return new AuctionSessions.LotForm(input.title(), input.description(), input.sellerOrgId(),
				listing ? offered : null, listing ? null : offered, input.patentNumbers(),
				new Money(WrittenAmount.fen(input.startingPrice(), "startingPrice")),
				new Money(WrittenAmount.fen(input.increment(), "increment")), optional(input.reservePrice(),
						"reservePrice"),
				optional(input.deposit(), "deposit"), AuctionTimes.local(input.startsAt(), "startsAt"),
				AuctionTimes.local(input.closesAt(), "closesAt"), input.extendWindowMinutes(),
				input.extendByMinutes());
	}

	private static @Nullable Money optional(@Nullable String written, String field) {
		Long fen = WrittenAmount.optionalFen(written, field);
		return fen == null ? null : new Money(fen);
	}

	/**
	 * The id of what the lot offers, pasted alone or in its address: a catalog entry ({@code /catalog/entries/…}) or
	 * a listing ({@code /listings/…}), whose achievement, patents and seller the lot then takes.
	 */
	static @Nullable UUID achievement(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Matcher matcher = UUID_IN.matcher(text);
		if (!matcher.find()) {
			throw KejiaoException.invalid("auction.achievement-invalid").with("field", "achievement");
		}
		return UUID.fromString(matcher.group());
	}

	@GetMapping(CONSOLE + "/lots/{id}")
	String lot(@PathVariable UUID id, Model model) {
		Actor actor = Actors.require();
		LotView lot = queries.lot(id, actor);
		model.addAttribute("lot", lot);
		model.addAttribute("registrants", bidders.registrants(actor, id));
		model.addAttribute("submitted", queries.submitted(id, actor));
		model.addAttribute("history", AuctionPageController.newestFirst(queries.history(id, actor)));
		return "trading/auction/console-lot";
	}

	@PostMapping(CONSOLE + "/lots/{id}/deposits/{orgId}")
	String deposit(@PathVariable UUID id, @PathVariable UUID orgId,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String reference, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			bidders.recordDeposit(Actors.require(), id, orgId, new Money(WrittenAmount.fen(amount, "amount")),
					reference);
			redirect.addFlashAttribute("message", "deposit-recorded");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			redirect.addFlashAttribute("failedOrg", orgId);
			redirect.addFlashAttribute("typedAmount", amount);
			redirect.addFlashAttribute("typedReference", reference);
		}
		return "redirect:" + CONSOLE + "/lots/" + id + "#registrant-" + orgId;
	}

	@PostMapping(CONSOLE + "/lots/{id}/{step:withdraw|close}")
	String step(@PathVariable UUID id, @PathVariable String step, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			if (step.equals("withdraw")) {
				sessions.withdraw(Actors.require(), id);
			}
			else {
				closing.close(Actors.require(), id);
			}
			redirect.addFlashAttribute("message", step.equals("withdraw") ? "lot-withdrawn" : "lot-closed");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:" + CONSOLE + "/lots/" + id;
	}

	@PostMapping(CONSOLE + "/sessions/{id}/publish")
	String publish(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			sessions.publish(Actors.require(), id);
			redirect.addFlashAttribute("message", "published");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:" + CONSOLE + "#session-" + id;
	}
}
