package cn.kejiao.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.FlowQueries;
import cn.kejiao.platform.database.SqlArrays;

/**
 * The service institutions the platform counts, per day and region (decision 0028), as {@link RegionFlow}s of one
 * region without money: verified organisations of the types that offer instruments, services and achievements to
 * others ({@link OrganisationType#isProvider()}: universities, research institutes, testing agencies, engineering
 * centres, incubators, technology transfer agencies), in their region. One counts from the day (China time) it
 * took effect: the end of its notice period when it had one, else the day it was approved or created verified.
 * Verification is never undone, so the number at a day is the running sum.
 */
@Service
public class OrganisationFlows {

	private static final String[] INSTITUTION_TYPES = Arrays.stream(OrganisationType.values())
		.filter(OrganisationType::isProvider).map(Enum::name).toArray(String[]::new);

	/** When an organisation took effect: the end of its notice, else its review. */
	private static final String EFFECTIVE = "coalesce(notice_ends_at, reviewed_at)";

	private final JdbcClient jdbc;

	OrganisationFlows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Institutions that took effect, by day and region: their number. Only regions inside one of {@code regions}
	 * (each with everything below it; every region when empty), {@code from} to {@code to} both included;
	 * {@code flows.span} (400) for a period backwards or longer than ten years.
	 */
	@Transactional(readOnly = true)
	public List<RegionFlow> institutions(LocalDate from, LocalDate to, Collection<String> regions) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select (%s at time zone 'Asia/Shanghai')::date, region_code, count(*) from organisation.organisation
				where status = 'VERIFIED' and type = any(:types) and %s >= :from and %s < :to
				  and region_code like any(:regions)
				group by 1, 2 order by 1, 2""".formatted(EFFECTIVE, EFFECTIVE, EFFECTIVE))
			.param("types", INSTITUTION_TYPES).param("from", FlowQueries.start(from)).param("to", FlowQueries.start(to.plusDays(1)))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.query((rs, n) -> new RegionFlow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(2),
					rs.getLong(3), null))
			.list();
	}

	/** The institutions behind {@link #institutions}, newest first: credit code, name, the admins' page. */
	@Transactional(readOnly = true)
	public List<FlowItem> institutionRows(LocalDate from, LocalDate to, Collection<String> regions, int offset,
			int limit) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select credit_code, name, %s, region_code, id from organisation.organisation
				where status = 'VERIFIED' and type = any(:types) and %s >= :from and %s < :to
				  and region_code like any(:regions)
				order by 3 desc, id offset :offset limit :limit""".formatted(EFFECTIVE, EFFECTIVE, EFFECTIVE))
			.param("types", INSTITUTION_TYPES).param("from", FlowQueries.start(from)).param("to", FlowQueries.start(to.plusDays(1)))
			.param("regions", SqlArrays.texts(RegionFlow.likePatterns(regions)))
			.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
			.query((rs, n) -> new FlowItem(rs.getString(1), rs.getString(2),
					LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), ChinaTime.ZONE), rs.getString(4), rs.getString(2),
					rs.getString(4), null, null, "/admin/organisations/" + rs.getObject(5, UUID.class)))
			.list();
	}

	/** When the organisation counts as an institution from; empty when it is none (yet). */
	@Transactional(readOnly = true)
	public Optional<Instant> institutionSince(UUID organisationId) {
		return jdbc.sql("""
				select %s from organisation.organisation
				where id = :id and status = 'VERIFIED' and type = any(:types)""".formatted(EFFECTIVE))
			.param("id", organisationId).param("types", INSTITUTION_TYPES)
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
	}
}
