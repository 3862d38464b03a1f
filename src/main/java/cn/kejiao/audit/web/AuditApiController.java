package cn.kejiao.audit.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.audit.AuditQuery;
import cn.kejiao.audit.AuditRecord;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.Role;
import cn.kejiao.platform.web.ForRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit log for scripts: admins see what their region covers. */
@RestController
@Tag(name = "Audit")
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	record PageOf(List<AuditRecord> items, long total, int page, int size) {
	}

	@ForRoles({ Role.REGION_ADMIN, Role.PLATFORM_ADMIN })
	@GetMapping("/api/v1/audit")
	@Operation(summary = "Search the audit log", description = "Region admins see entries of their region and the regions below it; the platform admin sees all.")
	PageOf search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		var result = audit.search(Actors.require(), new AuditQuery(q, action, blankToNull(region), from, to), page, size);
		return new PageOf(result.getContent(), result.getTotalElements(), result.getNumber(), result.getSize());
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
