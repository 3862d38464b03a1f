package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.Markers;
import cn.kejiao.support.KejiaoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Bulk import as a provider does it, with every kind of bad file, and export that can be imported again. */
@KejiaoIntegrationTest
class CatalogImportTests {

	static final List<String> HEADER = List.of("编号*", "名称*", "简介", "关键词", "价格（元）", "计价单位", "资质", "型号", "生产厂商",
			"购置年份", "所在区域代码");

	@LocalServerPort
	int port;

	@Test
	void theTemplateHasTheChineseHeaders() throws Exception {
		byte[] template = Http.api(port).download("/api/v1/catalog/imports/template?type=instruments");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Row header = workbook.getSheetAt(0).getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("编号*");
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("名称*");
			assertThat(workbook.getSheet("说明")).isNotNull();
		}
	}

	@Test
	void validRowsAreImportedAndTheWrongOnesReportedByRowAndColumn() throws Exception {
		String batch = batch();
		byte[] file = xlsx(List.of(
				row(batch + "-1", "台式扫描电镜" + batch, "120.5", "小时", "CMA", "Phenom XL", "赛默飞", "2021", "310114"),
				row(batch + "-2", "X射线荧光光谱仪" + batch, "300", "样品", "", "ZSX Primus IV", "理学", "2019", ""),
				row(batch + "-3", "激光拉曼光谱仪" + batch, "12.345", "小时", "", "LabRAM", "堀场", "2020", ""),
				row(batch + "-4", "", "100", "小时", "", "M1", "某厂", "2020", ""),
				row(batch + "-5", "紫外可见分光光度计" + batch, "80", "小时", "ISO", "UV-2600i", "岛津", "2030", "999999")));
		JsonNode done = importAndWait("instruments", "VALID_ROWS", true, "仪器.xlsx", file);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("rowsTotal").asInt()).isEqualTo(5);
		assertThat(done.get("rowsImported").asInt()).isEqualTo(2);
		List<String> problems = new ArrayList<>();
		done.get("errors").forEach(e -> problems.add(e.get("row").asInt() + "|" + e.get("column").asString() + "|"
				+ e.get("message").asString()));
		assertThat(problems).contains("4|价格（元）|金额“12.345”无效：应为不小于 0、最多两位小数的数字。", "5|名称|必填项为空。",
				"6|资质|资质“ISO”无效：可填 CMA、CNAS。", "6|购置年份|年份“2030”无效。");
		assertThat(titles("q=" + batch)).containsExactlyInAnyOrder("台式扫描电镜" + batch, "X射线荧光光谱仪" + batch);

		// the same file again updates, it does not add
		byte[] again = xlsx(List.of(
				row(batch + "-1", "台式扫描电镜（升级）" + batch, "150", "小时", "CMA", "Phenom XL G2", "赛默飞", "2021", "310114"),
				row(batch + "-2", "X射线荧光光谱仪" + batch, "300", "样品", "", "ZSX Primus IV", "理学", "2019", "")));
		assertThat(importAndWait("instruments", "VALID_ROWS", true, "仪器.xlsx", again).get("rowsImported").asInt()).isEqualTo(2);
		assertThat(titles("q=" + batch)).containsExactlyInAnyOrder("台式扫描电镜（升级）" + batch, "X射线荧光光谱仪" + batch);
	}

	@Test
	void allOrNothingImportsNothingWhenARowIsWrong() throws Exception {
		String batch = batch();
		byte[] file = xlsx(List.of(row(batch + "-1", "热重分析仪" + batch, "100", "样品", "", "TGA 2", "梅特勒", "2020", ""),
				row(batch + "-2", "差示扫描量热仪" + batch, "abc", "样品", "", "DSC 3", "梅特勒", "2020", "")));
		JsonNode done = importAndWait("instruments", "ALL_OR_NOTHING", true, "all.xlsx", file);
		assertThat(done.get("state").asString()).isEqualTo("REJECTED");
		assertThat(done.get("rowsImported").asInt()).isZero();
		assertThat(done.get("errors").get(0).get("message").asString()).contains("abc");
		assertThat(titles("q=" + batch)).isEmpty();
	}

	@Test
	void aGbkCsvFromChineseExcelIsReadCorrectly() {
		String batch = batch();
		String csv = String.join(",", HEADER) + "\r\n" + batch + "-1,电子万能试验机" + batch + ",拉伸压缩弯曲,力学,200,小时,CMA,CMT5105,美特斯,2018,\r\n";
		JsonNode done = importAndWait("instruments", "VALID_ROWS", true, "仪器.csv", csv.getBytes(Charset.forName("GBK")));
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(titles("q=" + batch)).containsExactly("电子万能试验机" + batch);
	}

	@Test
	void badFilesAreRefusedWithAClearReasonAndChangeNothing() throws Exception {
		String batch = batch();
		String utf8Line = batch + "-1,旋转流变仪" + batch + ",,,100,小时,,MCR 302,安东帕,2019,\r\n";
		String gbkLine = batch + "-2,动态热机械分析仪" + batch + ",,,100,小时,,Q800,TA,2019,\r\n";
		ByteArrayOutputStream mixed = new ByteArrayOutputStream();
		mixed.write((String.join(",", HEADER) + "\r\n").getBytes(StandardCharsets.UTF_8));
		mixed.write(utf8Line.getBytes(StandardCharsets.UTF_8));
		mixed.write(gbkLine.getBytes(Charset.forName("GBK")));
		assertFailed("mixed.csv", mixed.toByteArray(), "import.mixed-encoding");

		assertFailed("photo.xlsx", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0 }, "import.not-spreadsheet");
		assertFailed("broken.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3, 4, 5 }, "import.not-spreadsheet");
		assertFailed("old.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 }, "import.xls");
		assertFailed("bomb.xlsx", zipBomb(), "import.zip-bomb");
		assertFailed("headers.csv", "名字,价钱\r\n甲,1\r\n".getBytes(StandardCharsets.UTF_8), "import.headers");

		StringBuilder huge = new StringBuilder(String.join(",", HEADER)).append("\n");
		for (int i = 0; i < 200_000; i++) {
			huge.append(batch).append('-').append(i).append(",仪器").append(i).append(",,,,,,M,厂,,\n");
		}
		assertFailed("huge.csv", huge.toString().getBytes(StandardCharsets.UTF_8), "import.too-many-rows");

		var tooLarge = Http.as(port, "provider-jd").upload("/api/v1/catalog/imports", Map.of("type", "instruments"),
				"big.xlsx", new byte[21 * 1024 * 1024]);
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.code()).isEqualTo("import.too-large");
		assertThat(titles("q=" + batch)).isEmpty();
	}

	@Test
	void onlyOwnersImportAndOnlyTheyFollowTheirImports() throws Exception {
		byte[] file = xlsx(List.of(row(batch(), "企业不能导入的仪器", "1", "小时", "", "M", "厂", "", "")));
		var enterprise = Http.as(port, "ent-jd").upload("/api/v1/catalog/imports", Map.of("type", "instruments"), "x.xlsx", file);
		assertThat(enterprise.status()).isEqualTo(403);
		var started = Http.as(port, "provider-jd").upload("/api/v1/catalog/imports",
				Map.of("type", "instruments", "mode", "VALID_ROWS"), "x.xlsx", file);
		String id = started.json().get("id").asString();
		assertThat(Http.as(port, "provider-yn").get("/api/v1/catalog/imports/" + id).status()).isEqualTo(404);
		assertThat(Http.api(port).get("/api/v1/catalog/imports/" + id).status()).isEqualTo(401);
	}

	@Test
	void tenThousandRowsImportInTheBackgroundWhileTheRequestReturnsAtOnce() {
		String batch = batch();
		StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\n");
		for (int i = 0; i < 10_000; i++) {
			csv.append(batch).append('-').append(i).append(",高通量测序仪").append(batch).append('-').append(i)
				.append(",测序服务,基因,").append(100 + i % 50).append(",样品,,NovaSeq,Illumina,2021,\n");
		}
		long started = System.nanoTime();
		var accepted = Http.as(port, "provider-yn").upload("/api/v1/catalog/imports",
				Map.of("type", "instruments", "mode", "VALID_ROWS", "publish", "false"), "big.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		JsonNode done = ImportJobs.finished(Http.as(port, "provider-yn"), accepted.json().get("id").asString(), Duration.ofMinutes(4));
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("rowsImported").asInt()).isEqualTo(10_000);
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		System.out.printf("10,000-row import: %d s%n", seconds);
	}

	@Test
	void anExportCanBeImportedAgainAndFormulasAreNeutralised() throws Exception {
		String batch = batch();
		byte[] file = xlsx(List.of(row(batch + "-1", "=HYPERLINK(\"http://x\")" + batch, "10", "小时", "", "@M", "+厂", "", "")));
		importAndWait("instruments", "VALID_ROWS", false, "f.xlsx", file);
		byte[] exported = Http.as(port, "provider-jd").download("/api/v1/catalog/instruments/export");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
			Sheet sheet = workbook.getSheetAt(0);
			boolean found = false;
			for (Row row : sheet) {
				if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(batch + "-1")) {
					found = true;
					assertThat(row.getCell(1).getStringCellValue()).startsWith("'=HYPERLINK");
					assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
				}
			}
			assertThat(found).isTrue();
		}
		JsonNode again = importAndWait("instruments", "VALID_ROWS", false, "export.xlsx", exported);
		assertThat(again.get("state").asString()).isEqualTo("DONE");
		assertThat(again.get("errors").size()).isZero();
	}

	@Test
	void aSearchResultExportsToExcel() throws Exception {
		byte[] exported = Http.api(port).download("/api/v1/catalog/exports?type=instruments&q=" + java.net.URLEncoder.encode(
				"扫描电镜", StandardCharsets.UTF_8) + "&region=310000");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isPositive();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					assertThat(row.getCell(1).getStringCellValue()).containsAnyOf("扫描电子显微镜", "掃描電子顯微鏡");
					assertThat(row.getCell(10).getStringCellValue()).startsWith("31");
				}
			}
		}
	}

	private void assertFailed(String name, byte[] content, String code) {
		JsonNode done = importAndWait("instruments", "VALID_ROWS", true, name, content);
		assertThat(done.get("state").asString()).as(name).isEqualTo("FAILED");
		assertThat(done.get("failureCode").asString()).as(name).isEqualTo(code);
		assertThat(done.get("failureMessage").asString()).as(name).isNotBlank().doesNotContain("error.");
	}

	private JsonNode importAndWait(String type, String mode, boolean publish, String name, byte[] content) {
		Http provider = Http.as(port, "provider-jd");
		var accepted = provider.upload("/api/v1/catalog/imports",
				Map.of("type", type, "mode", mode, "publish", String.valueOf(publish)), name, content);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		return ImportJobs.finished(provider, accepted.json().get("id").asString(), Duration.ofSeconds(60));
	}

	private List<String> titles(String parameters) {
		return Http.as(port, "provider-jd").get("/api/v1/search?size=100&" + parameters).json().get("hits")
			.findValuesAsString("title");
	}

	private static List<String> row(String code, String title, String price, String unit, String accreditation, String model,
			String maker, String year, String region) {
		return List.of(code, title, "", "", price, unit, accreditation, model, maker, year, region);
	}

	private static byte[] xlsx(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("instruments");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADER.size(); i++) {
				header.createCell(i).setCellValue(HEADER.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (!rows.get(r).get(c).isEmpty()) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** A small .xlsx whose sheet inflates to 100 MB of blanks. */
	private static byte[] zipBomb() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] blanks = new byte[1024 * 1024];
			java.util.Arrays.fill(blanks, (byte) ' ');
			for (int i = 0; i < 100; i++) {
				zip.write(blanks);
			}
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static String batch() {
		return "B" + Markers.unique();
	}
}
