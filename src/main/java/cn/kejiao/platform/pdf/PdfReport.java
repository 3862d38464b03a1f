package cn.kejiao.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.util.List;

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

/** Writes a simple report as a PDF in Chinese: a title, lines of text and tables with a header row. */
@Component
public class PdfReport {

	/** A table: a heading above it, column headers, relative column widths and rows of cell texts. */
	public record Table(String heading, List<String> headers, float[] widths, List<List<String>> rows, String empty) {
	}

	private final ChineseFonts fonts;

	PdfReport(ChineseFonts fonts) {
		this.fonts = fonts;
	}

	public byte[] write(String title, List<String> lines, List<Table> tables) {
		Font titleFont = new Font(fonts.font(), 16, Font.BOLD);
		Font text = new Font(fonts.font(), 10);
		Font bold = new Font(fonts.font(), 10, Font.BOLD);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 56, 56);
		PdfWriter.getInstance(document, out);
		document.addTitle(title);
		document.addCreator("科交 Kejiao");
		document.open();
		document.add(new Paragraph(title, titleFont));
		for (String line : lines) {
			document.add(new Paragraph(line, text));
		}
		for (Table table : tables) {
			document.add(new Paragraph(" ", text));
			document.add(new Paragraph(table.heading(), bold));
			if (table.rows().isEmpty()) {
				document.add(new Paragraph(table.empty(), text));
				continue;
			}
			PdfPTable pdfTable = new PdfPTable(table.widths());
			pdfTable.setWidthPercentage(100);
			pdfTable.setHeaderRows(1);
			for (String header : table.headers()) {
				PdfPCell cell = new PdfPCell(new Phrase(header, bold));
				cell.setGrayFill(0.92f);
				pdfTable.addCell(cell);
			}
			for (List<String> row : table.rows()) {
				for (String value : row) {
					PdfPCell cell = new PdfPCell(new Phrase(value, text));
					if (value.matches("-?\\d+(\\.\\d{2})?")) {
						cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
					}
					pdfTable.addCell(cell);
				}
			}
			document.add(pdfTable);
		}
		document.close();
		return out.toByteArray();
	}
}
