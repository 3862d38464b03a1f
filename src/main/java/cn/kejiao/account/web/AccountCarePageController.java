package cn.kejiao.account.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.account.AccountCare;
import cn.kejiao.account.UserView;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;

/** The admins' user pages: find a user of the region, reset its password, unlock it, change its roles. */
@Controller
class AccountCarePageController {

	private final AccountCare care;
	private final Organisations organisations;
	private final Regions regions;
	private final Problems problems;

	AccountCarePageController(AccountCare care, Organisations organisations, Regions regions, Problems problems) {
		this.care = care;
		this.organisations = organisations;
		this.regions = regions;
		this.problems = problems;
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var result = care.users(q, Math.max(page, 0));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("organisationNames", organisationNames(result.getContent()));
		model.addAttribute("regionNames", result.getContent().stream().map(UserView::regionCode).distinct()
			.collect(Collectors.toMap(Function.identity(), regions::fullNameOrCode)));
		return "account/users";
	}

	@GetMapping("/admin/users/{id}")
	String user(@PathVariable UUID id, Model model) {
		AccountCare.CaredFor cared = care.user(id);
		model.addAttribute("cared", cared);
		model.addAttribute("u", cared.user());
		model.addAttribute("organisationName", cared.user().organisationId() == null ? null
				: organisations.find(cared.user().organisationId()).map(OrganisationView::name).orElse(null));
		model.addAttribute("regionName", regions.fullNameOrCode(cared.user().regionCode()));
		model.addAttribute("allRoles", EnumSet.allOf(Role.class));
		return "account/user";
	}

	@PostMapping("/admin/users/{id}/password-reset")
	String resetPassword(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			redirect.addFlashAttribute("temporaryPassword", care.resetPassword(id));
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/unlock")
	String unlock(@PathVariable UUID id, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			care.unlock(id);
			redirect.addFlashAttribute("message", "unlocked");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/roles")
	String roles(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<Role> roles,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			care.changeRoles(id, roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
			redirect.addFlashAttribute("message", "roles-saved");
		}
		catch (KejiaoException ex) {
			redirect.addFlashAttribute("error", problems.refusal(ex, request));
		}
		return "redirect:/admin/users/" + id;
	}

	private Map<UUID, String> organisationNames(List<UserView> users) {
		return users.stream().map(UserView::organisationId).filter(java.util.Objects::nonNull).distinct()
			.collect(Collectors.toMap(Function.identity(),
					id -> organisations.find(id).map(OrganisationView::name).orElse("")));
	}
}
