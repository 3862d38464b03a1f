package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;

import cn.kejiao.booking.BookingRules;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.InstrumentUse;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.MutableClock;
import cn.kejiao.support.Personas;

/**
 * 上海市科委's admin reads the sharing figures of Shanghai's instruments for a period: an instrument of the 嘉定
 * testing agency used 2 h by the agency itself and 6 h by an automotive enterprise shows 8 h of use and a sharing
 * rate of 75% in the table and the chart, and the workbook to hand in downloads with it; on a phone the page does
 * not scroll sideways.
 */
@KejiaoIntegrationTest
class SharingFiguresJourneyTest extends JourneyTest {

	@Autowired
	Personas personas;

	@Autowired
	Catalog catalog;

	@Autowired
	BookingRules bookingRules;

	@Autowired
	MutableClock clock;

	EntryView instrument;
	LocalDate day;

	@BeforeAll
	void anInstrumentOfJiadingIsUsedByItsOwnerAndAnEnterprise() {
		InstrumentUse use = new InstrumentUse(personas, catalog, bookingRules, clock);
		instrument = use.instrument("provider-jd", "共享演示仪" + Markers.digits(4), "2000000", "500", "300");
		day = LocalDate.now(ChinaTime.ZONE).plusDays(45);
		use.book("provider-jd", instrument.id(), InstrumentUse.at(day, 8), InstrumentUse.at(day, 10));
		use.book("ent-jd", instrument.id(), InstrumentUse.at(day, 10), InstrumentUse.at(day, 16));
		use.useAll();
		clock.reset();
	}

	@Test
	void theShanghaiAdminReadsTheFiguresSeesTheChartAndDownloadsTheWorkbook() throws IOException {
		signIn("sh-admin");
		page.locator("#nav-sharing").click();
		assertThat(page.locator("h1")).hasText("大型仪器共享情况");
		assertThat(page.locator("#region option:checked")).hasText("上海市");

		page.locator("#from").fill(day.toString());
		page.locator("#to").fill(day.plusDays(1).toString());
		page.locator("#sharing-show").click();
		page.waitForURL(url -> url.contains("from=" + day));
		// the form keeps what was asked
		assertThat(page.locator("#from")).hasValue(day.toString());
		assertThat(page.locator("#to")).hasValue(day.plusDays(1).toString());

		Locator row = page.locator("#sharing-table tbody tr", new com.microsoft.playwright.Page.LocatorOptions()
			.setHasText(instrument.title()));
		assertThat(row).hasCount(1);
		assertThat(row.locator("td.effective")).hasText("8.00");
		assertThat(row.locator("td.external")).hasText("6.00");
		assertThat(row.locator("td.rate")).hasText("75.00%");
		assertThat(row.locator("td.internal-income")).hasText("¥600.00");
		assertThat(row.locator("td.external-income")).hasText("¥3,000.00");
		assertThat(row).containsText("上海市 嘉定区");
		assertThat(page.locator("#sharing-next")).isVisible();

		Locator chart = page.locator("#sharing-hours-chart");
		assertThat(chart).hasAttribute("data-drawn", "true");
		assertThat(chart.locator("svg")).isVisible();
		assertThat(chart.locator("svg")).containsText(instrument.title());
		assertThat(page.locator("#sharing-rates-chart svg")).containsText("%");

		Download download = page.waitForDownload(() -> page.locator("#sharing-export").click());
		assertThat(download.suggestedFilename()).endsWith(".xlsx").contains("上海市");
		try (InputStream in = Files.newInputStream(download.path()); var workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("上海市");
			Row used = null;
			for (Row r : sheet) {
				if (r.getCell(0) != null && instrument.title().equals(r.getCell(0).getStringCellValue())) {
					used = r;
				}
			}
			assertThat(used).as("the instrument's row in the workbook").isNotNull();
			assertThat(used.getCell(4).getNumericCellValue()).isEqualTo(8.0);
			assertThat(used.getCell(6).getNumericCellValue()).isEqualTo(0.75);
		}

		phone();
		page.reload();
		assertThat(page.locator("#sharing-table")).isVisible();
		assertThat(page.locator("#sharing-hours-chart svg")).isVisible();
		assertNoSidewaysScroll();
	}
}
