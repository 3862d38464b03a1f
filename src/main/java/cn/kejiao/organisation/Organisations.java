package cn.kejiao.organisation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;

/**
 * The organisation module's facade: registration, verification by the admin of the organisation's
 * region, the public notice board and the queries other modules need.
 */
@Service
public class Organisations {

	private static final Logger log = LoggerFactory.getLogger(Organisations.class);

	private final OrganisationRepository organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ReviewHistory history;
	private final int defaultNoticeDays;

	Organisations(OrganisationRepository organisations, Regions regions, AuditLog audit,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, ReviewHistory history,
			@Value("${kejiao.organisation.notice-days:0}") int defaultNoticeDays) {
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.history = history;
		this.defaultNoticeDays = defaultNoticeDays;
	}

	public int defaultNoticeDays() {
		return defaultNoticeDays;
	}

	/** Self-service registration: the organisation waits, pending, for its region's admin. */
	@Transactional
	public OrganisationView register(RegistrationForm form) {
		if (form.type() == OrganisationType.GOVERNMENT) {
			throw KejiaoException.invalid("organisation.type-not-self-service");
		}
		Organisation organisation = newOrganisation(form);
		organisations.saveAndFlush(organisation);
		audit.record("organisation.registered", "organisation", organisation.id().toString(), organisation.name(),
				organisation.regionCode(), null, organisation.state());
		history.append(organisation.id(), ReviewStep.Step.REGISTERED, clock.instant(), null, null);
		events.publishEvent(
				new OrganisationRegistered(organisation.id(), organisation.name(), organisation.regionCode()));
		return organisation.view();
	}

