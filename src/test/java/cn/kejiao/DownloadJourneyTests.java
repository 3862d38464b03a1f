package cn.kejiao;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import cn.kejiao.account.Accounts;
import cn.kejiao.platform.Money;
import cn.kejiao.support.JourneyTest;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Markers;
import cn.kejiao.support.Personas;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.ServiceOrders;

/**
 * Every file a voucher page offers downloads with the page's own session — the delivered test report, the
 * enterprise's voucher statement and the settlement statement, as Excel and PDF — and holds what its reader may
 * see: another enterprise is refused the report and finds only its own figures in its files.
 */
@KejiaoIntegrationTest
class DownloadJourneyTests extends JourneyTest {

	@Autowired
	Personas personas;

	@Autowired
	ServiceOrders orders;

	@Autowired
	Accounts accounts;

	@Test
	void theEnterpriseDownloadsTheDeliveredReportFromItsOrderAndAnotherEnterpriseIsRefused() throws IOException {
		String batch = Markers.digits(6);
		UUID provider = accounts.find("provider-jd").orElseThrow().organisationId();
		OrderView order = personas.as("ent-ws", () -> orders.request(provider, null, "赤泥浸出毒性检测 " + batch, "检验检测"));
		personas.as("provider-jd", () -> orders.quote(order.id(), Money.ofYuan("4200", "amount")));
		personas.as("ent-ws", () -> orders.accept(order.id(), Money.ofYuan("4200", "quotedAmount"), null, null, "dl-" + batch));
		byte[] report = ("检测报告 JD-" + batch + "：赤泥浸出液中各项指标均低于 GB 5085.3 限值。").getBytes(StandardCharsets.UTF_8);

		// the provider delivers the report through the order page
		signIn("provider-jd");
		page.navigate(url("/orders/" + order.id()));
		page.locator("#deliver-report").setInputFiles(new FilePayload("JD-" + batch + ".txt", "text/plain", report));
		page.locator("#deliver-note").fill("报告已盖 CMA 章");
		page.locator("#deliver-submit").click();
		assertThat(page.locator("#order-done")).hasText("已交付报告，等待企业验收。");
		signOut();

		// the enterprise clicks the report's link and gets the very file
		signIn("ent-ws");
		page.navigate(url("/orders/" + order.id()));
		Locator link = page.locator("#order-status a", new Page.LocatorOptions().setHasText("JD-" + batch + ".txt"));
		assertThat(link).hasAttribute("href", "/orders/" + order.id() + "/report");
		Download download = page.waitForDownload(link::click);
		assertThat(download.suggestedFilename()).isEqualTo("JD-" + batch + ".txt");
		assertThat(Files.readAllBytes(download.path())).isEqualTo(report);
		signOut();

		// an admin of a region of the order may have it too; another enterprise may not know it exists
		signIn("jd-admin");
		page.navigate(url("/orders/" + order.id()));
		Download forAdmin = page.waitForDownload(() -> page.locator("#order-status a",
				new Page.LocatorOptions().setHasText("JD-" + batch)).click());
		assertThat(Files.readAllBytes(forAdmin.path())).isEqualTo(report);
		signOut();

		expectErrorPages();
		signIn("ent-jd");
		var refused = page.navigate(url("/orders/" + order.id() + "/report"));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(page.locator("main")).not().containsText("赤泥浸出液");
		assertThat(refused.headerValue("content-type")).startsWith("text/html");
	}

	@Test
	void theEnterpriseDownloadsItsVoucherStatementAsExcelAndPdfAndSeesOnlyItsOwn() throws IOException {
		signIn("ent-ws");
		page.navigate(url("/vouchers"));
		assertThat(page.locator("#statement-excel")).hasAttribute("href", "/vouchers/statement.xlsx");
		Download excel = page.waitForDownload(() -> page.locator("#statement-excel").click());
		assertThat(excel.suggestedFilename()).isEqualTo("创新券使用明细.xlsx");
		List<String> cells = cells(Files.readAllBytes(excel.path()));
		assertThat(cells).contains("云南省科技创新券（沪滇通用通兑）", "氧化铝赤泥样品成分与物相分析（XRD、XRF）", "订单状态", "已完成");

		Download pdf = page.waitForDownload(() -> page.locator("#statement-pdf").click());
		byte[] pdfBytes = Files.readAllBytes(pdf.path());
		assertThat(new String(pdfBytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(pdfText(pdfBytes)).contains("科技创新券使用明细", "文山绿色铝材氧化铝有限公司", "已完成");
		signOut();

		// another enterprise's statement holds its own grant and orders, never Wenshan's
		signIn("ent-jd");
		page.navigate(url("/vouchers"));
		Download other = page.waitForDownload(() -> page.locator("#statement-excel").click());
		assertThat(cells(Files.readAllBytes(other.path()))).contains("上海市科技创新券（长三角通用通兑）")
			.doesNotContain("氧化铝赤泥样品成分与物相分析（XRD、XRF）", "云南省科技创新券（沪滇通用通兑）");
	}

	@Test
	void theProviderDownloadsTheSettlementAsExcelAndPdfAndAnEnterpriseFindsNoLinesOfOthers() throws IOException {
		signIn("provider-jd");
		page.navigate(url("/settlements"));
		assertThat(page.locator("#settlement-export")).hasAttribute("href",
				java.util.regex.Pattern.compile("^/settlements/statement\\.xlsx\\?period=\\d{4}-\\d{2}$"));
		Download excel = page.waitForDownload(() -> page.locator("#settlement-export").click());
		assertThat(excel.suggestedFilename()).matches("结算-\\d{4}-\\d{2}\\.xlsx");
		assertThat(cells(Files.readAllBytes(excel.path()))).contains("上海嘉定汽车零部件检测技术有限公司", "云南省", "服务机构兑付合计");
		Download pdf = page.waitForDownload(() -> page.locator("#settlement-pdf").click());
		byte[] pdfBytes = Files.readAllBytes(pdf.path());
		assertThat(new String(pdfBytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(pdfText(pdfBytes)).contains("科技创新券结算单", "按服务机构", "上海嘉定汽车零部件检测技术有限公司");
		signOut();

		signIn("ent-ws");
		page.navigate(url("/settlements"));
		Download mine = page.waitForDownload(() -> page.locator("#settlement-export").click());
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(mine.path())))) {
			assertThat(workbook.getSheet("服务机构").getLastRowNum()).as("only the heading row").isZero();
		}
	}

	private static List<String> cells(byte[] xlsx) throws IOException {
		List<String> cells = new ArrayList<>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						cells.add(cell.toString());
					}
				}
			}
		}
		return cells;
	}

	private static String pdfText(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page));
		}
		return text.toString();
	}
}
