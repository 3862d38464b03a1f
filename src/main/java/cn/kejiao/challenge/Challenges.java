package cn.kejiao.challenge;

import static cn.kejiao.challenge.ChallengeInput.local;
import static cn.kejiao.challenge.ChallengeInput.text;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/**
 * 揭榜挂帅 challenges as published: a region admin or a verified enterprise states the problem, opens it for
 * applications and may move its deadline later (audited, announced on the challenge and published as
 * {@link ChallengeDeadlineExtended}, so that the applicants are told). The other steps
 * have facades of their own: {@link ChallengeApplications}, {@link ChallengeReviews}, {@link ChallengeAwards}
 * and {@link ChallengeMilestones}.
 */
@Service
public class Challenges {

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final Announcements announcements;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final ChallengeFiles files;

	Challenges(JdbcClient jdbc, ChallengeRows rows, Announcements announcements, Organisations organisations,
			Regions regions, AuditLog audit, Clock clock, ApplicationEventPublisher events, ChallengeFiles files) {
		this.files = files;
		this.jdbc = jdbc;
		this.rows = rows;
		this.announcements = announcements;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** A draft, seen by its publisher only until it is opened. */
	@Transactional
	public ChallengeView create(ChallengeForm form) {
		return create(form, List.of());
	}

	/** A draft with the documents of its call ({@link ChallengeFiles}). */
	@Transactional
	public ChallengeView create(ChallengeForm form, List<ChallengeFiles.Upload> uploads) {
		Actor actor = Actors.require();
		record Publisher(@Nullable UUID organisationId, String name, String regionCode) {
		}
		Publisher publisher;
		if (actor.isRegionAdmin() || actor.isPlatformAdmin()) {
			publisher = new Publisher(actor.organisationId(),
					actor.organisationName() == null ? regions.fullName(actor.regionCode()) : actor.organisationName(),
					actor.regionCode());
		}
		else if (actor.has(Role.ENTERPRISE) && actor.organisationId() != null) {
			OrganisationView enterprise = organisations.find(actor.organisationId()).filter(OrganisationView::isVerified)
				.orElseThrow(() -> KejiaoException.forbidden("challenge.publishers-only"));
			publisher = new Publisher(enterprise.id(), enterprise.name(), enterprise.regionCode());
		}
		else {
			throw KejiaoException.forbidden("challenge.publishers-only");
		}
		refusals(form, uploads, false).values().stream().findFirst().ifPresent(refusal -> {
			throw refusal;
		});
		String title = text(form.title(), 4, 200, "challenge.title-length");
		String problem = text(form.problem(), 10, 10000, "challenge.problem-length");
		List<Target> targets = targets(form);
		long bounty = Money.positiveFen(form.bounty(), "bounty");
		Instant deadline = ChallengeInput.deadline(form.deadline());
		List<String> eligibleRegions = codes(form.eligibleRegions());
		List<String> eligibleZones = codes(form.eligibleZones());
		List<String> orgTypes = form.eligibleOrgTypes() == null ? List.of()
				: form.eligibleOrgTypes().stream().map(Enum::name).distinct().toList();
		int noticeDays = form.noticeDays() == null ? 7 : form.noticeDays();
		String requirements = form.requirements() == null ? "" : form.requirements().strip();
		UUID id = UUID.randomUUID();
		long sequence = jdbc.sql("select nextval('challenge.challenge_number')").query(Long.class).single();
		String number = "JB" + LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear() + String.format("%05d", sequence);
		jdbc.sql("""
				insert into challenge.challenge (id, number, title, problem, targets, bounty, eligible_regions, eligible_zones,
				    eligible_org_types, deadline, notice_days, state, publisher_org_id, publisher_name, region_code, posted_by,
				    created_at, requirements)
				values (:id, :number, :title, :problem, cast(:targets as jsonb), :bounty, :regions, :zones, :types, :deadline,
				    :notice, :state, :org, :name, :region, :by, :at, :requirements)""")
			.param("id", id).param("number", number).param("title", title).param("problem", problem)
			.param("targets", ChallengeRows.JSON.writeValueAsString(targets)).param("bounty", bounty)
			.param("regions", eligibleRegions.toArray(String[]::new)).param("zones", eligibleZones.toArray(String[]::new))
			.param("types", orgTypes.toArray(String[]::new)).param("deadline", Timestamp.from(deadline))
			.param("notice", noticeDays).param("state", ChallengeState.DRAFT.name())
			.param("org", publisher.organisationId(), Types.OTHER).param("name", publisher.name())
			.param("region", publisher.regionCode()).param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
			.param("requirements", requirements)
			.update();
		files.store(id, uploads, actor);
		ChallengeView view = rows.view(id, actor);
		audit.record("challenge.created", "challenge", id.toString(), title, publisher.regionCode(), null, view);
		return view;
	}

	/**
	 * Creates the challenge and opens it for applications in one step: when it cannot be opened (its deadline
	 * has passed), nothing is created.
	 */
	@Transactional
	public ChallengeView publish(ChallengeForm form) {
		return publish(form, List.of());
	}

	/** {@link #publish(ChallengeForm)} with the documents of the call. */
	@Transactional
	public ChallengeView publish(ChallengeForm form, List<ChallengeFiles.Upload> uploads) {
		return open(create(form, uploads).id());
	}

	/**
	 * Everything that keeps the challenge from being published as stated, by the form's field (title, problem,
	 * targets, bounty, deadline, eligibleRegions, eligibleZones, noticeDays, requirements, files), in that order:
	 * a form shows them all at once. Empty when it may be published. The same checks {@link #create} makes.
	 */
	public Map<String, KejiaoException> refusalsToPublish(ChallengeForm form, List<ChallengeFiles.Upload> uploads) {
		return refusals(form, uploads, true);
	}

	private Map<String, KejiaoException> refusals(ChallengeForm form, List<ChallengeFiles.Upload> uploads,
			boolean publishing) {
		Map<String, KejiaoException> refusals = new LinkedHashMap<>();
		check(refusals, "title", () -> text(form.title(), 4, 200, "challenge.title-length"));
		check(refusals, "problem", () -> text(form.problem(), 10, 10000, "challenge.problem-length"));
		check(refusals, "targets", () -> {
			if (targets(form).isEmpty()) {
				throw KejiaoException.invalid("challenge.targets-required");
			}
		});
		check(refusals, "bounty", () -> Money.positiveFen(form.bounty(), "bounty"));
		check(refusals, "deadline", () -> {
			if (publishing && !ChallengeInput.deadline(form.deadline()).isAfter(clock.instant())) {
				throw KejiaoException.invalid("challenge.deadline-in-past");
			}
			ChallengeInput.deadline(form.deadline());
		});
		check(refusals, "eligibleRegions", () -> codes(form.eligibleRegions())
			.forEach(code -> regions.find(code).orElseThrow(() -> KejiaoException.invalid("region.not-found", code))));
		check(refusals, "eligibleZones", () -> codes(form.eligibleZones()).forEach(regions::zone));
		check(refusals, "noticeDays", () -> {
			int noticeDays = form.noticeDays() == null ? 7 : form.noticeDays();
			if (noticeDays < 0 || noticeDays > 60) {
				throw KejiaoException.invalid("challenge.notice-days");
			}
		});
		check(refusals, "requirements", () -> {
			if (form.requirements() != null && form.requirements().strip().length() > 2000) {
				throw KejiaoException.invalid("challenge.requirements-length");
			}
		});
		check(refusals, "files", () -> ChallengeFiles.check(uploads));
		return refusals;
	}

	private static void check(Map<String, KejiaoException> refusals, String field, Runnable check) {
		try {
			check.run();
		}
		catch (KejiaoException ex) {
			refusals.put(field, ex);
		}
	}

	private static List<Target> targets(ChallengeForm form) {
		return form.targets() == null ? List.of()
				: form.targets().stream().filter(t -> t.indicator() != null && !t.indicator().isBlank()).toList();
	}

	private static List<String> codes(@Nullable List<String> codes) {
		return codes == null ? List.of() : codes.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
	}

	/** Publishes a draft: applications are taken until the deadline. */
	@Transactional
	public ChallengeView open(UUID id) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.lockForPublisher(id, actor);
		ChallengeState opened = rows.state(row).then(ChallengeState.Step.PUBLISH);
		if (!row.deadline().isAfter(clock.instant())) {
			throw KejiaoException.invalid("challenge.deadline-past");
		}
		rows.moveTo(id, opened);
		jdbc.sql("update challenge.challenge set opened_at = :at where id = :id").param("at", Timestamp.from(clock.instant()))
			.param("id", id).update();
		audit.record("challenge.opened", "challenge", id.toString(), row.title(), row.regionCode(), null, null);
		events.publishEvent(new ChallengeOpened(id, row.regionCode()));
		return rows.view(id, actor);
	}

