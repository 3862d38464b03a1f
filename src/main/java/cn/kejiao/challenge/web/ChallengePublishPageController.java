package cn.kejiao.challenge.web;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.kejiao.challenge.ChallengeFiles;
import cn.kejiao.challenge.ChallengeView;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.WrittenAmount;
import cn.kejiao.platform.web.Downloads;
import cn.kejiao.platform.web.Problems;
import cn.kejiao.region.Regions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * Publishing a challenge from its own page: a refused form comes back with everything typed and each refusal
 * beside its field (all of them at once, as {@link Challenges#refusalsToPublish} finds them); regions, zones and
 * kinds of organisation are picked by name. Also the download of the call's documents.
 */
@Controller
class ChallengePublishPageController {

	/** The form's fields by the facade's names for them. */
	private static final Map<String, String> FIELDS = Map.of("eligibleRegions", "region", "eligibleZones", "zones");

	private final Challenges challenges;
	private final ChallengeFiles files;
	private final Regions regions;
	private final Problems problems;

	ChallengePublishPageController(Challenges challenges, ChallengeFiles files, Regions regions, Problems problems) {
		this.challenges = challenges;
		this.files = files;
		this.regions = regions;
		this.problems = problems;
	}

	@GetMapping("/challenges/new")
	String form(Model model) {
		requirePublisher();
		return form(model, PublishPageForm.empty(), Map.of());
	}

	@PostMapping("/challenges/new")
	String publish(@Valid @ModelAttribute("form") PublishPageForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		requirePublisher();
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
				problems.message("request.invalid-parameter", new Object[] { label(e.getField(), request) }, request)));
		Money bounty = null;
		try {
			bounty = new Money(WrittenAmount.fen(form.bounty(), label("bounty", request)));
		}
		catch (KejiaoException ex) {
			errors.put("bounty", problems.refusal(ex, request));
		}
		List<ChallengeFiles.Upload> uploads;
		try {
			uploads = form.uploads();
		}
		catch (UncheckedIOException ex) {
			uploads = List.of();
			errors.put("files", problems.message("challenge.file-unreadable", new Object[0], request));
		}
		challenges.refusalsToPublish(form.challenge(bounty), uploads)
			.forEach((field, refusal) -> errors.putIfAbsent(FIELDS.getOrDefault(field, field), message(field, refusal, request)));
		if (errors.isEmpty()) {
			try {
				ChallengeView published = challenges.publish(form.challenge(bounty), uploads);
				redirect.addFlashAttribute("message", "challenge.done.published");
				return "redirect:/challenges/" + published.id();
			}
			catch (KejiaoException ex) {
				errors.put("form", problems.refusal(ex, request));
			}
		}
		model.addAttribute("filesChosen", !uploads.isEmpty());
		return form(model, form, errors);
	}

	/** A document of a challenge's call, for whoever may see the challenge. */
	@GetMapping("/challenges/files/{id}")
	ResponseEntity<byte[]> file(@PathVariable UUID id) {
		ChallengeFiles.Download file = files.download(id, Actors.require());
		return Downloads.file(file.name(), MediaType.parseMediaType(file.contentType()), file.content());
	}

	private String form(Model model, PublishPageForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("provinces", regions.provinces());
		model.addAttribute("prefectures", form.province() == null || form.province().isBlank() || !regions.exists(form.province())
				? List.of() : regions.children(form.province()));
		model.addAttribute("zones", regions.zones());
		model.addAttribute("orgTypes", Arrays.stream(OrganisationType.values()).filter(t -> t != OrganisationType.GOVERNMENT)
			.map(Enum::name).toList());
		model.addAttribute("maxFiles", ChallengeFiles.MAX_FILES);
		model.addAttribute("maxFileMb", ChallengeFiles.MAX_FILE_MB);
		return "challenge/publish";
	}

	private void requirePublisher() {
		if (!challenges.mayPublish(Actors.require())) {
			throw KejiaoException.forbidden("challenge.publishers-only");
		}
	}

	/** The refusal in the reader's language, naming the field by its label where it names the field at all. */
	private String message(String field, KejiaoException refusal, HttpServletRequest request) {
		if (refusal.code().equals("request.missing-parameter")) {
			return problems.message("challenge.field-required", new Object[] { label(field, request) }, request);
		}
		if (refusal.code().equals("request.invalid-parameter")) {
			return problems.message("challenge.field-invalid", new Object[] { label(field, request) }, request);
		}
		Object[] args = Arrays.stream(refusal.args()).map(a -> field.equals(a) ? label(field, request) : a).toArray();
		return problems.message(refusal.code(), args, request);
	}

	private String label(@Nullable String field, HttpServletRequest request) {
		return problems.text("challenge.field." + field, new Object[0], String.valueOf(field), request);
	}
}
