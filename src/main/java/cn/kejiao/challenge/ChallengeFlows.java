package cn.kejiao.challenge;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.FlowQueries;

/**
 * Challenges (揭榜挂帅) per day between regions (decision 0028), as {@link RegionFlow}s; each counts in China time:
 * <ul>
 * <li>published: a challenge, with its bounty, on the day it was opened, in its region (served and serving);</li>
 * <li>applications: an application standing (not withdrawn), on the day it was handed in: served is the challenge's
 * region, serving the applicant's region as it applied; a withdrawn one leaves the day it was handed in;</li>
 * <li>awarded: each awarded application, with its amount, on the day the award was published (an award is not taken
 * back in its notice period): served is the challenge's region, serving the winner's.</li>
 * </ul>
 * Callers decide who may see which figures; the rows name the organisations, newest first.
 */
@Service
public class ChallengeFlows {

	private static final String PUBLISHED = """
			select (c.opened_at at time zone 'Asia/Shanghai')::date, c.region_code, c.region_code, count(*),
			       sum(c.bounty)
			from challenge.challenge c
			where c.opened_at >= :from and c.opened_at < :to
			  and c.region_code like any(:served) and c.region_code like any(:serving)""";

	private static final String APPLICATIONS = """
			select (a.submitted_at at time zone 'Asia/Shanghai')::date, c.region_code, a.applicant_region, count(*),
			       null::bigint
			from challenge.application a join challenge.challenge c on c.id = a.challenge_id
			where a.submitted_at >= :from and a.submitted_at < :to
			  and c.region_code like any(:served) and a.applicant_region like any(:serving)""";

	private static final String AWARDED = """
			select (c.decided_at at time zone 'Asia/Shanghai')::date, c.region_code, a.applicant_region, count(*),
			       sum(a.awarded_amount)
			from challenge.application a join challenge.challenge c on c.id = a.challenge_id
			where a.awarded_amount is not null and c.decided_at >= :from and c.decided_at < :to
			  and c.region_code like any(:served) and a.applicant_region like any(:serving)""";

	private final JdbcClient jdbc;

	ChallengeFlows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Challenges opened, by day and region: their number and bounties. Only regions inside one of {@code regions}
	 * (each with everything below it; every region when empty), {@code from} to {@code to} both included;
	 * {@code flows.span} (400) for a period backwards or longer than ten years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> published(LocalDate from, LocalDate to, Collection<String> regions) {
		return daily(PUBLISHED, from, to, regions);
	}

	/** Applications standing, by the day handed in, challenge region and applicant region: their number. */
	@Transactional(readOnly = true)
	public List<RegionFlow> applications(LocalDate from, LocalDate to, Collection<String> regions) {
		return daily(APPLICATIONS, from, to, regions);
	}

	/** Awarded applications, by the day of the award, challenge region and winner region: number and amounts. */
	@Transactional(readOnly = true)
	public List<RegionFlow> awarded(LocalDate from, LocalDate to, Collection<String> regions) {
		return daily(AWARDED, from, to, regions);
	}

	/** The challenges behind {@link #published}: number, title, publisher, bounty, page. */
	@Transactional(readOnly = true)
	public List<FlowItem> publishedRows(LocalDate from, LocalDate to, Collection<String> regions, int offset,
			int limit) {
		return rows("""
				select c.number, c.title, c.opened_at, c.region_code, c.publisher_name, c.region_code, null, c.bounty,
				       '/challenges/' || c.id
				from challenge.challenge c
				where c.opened_at >= :from and c.opened_at < :to
				  and c.region_code like any(:served) and c.region_code like any(:serving)
				order by c.opened_at desc, c.number""", from, to, regions, regions, offset, limit);
	}

	/** The applications behind {@link #applications}: receipt, challenge, publisher and applicant. */
	@Transactional(readOnly = true)
	public List<FlowItem> applicationRows(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return rows("""
				select a.receipt, c.title, a.submitted_at, c.region_code, c.publisher_name, a.applicant_region,
				       a.applicant_name, null, '/challenges/' || c.id
				from challenge.application a join challenge.challenge c on c.id = a.challenge_id
				where a.submitted_at >= :from and a.submitted_at < :to
				  and c.region_code like any(:served) and a.applicant_region like any(:serving)
				order by a.submitted_at desc, a.receipt""", from, to, served, serving, offset, limit);
	}

	/** The awards behind {@link #awarded}: the challenge, publisher, winner and amount. */
	@Transactional(readOnly = true)
	public List<FlowItem> awardRows(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return rows("""
				select c.number, c.title, c.decided_at, c.region_code, c.publisher_name, a.applicant_region,
				       a.applicant_name, a.awarded_amount, '/challenges/' || c.id
				from challenge.application a join challenge.challenge c on c.id = a.challenge_id
				where a.awarded_amount is not null and c.decided_at >= :from and c.decided_at < :to
				  and c.region_code like any(:served) and a.applicant_region like any(:serving)
				order by c.decided_at desc, c.number, a.awarded_amount desc, a.id""", from, to, served, serving, offset,
				limit);
	}

	private List<RegionFlow> daily(String sql, LocalDate from, LocalDate to, Collection<String> regions) {
		return FlowQueries.daily(jdbc, sql, from, to, regions, regions);
	}

	private List<FlowItem> rows(String sql, LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		return FlowQueries.items(jdbc, sql, from, to, served, serving, offset, limit);
	}
}
