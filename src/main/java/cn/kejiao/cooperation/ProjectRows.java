package cn.kejiao.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;

/** The funded projects' rows in the cooperation schema: the project, its funders and partners, read whole. */
@Component
class ProjectRows {

	/** A project to insert, its parties checked. */
	record NewProject(String number, String title, String regionCode, @Nullable UUID agreementId,
			@Nullable UUID challengeId, ProjectView.Party lead, List<ProjectView.Party> partners,
			List<ProjectView.Funder> funders, String industryChain, String summary, LocalDate startsOn, LocalDate endsOn,
			String createdBy) {
	}

	private final JdbcClient jdbc;

	ProjectRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String nextNumber(int year) {
		long seq = jdbc.sql("select nextval('cooperation.project_number_seq')").query(Long.class).single();
		return String.format("KJXM%d%05d", year, seq);
	}

	boolean numberTaken(String number) {
		return jdbc.sql("select count(*) from cooperation.project where number = :n").param("n", number)
			.query(Long.class).single() > 0;
	}

	UUID insert(NewProject p, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.project (id, number, title, region_code, agreement_id, challenge_id, lead_org_id,
				    lead_name, lead_region, industry_chain, summary, starts_on, ends_on, stage, created_by, created_at, updated_at)
				values (:id, :number, :title, :region, :agreement, :challenge, :lead, :leadName, :leadRegion, :chain, :summary,
				    :starts, :ends, 'APPROVED', :by, :at, :at)""")
			.param("id", id).param("number", p.number()).param("title", p.title()).param("region", p.regionCode())
			.param("agreement", p.agreementId()).param("challenge", p.challengeId())
			.param("lead", p.lead().organisationId()).param("leadName", p.lead().name())
			.param("leadRegion", p.lead().regionCode()).param("chain", p.industryChain()).param("summary", p.summary())
			.param("starts", p.startsOn()).param("ends", p.endsOn()).param("by", p.createdBy())
			.param("at", Timestamp.from(now)).update();
		for (ProjectView.Funder funder : p.funders()) {
			jdbc.sql("insert into cooperation.project_funder (project_id, region_code, amount_fen) values (:p, :r, :a)")
				.param("p", id).param("r", funder.regionCode()).param("a", funder.amount().fen()).update();
		}
		for (ProjectView.Party partner : p.partners()) {
			jdbc.sql("""
					insert into cooperation.project_partner (project_id, org_id, name, region_code) values (:p, :o, :n, :r)
					on conflict do nothing""")
				.param("p", id).param("o", partner.organisationId()).param("n", partner.name())
				.param("r", partner.regionCode()).update();
		}
		return id;
	}

	Optional<ProjectView> find(UUID id, LocalDate today) {
		return jdbc.sql("""
				select id, number, title, region_code, agreement_id, challenge_id, lead_org_id, lead_name, lead_region,
				       industry_chain, summary, starts_on, ends_on, stage, stage_remarks, created_by, created_at
				from cooperation.project where id = :id""")
			.param("id", id).query((rs, n) -> project(rs, today)).optional();
	}

	/** Locks the project's row, for a change of its stage or its milestones. */
	void lock(UUID id) {
		jdbc.sql("select id from cooperation.project where id = :id for update").param("id", id).query(UUID.class).list();
	}

	private ProjectView project(ResultSet rs, LocalDate today) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		ProjectStage stage = ProjectStage.valueOf(rs.getString("stage"));
		List<ProjectView.Funder> funders = jdbc.sql(
				"select region_code, amount_fen from cooperation.project_funder where project_id = :p order by amount_fen desc, region_code")
			.param("p", id).query((f, n) -> new ProjectView.Funder(f.getString(1), new Money(f.getLong(2)))).list();
		List<ProjectView.Party> partners = jdbc.sql(
				"select org_id, name, region_code from cooperation.project_partner where project_id = :p order by name")
			.param("p", id).query((f, n) -> new ProjectView.Party(f.getObject(1, UUID.class), f.getString(2), f.getString(3)))
			.list();
		List<ProjectView.MilestoneView> milestones = jdbc.sql("""
				select id, title, deliverables, due_on, state, delivery_note, delivered_by, delivered_at, decided_by,
				       decided_at, remarks, flagged_at
				from cooperation.project_milestone where project_id = :p order by due_on, created_at""")
			.param("p", id).query((m, n) -> {
				MilestoneState state = MilestoneState.valueOf(m.getString("state"));
				LocalDate due = m.getObject("due_on", LocalDate.class);
				return new ProjectView.MilestoneView(m.getObject("id", UUID.class), m.getString("title"),
						m.getString("deliverables"), due, state, m.getString("delivery_note"), m.getString("delivered_by"),
						instant(m, "delivered_at"), m.getString("decided_by"), instant(m, "decided_at"), m.getString("remarks"),
						stage.isOpen() && state.awaitsDelivery() && due.isBefore(today), instant(m, "flagged_at"));
			}).list();
		List<ProjectView.OutcomeView> outcomes = jdbc.sql("""
				select id, kind, title, catalog_entry_id, contract_id, amount_fen, quantity, recorded_by, recorded_at
				from cooperation.project_outcome where project_id = :p order by recorded_at""")
			.param("p", id).query((o, n) -> new ProjectView.OutcomeView(o.getObject("id", UUID.class),
					OutcomeKind.valueOf(o.getString("kind")), o.getString("title"), o.getObject("catalog_entry_id", UUID.class),
					o.getObject("contract_id", UUID.class),
					o.getObject("amount_fen") == null ? null : new Money(o.getLong("amount_fen")),
					o.getObject("quantity") == null ? null : o.getInt("quantity"), o.getString("recorded_by"),
					instant(o, "recorded_at")))
			.list();
		List<ProjectView.LandingView> landings = jdbc.sql("""
				select id, enterprise_id, enterprise, region_code, mode, incubator, landed_on, note, recorded_by, recorded_at
				from cooperation.project_landing where project_id = :p order by landed_on""")
			.param("p", id).query((l, n) -> new ProjectView.LandingView(l.getObject("id", UUID.class),
					l.getObject("enterprise_id", UUID.class), l.getString("enterprise"), l.getString("region_code"),
					LandingMode.valueOf(l.getString("mode")), l.getString("incubator"),
					l.getObject("landed_on", LocalDate.class), l.getString("note"), l.getString("recorded_by"),
					instant(l, "recorded_at")))
			.list();
		Money funding = funders.stream().map(ProjectView.Funder::amount).reduce(Money.ZERO, Money::plus);
		return new ProjectView(id, rs.getString("number"), rs.getString("title"), rs.getString("region_code"),
				rs.getObject("agreement_id", UUID.class), rs.getObject("challenge_id", UUID.class),
				new ProjectView.Party(rs.getObject("lead_org_id", UUID.class), rs.getString("lead_name"),
						rs.getString("lead_region")),
				partners, funders, funding, rs.getString("industry_chain"), rs.getString("summary"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), stage,
				rs.getString("stage_remarks"), milestones, outcomes, landings, rs.getString("created_by"),
				instant(rs, "created_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	// the projects a query covers: managed in the region (or below), or where the organisation leads or partners
	private static final String SCOPE = """
			from cooperation.project p
			where (cast(:region as text) is null or p.region_code like :region
			       or exists (select 1 from cooperation.project_funder f where f.project_id = p.id and f.region_code like :region))
			  and (cast(:org as uuid) is null or p.lead_org_id = :org
			       or exists (select 1 from cooperation.project_partner pp where pp.project_id = p.id and pp.org_id = :org))
			  and (cast(:stage as text) is null or p.stage = :stage)
			  and (cast(:chain as text) is null or p.industry_chain = :chain)
			  and (cast(:text as text) is null or p.title ilike :text or p.number ilike :text)
			  and (not :overdueOnly or exists (select 1 from cooperation.project_milestone m where m.project_id = p.id
			       and m.state in ('PLANNED', 'REJECTED') and m.due_on < :today and p.stage in ('APPROVED', 'IN_PROGRESS')))
			""";

	/** The scope of a portfolio: a region (LIKE pattern) or an organisation, and the filters. */
	record Scope(@Nullable String regionPattern, @Nullable UUID organisationId, ProjectQuery query, LocalDate today) {
	}

	private JdbcClient.StatementSpec bind(String sql, Scope scope) {
		ProjectQuery q = scope.query();
		return jdbc.sql(sql).param("region", scope.regionPattern()).param("org", scope.organisationId())
			.param("stage", q.stage() == null ? null : q.stage().name())
			.param("chain", q.chain() == null || q.chain().isBlank() ? null : q.chain().strip())
			.param("text", q.text() == null || q.text().isBlank() ? null : "%" + q.text().strip() + "%")
			.param("overdueOnly", q.overdueOnly()).param("today", scope.today());
	}

	List<ProjectSummary> summaries(Scope scope, int limit) {
		return bind(SUMMARY + SCOPE + " order by p.starts_on desc, p.number limit " + limit, scope)
			.query((rs, n) -> summary(rs)).list();
	}

	/** The projects carried out under an agreement, newest first. */
	List<ProjectSummary> ofAgreement(UUID agreementId, LocalDate today) {
		return jdbc.sql(SUMMARY + " from cooperation.project p where p.agreement_id = :agreement"
				+ " order by p.starts_on desc, p.number")
			.param("agreement", agreementId).param("today", today).query((rs, n) -> summary(rs)).list();
	}

	private static final String SUMMARY = """
			select p.id, p.number, p.title, p.region_code, p.lead_name, p.lead_region, p.industry_chain, p.stage,
			       p.starts_on, p.ends_on,
			       (select coalesce(sum(f.amount_fen), 0) from cooperation.project_funder f where f.project_id = p.id) funding,
			       (select count(*) from cooperation.project_milestone m where m.project_id = p.id) milestones,
			       (select count(*) from cooperation.project_milestone m where m.project_id = p.id
			           and m.state in ('PLANNED', 'REJECTED') and m.due_on < :today
			           and p.stage in ('APPROVED', 'IN_PROGRESS')) overdue,
			       (select count(*) from cooperation.project_landing l where l.project_id = p.id) landings
			""";

	private static ProjectSummary summary(ResultSet rs) throws SQLException {
		return new ProjectSummary(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
				rs.getString("region_code"), rs.getString("lead_name"), rs.getString("lead_region"),
				rs.getString("industry_chain"), new Money(rs.getLong("funding")),
				ProjectStage.valueOf(rs.getString("stage")), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getLong("milestones"), rs.getLong("overdue"),
				rs.getLong("landings"));
	}

	Map<ProjectStage, Long> byStage(Scope scope) {
		Map<ProjectStage, Long> counts = new EnumMap<>(ProjectStage.class);
		for (ProjectStage stage : ProjectStage.values()) {
			counts.put(stage, 0L);
		}
		bind("select p.stage, count(*) " + SCOPE + " group by p.stage", scope)
			.query(rs -> {
				counts.put(ProjectStage.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	List<ProjectPortfolio.Chain> chains(Scope scope) {
		return bind("""
				select p.industry_chain, count(*),
				       coalesce(sum((select sum(f.amount_fen) from cooperation.project_funder f where f.project_id = p.id)), 0)
				""" + SCOPE + " group by p.industry_chain order by count(*) desc, p.industry_chain", scope)
			.query((rs, n) -> new ProjectPortfolio.Chain(rs.getString(1), rs.getLong(2), new Money(rs.getLong(3))))
			.list();
	}

	long funding(Scope scope) {
		return bind("select coalesce(sum(f.amount_fen), 0) from cooperation.project_funder f where f.project_id in (select p.id "
				+ SCOPE + ")", scope).query(Long.class).single();
	}

	long overdue(Scope scope) {
		return bind("""
				select count(*) from cooperation.project_milestone m join cooperation.project p2 on p2.id = m.project_id
				where m.state in ('PLANNED', 'REJECTED') and m.due_on < :today and p2.stage in ('APPROVED', 'IN_PROGRESS')
				  and m.project_id in (select p.id
				""" + SCOPE + ")", scope).query(Long.class).single();
	}

	long landings(Scope scope) {
		return bind("select count(*) from cooperation.project_landing l where l.project_id in (select p.id " + SCOPE + ")",
				scope).query(Long.class).single();
	}

	/** The industry chains named so far in the region, most used first: suggestions for the form. */
	List<String> chainsNamed(@Nullable String regionPattern) {
		return jdbc.sql("""
				select industry_chain from cooperation.project
				where industry_chain <> '' and (cast(:region as text) is null or region_code like :region)
				group by industry_chain order by count(*) desc, industry_chain limit 30""")
			.param("region", regionPattern).query(String.class).list();
	}

	void stage(UUID id, ProjectStage stage, String remarks, Instant now) {
		jdbc.sql("""
				update cooperation.project set stage = :s, stage_remarks = :r, updated_at = :at,
				    accepted_at = case when :s = 'ACCEPTED' then :at else accepted_at end
				where id = :id""")
			.param("s", stage.name()).param("r", remarks).param("at", Timestamp.from(now)).param("id", id).update();
	}

	static String pattern(String regionCode) {
		return RegionCodes.likePattern(regionCode);
	}
}
