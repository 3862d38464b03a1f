package cn.kejiao.challenge.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

import cn.kejiao.challenge.ChallengeFiles;
import cn.kejiao.challenge.ChallengeForm;
import cn.kejiao.challenge.Target;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.platform.Money;

/**
 * The publishing form as posted, every field as typed, so that a refused form comes back with all of it: targets
 * one per line as "indicator：target"; the bounty as people write it (3,600 / 200万 / 1.5亿); the deadline a
 * datetime-local (China time); the region scope a province and, within it, a prefecture picked by name; zones and
 * kinds of organisation ticked by name; files chosen again after a refusal (a browser cannot keep them).
 */
public record PublishPageForm(@Nullable String title, @Nullable String problem, @Nullable String targets,
		@Nullable String bounty, @Nullable String deadline, @Nullable String noticeDays, @Nullable String province,
		@Nullable String prefecture, @Nullable List<String> zones, @Nullable List<String> orgTypes,
		@Nullable String requirements, @Nullable List<MultipartFile> files) {

	static PublishPageForm empty() {
		return new PublishPageForm("", "", "", "", "", "7", "", "", List.of(), List.of(), "", List.of());
	}

	/** The challenge as stated, with the bounty read already (null when it could not be). */
	ChallengeForm challenge(@Nullable Money bounty) {
		List<Target> parsed = lines(targets).stream().map(l -> l.split("[:：]", 2))
			.map(p -> new Target(p[0].strip(), p.length > 1 ? p[1].strip() : "")).toList();
		String region = present(prefecture) ? prefecture : present(province) ? province : null;
		List<OrganisationType> kinds = orgTypes == null ? List.of()
				: orgTypes.stream().filter(t -> Arrays.stream(OrganisationType.values()).anyMatch(k -> k.name().equals(t)))
					.map(OrganisationType::valueOf).toList();
		return new ChallengeForm(title, problem, parsed, bounty, region == null ? List.of() : List.of(region),
				zones == null ? List.of() : zones, kinds, deadline, noticeDaysOrNull(), requirements);
	}

	/** The files chosen, as uploads; none when none was chosen. */
	List<ChallengeFiles.Upload> uploads() {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> !f.isEmpty()).map(f -> {
			try {
				return new ChallengeFiles.Upload(f.getOriginalFilename() == null ? "file" : f.getOriginalFilename(), f.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	public boolean hasZone(String code) {
		return zones != null && zones.contains(code);
	}

	public boolean hasOrgType(String type) {
		return orgTypes != null && orgTypes.contains(type);
	}

	/** The notice days typed, or -1 (refused by the facade) when they are not a number; 7 when left empty. */
	private @Nullable Integer noticeDaysOrNull() {
		if (!present(noticeDays)) {
			return null;
		}
		try {
			return Integer.valueOf(noticeDays.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static boolean present(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}
}
