package cn.kejiao.challenge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/**
 * The expert pool: every enabled account with the EXPERT role, with the profile it keeps here (title,
 * discipline, keywords, affiliations). A challenge's publisher searches it by field, region and organisation
 * and sees, before inviting, each expert's conflicts of interest with the applicants
 * ({@link ConflictsOfInterest}) and whether it was invited already.
 */
@Service
public class ExpertPool {

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final Accounts accounts;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;

	ExpertPool(JdbcClient jdbc, ChallengeRows rows, Accounts accounts, Organisations organisations, Regions regions,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.accounts = accounts;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What the publisher looks for: words of the field (all must appear in the expert's name, title,
	 * discipline or keywords), a region (the expert's lies within it), part of an organisation's name.
	 */
	public record Query(@Nullable String text, @Nullable String region, @Nullable String organisation) {

		static final Query ALL = new Query(null, null, null);
	}

	/**
	 * The experts matching the query, for the challenge's publisher: those free of conflicts first, then by
	 * name. Conflicts are with the challenge's applicants, so they show once applications are in.
	 */
	@Transactional(readOnly = true)
	public List<PoolExpert> search(UUID challengeId, Query query) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.get(challengeId);
		if (!row.isManagedBy(actor)) {
			throw row.state() == ChallengeState.DRAFT ? KejiaoException.notFound("challenge.not-found", challengeId)
					: KejiaoException.forbidden("challenge.publisher-only");
		}
		record Applicant(UUID organisationId, String name) {
		}
		List<Applicant> applicants = jdbc.sql("select applicant_org_id, applicant_name from challenge.application where challenge_id = :c")
			.param("c", challengeId).query((rs, n) -> new Applicant(rs.getObject(1, UUID.class), rs.getString(2))).list();
		record Answer(String state, boolean conflict, String reason) {
		}
		Map<UUID, Answer> invited = new HashMap<>();
		jdbc.sql("select user_id, state, conflict, reason from challenge.invitation where challenge_id = :c").param("c", challengeId)
			.query(rs -> {
				invited.put(rs.getObject(1, UUID.class), new Answer(rs.getString(2), rs.getBoolean(3), rs.getString(4)));
			});
		jdbc.sql("select user_id from challenge.panellist where challenge_id = :c").param("c", challengeId).query(UUID.class)
			.list().forEach(user -> invited.putIfAbsent(user, new Answer("ACCEPTED", false, "")));
		Map<UUID, ExpertProfile> profiles = profiles();
		Map<UUID, String> organisationNames = new HashMap<>();
		List<PoolExpert> found = new ArrayList<>();
		for (UserView expert : accounts.withRole(Role.EXPERT)) {
			ExpertProfile profile = profiles.getOrDefault(expert.id(), ExpertProfile.EMPTY);
			String organisation = expert.organisationId() == null ? null
					: organisationNames.computeIfAbsent(expert.organisationId(),
							id -> organisations.find(id).map(OrganisationView::name).orElse(""));
			if (!matches(query, expert, profile, organisation)) {
				continue;
			}
			List<ExpertConflict> conflicts = new ArrayList<>();
			for (Applicant applicant : applicants) {
				if (applicant.organisationId().equals(expert.organisationId())) {
					conflicts.add(new ExpertConflict(ConflictsOfInterest.SAME_ORGANISATION, applicant.name(), ""));
				}
				else if (profile.affiliations().contains(applicant.name())) {
					conflicts.add(new ExpertConflict(ConflictsOfInterest.RELATED_ORGANISATION, applicant.name(), ""));
				}
			}
			Answer answer = invited.get(expert.id());
			if (answer != null && answer.conflict()) {
				conflicts.add(new ExpertConflict(ConflictsOfInterest.DECLARED, "", answer.reason()));
			}
			found.add(new PoolExpert(expert.id(), expert.username(), expert.displayName(), profile, organisation,
					expert.regionCode(), regionName(expert.regionCode()), List.copyOf(conflicts),
					answer == null ? null : answer.state()));
		}
		found.sort(Comparator.comparing(PoolExpert::conflicted).thenComparing(PoolExpert::displayName));
		return found;
	}

	private boolean matches(Query query, UserView expert, ExpertProfile profile, @Nullable String organisation) {
		if (query.region() != null && !query.region().isBlank()
				&& !regions.isWithin(expert.regionCode(), query.region().strip())) {
			return false;
		}
		if (query.organisation() != null && !query.organisation().isBlank()
				&& (organisation == null || !organisation.contains(query.organisation().strip()))) {
			return false;
		}
		if (query.text() == null || query.text().isBlank()) {
			return true;
		}
		String haystack = String.join(" ", expert.displayName(), profile.title(), profile.discipline(), profile.keywords())
			.toLowerCase(Locale.ROOT);
		return Arrays.stream(query.text().toLowerCase(Locale.ROOT).split("[\\s,，、]+")).filter(w -> !w.isBlank())
			.allMatch(haystack::contains);
	}

	private String regionName(String code) {
		return regions.exists(code) ? regions.fullName(code) : code;
	}

	/** The regions a publisher picks from: the provinces, by name. */
	public List<cn.kejiao.region.RegionView> regions() {
		return regions.provinces();
	}

	private Map<UUID, ExpertProfile> profiles() {
		Map<UUID, ExpertProfile> profiles = new HashMap<>();
		jdbc.sql("select user_id, title, discipline, keywords, affiliations from challenge.expert_profile").query(rs -> {
			profiles.put(rs.getObject(1, UUID.class), new ExpertProfile(rs.getString(2), rs.getString(3), rs.getString(4),
					List.of((String[]) rs.getArray(5).getArray())));
		});
		return profiles;
	}

	/** The signed-in expert's own profile (empty until it writes one). */
	@Transactional(readOnly = true)
	public ExpertProfile myProfile() {
		Actor actor = expert();
		return profile(actor.userId());
	}

	ExpertProfile profile(UUID userId) {
		return jdbc.sql("select title, discipline, keywords, affiliations from challenge.expert_profile where user_id = :u")
			.param("u", userId)
			.query((rs, n) -> new ExpertProfile(rs.getString(1), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray())))
			.optional().orElse(ExpertProfile.EMPTY);
	}

