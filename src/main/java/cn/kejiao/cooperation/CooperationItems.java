package cn.kejiao.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;
import cn.kejiao.region.Regions;

/**
 * The records behind the cooperation figures, as {@link FlowItem}s, by the rules of {@link CooperationFlows}: the
 * tasks (under their agreement's page), the projects (their number; the funder by its region's name), the events
 * and the registrations (the organisation the registrant named, never the person); each of period {@code from} to
 * {@code to} (both included), its served side inside one of {@code served} and its serving side inside one of
 * {@code serving} (region codes, each with everything below it; any when empty; a kind of one region names its
 * region on both sides), newest first, {@code limit} from {@code offset}. Callers decide who may read them.
 */
@Service
public class CooperationItems {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Regions regions;

	CooperationItems(JdbcClient jdbc, Accounts accounts, Regions regions) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.regions = regions;
	}

	@Transactional(readOnly = true)
	public List<FlowItem> tasksDone(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return tasks("done_at", "state = 'DONE'", from, to, served, serving, offset, limit);
	}

	@Transactional(readOnly = true)
	public List<FlowItem> tasksOverdue(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return tasks("overdue_flagged_at", "true", from, to, served, serving, offset, limit);
	}

	private List<FlowItem> tasks(String at, String which, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return bind("""
				select t.id, t.title, (t.%1$s at time zone 'Asia/Shanghai')::date, t.owner_region, t.owner_org_name,
				       t.agreement_id
				from cooperation.agreement_task t
				where %2$s and t.%1$s >= :from and t.%1$s < :to
				  and t.owner_region like any(:served) and t.owner_region like any(:serving)
				order by t.%1$s desc, t.id offset :offset limit :limit""".formatted(at, which), from, to, served,
				serving, offset, limit)
			.query((rs, n) -> new FlowItem(rs.getString(1), rs.getString(2), day(rs), rs.getString(4), rs.getString(5),
					rs.getString(4), rs.getString(5), null, "/agreements/" + rs.getString(6)))
			.list();
	}

	/** Projects started, one row per funder, with that funder's amount. */
	@Transactional(readOnly = true)
	public List<FlowItem> projectsStarted(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return bind("""
				select p.number, p.title, (p.created_at at time zone 'Asia/Shanghai')::date, p.lead_region, p.lead_name,
				       f.region_code, f.amount_fen, p.id
				from cooperation.project p join cooperation.project_funder f on f.project_id = p.id
				where p.created_at >= :from and p.created_at < :to
				  and p.lead_region like any(:served) and f.region_code like any(:serving)
				order by p.created_at desc, p.number desc, f.region_code offset :offset limit :limit""", from, to,
				served, serving, offset, limit)
			.query((rs, n) -> new FlowItem(rs.getString(1), rs.getString(2), day(rs), rs.getString(4), rs.getString(5),
					rs.getString(6), regions.fullNameOrCode(rs.getString(6)), new Money(rs.getLong(7)),
					"/projects/" + rs.getString(8)))
			.list();
	}

	@Transactional(readOnly = true)
	public List<FlowItem> projectsAccepted(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return bind("""
				select number, title, (accepted_at at time zone 'Asia/Shanghai')::date, lead_region, lead_name, id
				from cooperation.project
				where stage = 'ACCEPTED' and accepted_at >= :from and accepted_at < :to
				  and lead_region like any(:served) and lead_region like any(:serving)
				order by accepted_at desc, number desc offset :offset limit :limit""", from, to, served, serving,
				offset, limit)
			.query((rs, n) -> new FlowItem(rs.getString(1), rs.getString(2), day(rs), rs.getString(4), rs.getString(5),
					rs.getString(4), rs.getString(5), null, "/projects/" + rs.getString(6)))
			.list();
	}

	/** Events held, by their first organising region (named as the region). */
	@Transactional(readOnly = true)
	public List<FlowItem> eventsHeld(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return bind("""
				select e.id, e.title, (e.starts_at at time zone 'Asia/Shanghai')::date, o.region_code
				from cooperation.event e join cooperation.event_organiser o on o.event_id = e.id and o.position = 0
				where e.state in ('OPEN', 'CLOSED', 'HELD') and e.starts_at >= :from and e.starts_at < :to
				  and o.region_code like any(:served) and o.region_code like any(:serving)
				order by e.starts_at desc, e.id offset :offset limit :limit""", from, to, served, serving, offset,
				limit)
			.query((rs, n) -> {
				String organiser = regions.fullNameOrCode(rs.getString(4));
				return new FlowItem(rs.getString(1), rs.getString(2), day(rs), rs.getString(4), organiser,
						rs.getString(4), organiser, null, "/events/" + rs.getString(1));
			})
			.list();
	}

	/** Admitted registrations: the organisation the registrant named, and the event by its organising region. */
	@Transactional(readOnly = true)
	public List<FlowItem> eventRegistrations(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		record Registration(UUID id, String title, LocalDate day, UUID user, String organisation, String eventRegion,
				UUID event) {
		}
		List<Registration> found = bind("""
				select r.id, e.title, (r.registered_at at time zone 'Asia/Shanghai')::date, r.user_id, r.organisation,
				       o.region_code, e.id
				from cooperation.event_registration r join cooperation.event e on e.id = r.event_id
				join cooperation.event_organiser o on o.event_id = r.event_id and o.position = 0
				where r.state = 'ADMITTED' and r.registered_at >= :from and r.registered_at < :to
				  and o.region_code like any(:serving)
				order by r.registered_at desc, r.id""", from, to, List.of(), serving, 0, 0)
			.query((rs, n) -> new Registration(rs.getObject(1, UUID.class), rs.getString(2), day(rs),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class)))
			.list();
		Map<UUID, String> registrants = accounts.regionsOf(found.stream().map(Registration::user).distinct().toList());
		return found.stream()
			.filter(r -> registrants.get(r.user()) != null && CooperationFlows.within(registrants.get(r.user()), served))
			.skip(Math.max(0, offset))
			.limit(Math.max(0, limit))
			.map(r -> new FlowItem(r.id().toString(), r.title(), r.day(), registrants.get(r.user()), r.organisation(),
					r.eventRegion(), regions.fullNameOrCode(r.eventRegion()), null, "/events/" + r.event()))
			.toList();
	}

	private static LocalDate day(ResultSet rs) throws SQLException {
		return rs.getObject(3, LocalDate.class);
	}

	private JdbcClient.StatementSpec bind(String sql, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql(sql)
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("served", SqlArrays.texts(RegionFlow.likePatterns(served)))
			.param("serving", SqlArrays.texts(RegionFlow.likePatterns(serving)))
			.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit));
	}
}
