package cn.kejiao.challenge;

import static cn.kejiao.challenge.ChallengeInput.local;
import static cn.kejiao.challenge.ChallengeInput.text;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
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
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.region.Regions;

/**
 * Applying to a challenge (揭榜): once per eligible organisation, before the deadline, with a proposal and an
 * optional attachment; the applicant's own applications with what the publisher announced since.
 */
@Service
public class ChallengeApplications {

	/** The largest attachment an application may carry, on the pages and over the API alike. */
	public static final int MAX_ATTACHMENT = 20 * 1024 * 1024;

	/** An application's attachment, as it was handed in. */
	public record Attachment(String name, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final Announcements announcements;
	private final Organisations organisations;
	private final Regions regions;
	private final AuditLog audit;
	private final Clock clock;
	private final BlindReview blind;
	private final ApplicationEventPublisher events;

	ChallengeApplications(JdbcClient jdbc, ChallengeRows rows, Announcements announcements, Organisations organisations,
			Regions regions, AuditLog audit, Clock clock, BlindReview blind, ApplicationEventPublisher events) {
		this.events = events;
		this.blind = blind;
		this.jdbc = jdbc;
		this.rows = rows;
		this.announcements = announcements;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public ApplicationView apply(UUID challengeId, @Nullable String team, @Nullable String proposal,
			@Nullable String attachmentName, byte @Nullable [] attachment) {
		Actor actor = Actors.require();
		if (actor.organisationId() == null) {
			throw KejiaoException.forbidden("challenge.organisations-only");
		}
		ChallengeRow row = rows.find(challengeId).filter(r -> r.state() != ChallengeState.DRAFT)
			.orElseThrow(() -> KejiaoException.notFound("challenge.not-found", challengeId));
		// an extension or the panel waits until this application is in
		jdbc.sql("select 1 from challenge.challenge where id = :id for share").param("id", challengeId).query().rowSet();
		rows.state(row).then(ChallengeState.Step.APPLY, local(row.deadline()));
		if (!clock.instant().isBefore(row.deadline())) {
			throw KejiaoException.conflict("challenge.closed-for-applications", local(row.deadline()));
		}
		OrganisationView applicant = organisations.find(actor.organisationId()).filter(OrganisationView::isVerified)
			.orElseThrow(() -> KejiaoException.forbidden("challenge.organisations-only"));
		if (applicant.id().equals(row.publisherOrgId())) {
			throw KejiaoException.forbidden("challenge.own-challenge");
		}
		if (!eligible(row, applicant)) {
			throw KejiaoException.forbidden("challenge.not-eligible");
		}
		String teamText = text(team, 2, 2000, "challenge.team-required");
		String proposalText = text(proposal, 10, 20000, "challenge.proposal-length");
		boolean withFile = attachment != null && attachment.length > 0;
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into challenge.application (id, challenge_id, applicant_org_id, applicant_name, applicant_region, team,
				    proposal, attachment_name, attachment, submitted_by, submitted_at, receipt)
				values (:id, :challenge, :org, :name, :region, :team, :proposal, :fileName, :file, :by, :at,
				    'HZ' || to_char(cast(:at as timestamptz) at time zone 'Asia/Shanghai', 'YYYY')
				         || lpad(nextval('challenge.receipt_number')::text, 6, '0'))
				on conflict (challenge_id, applicant_org_id) do nothing""")
			.param("id", id).param("challenge", challengeId).param("org", applicant.id()).param("name", applicant.name())
			.param("region", applicant.regionCode()).param("team", teamText).param("proposal", proposalText)
			.param("fileName", withFile ? attachmentName : null, Types.VARCHAR)
			.param("file", withFile ? attachment : null, Types.BINARY)
			.param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
			.update();
		if (inserted == 0) {
			throw KejiaoException.conflict("challenge.already-applied");
		}
		audit.record("challenge.applied", "challenge", challengeId.toString(), row.title(), row.regionCode(), null,
				Map.of("applicant", applicant.name()));
		events.publishEvent(new ChallengeApplied(challengeId, id, applicant.id()));
		return application(id, actor);
	}

	private boolean eligible(ChallengeRow row, OrganisationView applicant) {
		if (!row.eligibleOrgTypes().isEmpty() && !row.eligibleOrgTypes().contains(applicant.type().name())) {
			return false;
		}
		if (row.eligibleRegions().isEmpty() && row.eligibleZones().isEmpty()) {
			return true;
		}
		return row.eligibleRegions().stream().anyMatch(code -> RegionCodes.isWithin(applicant.regionCode(), code))
				|| row.eligibleZones().stream().anyMatch(zone -> regions.zoneCovers(zone, applicant.regionCode()));
	}

	/** An application, for its organisation and the challenge's publisher; not found for anyone else. */
	@Transactional(readOnly = true)
	public ApplicationView application(UUID applicationId, Actor reader) {
		ApplicationView view = jdbc.sql("""
				select a.id, a.challenge_id, a.applicant_org_id, a.applicant_name, a.team, a.proposal, a.attachment_name,
				       a.submitted_at, a.awarded_amount, a.receipt, a.updated_at
				from challenge.application a where a.id = :id""")
			.param("id", applicationId)
			.query((rs, n) -> new ApplicationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getTimestamp(8).toInstant(), ChallengeRows.yuan(rs, 9), announcements.of(rs.getObject(2, UUID.class)),
					rs.getString(10), ChallengeRows.instant(rs, 11)))
			.optional().orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", applicationId));
		if (!view.applicantOrgId().equals(reader.organisationId()) && !rows.get(view.challengeId()).isManagedBy(reader)) {
			throw KejiaoException.notFound("challenge.application-not-found", applicationId);
		}
		return view;
	}

	/** Applications of the reader's organisation, newest first, with their announcements. */
	@Transactional(readOnly = true)
	public List<ApplicationView> myApplications(Actor reader) {
		if (reader.organisationId() == null) {
			return List.of();
		}
		return jdbc.sql("select id from challenge.application where applicant_org_id = :org order by submitted_at desc")
			.param("org", reader.organisationId()).query(UUID.class).list().stream().map(id -> application(id, reader))
			.toList();
	}

	/**
	 * An application's attachment: for the applicant's organisation, the publisher (and the platform admins)
	 * and the panel's experts — a panellist of the applicant's organisation is one of the applicants. While the
	 * review is blind a panellist gets it under the application's label ("applicant-C.pdf"), not its own name.
	 */
	@Transactional(readOnly = true)
	public Attachment attachment(UUID applicationId, Actor reader) {
		record Found(UUID challengeId, UUID applicant, @Nullable String name, byte @Nullable [] content, long ordinal) {
		}
		Found found = jdbc.sql("""
				select challenge_id, applicant_org_id, attachment_name, attachment,
				       (select count(*) from challenge.application o where o.challenge_id = a.challenge_id
				          and (o.submitted_at, o.id) <= (a.submitted_at, a.id))
				from challenge.application a where id = :id""")
			.param("id", applicationId)
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBytes(4),
					rs.getLong(5)))
			.optional().orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", applicationId));
		ChallengeRow challenge = rows.get(found.challengeId());
		boolean own = found.applicant().equals(reader.organisationId());
		boolean allowed = own || challenge.isManagedBy(reader) || rows.onPanel(found.challengeId(), reader);
		if (!allowed || found.content() == null) {
			throw KejiaoException.notFound("challenge.attachment-not-found", applicationId);
		}
		String name = found.name() == null ? "attachment" : found.name();
		if (!own && blind.hidesApplicantsFrom(challenge, reader)) {
			name = BlindReview.attachmentName(found.ordinal(), name);
		}
		return new Attachment(name, found.content());
	}
}
