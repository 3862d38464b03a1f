package cn.kejiao.voucher.web;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import cn.kejiao.platform.pdf.ChineseFonts;
import cn.kejiao.platform.web.Formats;
import cn.kejiao.region.Regions;
import cn.kejiao.voucher.SettlementView;

/** A settlement statement as a PDF in Chinese: between regions, then by provider. */
@Component
class SettlementPdf {

	private final ChineseFonts fonts;
	private final Regions regions;
	private final Formats formats;

	SettlementPdf(ChineseFonts fonts, Regions regions, Formats formats) {
		this.fonts = fonts;
		this.regions = regions;
		this.formats = formats;
	}

	byte[] write(SettlementView statement, String readerName) {
		Font title = new Font(fonts.font(), 16, Font.BOLD);
		Font text = new Font(fonts.font(), 10);
		Font header = new Font(fonts.font(), 10, Font.BOLD);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 56, 56);
		PdfWriter.getInstance(document, out);
		document.addTitle("科技创新券结算单 " + statement.period());
		document.addCreator("科交 Kejiao");
		document.open();
		document.add(new Paragraph("科技创新券结算单（" + statement.period() + "）", title));
		document.add(new Paragraph(statement.id() == null ? "本期尚未结束：以下为截至目前的预览，以期末结算单为准。"
				: "结算单编号 " + statement.id() + "，结算于 " + formats.datetime(statement.startedAt()), text));
		document.add(new Paragraph("查看人：" + readerName + "　　生成时间：" + formats.datetime(Instant.now()), text));
		document.add(new Paragraph("合计兑付：¥" + statement.total(), header));
		document.add(new Paragraph(" ", text));

		if (!statement.pairs().isEmpty()) {
			document.add(new Paragraph("地区之间（按省级轧差）", header));
			PdfPTable pairs = table(new float[] { 3, 3, 2, 2, 2 }, header, "发券地区", "服务地区", "应付（元）", "对方应付（元）",
					"轧差后应付（元）");
			for (SettlementView.Pair pair : statement.pairs()) {
				cells(pairs, text, regions.fullName(pair.from()), regions.fullName(pair.to()), pair.owed(), pair.owedBack(),
						pair.net());
			}
			document.add(pairs);
			document.add(new Paragraph(" ", text));
		}
		document.add(new Paragraph("按服务机构", header));
		if (statement.lines().isEmpty()) {
			document.add(new Paragraph("本期没有兑付。", text));
		}
		else {
			PdfPTable lines = table(new float[] { 3, 5, 1, 2 }, header, "发券地区", "服务机构", "订单数", "兑付金额（元）");
			for (SettlementView.Line line : statement.lines()) {
				cells(lines, text, regions.fullName(line.issuerRegion()),
						line.providerName() + "（" + regions.fullName(line.providerRegion()) + "）", String.valueOf(line.orders()),
						line.amount());
			}
			document.add(lines);
		}
		document.close();
		return out.toByteArray();
	}

	private static PdfPTable table(float[] widths, Font font, String... headers) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String header : headers) {
			PdfPCell cell = new PdfPCell(new Phrase(header, font));
			cell.setGrayFill(0.92f);
			table.addCell(cell);
		}
		return table;
	}

	private static void cells(PdfPTable table, Font font, String... values) {
		for (String value : values) {
			PdfPCell cell = new PdfPCell(new Phrase(value, font));
			if (value.matches("-?\\d+(\\.\\d{2})?")) {
				cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
			}
			table.addCell(cell);
		}
	}
}
