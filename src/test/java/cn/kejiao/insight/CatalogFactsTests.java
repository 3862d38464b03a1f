package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.NewOrganisation;

/**
 * What the platform shares, as the read model counts it, equals the organisation and catalog tables: the stock of
 * service institutions and of entries shared at a day is the number verified or in the public catalog now, and a
 * day's figure is what started being shared less what stopped.
 */
@KejiaoIntegrationTest
class CatalogFactsTests {

	private static final EnumSet<InsightKind> CATALOG = EnumSet.of(InsightKind.INSTITUTIONS, InsightKind.INSTRUMENTS,
			InsightKind.SERVICES, InsightKind.ACHIEVEMENTS, InsightKind.EXPERTS);

	/** Verified organisations that serve others, by the day they took effect. */
	private static final String INSTITUTIONS = """
			select count(*), 0 from organisation.organisation
			where status = 'VERIFIED' and type not in ('ENTERPRISE', 'GOVERNMENT') and region_code like :p
			  and coalesce(notice_ends_at, reviewed_at) >= :from and coalesce(notice_ends_at, reviewed_at) < :to""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InsightFigures figures;

	@Autowired
	InsightReadModel model;

	@Autowired
	CatalogSource source;

	@Test
	void institutionsAndEntriesSharedEqualTheOrganisationAndCatalogTables() {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		model.refresh();
		FigureChecks checks = new FigureChecks(jdbc, figures, model);
		long institutionsBefore = checks.figure(InsightKind.INSTITUTIONS, "530102", today, today).served().count();
		long instrumentsBefore = checks.figure(InsightKind.INSTRUMENTS, "530102", today, today).served().count();
		long achievementsBefore = checks.figure(InsightKind.ACHIEVEMENTS, "530102", today, today).served().count();
		NewOrganisation.Registered university = NewOrganisation.of("UNIVERSITY", "530102").verified(port);
		NewOrganisation.enterprise("530102").verified(port);
		Http owner = university.api();
		String instrument = created(owner, "instruments", "场发射扫描电镜" + Markers.unique());
		assertThat(owner.post("/api/v1/catalog/instruments/" + instrument + "/publish", Map.of()).status()).isEqualTo(200);
		String achievement = created(owner, "achievements", "高原特色作物加工工艺" + Markers.unique());
		owner.post("/api/v1/catalog/achievements/" + achievement + "/publish", Map.of());
		assertThat(owner.post("/api/v1/catalog/achievements/" + achievement + "/withdraw", Map.of()).status())
			.isEqualTo(200);
		String draft = created(owner, "instruments", "激光共聚焦显微镜" + Markers.unique());

		model.refresh();

		for (String region : List.of("530102", "530000", "310000", "440000", InsightFigures.NATION)) {
			for (LocalDate[] period : List.of(new LocalDate[] { today.minusDays(40), today },
					new LocalDate[] { today.minusDays(40), today.minusDays(1) })) {
				checks.assertFigure(InsightKind.INSTITUTIONS, region, period[0], period[1], INSTITUTIONS, INSTITUTIONS);
			}
			assertThat(figures.stock(region, today, InsightKind.INSTITUTIONS).count()).as("institutions of " + region)
				.isEqualTo(count(region, """
						select count(*) from organisation.organisation where status = 'VERIFIED'
						and type not in ('ENTERPRISE', 'GOVERNMENT') and coalesce(notice_ends_at, reviewed_at) is not null
						and region_code like :p"""));
			for (String type : List.of("INSTRUMENT", "SERVICE", "ACHIEVEMENT", "EXPERT")) {
				InsightKind kind = InsightKind.valueOf(type + "S");
				assertThat(figures.stock(region, today, kind).count()).as(kind + " shared in " + region)
					.isEqualTo(count(region, "select count(*) from catalog.entry where state in ('PUBLISHED', 'MAINTENANCE')"
							+ " and type = '" + type + "' and region_code like :p"));
			}
		}
		assertThat(checks.figure(InsightKind.INSTITUTIONS, "530102", today, today).served().count())
			.as("the university; the enterprise is no institution").isEqualTo(institutionsBefore + 1);
		assertThat(checks.figure(InsightKind.INSTRUMENTS, "530102", today, today).served().count())
			.as("published; the draft is not shared").isEqualTo(instrumentsBefore + 1);
		assertThat(checks.figure(InsightKind.ACHIEVEMENTS, "530102", today, today).served().count())
			.as("published and withdrawn the same day").isEqualTo(achievementsBefore);
		assertThat(checks.figure(InsightKind.INSTRUMENTS, "440000", today, today).served().count()).isZero();
		checks.assertExact(today.minusDays(60), today, CATALOG);

		List<FlowItem> institutions = source.rows(InsightKind.INSTITUTIONS, today, today, List.of("530000"), List.of(),
				0, 100);
		assertThat(institutions).extracting(FlowItem::title).contains(university.name());
		assertThat(institutions).filteredOn(row -> row.title().equals(university.name())).singleElement()
			.satisfies(row -> assertThat(row.reference()).isEqualTo(university.creditCode()))
			.satisfies(row -> assertThat(row.link()).isEqualTo("/admin/organisations/" + university.id()));
		List<FlowItem> instruments = source.rows(InsightKind.INSTRUMENTS, today, today, List.of("530102"),
				List.of("530000"), 0, 100);
		assertThat(instruments).extracting(FlowItem::link).contains("/catalog/entries/" + instrument)
			.doesNotContain("/catalog/entries/" + draft);
		assertThat(instruments).allMatch(row -> RegionCodes.isWithin(row.servedRegion(), "530102"));
		assertThat(source.rows(InsightKind.INSTRUMENTS, today, today, List.of("530102"), List.of("310000"), 0, 100))
			.as("no region is in both").isEmpty();
		assertThat(source.rows(InsightKind.ACHIEVEMENTS, today, today, List.of("530102"), List.of(), 0, 100))
			.extracting(FlowItem::link).contains("/catalog/entries/" + achievement);
	}

	private static String created(Http owner, String types, String title) {
		Http.Response created = owner.post("/api/v1/catalog/" + types, Map.of("title", title, "summary",
				"昆明的共享资源，对外开放服务。"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private long count(String region, String sql) {
		return jdbc.sql(sql).param("p", InsightFigures.NATION.equals(region) ? "%" : RegionCodes.likePattern(region))
			.query(Long.class).single();
	}
}
