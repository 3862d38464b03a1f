package cn.kejiao.insight.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.web.Downloads;

/**
 * The tables under the dashboard's charts as workbooks: a title row (region, period), the column names in the
 * reader's language and one row per figure, month, pair or record; counts as numbers, money as yuan numbers with two
 * places, so they add up in a spreadsheet.
 */
@Component
class InsightWorkbook {

	private final MessageSource messages;

	InsightWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<byte[]> figures(DashboardData.Figures figures) {
		return write(name("figures", figures.regionName(), figures.from(), figures.to()), sheet -> {
			int r = heading(sheet, text("insight.dashboard.figuresTitle") + " · " + figures.regionName(), figures.from(),
					figures.to(), "col.group", "col.kind", "col.servedCount", "col.servedValue", "col.servingCount",
					"col.servingValue", "col.insideCount", "col.insideValue", "col.source");
			for (DashboardData.Figure f : figures.figures()) {
				Row row = sheet.row(r++);
				sheet.text(row, 0, f.groupName());
				sheet.text(row, 1, f.name());
				sheet.quantity(row, 2, f.served());
				sheet.quantity(row, 4, f.serving());
				sheet.quantity(row, 6, f.inside());
				sheet.text(row, 8, f.source());
			}
			for (DashboardData.Stock s : figures.stocks()) {
				Row row = sheet.row(r++);
				sheet.text(row, 0, text("insight.dashboard.stocks"));
				sheet.text(row, 1, s.name());
				sheet.number(row, 2, BigDecimal.valueOf(s.count()), false);
			}
			if (figures.vouchersHeld() != null) {
				Row row = sheet.row(r);
				sheet.text(row, 0, text("insight.dashboard.stocks"));
				sheet.text(row, 1, text("insight.dashboard.vouchersHeld"));
				sheet.number(row, 3, new BigDecimal(figures.vouchersHeld()), true);
			}
		});
	}

	ResponseEntity<byte[]> trends(DashboardData.Trends trends) {
		return write(name("trends", trends.regionName(), trends.from(), trends.to()), sheet -> {
			int r = heading(sheet, text("insight.dashboard.trendsTitle") + " · " + trends.regionName(), trends.from(),
					trends.to(), "col.month", "col.kind", "col.servedCount", "col.servedValue", "col.servingCount",
					"col.servingValue");
			for (DashboardData.Month m : trends.rows()) {
				Row row = sheet.row(r++);
				sheet.text(row, 0, m.month());
				sheet.text(row, 1, m.name());
				sheet.quantity(row, 2, m.served());
				sheet.quantity(row, 4, m.serving());
			}
		});
	}

	ResponseEntity<byte[]> flows(DashboardData.Flows flows) {
		return write(name("flows", flows.regionName(), flows.from(), flows.to()), sheet -> {
			int r = heading(sheet, text("insight.dashboard.flowsTitle") + " · " + flows.kindName() + " · "
					+ flows.regionName(), flows.from(), flows.to(), "col.serving", "col.served", "col.count", "col.value");
			for (DashboardData.Pair p : flows.pairs()) {
				Row row = sheet.row(r++);
				sheet.text(row, 0, p.servingName());
				sheet.text(row, 1, p.servedName());
				sheet.number(row, 2, BigDecimal.valueOf(p.count()), false);
				if (p.value() != null) {
					sheet.number(row, 3, new BigDecimal(p.value()), true);
				}
			}
		});
	}

	ResponseEntity<byte[]> rows(String title, String regionName, String from, String to, List<FlowItem> items,
			RegionNames names) {
		return write(name("rows", regionName, from, to), sheet -> {
			int r = heading(sheet, title + " · " + regionName, from, to, "col.reference", "col.title", "col.day",
					"col.servedName", "col.servedRegion", "col.servingName", "col.servingRegion", "col.value");
			for (FlowItem item : items) {
				Row row = sheet.row(r++);
				sheet.text(row, 0, item.reference());
				sheet.text(row, 1, item.title());
				sheet.text(row, 2, item.day().toString());
				sheet.text(row, 3, item.servedName() == null ? "" : item.servedName());
				sheet.text(row, 4, names.name(item.servedRegion()));
				sheet.text(row, 5, item.servingName() == null ? "" : item.servingName());
				sheet.text(row, 6, names.name(item.servingRegion()));
				if (item.value() != null) {
					sheet.number(row, 7, new BigDecimal(item.value().yuan()), true);
				}
			}
		});
	}

	/** A region's name for a code. */
	interface RegionNames {
		String name(String code);
	}

	private int heading(Writer sheet, String title, String from, String to, String... columns) {
		sheet.text(sheet.row(0), 0, title, sheet.bold);
		sheet.text(sheet.row(1), 0, text("insight.dashboard.periodOf", from, to));
		Row header = sheet.row(2);
		for (int i = 0; i < columns.length; i++) {
			sheet.text(header, i, text("insight.dashboard." + columns[i]), sheet.bold);
			sheet.sheet.setColumnWidth(i, (i < 2 ? 22 : 16) * 256);
		}
		sheet.sheet.createFreezePane(0, 3);
		return 3;
	}

	private String name(String table, String region, String from, String to) {
		return text("insight.dashboard.file." + table) + "-" + region.replace(' ', '-') + "-" + from + "-" + to + ".xlsx";
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

	private static ResponseEntity<byte[]> write(String name, java.util.function.Consumer<Writer> content) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			content.accept(new Writer(workbook));
			workbook.write(out);
			return Downloads.file(name, Downloads.XLSX, out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One sheet and its styles. */
	private static final class Writer {

		final Sheet sheet;
		final CellStyle bold;
		final CellStyle count;
		final CellStyle money;

		Writer(XSSFWorkbook workbook) {
			sheet = workbook.createSheet("Kejiao");
			Font font = workbook.createFont();
			font.setBold(true);
			bold = workbook.createCellStyle();
			bold.setFont(font);
			count = workbook.createCellStyle();
			count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		}

		Row row(int index) {
			Row row = sheet.getRow(index);
			return row != null ? row : sheet.createRow(index);
		}

		void text(Row row, int column, String value) {
			row.createCell(column).setCellValue(value);
		}

		void text(Row row, int column, String value, CellStyle style) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(style);
		}

		void number(Row row, int column, BigDecimal value, boolean isMoney) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(isMoney ? money : count);
		}

		/** The count at {@code column} and its money, if any, at the next. */
		void quantity(Row row, int column, DashboardData.Quantity quantity) {
			number(row, column, BigDecimal.valueOf(quantity.count()), false);
			if (quantity.value() != null) {
				number(row, column + 1, new BigDecimal(quantity.value()), true);
			}
		}

	}
}
