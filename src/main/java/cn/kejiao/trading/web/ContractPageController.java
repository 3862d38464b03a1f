package cn.kejiao.trading.web;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.trading.Brokers;
import cn.kejiao.trading.ContractState;
import cn.kejiao.trading.ContractState.Step;
import cn.kejiao.trading.ContractType;
import cn.kejiao.trading.ContractView;
import cn.kejiao.trading.ContractDrafts;
import cn.kejiao.trading.Contracts;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The contract pages: "my contracts" (the region's, for an admin), one contract with the steps the reader may take
 * now, the form to draft one by hand, and the region admin's registration queue.
 */
@Controller
class ContractPageController {

	/** The steps the reader may take on the contract now, each a button. */
	record Steps(boolean sign, boolean register, boolean start, boolean complete, boolean terminate, boolean pay) {

		public boolean any() {
			return sign || register || start || complete || terminate;
		}
	}

	private final Contracts contracts;
	private final ContractDrafts drafts;
	private final Organisations organisations;
	private final Brokers brokers;
	private final Problems problems;

	ContractPageController(Contracts contracts, ContractDrafts drafts, Organisations organisations, Brokers brokers,
			Problems problems) {
		this.contracts = contracts;
		this.drafts = drafts;
		this.organisations = organisations;
		this.brokers = brokers;
		this.problems = problems;
	}

	@GetMapping("/contracts")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Actor actor = Actors.require();
		var result = contracts.list(Paging.of(page, 20, 20));
		model.addAttribute("contracts", result.getContent());
		model.addAttribute("page", result);
		model.addAttribute("admin", actor.isRegionAdmin() || actor.isPlatformAdmin());
		model.addAttribute("mayDraft", actor.organisationId() != null && !actor.isRegionAdmin() && !actor.isPlatformAdmin());
		return "trading/contracts/list";
	}

	@GetMapping("/contracts/new")
	String form(Model model) {
		Actors.require();
		return form(ContractPageForm.empty(), null, model);
	}

	@PostMapping("/contracts")
	String create(@ModelAttribute ContractPageForm form, Model model, HttpServletRequest request) {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			throw KejiaoException.forbidden("contract.party-only");
		}
		try {
			ContractView contract = contracts.create(form.draft(actor.organisationId()));
			return "redirect:/contracts/" + contract.id();
		}
		catch (KejiaoException refused) {
			return form(form, problems.refusal(refused, request), model);
		}
	}

	private String form(ContractPageForm form, @Nullable String error, Model model) {
		Actor actor = Actors.require();
		List<OrganisationView> others = organisations.verified(EnumSet.complementOf(EnumSet.of(OrganisationType.GOVERNMENT)))
			.stream().filter(o -> !o.id().equals(actor.organisationId()))
			.sorted(Comparator.comparing(OrganisationView::regionCode).thenComparing(OrganisationView::name)).toList();
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("organisations", others);
		model.addAttribute("brokers", brokers.all());
		model.addAttribute("types", ContractType.values());
		model.addAttribute("rows", java.util.stream.IntStream.range(0, ContractPageForm.ROWS).boxed().toList());
		return "trading/contracts/form";
	}

	@GetMapping("/contracts/{id}")
	String show(@PathVariable UUID id, Model model) {
		Actor actor = Actors.require();
		ContractView contract = contracts.get(id);
		model.addAttribute("contract", contract);
		model.addAttribute("steps", steps(contract, actor));
		model.addAttribute("side", contract.sideOf(actor));
		return "trading/contracts/show";
	}

	static Steps steps(ContractView c, Actor actor) {
		ContractView.Side side = c.sideOf(actor);
		ContractState state = c.state();
		boolean ownSigned = side == ContractView.Side.SELLER ? c.sellerSigned() != null
				: side == ContractView.Side.BUYER && c.buyerSigned() != null;
		boolean registrar = actor.governs(c.seller().regionCode());
		return new Steps(side != null && state.allows(Step.SIGN) && !ownSigned, registrar && state.allows(Step.REGISTER),
				side != null && state.allows(Step.START), side != null && state.allows(Step.COMPLETE),
				(side != null || registrar) && state.allows(Step.TERMINATE),
				side == ContractView.Side.SELLER && (state == ContractState.SIGNED || state == ContractState.REGISTERED
						|| state == ContractState.IN_PERFORMANCE));
	}

	@PostMapping("/contracts/{id}/sign")
	String sign(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> contracts.sign(id), "signed", id, redirect, request);
	}

	@PostMapping("/contracts/{id}/register")
	String register(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean fromQueue,
			RedirectAttributes redirect, HttpServletRequest request) {
		String page = step(() -> contracts.register(id), "registered", id, redirect, request);
		return fromQueue ? "redirect:/contracts/registrations" : page;
	}

	@PostMapping("/contracts/{id}/start")
	String start(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> contracts.start(id), "started", id, redirect, request);
	}

	@PostMapping("/contracts/{id}/complete")
	String complete(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> contracts.complete(id), "completed", id, redirect, request);
	}

	@PostMapping("/contracts/{id}/terminate")
	String terminate(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect, HttpServletRequest request) {
		return step(() -> contracts.terminate(id, reason), "terminated", id, redirect, request);
	}

	@PostMapping("/contracts/{id}/instalments/{instalment}/paid")
	String paid(@PathVariable UUID id, @PathVariable int instalment, RedirectAttributes redirect,
			HttpServletRequest request) {
		return step(() -> contracts.markPaid(id, instalment), "paid", id, redirect, request);
	}

	@GetMapping("/contracts/registrations")
	String queue(Model model) {
		model.addAttribute("queue", contracts.registrationQueue());
		model.addAttribute("brokers", brokers.all());
		return "trading/contracts/queue";
	}

	/** A region admin records an expert's technology-broker certificate, below the queue. */
	@PostMapping("/contracts/brokers")
	String registerBroker(@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String certificate, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			Brokers.BrokerView broker = brokers.register(username == null ? "" : username.strip(), certificate);
			redirect.addFlashAttribute("broker", broker.displayName());
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("brokerError", problems.refusal(ex, request));
		}
		return "redirect:/contracts/registrations#brokers";
	}

	/**
	 * The owner of a demand drafts the contract with the owner of one of its matches, from the demand's page; asked
	 * again, the same contract opens. A refusal goes back to the match with its reason.
	 */
	@PostMapping("/contracts/from-match")
	String fromMatch(@RequestParam UUID demandId, @RequestParam UUID entryId, RedirectAttributes redirect,
			HttpServletRequest request) {
		Actors.require();
		try {
			ContractView contract = drafts.fromMatch(demandId, entryId, null, null);
			redirect.addFlashAttribute("message", "drafted");
			redirect.addFlashAttribute("number", contract.number());
			return "redirect:/contracts/" + contract.id();
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
			return "redirect:/demands/" + demandId + "#match-" + entryId;
		}
	}

	private String step(java.util.function.Supplier<ContractView> step, String done, UUID id,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			ContractView contract = step.get();
			redirect.addFlashAttribute("message", done);
			redirect.addFlashAttribute("number", contract.number());
			redirect.addFlashAttribute("registrationNumber", contract.registrationNumber());
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/contracts/" + id;
	}
}
