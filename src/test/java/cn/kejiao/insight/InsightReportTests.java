package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * A region's reports hold the dashboards' figures: the workbook's summary and months equal {@link InsightFigures}
 * for the same region and period; the PDF is Chinese, written with the font shipped in the application and no
 * other; a region admin never lists, reads or writes a report of a region outside its own; the schedule writes each
 * (region, period) once however often and on however many nodes it runs.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightReportTests {

	private static final Logger log = LoggerFactory.getLogger(InsightReportTests.class);

	static final String YUNNAN = "530000";
	static final String WENSHAN = "532600";
	static final String SHANGHAI = "310000";

	@Autowired
	Personas personas;

	@Autowired
	InsightReadModel model;

	@Autowired
	InsightFigures figures;

	@Autowired
	InsightReports reports;

	@Autowired
	ReportContents contents;

	@Autowired
	ReportWorkbook workbook;

	@Autowired
	ReportPdf pdf;

	@Autowired
	JdbcClient jdbc;

	LocalDate today;

	@BeforeAll
	void theReadModelIsCurrent() {
		model.refresh();
		today = LocalDate.now(ChinaTime.ZONE);
	}

	@Test
	void yunnansYearlyReportHoldsTheFiguresOfTheDashboards() throws Exception {
		JsonNode report = produce(personas.api("yn-admin"), Map.of("region", YUNNAN, "period", "YEAR", "year",
				today.getYear()));
		assertThat(report.get("regionName").asString()).contains("云南");
		assertThat(report.get("periodEnd").asString()).isEqualTo(today.toString());
		byte[] xlsx = personas.api("yn-admin").download(report.path("links").get("xlsx").asString());
		List<KindFigures> expected = figures.figures(YUNNAN, today.withDayOfYear(1), today);
		assertSummary(xlsx, expected);
		assertThat(expected.stream().mapToLong(f -> f.served().count() + f.serving().count()).sum())
			.as("the demo data gives Yunnan something to report").isPositive();
		assertMonths(xlsx, figures.monthly(YUNNAN, today.withDayOfYear(1), today));
	}

	@Test
	void aMonthlyReportHoldsTheMonthsFigures() throws Exception {
		JsonNode report = produce(personas.api("ws-admin"), Map.of("period", "MONTH", "year", today.getYear(), "month",
				today.getMonthValue()));
		assertThat(report.get("region").asString()).as("the admin's own region when none is named").isEqualTo(WENSHAN);
		assertThat(jdbc.sql("""
				select actor_username from audit.audit_entry
				where action = 'insight.report-produced' and subject_type = 'insight-report' and subject_id = :id""")
			.param("id", report.get("id").asString()).query(String.class).list()).containsExactly("ws-admin");
		byte[] xlsx = personas.api("ws-admin").download(report.path("links").get("xlsx").asString());
		assertSummary(xlsx, figures.figures(WENSHAN, today.withDayOfMonth(1), today));
		assertMonths(xlsx, figures.monthly(WENSHAN, today.withDayOfMonth(1), today));
	}

	@Test
	void thePdfIsChineseAndWrittenWithTheShippedFontOnly() throws Exception {
		JsonNode report = produce(personas.api("ws-admin"), Map.of("region", WENSHAN, "period", "YEAR", "year",
				today.getYear()));
		byte[] document = personas.api("ws-admin").download(report.path("links").get("pdf").asString());
		PdfReader reader = new PdfReader(document);
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains("云南省", "文山壮族苗族自治州", today.getYear() + "年", "统计年报", "各类指标汇总",
				contents.kindName(model.kinds().first()));
		String raw = new String(document, StandardCharsets.ISO_8859_1);
		Matcher fonts = Pattern.compile("/BaseFont\\s*/([^\\s/>\\]]+)").matcher(raw);
		Set<String> names = new TreeSet<>();
		while (fonts.find()) {
			names.add(fonts.group(1));
		}
		assertThat(names).as("only the shipped font, embedded as a subset: no system or standard font").isNotEmpty()
			.allMatch(name -> name.matches("[A-Z]{6}\\+SourceHanSansSC-Regular(-Identity-H)?"));
	}

	@Test
	void aRegionAdminNeverSeesOrWritesAReportOfARegionOutsideItsOwn() {
		Http admin = personas.api("admin");
		JsonNode shanghai = produce(admin, Map.of("region", SHANGHAI, "period", "MONTH", "year", today.getYear(), "month",
				today.getMonthValue()));
		JsonNode yunnan = produce(admin, Map.of("region", YUNNAN, "period", "MONTH", "year", today.getYear(), "month",
				today.getMonthValue()));
		String id = shanghai.get("id").asString();
		Http yn = personas.api("yn-admin");
		assertThat(ids(yn.get("/api/v1/insight/reports").json())).doesNotContain(id).contains(yunnan.get("id").asString());
		expect(yn.get("/api/v1/insight/reports?region=" + SHANGHAI), 403, "insight.scope");
		for (String path : List.of("", ".xlsx", ".pdf")) {
			expect(yn.get("/api/v1/insight/reports/" + id + path), 404, "insight.report-not-found");
		}
		expect(yn.post("/api/v1/insight/reports", Map.of("region", SHANGHAI, "period", "YEAR", "year", today.getYear())),
				403, "insight.scope");
		expect(yn.post("/api/v1/insight/reports", Map.of("region", InsightFigures.NATION, "period", "YEAR", "year",
				today.getYear())), 403, "insight.scope");
		Http ws = personas.api("ws-admin");
		expect(ws.get("/api/v1/insight/reports/" + yunnan.get("id").asString() + ".pdf"), 404,
				"insight.report-not-found");
		assertThat(ids(ws.get("/api/v1/insight/reports").json())).doesNotContain(yunnan.get("id").asString(), id);
		expect(personas.api("ent-ws").get("/api/v1/insight/reports"), 403, "insight.scope");
		Http browser = personas.browser("yn-admin");
		assertThat(browser.get("/insight/reports/" + id + ".xlsx").status()).isEqualTo(404);
		assertThat(browser.get("/insight/reports").body()).contains("云南省").doesNotContain(id);
	}

	@Test
	void badPeriodsAreRefusedWithReasons() {
		Http yn = personas.api("yn-admin");
		expect(yn.post("/api/v1/insight/reports", Map.of("period", "MONTH", "year", today.getYear())), 400,
				"insight.report-period");
		expect(yn.post("/api/v1/insight/reports", Map.of("period", "YEAR", "year", today.getYear() + 1)), 400,
				"insight.report-future");
		Http admin = personas.api("admin");
		expect(admin.post("/api/v1/insight/reports", Map.of("region", "539999", "period", "YEAR", "year",
				today.getYear())), 404, "region.not-found");
	}

	@Test
	void thePageWritesAReportAndKeepsWhatWasTypedWhenRefused() {
		Http browser = personas.browser("yn-admin");
		Http.Response refused = browser.submitForm("/insight/reports", "/insight/reports",
				Map.of("region", YUNNAN, "period", "MONTH", "year", String.valueOf(today.getYear()), "month", "13"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"report-error\"", "value=\"13\"");
		Http.Response written = browser.submitForm("/insight/reports", "/insight/reports",
				Map.of("region", WENSHAN, "period", "YEAR", "year", String.valueOf(today.getYear()), "month", ""));
		assertThat(written.status()).isEqualTo(302);
		String page = browser.get("/insight/reports").body();
		assertThat(page).contains("id=\"report-produced\"", "文山壮族苗族自治州", ".pdf");
	}

	@Test
	void theScheduleWritesEachRegionsReportOnceWhenRunTwiceAndOnTwoNodesAtOnce() {
		LocalDate nextMonth = today.withDayOfMonth(1).plusMonths(1).plusDays(1);
		LocalDate thisMonth = today.withDayOfMonth(1);
		var first = CompletableFuture.supplyAsync(() -> reports.produceDue(nextMonth));
		var second = CompletableFuture.supplyAsync(() -> reports.produceDue(nextMonth));
		int written = first.join() + second.join();
		assertThat(written).isPositive();
		assertThat(reports.produceDue(nextMonth)).as("nothing left to write").isZero();
		List<Map<String, Object>> rows = jdbc.sql("""
				select region, period_kind, count(*) as n from insight.report
				where scheduled and state = 'READY' and period_start in (:month, :year)
				group by region, period_kind""")
			.param("month", thisMonth).param("year", today.withDayOfYear(1))
			.query().listOfRows();
		assertThat(rows.stream().mapToLong(row -> ((Number) row.get("n")).longValue()).sum()).isEqualTo(written);
		assertThat(rows).allMatch(row -> ((Number) row.get("n")).longValue() == 1);
		assertThat(rows).extracting(row -> row.get("region")).contains(InsightFigures.NATION, YUNNAN, WENSHAN);
	}

	@Test
	void theYearlyReportsOfYunnanAndTheNationAreWrittenInSeconds() {
		for (String region : List.of(YUNNAN, InsightFigures.NATION)) {
			long start = System.nanoTime();
			ReportContent content = contents.build(region, ReportPeriod.year(today.getYear()));
			long built = System.nanoTime();
			byte[] xlsx = workbook.write(content);
			long excel = System.nanoTime();
			byte[] document = pdf.write(content);
			long done = System.nanoTime();
			log.info("insight yearly report {}: figures {} ms, xlsx {} ms ({} bytes), pdf {} ms ({} bytes)", region,
					(built - start) / 1_000_000, (excel - built) / 1_000_000, xlsx.length, (done - excel) / 1_000_000,
					document.length);
			assertThat((excel - start) / 1_000_000).as("yearly Excel within 5 s").isLessThan(5_000);
		}
	}

	private static JsonNode produce(Http client, Map<String, Object> request) {
		Http.Response response = client.post("/api/v1/insight/reports", request);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.location()).endsWith("/api/v1/insight/reports/" + response.json().get("id").asString());
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static void expect(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.code()).isEqualTo(code);
	}

	/** The summary sheet: a row per kind, in order, with its name and counts and yuan equal to the figures. */
	private void assertSummary(byte[] xlsx, List<KindFigures> expected) throws Exception {
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("科技资源共享与区域协作统计");
			for (int i = 0; i < expected.size(); i++) {
				KindFigures kind = expected.get(i);
				Row row = sheet.getRow(ReportWorkbook.FIRST_ROW + i);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(contents.kindName(kind.kind()));
				assertAmount(row, 1, kind.served());
				assertAmount(row, 3, kind.serving());
				assertAmount(row, 5, kind.inside());
			}
			assertThat(sheet.getRow(ReportWorkbook.FIRST_ROW + expected.size())).isNull();
		}
	}

	/** The months sheet: a row per month and kind with something in it. */
	private void assertMonths(byte[] xlsx, List<MonthFigure> expected) throws Exception {
		List<MonthFigure> shown = expected.stream()
			.filter(m -> m.served().count() != 0 || m.serving().count() != 0).toList();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(1);
			for (int i = 0; i < shown.size(); i++) {
				MonthFigure month = shown.get(i);
				Row row = sheet.getRow(ReportWorkbook.FIRST_ROW + i);
				assertThat(YearMonth.parse(row.getCell(0).getStringCellValue())).isEqualTo(month.month());
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(contents.kindName(month.kind()));
				assertAmount(row, 2, month.served());
				assertAmount(row, 4, month.serving());
			}
			assertThat(sheet.getRow(ReportWorkbook.FIRST_ROW + shown.size())).isNull();
		}
	}

	private static void assertAmount(Row row, int column, Amount amount) {
		assertThat((long) row.getCell(column).getNumericCellValue()).isEqualTo(amount.count());
		Money value = amount.value();
		if (value == null) {
			assertThat(row.getCell(column + 1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
		}
		else {
			assertThat(Math.round(row.getCell(column + 1).getNumericCellValue() * 100)).isEqualTo(value.fen());
		}
	}
}
