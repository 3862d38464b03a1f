package cn.kejiao.challenge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import tools.jackson.databind.json.JsonMapper;

/**
 * The challenge tables as the facades read them: one mapping from rows to {@link ChallengeRow},
 * {@link ChallengeView} and {@link MilestoneView}, the publisher's lock and the panel.
 */
@Component
class ChallengeRows {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Announcements announcements;
	private final Clock clock;

	ChallengeRows(JdbcClient jdbc, Announcements announcements, Clock clock) {
		this.jdbc = jdbc;
		this.announcements = announcements;
		this.clock = clock;
	}

	Optional<ChallengeRow> find(UUID id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ChallengeRows::row).optional();
	}

	/** The challenge, or {@code challenge.not-found}. */
	ChallengeRow get(UUID id) {
		return find(id).orElseThrow(() -> KejiaoException.notFound("challenge.not-found", id));
	}

	/** Every challenge, newest first (the latest 500). */
	List<ChallengeRow> latest() {
		return jdbc.sql(SELECT + " order by created_at desc limit 500").query(ChallengeRows::row).list();
	}

	/**
	 * Locks the challenge for a step of its publisher; a draft is not found for anyone else, a published
	 * challenge is forbidden to them.
	 */
	ChallengeRow lockForPublisher(UUID id, Actor actor) {
		ChallengeRow row = jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(ChallengeRows::row)
			.optional().orElseThrow(() -> KejiaoException.notFound("challenge.not-found", id));
		if (!row.isManagedBy(actor)) {
			if (row.state() == ChallengeState.DRAFT) {
				throw KejiaoException.notFound("challenge.not-found", id);
			}
			throw KejiaoException.forbidden("challenge.publisher-only");
		}
		return row;
	}

	/** The challenge's state now: a published award is final (AWARDED) once its notice period has passed. */
	ChallengeState state(ChallengeRow row) {
		return row.stateAt(clock.instant());
	}

	/** Stores the state a step led to. */
	void moveTo(UUID id, ChallengeState state) {
		jdbc.sql("update challenge.challenge set state = :state where id = :id").param("state", state.name()).param("id", id)
			.update();
	}

	/** The challenge as the reader sees it; the panel's names for its publisher only. */
	ChallengeView view(ChallengeRow row, @Nullable Actor reader) {
		return view(row, reader, true);
	}

	/** The challenge as a list shows it: without its files. */
	ChallengeView summary(ChallengeRow row, @Nullable Actor reader) {
		return view(row, reader, false);
	}

	private ChallengeView view(ChallengeRow row, @Nullable Actor reader, boolean withFiles) {
		List<Target> targets = new ArrayList<>();
		JSON.readTree(row.targetsJson()).forEach(t -> targets.add(new Target(t.path("indicator").asString(""),
				t.path("target").asString(""))));
		boolean manageable = reader != null && row.isManagedBy(reader);
		return new ChallengeView(row.id(), row.number(), row.title(), row.problem(), targets, Money.yuan(row.bounty()),
				row.eligibleRegions(), row.eligibleZones(), row.eligibleOrgTypes().stream().map(OrganisationType::valueOf).toList(),
				row.deadline(), row.noticeDays(), state(row).name(), row.publisherName(), row.regionCode(), row.createdAt(),
				row.noticeEndsAt(), row.decision(), row.applications(), manageable ? row.panel() : List.of(),
				announcements.inReadersLanguage(row.announcements()),
				manageable, row.statusAt(clock.instant()).name(), row.requirements(),
				withFiles ? files(row.id()) : List.of());
	}

	/** The documents of the call, oldest first. */
	List<ChallengeView.ChallengeFile> files(UUID challengeId) {
		return jdbc.sql("select id, name, size from challenge.challenge_file where challenge_id = :c order by uploaded_at, name")
			.param("c", challengeId)
			.query((rs, n) -> new ChallengeView.ChallengeFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** The challenge as it is now, after a step. */
	ChallengeView view(UUID id, @Nullable Actor reader) {
		return view(get(id), reader);
	}

	boolean onPanel(UUID challengeId, Actor actor) {
		return jdbc.sql("select count(*) from challenge.panellist where challenge_id = :c and user_id = :u")
			.param("c", challengeId).param("u", actor.userId()).query(Long.class).single() > 0;
	}

	/** The challenge, for one of its panellists; {@code challenge.panellists-only} for anyone else. */
	ChallengeRow forPanellist(UUID id, Actor actor) {
		ChallengeRow row = get(id);
		if (!onPanel(id, actor)) {
			throw KejiaoException.forbidden("challenge.panellists-only");
		}
		return row;
	}

	/** The organisations that applied to the challenge. */
	List<UUID> applicants(UUID challengeId) {
		return jdbc.sql("select applicant_org_id from challenge.application where challenge_id = :c order by submitted_at")
			.param("c", challengeId).query(UUID.class).list();
	}

	MilestoneView milestone(UUID id) {
		return jdbc.sql(SELECT_MILESTONE + " where id = :id").param("id", id).query(ChallengeRows::milestone).optional()
			.orElseThrow(() -> KejiaoException.notFound("challenge.milestone-not-found", id));
	}

	List<MilestoneView> milestones(UUID challengeId) {
		return jdbc.sql(SELECT_MILESTONE + " where challenge_id = :c order by due_on").param("c", challengeId)
			.query(ChallengeRows::milestone).list();
	}

	static Map<String, Integer> scores(String json) {
		Map<String, Integer> scores = new LinkedHashMap<>();
		JSON.readTree(json).properties().forEach(e -> scores.put(e.getKey(), e.getValue().asInt()));
		return scores;
	}

	static @Nullable String yuan(ResultSet rs, int column) throws SQLException {
		Long fen = rs.getObject(column, Long.class);
		return fen == null ? null : Money.yuan(fen);
	}

	static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static final String SELECT = """
			select id, number, title, problem, targets, bounty, eligible_regions, eligible_zones, eligible_org_types,
			       deadline, notice_days, state, publisher_org_id, publisher_name, region_code, created_at, notice_ends_at,
			       decision,
			       (select count(*) from challenge.application a where a.challenge_id = c.id),
			       array(select p.display_name from challenge.panellist p where p.challenge_id = c.id order by p.username),
			       (select coalesce(json_agg(json_build_object('text', n.text, 'message', n.message, 'args', n.message_args)
			                                 order by n.id), '[]')
			          from challenge.announcement n where n.challenge_id = c.id),
			       requirements
			from challenge.challenge c""";

	private static ChallengeRow row(ResultSet rs, int n) throws SQLException {
		return new ChallengeRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getLong(6), strings(rs, 7), strings(rs, 8), strings(rs, 9), rs.getTimestamp(10).toInstant(),
				rs.getInt(11), ChallengeState.valueOf(rs.getString(12)), rs.getObject(13, UUID.class), rs.getString(14),
				rs.getString(15),
				rs.getTimestamp(16).toInstant(), instant(rs, 17), rs.getString(18), rs.getLong(19), strings(rs, 20),
				Announcements.parse(rs.getString(21)), rs.getString(22));
	}

	private static List<String> strings(ResultSet rs, int column) throws SQLException {
		return List.of((String[]) rs.getArray(column).getArray());
	}

	private static final String SELECT_MILESTONE = """
			select id, challenge_id, application_id, title, due_on, payment, state, deliverable, delivered_at, accepted_at,
			       paid_at, payment_reference from challenge.milestone""";

	private static MilestoneView milestone(ResultSet rs, int n) throws SQLException {
		return new MilestoneView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getObject(5, LocalDate.class), Money.yuan(rs.getLong(6)), rs.getString(7), rs.getString(8),
				instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getString(12));
	}
}
