package cn.kejiao.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.Http;
import cn.kejiao.support.InstrumentUse;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.NewOrganisation.Registered;
import cn.kejiao.support.Personas;
import tools.jackson.databind.JsonNode;

/**
 * The sharing figures of 哈巴河县, a county where only this test's testing centre has instruments: an X-ray
 * diffractometer worth ¥1,000,000 used 10 h by its owner at ¥200/h and 30 h by an enterprise at ¥300/h, a thermal
 * analyser used 20 h by its owner only (once across midnight), and an idle microscope. The bookings are made and used
 * through the booking API with the clock moved, and the figures read over the API, in Excel and on the page.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingFiguresTests {

	static final String HABAHE = "654324";

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules bookingRules;

	@Autowired
	MutableClock clock;

	Registered centre;
	Registered enterprise;
	EntryView diffractometer;
	EntryView microscope;
	EntryView analyser;
	LocalDate day;

	@BeforeAll
	void instrumentsOfHabaheAreUsedInsideAndOutside() {
		centre = NewOrganisation.of("TESTING_AGENCY", HABAHE).named("哈巴河分析测试中心" + Markers.unique())
			.verified(personas.port());
		enterprise = NewOrganisation.enterprise("654301").verified(personas.port());
		InstrumentUse use = new InstrumentUse(personas, catalog, bookingRules, clock)
			.user(centre.username(), centre.password()).user(enterprise.username(), enterprise.password());
		diffractometer = use.instrument(centre.username(), "X射线衍射仪（算例）", "1000000", "300", "200");
		microscope = use.instrument(centre.username(), "扫描电子显微镜（闲置）", "500000", "400", "250");
		analyser = use.instrument(centre.username(), "同步热分析仪（校内）", "400000", "150", "100");
		day = LocalDate.now(ChinaTime.ZONE).plusDays(30);
		use.book(centre.username(), diffractometer.id(), InstrumentUse.at(day, 8), InstrumentUse.at(day, 18));
		use.book(enterprise.username(), diffractometer.id(), InstrumentUse.at(day.plusDays(1), 8),
				InstrumentUse.at(day.plusDays(1), 23));
		use.book(enterprise.username(), diffractometer.id(), InstrumentUse.at(day.plusDays(2), 8),
				InstrumentUse.at(day.plusDays(2), 23));
		use.book(centre.username(), analyser.id(), InstrumentUse.at(day, 9), InstrumentUse.at(day, 19));
		use.book(centre.username(), analyser.id(), InstrumentUse.at(day.plusDays(1), 20),
				InstrumentUse.at(day.plusDays(2), 6));
		use.useAll();
		clock.reset();
	}

	@Test
	void theWorkedExampleComesOutOfRealBookingsAsTheNationalEvaluationCountsIt() {
		JsonNode figures = ok(personas.api("admin"), period(day, day.plusDays(2)));
		assertThat(figures.get("regionName").asString()).contains("哈巴河县");
		JsonNode row = row(figures, diffractometer);
		assertThat(row.get("effectiveHours").decimalValue()).isEqualByComparingTo("40");
		assertThat(row.get("externalHours").decimalValue()).isEqualByComparingTo("30");
		assertThat(row.get("sharingRate").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(row.get("internalIncome").asString()).isEqualTo("2000.00");
		assertThat(row.get("externalIncome").asString()).isEqualTo("9000.00");
		assertThat(row.get("revenueRatio").decimalValue()).isEqualByComparingTo("0.0155");
		assertThat(row.get("originalValue").asString()).isEqualTo("1000000.00");
		assertThat(row.get("ownerOrgName").asString()).isEqualTo(centre.name());
		assertThat(row.get("lowUse").asBoolean()).isFalse();

		JsonNode thermal = row(figures, analyser);
		assertThat(thermal.get("effectiveHours").decimalValue()).isEqualByComparingTo("20");
		assertThat(thermal.get("sharingRate").decimalValue()).isEqualByComparingTo("0");
		assertThat(thermal.get("internalIncome").asString()).isEqualTo("2000.00");
		assertThat(thermal.get("revenueRatio").decimalValue()).isEqualByComparingTo("0.005");

		// the idle microscope is listed with nothing, and flagged: 0 h is below a quarter of the median 20 h
		JsonNode idle = row(figures, microscope);
		assertThat(idle.get("effectiveHours").decimalValue()).isEqualByComparingTo("0");
		assertThat(idle.get("lowUse").asBoolean()).isTrue();
		assertThat(figures.get("medianHours").decimalValue()).isEqualByComparingTo("20");

		JsonNode total = figures.get("total");
		assertThat(total.get("instruments").asInt()).isEqualTo(3);
		assertThat(total.get("effectiveHours").decimalValue()).isEqualByComparingTo("60");
		assertThat(total.get("externalHours").decimalValue()).isEqualByComparingTo("30");
		assertThat(total.get("sharingRate").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(total.get("internalIncome").asString()).isEqualTo("4000.00");
		assertThat(total.get("externalIncome").asString()).isEqualTo("9000.00");
		assertThat(total.get("originalValue").asString()).isEqualTo("1900000.00");
		// (4,000 + 1.5 × 9,000) ÷ 1,900,000
		assertThat(total.get("revenueRatio").decimalValue()).isEqualByComparingTo("0.0092");
		assertThat(total.get("lowUse").asInt()).isEqualTo(1);
		assertThat(figures.get("organisations")).hasSize(1);
		assertThat(figures.get("organisations").get(0).get("name").asString()).isEqualTo(centre.name());
	}

	@Test
	void useAcrossTheEdgesOfThePeriodIsClippedToItAndAFeeCountsWhereTheUseEnded() {
		JsonNode figures = ok(personas.api("admin"), period(day.plusDays(1), day.plusDays(1)));
		JsonNode row = row(figures, diffractometer);
		assertThat(row.get("effectiveHours").decimalValue()).isEqualByComparingTo("15");
		assertThat(row.get("externalHours").decimalValue()).isEqualByComparingTo("15");
		assertThat(row.get("externalIncome").asString()).isEqualTo("4500.00");
		assertThat(row.get("internalIncome").asString()).isEqualTo("0.00");
		// 20:00 to 06:00 the next morning: four hours of it fall on the day, its fee on the next
		JsonNode thermal = row(figures, analyser);
		assertThat(thermal.get("effectiveHours").decimalValue()).isEqualByComparingTo("4");
		assertThat(thermal.get("internalIncome").asString()).isEqualTo("0.00");
	}

	@Test
	void aRegionAdminReadsItsRegionAndTheRegionsBelowItOnly() {
		Http shanghai = personas.api("sh-admin");
		JsonNode own = ok(shanghai, "");
		assertThat(own.get("regionCode").asString()).isEqualTo("310000");
		assertThat(own.get("ownInstrumentsOnly").asBoolean()).isFalse();
		assertThat(own.get("instruments")).isNotEmpty()
			.allSatisfy(row -> assertThat(row.get("regionCode").asString()).startsWith("31"));
		assertThat(ok(shanghai, "region=310114").get("instruments"))
			.allSatisfy(row -> assertThat(row.get("regionCode").asString()).isEqualTo("310114"));

		Http.Response yunnan = shanghai.get("/api/v1/sharing-figures?region=530000");
		assertThat(yunnan.status()).isEqualTo(403);
		assertThat(yunnan.code()).isEqualTo("sharing.region-forbidden");
		assertThat(shanghai.get("/api/v1/sharing-figures?region=" + HABAHE).code()).isEqualTo("sharing.region-forbidden");
		assertThat(shanghai.get("/api/v1/sharing-figures/export?region=530000").status()).isEqualTo(403);
		assertThat(personas.api("yn-admin").get("/api/v1/sharing-figures?region=310000").status()).isEqualTo(403);
		assertThat(ok(personas.api("yn-admin"), "").get("instruments"))
			.allSatisfy(row -> assertThat(row.get("regionCode").asString()).startsWith("53"));
		assertThat(ok(personas.api("admin"), "region=530000").get("regionCode").asString()).isEqualTo("530000");
	}

	@Test
	void anOwnerReadsItsOwnInstrumentsAndOthersNothing() {
		JsonNode own = ok(centre.api(), period(day, day.plusDays(2)));
		assertThat(own.get("regionCode").asString()).isEqualTo(HABAHE);
		assertThat(own.get("ownInstrumentsOnly").asBoolean()).isTrue();
		assertThat(own.get("instruments")).hasSize(3)
			.allSatisfy(row -> assertThat(row.get("ownerOrgId").asString()).isEqualTo(centre.id().toString()));
		assertThat(row(own, microscope).get("lowUse").asBoolean()).isTrue();

		JsonNode other = ok(personas.api("provider-jd"), "region=" + HABAHE + "&" + period(day, day.plusDays(2)));
		assertThat(other.get("ownInstrumentsOnly").asBoolean()).isTrue();
		assertThat(other.get("instruments")).isEmpty();

		Http.Response bookerOnly = enterprise.api().get("/api/v1/sharing-figures");
		assertThat(bookerOnly.status()).isEqualTo(403);
		assertThat(bookerOnly.code()).isEqualTo("sharing.forbidden");
		assertThat(Http.api(personas.port()).get("/api/v1/sharing-figures").status()).isEqualTo(401);
	}

	@Test
	void aBadRegionOrPeriodIsRefusedWithItsOwnCode() {
		Http admin = personas.api("admin");
		assertThat(admin.get("/api/v1/sharing-figures?region=999999").code()).isEqualTo("sharing.region-unknown");
		assertThat(admin.get("/api/v1/sharing-figures?region=abc").code()).isEqualTo("sharing.region-unknown");
		Http.Response date = admin.get("/api/v1/sharing-figures?from=2026-02-30");
		assertThat(date.status()).isEqualTo(400);
		assertThat(date.code()).isEqualTo("sharing.date-invalid");
		assertThat(admin.get("/api/v1/sharing-figures?from=2026-05-01&to=2026-04-01").code())
			.isEqualTo("sharing.period-order");
		assertThat(admin.get("/api/v1/sharing-figures?from=2015-01-01&to=2026-01-01").code())
			.isEqualTo("sharing.period-too-long");
		Http.Response english = admin.language("en").get("/api/v1/sharing-figures?from=2026-05-01&to=2026-04-01");
		assertThat(english.json().get("detail").asString()).contains("2026-05-01 is after the end 2026-04-01");
	}

	@Test
	void withoutAPeriodTheFiguresAreThisYearsSoFar() {
		JsonNode figures = ok(personas.api("admin"), "region=" + HABAHE);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		assertThat(figures.get("from").asString()).isEqualTo(today.withDayOfYear(1).toString());
		assertThat(figures.get("to").asString()).isEqualTo(today.toString());
		assertThat(figures.get("instruments")).hasSize(3);
	}

	@Test
	void theWorkbookHoldsTheFiguresARegionHandsIn() throws IOException {
		byte[] file = personas.api("admin").download("/api/v1/sharing-figures/export?" + period(day, day.plusDays(2)));
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheet("仪器共享情况");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("哈巴河县").contains("大型科研仪器开放共享情况");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains(day.toString())
				.contains(day.plusDays(2).toString());
			assertThat(texts(sheet.getRow(2))).containsExactly("仪器名称", "所属单位", "所在地区", "原值（万元）", "有效使用机时",
					"对外服务机时", "共享率", "校内收入", "对外收入", "收入比", "低使用率标记");
			Row worked = rowTitled(sheet, diffractometer.title());
			assertThat(worked.getCell(1).getStringCellValue()).isEqualTo(centre.name());
			assertThat(worked.getCell(2).getStringCellValue()).contains("哈巴河县");
			assertThat(numbers(worked, 3, 10)).containsExactly(100.0, 40.0, 30.0, 0.75, 2000.0, 9000.0, 0.0155);
			assertThat(worked.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(worked.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
			assertThat(worked.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("0.0000");
			assertThat(worked.getCell(10).getStringCellValue()).isEmpty();
			assertThat(rowTitled(sheet, microscope.title()).getCell(10).getStringCellValue()).isEqualTo("低使用率");
			Row total = rowTitled(sheet, "合计");
			assertThat(total.getRowNum()).isEqualTo(sheet.getLastRowNum());
			assertThat(numbers(total, 3, 10)).containsExactly(190.0, 60.0, 30.0, 0.5, 4000.0, 9000.0, 0.0092);
			Sheet owners = workbook.getSheet("按单位汇总");
			assertThat(rowTitled(owners, centre.name()).getCell(1).getNumericCellValue()).isEqualTo(3.0);
		}
		// the page's link, with the browser's session, hands out the same figures
		byte[] fromPage = personas.browser("admin").download("/sharing-figures.xlsx?" + period(day, day.plusDays(2)));
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(fromPage))) {
			Row total = rowTitled(workbook.getSheetAt(0), "合计");
			assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(60.0);
		}
	}

	@Test
	void thePageShowsTheFiguresWithNamesAndFormattedAmounts() {
		Http.Response page = personas.browser("admin").get("/sharing-figures?" + period(day, day.plusDays(2)));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(diffractometer.title()).contains(centre.name()).contains("哈巴河县")
			.contains("¥9,000.00").contains("75.00%").contains("0.0155").contains("低使用率").contains("100万元")
			.contains("data-chart=").doesNotContain(">" + HABAHE + "<");
		Http.Response bad = personas.browser("admin").get("/sharing-figures?region=" + HABAHE + "&from=2026-05-01&to=2026-04-01");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("开始日期 2026-05-01 晚于结束日期 2026-04-01").contains("value=\"2026-05-01\"");
		assertThat(personas.browser("sh-admin").get("/sharing-figures?region=530000").status()).isEqualTo(403);
		assertThat(personas.browser("ent-ws").get("/sharing-figures").status()).isEqualTo(403);
	}

	private String period(LocalDate from, LocalDate to) {
		return "region=" + HABAHE + "&from=" + from + "&to=" + to;
	}

	private static JsonNode ok(Http http, String query) {
		Http.Response response = http.get("/api/v1/sharing-figures" + (query.isEmpty() ? "" : "?" + query));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode row(JsonNode figures, EntryView instrument) {
		return StreamSupport.stream(figures.get("instruments").spliterator(), false)
			.filter(row -> row.get("instrumentId").asString().equals(instrument.id().toString())).findFirst()
			.orElseThrow(() -> new AssertionError("no row of " + instrument.title()));
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach(cell -> texts.add(cell.getStringCellValue()));
		return texts;
	}

	private static List<Double> numbers(Row row, int from, int to) {
		List<Double> numbers = new ArrayList<>();
		for (int i = from; i < to; i++) {
			assertThat(row.getCell(i).getCellType()).isEqualTo(CellType.NUMERIC);
			numbers.add(Math.round(row.getCell(i).getNumericCellValue() * 10_000) / 10_000.0);
		}
		return numbers;
	}

	private static Row rowTitled(Sheet sheet, String title) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
					&& row.getCell(0).getStringCellValue().equals(title)) {
				return row;
			}
		}
		throw new AssertionError("no row " + title);
	}
}
