package cn.kejiao.account.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.account.AccountCare;
import cn.kejiao.account.PasswordRecovery;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

/** A user's own password: changed with the current one, or recovered by e-mail when forgotten. */
@Controller
class PasswordPageController {

	private final AccountCare care;
	private final PasswordRecovery recovery;
	private final Problems problems;

	PasswordPageController(AccountCare care, PasswordRecovery recovery, Problems problems) {
		this.care = care;
		this.recovery = recovery;
		this.problems = problems;
	}

	@GetMapping("/me/password")
	String changeForm() {
		return "account/password";
	}

	@PostMapping("/me/password")
	String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordConfirm, Model model, RedirectAttributes redirect,
			HttpServletRequest request) {
		if (!password.equals(passwordConfirm)) {
			model.addAttribute("error", problems.text("account.password-mismatch", null, "", request));
			return "account/password";
		}
		try {
			care.changeOwnPassword(current, password);
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.refusal(ex, request));
			return "account/password";
		}
		redirect.addFlashAttribute("message", "password-changed");
		return "redirect:/me";
	}

	@GetMapping("/password/forgot")
	String forgotForm() {
		return "account/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Model model, Locale locale,
			HttpServletRequest request) {
		try {
			recovery.requestLink(email, locale);
			model.addAttribute("sent", true);
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.refusal(ex, request));
		}
		model.addAttribute("email", email);
		return "account/forgot";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(required = false) @Nullable String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("valid", token != null && recovery.isValid(token));
		return "account/reset";
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordConfirm, Model model, RedirectAttributes redirect,
			HttpServletRequest request) {
		model.addAttribute("token", token);
		model.addAttribute("valid", true);
		if (!password.equals(passwordConfirm)) {
			model.addAttribute("error", problems.text("account.password-mismatch", null, "", request));
			return "account/reset";
		}
		try {
			String username = recovery.reset(token, password);
			redirect.addAttribute("reset", "");
			redirect.addFlashAttribute("username", username);
			return "redirect:/login";
		}
		catch (KejiaoException ex) {
			model.addAttribute("error", problems.refusal(ex, request));
			model.addAttribute("valid", !"account.reset-link-invalid".equals(ex.code()));
			return "account/reset";
		}
	}

	@GetMapping("/terms")
	String terms() {
		return "account/terms";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "account/privacy";
	}
}
