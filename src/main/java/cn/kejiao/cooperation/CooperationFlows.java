package cn.kejiao.cooperation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * What cooperation produced per day and region (decision 0028), as {@link RegionFlow}s, each by one rule written
 * here (China time):
 * <ul>
 * <li>tasks done: agreements' tasks in state done, on the day they were reported done (done again after being
 * reopened: the new day), by the owner organisation's region as the task keeps it;</li>
 * <li>tasks overdue: tasks flagged overdue (their due date passed while open), on the day flagged, by the owner's
 * region; a flag cleared because the due date was moved no longer counts;</li>
 * <li>projects started: funded projects on the day they were approved (立项, created), one per funder: served the
 * lead organisation's region, serving the funder's region, with that funder's amount; a project ended later still
 * counts as started;</li>
 * <li>projects accepted: projects that passed their final review (验收通过), on the day accepted, lead's region;</li>
 * <li>events held: published events (open, closed or held) not cancelled, on the day they start, by the first
 * organising region: an event scheduled counts on its start day, so a period up to today counts those whose day
 * has come; cancelling one removes it;</li>
 * <li>event registrations: registrations admitted to a place (not waiting, not cancelled; walk-ins are not
 * registrations), on the day registered: served the registrant's region (of their account), serving the event's
 * first organising region; a registration made for an event cancelled later still counts, as it was made.</li>
 * </ul>
 * Only facts with both regions inside one of {@code regions} (each with everything below it; every region when
 * empty), {@code from} to {@code to} both included; {@code flows.span} (400) for a period that runs backwards or
 * spans more than ten years. Callers decide who may see which figures.
 */
@Service
public class CooperationFlows {

	private final JdbcClient jdbc;
	private final Accounts accounts;

	CooperationFlows(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** Tasks done, by day done and owner region. */
	@Transactional(readOnly = true)
	public List<RegionFlow> tasksDone(LocalDate from, LocalDate to, Collection<String> regions) {
		return oneRegion("""
				select (done_at at time zone 'Asia/Shanghai')::date, owner_region, count(*)
				from cooperation.agreement_task
				where state = 'DONE' and done_at >= :from and done_at < :to and owner_region like any(:regions)
				group by 1, 2 order by 1, 2""", from, to, regions);
	}

	/** Tasks flagged overdue, by day flagged and owner region. */
	@Transactional(readOnly = true)
	public List<RegionFlow> tasksOverdue(LocalDate from, LocalDate to, Collection<String> regions) {
		return oneRegion("""
				select (overdue_flagged_at at time zone 'Asia/Shanghai')::date, owner_region, count(*)
				from cooperation.agreement_task
				where overdue_flagged_at >= :from and overdue_flagged_at < :to and owner_region like any(:regions)
				group by 1, 2 order by 1, 2""", from, to, regions);
	}

	/** Projects started, by day approved, lead region and funder region: one per funder, with its amount. */
	@Transactional(readOnly = true)
	public List<RegionFlow> projectsStarted(LocalDate from, LocalDate to, Collection<String> regions) {
		return bind("""
				select (p.created_at at time zone 'Asia/Shanghai')::date, p.lead_region, f.region_code, count(*),
				       sum(f.amount_fen)
				from cooperation.project p join cooperation.project_funder f on f.project_id = p.id
				where p.created_at >= :from and p.created_at < :to
				  and p.lead_region like any(:regions) and f.region_code like any(:regions)
				group by 1, 2, 3 order by 1, 2, 3""", from, to, regions)
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getLong(4), new Money(rs.getLong(5))))
			.list();
	}

	/** Projects accepted, by day accepted and lead region. */
	@Transactional(readOnly = true)
	public List<RegionFlow> projectsAccepted(LocalDate from, LocalDate to, Collection<String> regions) {
		return oneRegion("""
				select (accepted_at at time zone 'Asia/Shanghai')::date, lead_region, count(*)
				from cooperation.project
				where stage = 'ACCEPTED' and accepted_at >= :from and accepted_at < :to and lead_region like any(:regions)
				group by 1, 2 order by 1, 2""", from, to, regions);
	}

	/** Events held (published, not cancelled), by start day and first organising region. */
	@Transactional(readOnly = true)
	public List<RegionFlow> eventsHeld(LocalDate from, LocalDate to, Collection<String> regions) {
		return oneRegion("""
				select (e.starts_at at time zone 'Asia/Shanghai')::date, o.region_code, count(*)
				from cooperation.event e join cooperation.event_organiser o on o.event_id = e.id and o.position = 0
				where e.state in ('OPEN', 'CLOSED', 'HELD') and e.starts_at >= :from and e.starts_at < :to
				  and o.region_code like any(:regions)
				group by 1, 2 order by 1, 2""", from, to, regions);
	}

	/** Admitted registrations, by day registered, registrant region and event region. */
	@Transactional(readOnly = true)
	public List<RegionFlow> eventRegistrations(LocalDate from, LocalDate to, Collection<String> regions) {
		record Registrations(LocalDate day, UUID user, String eventRegion, long count) {
		}
		List<Registrations> found = bind("""
				select (r.registered_at at time zone 'Asia/Shanghai')::date, r.user_id, o.region_code, count(*)
				from cooperation.event_registration r
				join cooperation.event_organiser o on o.event_id = r.event_id and o.position = 0
				where r.state = 'ADMITTED' and r.registered_at >= :from and r.registered_at < :to
				  and o.region_code like any(:regions)
				group by 1, 2, 3""", from, to, regions)
			.query((rs, n) -> new Registrations(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getLong(4)))
			.list();
		Map<UUID, String> registrants = accounts.regionsOf(found.stream().map(Registrations::user).distinct().toList());
		Map<String, RegionFlow> flows = new TreeMap<>();
		for (Registrations registrations : found) {
			String region = registrants.get(registrations.user());
			if (region == null || !within(region, regions)) {
				continue;
			}
			flows.merge(registrations.day() + region + registrations.eventRegion(),
					new RegionFlow(registrations.day(), region, registrations.eventRegion(), registrations.count(), null),
					(a, b) -> new RegionFlow(a.day(), a.servedRegion(), a.servingRegion(), a.count() + b.count(), null));
		}
		return new ArrayList<>(flows.values());
	}

	static boolean within(String region, Collection<String> regions) {
		return regions.isEmpty() || regions.stream().anyMatch(ancestor -> RegionCodes.isWithin(region, ancestor));
	}

	private List<RegionFlow> oneRegion(String sql, LocalDate from, LocalDate to, Collection<String> regions) {
		return bind(sql, from, to, regions)
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(2),
					rs.getLong(3), null))
			.list();
	}

	private JdbcClient.StatementSpec bind(String sql, LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql(sql)
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)));
	}
}