	/** Moves the deadline later; audited, and announced to every applicant. */
	@Transactional
	public ChallengeView extend(UUID id, @Nullable String newDeadline, @Nullable String reason) {
		Actor actor = Actors.require();
		ChallengeRow row = rows.lockForPublisher(id, actor);
		rows.state(row).then(ChallengeState.Step.EXTEND_DEADLINE);
		Instant deadline = ChallengeInput.deadline(newDeadline);
		if (!deadline.isAfter(row.deadline())) {
			throw KejiaoException.invalid("challenge.extension-earlier");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw KejiaoException.invalid("challenge.reason-required");
		}
		jdbc.sql("update challenge.challenge set deadline = :deadline where id = :id")
			.param("deadline", Timestamp.from(deadline)).param("id", id).update();
		announcements.announce(id, "deadline-extended", local(row.deadline()), local(deadline), why);
		events.publishEvent(new ChallengeDeadlineExtended(id, row.title(), rows.applicants(id), row.deadline(), deadline, why));
		audit.record("challenge.deadline-extended", "challenge", id.toString(), row.title(), row.regionCode(),
				Map.of("deadline", row.deadline().toString()), Map.of("deadline", deadline.toString(), "reason", why));
		return rows.view(id, actor);
	}

	/** A published challenge (anyone), or a draft for its publisher. */
	@Transactional(readOnly = true)
	public ChallengeView get(UUID id, @Nullable Actor reader) {
		ChallengeRow row = rows.find(id).filter(r -> r.isVisibleTo(reader))
			.orElseThrow(() -> KejiaoException.notFound("challenge.not-found", id));
		return rows.view(row, reader);
	}

	/**
	 * The organisation that published a challenge (the enterprise, or the government body of the admin who
	 * published it), for the modules that act on its result; empty when the platform's operator published it.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<UUID> publisherOf(UUID id) {
		return rows.find(id).map(ChallengeRow::publisherOrgId);
	}

	/** Whether the reader is of those who publish challenges: region and platform admins, enterprises. */
	public boolean mayPublish(@Nullable Actor reader) {
		return reader != null && (reader.isRegionAdmin() || reader.isPlatformAdmin() || reader.has(Role.ENTERPRISE));
	}

	@Transactional(readOnly = true)
	public List<ChallengeView> list(@Nullable Actor reader) {
		return rows.latest().stream().filter(r -> r.isVisibleTo(reader)).map(r -> rows.summary(r, reader)).toList();
	}
}
