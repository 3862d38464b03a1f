package cn.kejiao.booking.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.kejiao.booking.SharingReport;
import cn.kejiao.booking.SharingReport.InstrumentFigures;
import cn.kejiao.booking.SharingReport.OrganisationFigures;
import cn.kejiao.booking.SharingReport.Sum;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.web.Downloads;

/**
 * The sharing figures as a workbook a region hands in: a title row (the region and the period), the columns in
 * Chinese as the evaluation's forms name them, one row per instrument and a total row, with number formats (original
 * value in 万元, hours and yuan with two places, the sharing rate as a percentage, the revenue ratio with four
 * places); a second sheet per owner organisation. Written once for the API and the page.
 */
@Component
class SharingWorkbook {

	static final String[] INSTRUMENT_COLUMNS = { "仪器名称", "所属单位", "所在地区", "原值（万元）", "有效使用机时", "对外服务机时", "共享率",
			"校内收入", "对外收入", "收入比", "低使用率标记" };

	static final String[] ORGANISATION_COLUMNS = { "单位名称", "仪器台数", "原值（万元）", "有效使用机时", "对外服务机时", "共享率", "校内收入",
			"对外收入", "收入比", "低使用率仪器数" };

	static final String LOW_USE = "低使用率";

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	ResponseEntity<byte[]> download(SharingReport report) {
		String name = "大型仪器共享情况-" + report.regionName().replace(' ', '-') + "-" + report.from() + "至" + report.to()
				+ ".xlsx";
		return Downloads.file(name, Downloads.XLSX, write(report));
	}

	byte[] write(SharingReport report) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			instruments(workbook.createSheet("仪器共享情况"), report, styles);
			organisations(workbook.createSheet("按单位汇总"), report, styles);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void instruments(Sheet sheet, SharingReport report, Styles styles) {
		int r = heading(sheet, report, "大型科研仪器开放共享情况", INSTRUMENT_COLUMNS, styles);
		for (InstrumentFigures row : report.instruments()) {
			Row line = sheet.createRow(r++);
			text(line, 0, row.title(), styles.text);
			text(line, 1, row.ownerOrgName(), styles.text);
			text(line, 2, row.regionName(), styles.text);
			wan(line, 3, row.originalValue(), styles.amount);
			number(line, 4, row.effectiveHours(), styles.amount);
			number(line, 5, row.externalHours(), styles.amount);
			number(line, 6, row.sharingRate(), styles.percent);
			yuan(line, 7, row.internalIncome(), styles.amount);
			yuan(line, 8, row.externalIncome(), styles.amount);
			number(line, 9, row.revenueRatio(), styles.ratio);
			text(line, 10, row.lowUse() ? LOW_USE : "", row.lowUse() ? styles.flag : styles.text);
		}
		Sum total = report.total();
		Row line = sheet.createRow(r);
		text(line, 0, "合计", styles.total);
		text(line, 1, total.instruments() + " 台", styles.total);
		text(line, 2, "", styles.total);
		sums(line, 3, total, styles);
		text(line, 10, total.lowUse() == 0 ? "" : total.lowUse() + " 台", styles.total);
		widths(sheet, 30, 28, 18, 12, 12, 12, 10, 14, 14, 10, 12);
	}

	private static void organisations(Sheet sheet, SharingReport report, Styles styles) {
		int r = heading(sheet, report, "大型科研仪器开放共享情况（按单位）", ORGANISATION_COLUMNS, styles);
		for (OrganisationFigures organisation : report.organisations()) {
			Row line = sheet.createRow(r++);
			text(line, 0, organisation.name(), styles.text);
			number(line, 1, BigDecimal.valueOf(organisation.figures().instruments()), styles.count);
			sums(line, 2, organisation.figures(), styles);
			number(line, 9, BigDecimal.valueOf(organisation.figures().lowUse()), styles.count);
		}
		Row line = sheet.createRow(r);
		text(line, 0, "合计", styles.total);
		number(line, 1, BigDecimal.valueOf(report.total().instruments()), styles.count);
		sums(line, 2, report.total(), styles);
		number(line, 9, BigDecimal.valueOf(report.total().lowUse()), styles.count);
		widths(sheet, 30, 10, 12, 12, 12, 10, 14, 14, 10, 14);
	}

