package cn.kejiao.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.insight.InsightFigures;
import cn.kejiao.insight.InsightKind;
import cn.kejiao.insight.InsightReadModel;
import cn.kejiao.insight.KindFigures;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/**
 * The dashboard pages: the full dashboard for the admins who govern the region, the public summary for everyone
 * else (no money of single organisations, no rows, no downloads), workbooks that are real xlsx files with the figures,
 * and the map shapes bundled with a region code for every province and the prefectures of 云南.
 */
@KejiaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightPagesTests {

	@Autowired
	Personas personas;

	@Autowired
	InsightReadModel readModel;

	@Autowired
	InsightFigures insightFigures;

	@Autowired
	MapShapes shapes;

	@Autowired
	Regions regions;

	@BeforeAll
	void readModelIsCurrent() {
		readModel.refresh();
	}

	@Test
	void theAdminsSeeTheirDashboardAndThePublicASummary() {
		Http admin = personas.browser("yn-admin");
		admin.get("/insight");
		long started = System.nanoTime();
		Http.Response yunnan = admin.get("/insight");
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("insight dashboard of 云南省 rendered in " + millis + " ms");
		assertThat(yunnan.status()).isEqualTo(200);
		assertThat(yunnan.body()).contains("云南省 科技资源流动看板", "id=\"insight-map\"", "id=\"insight-sankey\"",
				"id=\"flows-table\"", "id=\"download-figures\"", "/insight/regions/530000/drill?figure=ORDERS", "上海市",
				"服务订单", "voucher.OrderFlows");
		assertThat(millis).as("the dashboard renders in under a second, once warm").isLessThan(1_000);
		Http.Response nation = personas.browser("admin").get("/insight");
		assertThat(nation.status()).isEqualTo(200);
		assertThat(nation.body()).contains("全国 科技资源流动看板", "id=\"insight-map\"");
		Http.Response wenshan = personas.browser("ws-admin").get("/insight");
		assertThat(wenshan.body()).contains("文山壮族苗族自治州 科技资源流动看板", "id=\"insight-map\"");

		Http.Response visitor = Http.browser(personas.port()).get("/insight");
		assertThat(visitor.status()).isEqualTo(200);
		assertThat(visitor.body()).contains("全国 科技资源流动看板", "公开摘要", "服务订单")
			.doesNotContain("id=\"insight-map\"", "/drill", ".xlsx", "voucher.OrderFlows");
		Http.Response province = Http.browser(personas.port()).get("/insight/regions/530000");
		assertThat(province.status()).isEqualTo(200);
		assertThat(province.body()).contains("云南省 科技资源流动看板").doesNotContain("/drill", ".xlsx");
		assertThat(Http.browser(personas.port()).get("/insight/regions/532601").location())
			.as("the public reads nothing finer than a prefecture").endsWith("/insight/regions/532600");
		Http.Response outside = personas.browser("ws-admin").get("/insight/regions/310000");
		assertThat(outside.status()).isEqualTo(200);
		assertThat(outside.body()).contains("公开摘要").doesNotContain("/drill", ".xlsx");
		assertThat(Http.browser(personas.port()).get("/insight/regions/530000/figures.xlsx").status())
			.as("no download for a visitor").isIn(302, 401, 403);
	}

	@Test
	void theWorkbooksAreRealSpreadsheetsWithTheFigures() throws IOException {
		Http yunnan = personas.browser("yn-admin");
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		LocalDate from = today.withDayOfYear(1);
		Map<String, Double> counts = new HashMap<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
				yunnan.download("/insight/regions/530000/figures.xlsx")))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("云南省");
			for (Row row : sheet) {
				if (row.getRowNum() >= 3 && row.getCell(2) != null && row.getCell(1) != null) {
					counts.put(row.getCell(1).getStringCellValue(), row.getCell(2).getNumericCellValue());
				}
			}
		}
		KindFigures orders = insightFigures.figures("530000", from, today).stream()
			.filter(f -> f.kind() == InsightKind.ORDERS).findFirst().orElseThrow();
		assertThat(counts.get("服务订单")).isEqualTo((double) orders.served().count());
		for (String file : new String[] { "trends.xlsx", "flows.xlsx?kind=ORDERS&level=province" }) {
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
					yunnan.download("/insight/regions/530000/" + file)))) {
				assertThat(book.getSheetAt(0).getLastRowNum()).as(file).isGreaterThanOrEqualTo(3);
			}
		}
		Http.Response drill = yunnan.get("/insight/regions/530000/drill?figure=ORDERS&side=served&serving=310000");
		assertThat(drill.status()).isEqualTo(200);
		assertThat(drill.body()).contains("服务订单 明细").containsAnyOf("drill-table", "暂时无法列出");
	}

	@Test
	void everyProvinceHasAShapeAndTheShapesOfYunnanNameItsPrefectures() {
		Map<String, String> provinces = shapes.provinces();
		assertThat(provinces.values()).containsExactlyInAnyOrderElementsOf(
				regions.provinces().stream().map(RegionView::code).toList());
		assertThat(provinces).containsEntry("云南", "530000").containsEntry("上海", "310000")
			.containsEntry("内蒙古", "150000").containsEntry("广西", "450000").containsEntry("新疆", "650000");
		assertThat(provinces.keySet()).doesNotContain("台湾", "香港", "澳门");
		for (RegionView province : regions.provinces()) {
			assertThat(shapes.exists(province.code())).as(province.name()).isTrue();
			assertThat(shapes.prefectures(province.code())).as(province.name()).isNotEmpty();
		}
		Map<String, String> yunnan = shapes.prefectures("530000");
		assertThat(yunnan).containsEntry("文山壮族苗族自治州", "532600").containsEntry("昆明市", "530100").hasSize(16);
		assertThat(Set.copyOf(yunnan.values())).hasSize(16);
		assertThat(shapes.prefectures("310000")).containsEntry("嘉定区", "310114");
	}
}
