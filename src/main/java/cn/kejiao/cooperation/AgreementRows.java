package cn.kejiao.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.RegionCodes;

/** The agreements' rows: written and read here alone, in the cooperation schema. */
@Component
class AgreementRows {

	/** Whose agreements a list shows: all, those touching a region, or those with tasks of an organisation. */
	record Scope(boolean all, @Nullable String region, @Nullable UUID organisationId) {
	}

	/** A file as stored. */
	record StoredFile(String name, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	AgreementRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, AgreementKind kind, String title, List<AgreementView.Party> parties, @Nullable LocalDate signedOn,
			String place, @Nullable LocalDate termStart, @Nullable LocalDate termEnd, String summary, String by,
			Instant at) {
		jdbc.sql("""
				insert into cooperation.agreement (id, kind, title, signed_on, signed_place, term_start, term_end, summary,
				    created_by, created_at, updated_at)
				values (:id, :kind, :title, :signed, :place, :start, :end, :summary, :by, :at, :at)""")
			.param("id", id).param("kind", kind.name()).param("title", title).param("signed", signedOn)
			.param("place", place).param("start", termStart).param("end", termEnd).param("summary", summary)
			.param("by", by).param("at", Timestamp.from(at)).update();
		int seq = 0;
		for (AgreementView.Party party : parties) {
			jdbc.sql("""
					insert into cooperation.agreement_party (agreement_id, seq, region_code, region_prefix, signatory)
					values (:id, :seq, :region, :prefix, :signatory)""")
				.param("id", id).param("seq", ++seq).param("region", party.regionCode())
				.param("prefix", RegionCodes.prefix(party.regionCode())).param("signatory", party.signatory()).update();
		}
	}

	void attachText(UUID id, String name, String type, byte[] content, Instant at) {
		jdbc.sql("update cooperation.agreement set text_name = :n, text_type = :t, text_content = :c, updated_at = :at where id = :id")
			.param("n", name).param("t", type).param("c", content).param("at", Timestamp.from(at)).param("id", id)
			.update();
	}

