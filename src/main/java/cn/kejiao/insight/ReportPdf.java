package cn.kejiao.insight;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.pdf.PdfReport;

/**
 * A report as a PDF in Chinese, written with the font shipped in the application ({@link PdfReport}), so a server
 * with no fonts of its own writes it: the title, the period, the summary of every kind, the months, the largest
 * flows and the stocks at the period's end.
 */
@Component
class ReportPdf {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PdfReport pdf;
	private final MessageSource messages;

	ReportPdf(PdfReport pdf, MessageSource messages) {
		this.pdf = pdf;
		this.messages = messages;
	}

	byte[] write(ReportContent report) {
		List<String> lines = List.of(
				zh("insight.report.periodLine", report.from().toString(), report.to().toString(),
						TIME.format(report.generatedAt())),
				zh("insight.report.units"));
		List<PdfReport.Table> tables = new ArrayList<>();
		tables.add(new PdfReport.Table(zh("insight.report.sheet.summary"),
				headers("insight.report.col.kind", "insight.report.col.servedCount", "insight.report.col.servedValue",
						"insight.report.col.servingCount", "insight.report.col.servingValue",
						"insight.report.col.insideCount", "insight.report.col.insideValue"),
				new float[] { 3, 2, 3, 2, 3, 2, 3 },
				report.summary().stream().map(row -> List.of(row.name(), ReportContent.count(row.served().count()),
						ReportContent.money(row.served().value()), ReportContent.count(row.serving().count()),
						ReportContent.money(row.serving().value()), ReportContent.count(row.inside().count()),
						ReportContent.money(row.inside().value()))).toList(),
				zh("insight.report.none")));
		tables.add(new PdfReport.Table(zh("insight.report.sheet.months"),
				headers("insight.report.col.month", "insight.report.col.kind", "insight.report.col.servedCount",
						"insight.report.col.servedValue", "insight.report.col.servingCount",
						"insight.report.col.servingValue"),
				new float[] { 2, 3, 2, 3, 2, 3 },
				report.months().stream().map(row -> List.of(row.month().toString(), row.name(),
						ReportContent.count(row.served().count()), ReportContent.money(row.served().value()),
						ReportContent.count(row.serving().count()), ReportContent.money(row.serving().value()))).toList(),
				zh("insight.report.none")));
		if (report.nation()) {
			tables.add(flows(zh("insight.report.sheet.between"), report.flowsIn()));
		}
		else {
			tables.add(flows(zh("insight.report.sheet.in"), report.flowsIn()));
			tables.add(flows(zh("insight.report.sheet.out"), report.flowsOut()));
		}
		List<List<String>> stocks = new ArrayList<>(report.stocks().stream()
			.map(row -> List.of(row.name(), ReportContent.count(row.count()))).toList());
		if (report.vouchersHeld() != null) {
			stocks.add(List.of(zh("insight.report.vouchersHeld"), ReportContent.money(report.vouchersHeld())));
		}
		tables.add(new PdfReport.Table(zh("insight.report.sheet.stocks"),
				headers("insight.report.col.kind", "insight.report.col.stock"), new float[] { 3, 2 }, stocks,
				zh("insight.report.none")));
		return pdf.write(report.title(), lines, tables);
	}

	private PdfReport.Table flows(String heading, List<ReportContent.Flow> flows) {
		return new PdfReport.Table(heading,
				headers("insight.report.col.kind", "insight.report.col.serving", "insight.report.col.served",
						"insight.report.col.count", "insight.report.col.value"),
				new float[] { 3, 4, 4, 2, 3 },
				flows.stream().map(row -> List.of(row.name(), row.servingName(), row.servedName(),
						ReportContent.count(row.amount().count()), ReportContent.money(row.amount().value()))).toList(),
				zh("insight.report.noFlows"));
	}

	private List<String> headers(String... keys) {
		return java.util.Arrays.stream(keys).map(this::zh).toList();
	}

	private String zh(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}
}