	/** The title, the period and units, and the column names; the index of the first data row. */
	private static int heading(Sheet sheet, SharingReport report, String title, String[] columns, Styles styles) {
		text(sheet.createRow(0), 0, report.regionName() + " " + title, styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.length - 1));
		text(sheet.createRow(1), 0, "统计期间：" + report.from() + " 至 " + report.to() + "　　机时单位：小时　　金额单位：元"
				+ "　　低使用率：有效使用机时低于本地区仪器中位数（" + report.medianHours().toPlainString() + " 小时）的 "
				+ report.lowUseShare().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%", styles.text);
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.length - 1));
		Row header = sheet.createRow(2);
		for (int i = 0; i < columns.length; i++) {
			text(header, i, columns[i], styles.header);
		}
		sheet.createFreezePane(1, 3);
		return 3;
	}

	/** Original value, hours, rate, incomes and ratio of a sum, from column {@code first} on. */
	private static void sums(Row line, int first, Sum sum, Styles styles) {
		wan(line, first, sum.originalValue(), styles.totalAmount);
		number(line, first + 1, sum.effectiveHours(), styles.totalAmount);
		number(line, first + 2, sum.externalHours(), styles.totalAmount);
		number(line, first + 3, sum.sharingRate(), styles.percent);
		yuan(line, first + 4, sum.internalIncome(), styles.totalAmount);
		yuan(line, first + 5, sum.externalIncome(), styles.totalAmount);
		number(line, first + 6, sum.revenueRatio(), styles.ratio);
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void number(Row row, int column, @Nullable BigDecimal value, CellStyle style) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(style);
	}

	private static void yuan(Row row, int column, Money value, CellStyle style) {
		number(row, column, BigDecimal.valueOf(value.fen()).movePointLeft(2), style);
	}

	private static void wan(Row row, int column, @Nullable Money value, CellStyle style) {
		number(row, column, value == null ? null : BigDecimal.valueOf(value.fen()).movePointLeft(2).divide(TEN_THOUSAND),
				style);
	}

	private static void widths(Sheet sheet, int... characters) {
		for (int i = 0; i < characters.length; i++) {
			sheet.setColumnWidth(i, characters[i] * 256);
		}
	}

	/** The cell styles of one workbook (POI keeps styles per workbook). */
	private static final class Styles {

		final CellStyle title;
		final CellStyle header;
		final CellStyle text;
		final CellStyle flag;
		final CellStyle total;
		final CellStyle amount;
		final CellStyle totalAmount;
		final CellStyle count;
		final CellStyle percent;
		final CellStyle ratio;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			Font red = workbook.createFont();
			red.setColor(IndexedColors.DARK_RED.getIndex());
			red.setBold(true);
			title = workbook.createCellStyle();
			title.setFont(big);
			title.setAlignment(HorizontalAlignment.CENTER);
			header = bordered(workbook);
			header.setFont(bold);
			header.setWrapText(true);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			text = bordered(workbook);
			flag = bordered(workbook);
			flag.setFont(red);
			total = bordered(workbook);
			total.setFont(bold);
			amount = formatted(workbook, "#,##0.00");
			totalAmount = formatted(workbook, "#,##0.00");
			totalAmount.setFont(bold);
			count = formatted(workbook, "#,##0");
			percent = formatted(workbook, "0.00%");
			ratio = formatted(workbook, "0.0000");
		}

		private static CellStyle bordered(XSSFWorkbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}

		private static CellStyle formatted(XSSFWorkbook workbook, String format) {
			CellStyle style = bordered(workbook);
			style.setDataFormat(workbook.createDataFormat().getFormat(format));
			return style;
		}
	}
}