	UUID insertArea(UUID agreementId, @Nullable AreaTemplate template, String name, Set<FigureKind> figures) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.agreement_area (id, agreement_id, seq, template, name, figures)
				values (:id, :a, (select coalesce(max(seq), 0) + 1 from cooperation.agreement_area where agreement_id = :a),
				    :template, :name, :figures)""")
			.param("id", id).param("a", agreementId).param("template", template == null ? null : template.name())
			.param("name", name).param("figures", figures.stream().map(Enum::name).sorted().toArray(String[]::new))
			.update();
		return id;
	}

	UUID insertTask(UUID agreementId, UUID areaId, String title, UUID ownerOrgId, String ownerName, String ownerRegion,
			LocalDate dueOn, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.agreement_task (id, agreement_id, area_id, title, owner_org_id, owner_org_name,
				    owner_region, due_on, state, created_at, updated_at)
				values (:id, :a, :area, :title, :owner, :ownerName, :ownerRegion, :due, 'PLANNED', :at, :at)""")
			.param("id", id).param("a", agreementId).param("area", areaId).param("title", title).param("owner", ownerOrgId)
			.param("ownerName", ownerName).param("ownerRegion", ownerRegion).param("due", dueOn)
			.param("at", Timestamp.from(at)).update();
		return id;
	}

	/** When the task was done and when it was flagged overdue, before a change: the days its facts count on. */
	TaskChanged changed(UUID agreementId, UUID taskId) {
		return jdbc.sql("select done_at, overdue_flagged_at from cooperation.agreement_task where id = :id")
			.param("id", taskId)
			.query((rs, n) -> new TaskChanged(agreementId, taskId, instantOrNull(rs.getTimestamp(1)),
					instantOrNull(rs.getTimestamp(2))))
			.single();
	}

	private static @Nullable Instant instantOrNull(@Nullable Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	/** Changes a task; a moved due date clears its overdue flag, so that a new one may be raised. */
	void updateTask(UUID taskId, UUID areaId, String title, UUID ownerOrgId, String ownerName, String ownerRegion,
			LocalDate dueOn, boolean dueMoved, Instant at) {
		jdbc.sql("""
				update cooperation.agreement_task set area_id = :area, title = :title, owner_org_id = :owner,
				    owner_org_name = :ownerName, owner_region = :ownerRegion, due_on = :due, updated_at = :at,
				    overdue_flagged_at = case when :moved then null else overdue_flagged_at end
				where id = :id""")
			.param("area", areaId).param("title", title).param("owner", ownerOrgId).param("ownerName", ownerName)
			.param("ownerRegion", ownerRegion).param("due", dueOn).param("at", Timestamp.from(at))
			.param("moved", dueMoved).param("id", taskId).update();
	}

	/** Records a report and what it says of the task, with its files. */
	UUID insertReport(UUID agreementId, UUID taskId, String text, @Nullable Integer percent, @Nullable String stage,
			TaskState state, String by, String name, String org, Instant at, List<AgreementFiles.Upload> files) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.agreement_task_report (id, task_id, agreement_id, text, percent, stage, state,
				    reported_by, reporter_name, reporter_org, reported_at)
				values (:id, :task, :a, :text, :percent, :stage, :state, :by, :name, :org, :at)""")
			.param("id", id).param("task", taskId).param("a", agreementId).param("text", text).param("percent", percent)
			.param("stage", stage).param("state", state.name()).param("by", by).param("name", name).param("org", org)
			.param("at", Timestamp.from(at)).update();
		jdbc.sql("""
				update cooperation.agreement_task set state = :state, progress_percent = coalesce(:percent, progress_percent),
				    progress_stage = coalesce(:stage, progress_stage), updated_at = :at,
				    done_at = case when :state <> 'DONE' then null when state = 'DONE' then coalesce(done_at, :at) else :at end
				where id = :task""")
			.param("state", state.name()).param("percent", percent).param("stage", stage).param("at", Timestamp.from(at))
			.param("task", taskId).update();
		for (AgreementFiles.Upload file : files) {
			jdbc.sql("""
					insert into cooperation.agreement_task_file (id, report_id, agreement_id, name, content_type, size, content)
					values (:id, :report, :a, :name, :type, :size, :content)""")
				.param("id", UUID.randomUUID()).param("report", id).param("a", agreementId).param("name", file.name())
				.param("type", AgreementFiles.contentType(file.name())).param("size", file.content().length)
				.param("content", file.content()).update();
		}
		return id;
	}

	Optional<StoredFile> text(UUID agreementId) {
		return jdbc.sql("select text_name, text_type, text_content from cooperation.agreement where id = :id and text_name is not null")
			.param("id", agreementId).query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	Optional<StoredFile> file(UUID agreementId, UUID fileId) {
		return jdbc.sql("select name, content_type, content from cooperation.agreement_task_file where id = :f and agreement_id = :a")
			.param("f", fileId).param("a", agreementId)
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	/** Locks the agreement's row: edits of one agreement run one after another. */
	Optional<AgreementView> lock(UUID id) {
		boolean found = jdbc.sql("select id from cooperation.agreement where id = :id for update").param("id", id)
			.query(UUID.class).optional().isPresent();
		return found ? find(id) : Optional.empty();
	}

	Optional<AgreementView> find(UUID id) {
		Optional<AgreementView> head = jdbc.sql("""
				select id, kind, title, signed_on, signed_place, term_start, term_end, summary, text_name, created_by, created_at
				from cooperation.agreement where id = :id""").param("id", id)
			.query((rs, n) -> new AgreementView(rs.getObject("id", UUID.class), AgreementKind.valueOf(rs.getString("kind")),
					rs.getString("title"), List.of(), rs.getObject("signed_on", LocalDate.class), rs.getString("signed_place"),
					rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class),
					rs.getString("summary"), rs.getString("text_name"), List.of(), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
		return head.map(a -> new AgreementView(a.id(), a.kind(), a.title(), parties(List.of(id)).getOrDefault(id, List.of()),
				a.signedOn(), a.signedPlace(), a.termStart(), a.termEnd(), a.summary(), a.textName(), areas(id),
				a.createdBy(), a.createdAt()));
	}

	/** The parties of the agreements, in order. */
	Map<UUID, List<AgreementView.Party>> parties(List<UUID> ids) {
		Map<UUID, List<AgreementView.Party>> parties = new HashMap<>();
		jdbc.sql("select agreement_id, region_code, signatory from cooperation.agreement_party where agreement_id = any(:ids) order by agreement_id, seq")
			.param("ids", ids.toArray(UUID[]::new))
			.query(rs -> {
				parties.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new AgreementView.Party(rs.getString(2), rs.getString(3)));
			});
		return parties;
	}

	private List<AgreementView.Area> areas(UUID agreementId) {
		Map<UUID, List<AgreementView.FileRef>> files = new HashMap<>();
		jdbc.sql("select id, report_id, name, size from cooperation.agreement_task_file where agreement_id = :a order by name, id")
			.param("a", agreementId)
			.query(rs -> {
				files.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
					.add(new AgreementView.FileRef(rs.getObject(1, UUID.class), rs.getString(3), rs.getInt(4)));
			});
		Map<UUID, List<AgreementView.Report>> reports = new HashMap<>();
		jdbc.sql("""
				select id, task_id, text, percent, stage, state, reporter_name, reporter_org, reported_at
				from cooperation.agreement_task_report where agreement_id = :a order by reported_at desc, id""")
			.param("a", agreementId)
			.query(rs -> {
				UUID id = rs.getObject(1, UUID.class);
				reports.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
					.add(new AgreementView.Report(id, rs.getString(3), integer(rs, 4), rs.getString(5),
							TaskState.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
							rs.getTimestamp(9).toInstant(), files.getOrDefault(id, List.of())));
			});
		Map<UUID, List<AgreementView.Task>> tasks = new LinkedHashMap<>();
		jdbc.sql("""
				select id, area_id, title, owner_org_id, owner_org_name, owner_region, due_on, state, progress_percent,
				    progress_stage, overdue_flagged_at
				from cooperation.agreement_task where agreement_id = :a order by due_on, created_at, id""")
			.param("a", agreementId)
			.query(rs -> {
				UUID id = rs.getObject(1, UUID.class);
				Timestamp flagged = rs.getTimestamp(11);
				tasks.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
					.add(new AgreementView.Task(id, rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
							rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
							TaskState.valueOf(rs.getString(8)), integer(rs, 9), rs.getString(10),
							flagged == null ? null : flagged.toInstant(), reports.getOrDefault(id, List.of())));
			});
		return jdbc.sql("select id, template, name, figures from cooperation.agreement_area where agreement_id = :a order by seq")
			.param("a", agreementId)
			.query((rs, n) -> {
				UUID id = rs.getObject(1, UUID.class);
				String template = rs.getString(2);
				return new AgreementView.Area(id, template == null ? null : AreaTemplate.valueOf(template), rs.getString(3),
						figures(rs), tasks.getOrDefault(id, List.of()));
			}).list();
	}

	/** The agreements in scope, most recently signed first, with how their tasks stand on {@code today}. */
	List<AgreementSummary> list(Scope scope, LocalDate today, int offset, int size) {
		List<AgreementSummary> heads = jdbc.sql("""
				select a.id, a.kind, a.title, a.signed_on, a.signed_place, a.term_start, a.term_end,
				    (select count(*) from cooperation.agreement_task t where t.agreement_id = a.id),
				    (select count(*) from cooperation.agreement_task t where t.agreement_id = a.id and t.state = 'DONE'),
				    (select count(*) from cooperation.agreement_task t where t.agreement_id = a.id
				        and t.state in ('PLANNED', 'IN_PROGRESS') and t.due_on < :today)
				from cooperation.agreement a where\s""" + where(scope)
				+ " order by a.signed_on desc nulls last, a.created_at desc, a.id limit :size offset :offset")
			.params(params(scope)).param("today", today).param("size", size).param("offset", offset)
			.query((rs, n) -> new AgreementSummary(rs.getObject(1, UUID.class), AgreementKind.valueOf(rs.getString(2)),
					rs.getString(3), List.of(), rs.getObject(4, LocalDate.class), rs.getString(5),
					rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getInt(8), rs.getInt(9),
					rs.getInt(10)))
			.list();
		if (heads.isEmpty()) {
			return heads;
		}
		Map<UUID, List<AgreementView.Party>> parties = parties(heads.stream().map(AgreementSummary::id).toList());
		return heads.stream().map(s -> new AgreementSummary(s.id(), s.kind(), s.title(),
				parties.getOrDefault(s.id(), List.of()), s.signedOn(), s.signedPlace(), s.termStart(), s.termEnd(),
				s.tasks(), s.done(), s.overdue())).toList();
	}

	long count(Scope scope) {
		return jdbc.sql("select count(*) from cooperation.agreement a where " + where(scope)).params(params(scope))
			.query(Long.class).single();
	}

	private static String where(Scope scope) {
		if (scope.all()) {
			return "true";
		}
		StringBuilder where = new StringBuilder("(false");
		if (scope.region() != null) {
			where.append(" or exists (select 1 from cooperation.agreement_party p where p.agreement_id = a.id")
				.append(" and (p.region_code like :below or :region like p.region_prefix || '%'))");
		}
		if (scope.organisationId() != null) {
			where.append(" or exists (select 1 from cooperation.agreement_task t where t.agreement_id = a.id and t.owner_org_id = :org)");
		}
		return where.append(")").toString();
	}

	private static Map<String, Object> params(Scope scope) {
		Map<String, Object> params = new HashMap<>();
		if (scope.region() != null) {
			params.put("region", scope.region());
			params.put("below", RegionCodes.likePattern(scope.region()));
		}
		if (scope.organisationId() != null) {
			params.put("org", scope.organisationId());
		}
		return params;
	}

	private static Set<FigureKind> figures(ResultSet rs) throws SQLException {
		String[] names = (String[]) rs.getArray(4).getArray();
		Set<FigureKind> kinds = EnumSet.noneOf(FigureKind.class);
		Arrays.stream(names).map(FigureKind::valueOf).forEach(kinds::add);
		return kinds;
	}

	private static @Nullable Integer integer(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}
}