	/** An organisation created by the platform admin (or a system task), verified at once. */
	@Transactional
	public OrganisationView createVerified(RegistrationForm form) {
		Optional<Actor> actor = Actors.current();
		if (actor.isPresent() && !actor.get().isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		Organisation organisation = newOrganisation(form);
		organisation.verifiedByPlatform(actor.map(Actor::username).orElse("system"), clock.instant());
		organisations.saveAndFlush(organisation);
		audit.record("organisation.created", "organisation", organisation.id().toString(), organisation.name(),
				organisation.regionCode(), null, organisation.state());
		events.publishEvent(
				new OrganisationVerified(organisation.id(), organisation.name(), organisation.regionCode(), false));
		return organisation.view();
	}

	private Organisation newOrganisation(RegistrationForm form) {
		CreditCode code = CreditCode.of(form.creditCode());
		regions.get(form.regionCode());
		if (organisations.existsByCreditCode(code.value())) {
			throw KejiaoException.conflict("organisation.credit-code.taken", code.value());
		}
		return new Organisation(UUID.randomUUID(), form, code, clock.instant());
	}

	/**
	 * A rejected organisation's corrected details, sent again by one of its own users: it waits, pending, for
	 * the admins of its (possibly new) region, who see the earlier rejection in its history.
	 */
	@Transactional
	public OrganisationView resubmit(UUID id, RegistrationForm form) {
		Actor actor = Actors.require();
		if (!id.equals(actor.organisationId())) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		if (form.type() == OrganisationType.GOVERNMENT) {
			throw KejiaoException.invalid("organisation.type-not-self-service");
		}
		Organisation organisation = organisations.findById(id)
			.orElseThrow(() -> KejiaoException.notFound("organisation.not-found", id));
		CreditCode code = CreditCode.of(form.creditCode());
		regions.get(form.regionCode());
		if (!code.value().equals(organisation.creditCode()) && organisations.existsByCreditCode(code.value())) {
			throw KejiaoException.conflict("organisation.credit-code.taken", code.value());
		}
		Map<String, Object> before = organisation.state();
		String previousRegion = organisation.regionCode();
		organisation.resubmit(form, code);
		organisations.saveAndFlush(organisation);
		audit.record("organisation.resubmitted", "organisation", id.toString(), organisation.name(),
				organisation.regionCode(), before, organisation.state());
		history.append(id, ReviewStep.Step.RESUBMITTED, clock.instant(), actor.username(), null);
		long round = history.of(id).stream().filter(step -> step.step() == ReviewStep.Step.RESUBMITTED).count();
		events.publishEvent(
				new OrganisationResubmitted(id, organisation.name(), organisation.regionCode(), previousRegion, round));
		return organisation.view();
	}

	/** The steps of the organisation's verification, for those who may see it ({@link #view}). */
	@Transactional(readOnly = true)
	public java.util.List<ReviewStep> history(UUID id, Actor actor) {
		view(id, actor);
		return history.of(id);
	}

	/** For other modules' queries; no access check. */
	@Transactional(readOnly = true)
	public Optional<OrganisationView> find(UUID id) {
		return organisations.findById(id).map(Organisation::view);
	}

	/** Which of the organisations are verified, in one query; for other modules' checks, no access check. */
	@Transactional(readOnly = true)
	public java.util.Set<UUID> verifiedAmong(java.util.Collection<UUID> ids) {
		java.util.Set<UUID> verified = new java.util.HashSet<>();
		organisations.findAllById(ids).forEach(organisation -> {
			if (organisation.view().isVerified()) {
				verified.add(organisation.view().id());
			}
		});
		return verified;
	}

	/**
	 * An organisation as the actor may see it: its own members and the admins governing its region see
	 * any state; everyone signed in sees verified organisations (the platform's directory).
	 */
	@Transactional(readOnly = true)
	public OrganisationView view(UUID id, Actor actor) {
		OrganisationView organisation = find(id).orElseThrow(() -> KejiaoException.notFound("organisation.not-found", id));
		if (organisation.isVerified() || id.equals(actor.organisationId()) || actor.governs(organisation.regionCode())) {
			return organisation;
		}
		throw KejiaoException.notFound("organisation.not-found", id);
	}

	/**
	 * An organisation for its review: one the actor may not see is not found; one it sees but does not govern
	 * (a verified organisation of another region) is forbidden.
	 */
	@Transactional(readOnly = true)
	public OrganisationView forReview(UUID id, Actor actor) {
		OrganisationView organisation = view(id, actor);
		if (!actor.governs(organisation.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", regions.fullName(organisation.regionCode()));
		}
		return organisation;
	}

	/** The organisations an admin governs, filtered; other roles are refused. */
	@Transactional(readOnly = true)
	public Page<OrganisationView> search(Actor actor, OrganisationStatus status, String text, String regionCode,
			int page, int size) {
		if (!actor.isPlatformAdmin() && !actor.isRegionAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		String region = regionCode == null || regionCode.isBlank() ? (actor.isPlatformAdmin() ? null : actor.regionCode())
				: regionCode.strip();
		if (region != null) {
			regions.get(region);
			if (!actor.governs(region)) {
				throw KejiaoException.forbidden("auth.region-forbidden", regions.fullName(region));
			}
		}
		String pattern = region == null ? "%" : RegionCodes.likePattern(region);
		String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
		return organisations.search(pattern, status, like, Paging.of(page, size, 100).pageRequest())
			.map(Organisation::view);
	}

	/** Verified organisations of the given types, oldest first: for other modules' queries, no access check. */
	@Transactional(readOnly = true)
	public List<OrganisationView> verified(java.util.Collection<OrganisationType> types) {
		return organisations.findByStatusAndTypeInOrderByRegisteredAtAscIdAsc(OrganisationStatus.VERIFIED, types).stream()
			.map(Organisation::view).toList();
	}

	/**
	 * The government bodies whose admins verify organisations of the region: those of the nearest region at or
	 * above it that has any. For other modules' queries, no access check.
	 */
	@Transactional(readOnly = true)
	public List<OrganisationView> administrationsOf(String regionCode) {
		List<OrganisationView> governing = verified(List.of(OrganisationType.GOVERNMENT)).stream()
			.filter(o -> RegionCodes.isWithin(regionCode, o.regionCode())).toList();
		int nearest = governing.stream().mapToInt(o -> RegionCodes.prefix(o.regionCode()).length()).max().orElse(0);
		return governing.stream().filter(o -> RegionCodes.prefix(o.regionCode()).length() == nearest).toList();
	}

	@Transactional(readOnly = true)
	public long count(OrganisationStatus status) {
		return organisations.countByStatus(status);
	}

	/** The region admin's verdict on a registration; only admins governing the organisation's region may give it. */
	@Transactional
	public OrganisationView decide(UUID id, Decision decision) {
		Actor actor = Actors.require();
		Organisation organisation = organisations.findById(id)
			.orElseThrow(() -> KejiaoException.notFound("organisation.not-found", id));
		if (!actor.governs(organisation.regionCode())) {
			if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
				throw KejiaoException.forbidden("auth.forbidden");
			}
			throw KejiaoException.forbidden("auth.region-forbidden", regions.fullName(organisation.regionCode()));
		}
		Map<String, Object> before = organisation.state();
		if (decision.verdict() == Decision.Verdict.APPROVE) {
			int days = decision.noticeDays() == null ? defaultNoticeDays : decision.noticeDays();
			organisation.verify(actor.username(), Duration.ofDays(days), clock.instant());
			audit.record("organisation.verified", "organisation", id.toString(), organisation.name(),
					organisation.regionCode(), before, organisation.state());
			history.append(id, ReviewStep.Step.APPROVED, clock.instant(), actor.username(), null);
			if (organisation.status() == OrganisationStatus.VERIFIED) {
				events.publishEvent(new OrganisationVerified(id, organisation.name(), organisation.regionCode(), true));
			}
		}
		else {
			organisation.reject(actor.username(), decision.reason(), clock.instant());
			audit.record("organisation.rejected", "organisation", id.toString(), organisation.name(),
					organisation.regionCode(), before, organisation.state());
			history.append(id, ReviewStep.Step.REJECTED, clock.instant(), actor.username(), decision.reason().strip());
			events.publishEvent(
					new OrganisationRejected(id, organisation.name(), organisation.regionCode(), decision.reason(),
							history.of(id).stream().filter(step -> step.step() == ReviewStep.Step.REJECTED).count()));
		}
		organisations.saveAndFlush(organisation);
		return organisation.view();
	}

	/** The public notice board (公示): organisations approved and waiting for their notice period to end. */
	@Transactional(readOnly = true)
	public List<OrganisationView> noticeBoard() {
		return organisations.inNotice().stream().map(Organisation::view).toList();
	}

	/**
	 * Lets notices that are due take effect. Each in its own transaction with optimistic locking, so two
	 * application nodes running this at once promote each organisation exactly once.
	 */
	@Scheduled(fixedDelayString = "${kejiao.organisation.notice-check:PT1M}", initialDelayString = "PT20S")
	public int takeEffectDueNotices() {
		int promoted = 0;
		for (Organisation due : organisations.noticeDue(clock.instant())) {
			try {
				Boolean done = transactions.execute(status -> {
					Organisation organisation = organisations.findById(due.id()).orElseThrow();
					Map<String, Object> before = organisation.state();
					if (!organisation.takeEffectIfDue(clock.instant())) {
						return false;
					}
					organisations.saveAndFlush(organisation);
					audit.record("organisation.notice-ended", "organisation", organisation.id().toString(),
							organisation.name(), organisation.regionCode(), before, organisation.state());
					history.append(organisation.id(), ReviewStep.Step.NOTICE_ENDED, clock.instant(), null, null);
					events.publishEvent(
							new OrganisationVerified(organisation.id(), organisation.name(), organisation.regionCode(), true));
					return true;
				});
				if (Boolean.TRUE.equals(done)) {
					promoted++;
				}
			}
			catch (OptimisticLockingFailureException ex) {
				log.debug("Organisation {} was promoted by another node", due.id());
			}
		}
		return promoted;
	}
}
