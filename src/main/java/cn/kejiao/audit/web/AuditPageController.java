package cn.kejiao.audit.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.audit.AuditQuery;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

/** The audit log page: admins see what their region covers. */
@Controller
class AuditPageController {

	private final AuditLog audit;
	private final AuditReading reading;

	AuditPageController(AuditLog audit, AuditReading reading) {
		this.audit = audit;
		this.reading = reading;
	}

	/** The page's filters as the search form sends them; dates in China Standard Time. */
	record Filters(@Nullable String q, @Nullable String action, @Nullable String region,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable @Min(0) Integer page) {

		AuditQuery query() {
			return new AuditQuery(q, action, region == null || region.isBlank() ? null : region.strip(), from, to);
		}
	}

	@GetMapping("/admin/audit")
	String page(@Valid @ModelAttribute("filters") @Nullable Filters filters, BindingResult binding, Model model) {
		if (filters == null || binding.hasErrors()) {
			throw Problems.notBound(binding);
		}
		AuditQuery query = filters.query();
		var result = audit.search(Actors.require(), query, filters.page() == null ? 0 : filters.page(), 50);
		model.addAttribute("result", result);
		model.addAttribute("lines", result.getContent().stream().map(reading::line).toList());
		model.addAttribute("actions", reading.actions(audit.actions()));
		model.addAttribute("query", query);
		return "audit/log";
	}
}
