package cn.kejiao.insight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.Money;

/**
 * A report as a workbook: a summary sheet (every kind: received, given and inside the region, count and yuan), the
 * months, the largest flows in and out, and the stocks at the period's end. Numbers are numeric cells with number
 * formats, so they add up in Excel; headers in Chinese.
 */
@Component
class ReportWorkbook {

	/** The first data row of each sheet: the title, the period, a blank line and the header come first. */
	static final int FIRST_ROW = 4;

	private final MessageSource messages;

	ReportWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	byte[] write(ReportContent report) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			summary(workbook, report, styles);
			months(workbook, report, styles);
			if (report.nation()) {
				flows(workbook, report, zh("insight.report.sheet.between"), report.flowsIn(), styles);
			}
			else {
				flows(workbook, report, zh("insight.report.sheet.in"), report.flowsIn(), styles);
				flows(workbook, report, zh("insight.report.sheet.out"), report.flowsOut(), styles);
			}
			stocks(workbook, report, styles);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void summary(XSSFWorkbook workbook, ReportContent report, Styles styles) {
		Sheet sheet = sheet(workbook, report, zh("insight.report.sheet.summary"), styles, "insight.report.col.kind",
				"insight.report.col.servedCount", "insight.report.col.servedValue", "insight.report.col.servingCount",
				"insight.report.col.servingValue", "insight.report.col.insideCount", "insight.report.col.insideValue");
		int r = FIRST_ROW;
		for (ReportContent.Summary row : report.summary()) {
			Row line = sheet.createRow(r++);
			text(line, 0, row.name(), styles);
			amount(line, 1, row.served(), styles);
			amount(line, 3, row.serving(), styles);
			amount(line, 5, row.inside(), styles);
		}
		widths(sheet, 20, 14, 18, 14, 18, 14, 18);
	}

	private void months(XSSFWorkbook workbook, ReportContent report, Styles styles) {
		Sheet sheet = sheet(workbook, report, zh("insight.report.sheet.months"), styles, "insight.report.col.month",
				"insight.report.col.kind", "insight.report.col.servedCount", "insight.report.col.servedValue",
				"insight.report.col.servingCount", "insight.report.col.servingValue");
		int r = FIRST_ROW;
		for (ReportContent.Month row : report.months()) {
			Row line = sheet.createRow(r++);
			text(line, 0, row.month().toString(), styles);
			text(line, 1, row.name(), styles);
			amount(line, 2, row.served(), styles);
			amount(line, 4, row.serving(), styles);
		}
		widths(sheet, 10, 20, 14, 18, 14, 18);
	}

	private void flows(XSSFWorkbook workbook, ReportContent report, String name, List<ReportContent.Flow> flows,
			Styles styles) {
		Sheet sheet = sheet(workbook, report, name, styles, "insight.report.col.kind", "insight.report.col.serving",
				"insight.report.col.served", "insight.report.col.count", "insight.report.col.value");
		int r = FIRST_ROW;
		for (ReportContent.Flow row : flows) {
			Row line = sheet.createRow(r++);
			text(line, 0, row.name(), styles);
			text(line, 1, row.servingName(), styles);
			text(line, 2, row.servedName(), styles);
			amount(line, 3, row.amount(), styles);
		}
		widths(sheet, 20, 28, 28, 14, 18);
	}

	private void stocks(XSSFWorkbook workbook, ReportContent report, Styles styles) {
		Sheet sheet = sheet(workbook, report, zh("insight.report.sheet.stocks"), styles, "insight.report.col.kind",
				"insight.report.col.stock");
		int r = FIRST_ROW;
		for (ReportContent.Stock row : report.stocks()) {
			Row line = sheet.createRow(r++);
			text(line, 0, row.name(), styles);
			number(line, 1, BigDecimal.valueOf(row.count()), styles.count);
		}
		if (report.vouchersHeld() != null) {
			Row line = sheet.createRow(r);
			text(line, 0, zh("insight.report.vouchersHeld"), styles);
			yuan(line, 1, report.vouchersHeld(), styles);
		}
		widths(sheet, 24, 18);
	}

	/** A sheet with the report's title, its period and the column headers (bundle keys) above the data. */
	private Sheet sheet(XSSFWorkbook workbook, ReportContent report, String name, Styles styles, String... columns) {
		Sheet sheet = workbook.createSheet(name);
		cell(sheet.createRow(0), 0, report.title(), styles.title);
		cell(sheet.createRow(1), 0, zh("insight.report.periodLine", report.from().toString(), report.to().toString(),
				ReportPdf.TIME.format(report.generatedAt())), styles.text);
		Row header = sheet.createRow(FIRST_ROW - 1);
		for (int i = 0; i < columns.length; i++) {
			cell(header, i, zh(columns[i]), styles.header);
		}
		sheet.createFreezePane(0, FIRST_ROW);
		return sheet;
	}

	private static void amount(Row line, int column, Amount amount, Styles styles) {
		number(line, column, BigDecimal.valueOf(amount.count()), styles.count);
		yuan(line, column + 1, amount.value(), styles);
	}

	private static void yuan(Row line, int column, @Nullable Money value, Styles styles) {
		number(line, column, value == null ? null : BigDecimal.valueOf(value.fen(), 2), styles.yuan);
	}

	private static void number(Row line, int column, @Nullable BigDecimal value, CellStyle style) {
		Cell cell = line.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(style);
	}

	private static void text(Row line, int column, String value, Styles styles) {
		cell(line, column, value, styles.text);
	}

	private static void cell(Row line, int column, String value, CellStyle style) {
		Cell cell = line.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void widths(Sheet sheet, int... characters) {
		for (int i = 0; i < characters.length; i++) {
			sheet.setColumnWidth(i, characters[i] * 256);
		}
	}

	private String zh(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	/** The cell styles of one workbook. */
	private static final class Styles {

		final CellStyle title;
		final CellStyle header;
		final CellStyle text;
		final CellStyle count;
		final CellStyle yuan;

		Styles(XSSFWorkbook workbook) {
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			Font bold = workbook.createFont();
			bold.setBold(true);
			title = workbook.createCellStyle();
			title.setFont(big);
			header = workbook.createCellStyle();
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			text = workbook.createCellStyle();
			count = workbook.createCellStyle();
			count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			yuan = workbook.createCellStyle();
			yuan.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		}
	}
}
