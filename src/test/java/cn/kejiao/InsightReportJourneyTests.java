package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Download;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;

/**
 * 云南省科技厅's admin opens the reports page, asks for next year's report and reads why with what it typed
 * kept, then writes 文山's yearly report, downloads its PDF and finds the prefecture's Chinese name in it; on a
 * phone the page does not scroll sideways.
 */
@KejiaoIntegrationTest
class InsightReportJourneyTests extends JourneyTest {

	@Test
	void theYunnanAdminWritesWenshansYearlyReportAndDownloadsThePdf() throws IOException {
		String year = String.valueOf(LocalDate.now(ChinaTime.ZONE).getYear());
		signIn("yn-admin");
		page.navigate(url("/insight/reports"));
		assertThat(page.locator("h1")).hasText("统计报告");
		page.locator("#report-region").selectOption("532600");
		page.locator("#report-period").selectOption("MONTH");
		String next = String.valueOf(Integer.parseInt(year) + 1);
		page.locator("#report-year").fill(next);
		page.locator("#report-month").fill("1");
		page.locator("#report-produce").click();
		assertThat(page.locator("#report-error")).containsText("尚未开始");
		assertThat(page.locator("#report-year")).hasValue(next);
		assertThat(page.locator("#report-region")).hasValue("532600");

		page.locator("#report-period").selectOption("YEAR");
		page.locator("#report-year").fill(year);
		page.locator("#report-month").fill("");
		page.locator("#report-produce").click();
		assertThat(page.locator("#report-produced")).containsText("文山壮族苗族自治州");
		assertThat(page.locator("#report-table tbody tr").first()).containsText(year + "年");
		Download download = page.waitForDownload(() -> page.locator("#produced-pdf").click());
		assertThat(download.suggestedFilename()).endsWith(".pdf").contains("文山壮族苗族自治州");
		byte[] pdf = Files.readAllBytes(download.path());
		assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1)).contains("云南省", "文山壮族苗族自治州");

		phone();
		page.navigate(url("/insight/reports"));
		assertNoSidewaysScroll();
	}
}
