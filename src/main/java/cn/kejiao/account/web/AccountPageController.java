package cn.kejiao.account.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.account.Accounts;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.organisation.Qualification;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.region.Regions;
import jakarta.validation.Valid;

/** Sign-in, self-service registration and the user's own account page. */
@Controller
class AccountPageController {

	private final Accounts accounts;
	private final Organisations organisations;
	private final Regions regions;

	AccountPageController(Accounts accounts, Organisations organisations, Regions regions) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.regions = regions;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, Model model) {
		model.addAttribute("error", error);
		return "account/login";
	}

	@GetMapping("/register")
	String registration(Model model) {
		model.addAttribute("form", new RegistrationPageForm());
		return form(model, new RegistrationPageForm());
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationPageForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (!form.getPassword().equals(form.getPasswordConfirm())) {
			binding.rejectValue("passwordConfirm", "account.password-mismatch");
		}
		if (form.regionCode().isBlank()) {
			binding.rejectValue("county", "organisation.region-required");
		}
		if (binding.hasErrors()) {
			// the other mistakes are named now too, so the page lists everything to correct at once
			if (!binding.hasFieldErrors("creditCode")) {
				try {
					cn.kejiao.organisation.CreditCode.of(form.getCreditCode());
				}
				catch (KejiaoException ex) {
					binding.rejectValue("creditCode", ex.messageKey(), ex.args(), ex.code());
				}
			}
			return form(model, form);
		}
		try {
			OrganisationView registered = accounts.register(form.organisation(), form.user(), form.isAcceptTerms());
			redirect.addFlashAttribute("registeredName", registered.name());
			redirect.addFlashAttribute("registeredStatus", registered.status().name());
			return "redirect:/register/done";
		}
		catch (KejiaoException ex) {
			binding.rejectValue(fieldOf(ex.code()), ex.messageKey(), ex.args(), ex.code());
			return form(model, form);
		}
	}

	@GetMapping("/register/done")
	String registered() {
		return "account/registered";
	}

	@GetMapping("/me")
	String me(Model model) {
		Actor actor = Actors.require();
		if (actor.organisationId() != null) {
			model.addAttribute("organisation", organisations.view(actor.organisationId(), actor));
		}
		model.addAttribute("region", regions.fullName(actor.regionCode()));
		return "account/me";
	}

	private String form(Model model, RegistrationPageForm form) {
		model.addAttribute("form", form);
		model.addAttribute("types",
				Arrays.stream(OrganisationType.values()).filter(t -> t != OrganisationType.GOVERNMENT).toList());
		model.addAttribute("qualifications", Qualification.values());
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("prefectures", form.getProvince().isBlank() ? List.of() : regions.children(form.getProvince()));
		model.addAttribute("counties", form.getPrefecture().isBlank() ? List.of() : regions.children(form.getPrefecture()));
		return "account/register";
	}

	private static String fieldOf(String code) {
		if (code.startsWith("organisation.credit-code")) {
			return "creditCode";
		}
		if (code.startsWith("account.password")) {
			return "password";
		}
		if (code.startsWith("account.username")) {
			return "username";
		}
		if (code.startsWith("region")) {
			return "county";
		}
		return "name";
	}
}
