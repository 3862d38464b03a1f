package cn.kejiao.challenge;

import static cn.kejiao.challenge.ChallengeInput.local;
import static cn.kejiao.challenge.ChallengeInput.text;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * An organisation's own applications (我的揭榜): the list with each one's status and receipt number, and, while
 * the challenge takes applications, changing one or withdrawing it. Only the applicant's organisation sees them
 * here; a withdrawn application leaves the challenge (no count, no review) and stays in this list as withdrawn.
 */
@Service
public class MyApplications {

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final ChallengeApplications applications;
	private final AuditLog audit;
	private final Clock clock;

	private final ApplicationEventPublisher events;

	MyApplications(JdbcClient jdbc, ChallengeRows rows, ChallengeApplications applications, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.rows = rows;
		this.applications = applications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The reader's organisation's applications, standing and withdrawn, newest first. */
	@Transactional(readOnly = true)
	public List<MyApplication> list(Actor reader) {
		if (reader.organisationId() == null) {
			return List.of();
		}
		Instant now = clock.instant();
		List<MyApplication> mine = new ArrayList<>(jdbc.sql("""
				select a.id, a.challenge_id, a.receipt, a.submitted_at, a.updated_at, a.awarded_amount is not null
				from challenge.application a where a.applicant_org_id = :org""")
			.param("org", reader.organisationId())
			.query((rs, n) -> {
				ChallengeRow challenge = rows.get(rs.getObject(2, UUID.class));
				return new MyApplication(rs.getObject(1, UUID.class), challenge.id(), challenge.number(), challenge.title(),
						rs.getString(3), rs.getTimestamp(4).toInstant(), ChallengeRows.instant(rs, 5), null, challenge.deadline(),
						ApplicationStatus.of(challenge.statusAt(now), rs.getBoolean(6)));
			})
			.list());
		mine.addAll(jdbc.sql("""
				select w.id, w.challenge_id, w.receipt, w.submitted_at, w.withdrawn_at
				from challenge.withdrawn_application w where w.applicant_org_id = :org""")
			.param("org", reader.organisationId())
			.query((rs, n) -> {
				ChallengeRow challenge = rows.get(rs.getObject(2, UUID.class));
				return new MyApplication(rs.getObject(1, UUID.class), challenge.id(), challenge.number(), challenge.title(),
						rs.getString(3), rs.getTimestamp(4).toInstant(), null, rs.getTimestamp(5).toInstant(),
						challenge.deadline(), ApplicationStatus.WITHDRAWN);
			})
			.list());
		mine.sort(Comparator.comparing(MyApplication::submittedAt).reversed());
		return mine;
	}

	/** One of the reader's organisation's standing applications, with its status; not found for anyone else. */
	@Transactional(readOnly = true)
	public MyApplication get(UUID applicationId, Actor reader) {
		return list(reader).stream().filter(a -> a.id().equals(applicationId) && a.withdrawnAt() == null).findFirst()
			.orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", applicationId));
	}

	/**
	 * Changes the team, the proposal and the attachment while the challenge takes applications. A new file
	 * replaces the old one; {@code dropAttachment} removes it; neither keeps it. The receipt number stays.
	 */
	@Transactional
	public ApplicationView change(UUID applicationId, @Nullable String team, @Nullable String proposal,
			@Nullable String attachmentName, byte @Nullable [] attachment, boolean dropAttachment) {
		Actor actor = Actors.require();
		ChallengeRow challenge = ownWhileOpen(applicationId, actor, "challenge.closed-for-changes");
		String teamText = text(team, 2, 2000, "challenge.team-required");
		String proposalText = text(proposal, 10, 20000, "challenge.proposal-length");
		boolean newFile = attachment != null && attachment.length > 0;
		jdbc.sql("""
				update challenge.application set team = :team, proposal = :proposal, updated_at = :at,
				    attachment_name = case when :replace then :fileName when :drop then null else attachment_name end,
				    attachment = case when :replace then :file when :drop then null else attachment end
				where id = :id""")
			.param("team", teamText).param("proposal", proposalText).param("at", Timestamp.from(clock.instant()))
			.param("replace", newFile).param("drop", dropAttachment)
			.param("fileName", newFile ? attachmentName : null, Types.VARCHAR)
			.param("file", newFile ? attachment : null, Types.BINARY).param("id", applicationId).update();
		audit.record("challenge.application-changed", "challenge", challenge.id().toString(), challenge.title(),
				challenge.regionCode(), null, Map.of("receipt", receipt(applicationId)));
		return applications.application(applicationId, actor);
	}

	/**
	 * Withdraws the application while the challenge takes applications: it leaves the challenge and is kept as
	 * withdrawn for the organisation's record. The organisation may apply again before the deadline.
	 */
	@Transactional
	public MyApplication withdraw(UUID applicationId) {
		Actor actor = Actors.require();
		ChallengeRow challenge = ownWhileOpen(applicationId, actor, "challenge.closed-for-withdrawal");
		String receipt = receipt(applicationId);
		java.time.Instant submitted = jdbc.sql("select submitted_at from challenge.application where id = :id")
			.param("id", applicationId).query(java.sql.Timestamp.class).single().toInstant();
		jdbc.sql("""
				insert into challenge.withdrawn_application (id, challenge_id, applicant_org_id, receipt, team, proposal,
				    submitted_at, withdrawn_at, withdrawn_by)
				select id, challenge_id, applicant_org_id, receipt, team, proposal, submitted_at, :at, :by
				from challenge.application where id = :id""")
			.param("at", Timestamp.from(clock.instant())).param("by", actor.username()).param("id", applicationId).update();
		jdbc.sql("delete from challenge.application where id = :id").param("id", applicationId).update();
		audit.record("challenge.application-withdrawn", "challenge", challenge.id().toString(), challenge.title(),
				challenge.regionCode(), Map.of("receipt", receipt), null);
		events.publishEvent(new ChallengeApplicationWithdrawn(challenge.id(), applicationId, submitted));
		return list(actor).stream().filter(a -> a.id().equals(applicationId)).findFirst().orElseThrow();
	}

	/**
	 * The challenge of one of the actor's organisation's applications, locked against an extension or a panel
	 * meanwhile; refused with {@code closedCode} once it takes no applications.
	 */
	private ChallengeRow ownWhileOpen(UUID applicationId, Actor actor, String closedCode) {
		UUID challengeId = jdbc.sql("select challenge_id from challenge.application where id = :id and applicant_org_id = :org")
			.param("id", applicationId).param("org", actor.organisationId(), Types.OTHER).query(UUID.class).optional()
			.orElseThrow(() -> KejiaoException.notFound("challenge.application-not-found", applicationId));
		jdbc.sql("select 1 from challenge.challenge where id = :id for share").param("id", challengeId).query().rowSet();
		ChallengeRow challenge = rows.get(challengeId);
		if (!challenge.statusAt(clock.instant()).takesApplications()) {
			throw KejiaoException.conflict(closedCode, local(challenge.deadline()));
		}
		return challenge;
	}

	private String receipt(UUID applicationId) {
		return jdbc.sql("select receipt from challenge.application where id = :id").param("id", applicationId)
			.query(String.class).single();
	}
}