	/** The expert writes its profile: what publishers search by, and the affiliations that are conflicts. */
	@Transactional
	public ExpertProfile saveProfile(@Nullable String title, @Nullable String discipline, @Nullable String keywords,
			@Nullable List<String> affiliations) {
		Actor actor = expert();
		ExpertProfile before = profile(actor.userId());
		ExpertProfile profile = new ExpertProfile(ChallengeInput.text(title, 0, 100, "challenge.profile-too-long"),
				ChallengeInput.text(discipline, 0, 200, "challenge.profile-too-long"),
				ChallengeInput.text(keywords, 0, 500, "challenge.profile-too-long"),
				affiliations == null ? List.of()
						: affiliations.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().limit(20).toList());
		jdbc.sql("""
				insert into challenge.expert_profile (user_id, title, discipline, keywords, affiliations, updated_at)
				values (:u, :title, :discipline, :keywords, :affiliations, :at)
				on conflict (user_id) do update set title = excluded.title, discipline = excluded.discipline,
				    keywords = excluded.keywords, affiliations = excluded.affiliations, updated_at = excluded.updated_at""")
			.param("u", actor.userId()).param("title", profile.title()).param("discipline", profile.discipline())
			.param("keywords", profile.keywords()).param("affiliations", profile.affiliations().toArray(String[]::new))
			.param("at", Timestamp.from(clock.instant())).update();
		audit.record("challenge.expert-profile-saved", "user", actor.userId().toString(), actor.username(), actor.regionCode(),
				before, profile);
		return profile;
	}

	/** The signed-in user, who must be an expert of the pool. */
	static Actor expert() {
		Actor actor = Actors.require();
		if (!actor.has(Role.EXPERT)) {
			throw KejiaoException.forbidden("challenge.experts-only");
		}
		return actor;
	}
}
