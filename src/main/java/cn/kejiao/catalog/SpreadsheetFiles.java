package cn.kejiao.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import cn.kejiao.platform.KejiaoException;

/**
 * Reads the rows of an uploaded .xlsx (streamed, so a huge sheet is refused before it fills the memory;
 * POI's zip-bomb guard stays on) or .csv (UTF-8 with or without BOM, or GBK as saved by Chinese Excel;
 * a file mixing both is refused rather than half garbled).
 */
final class SpreadsheetFiles {

	static final Charset GBK = Charset.forName("GBK");

	private SpreadsheetFiles() {
	}

	/** All rows, the header first; each row its cells as text. */
	static List<List<String>> read(String fileName, byte[] content, int maxRows) {
		if (content.length == 0) {
			throw KejiaoException.invalid("import.empty");
		}
		if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
			return xlsx(content, maxRows);
		}
		if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw KejiaoException.invalid("import.xls");
		}
		String lower = fileName.toLowerCase();
		if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
			return csv(content, maxRows);
		}
		throw KejiaoException.invalid("import.not-spreadsheet", fileName);
	}

	private static List<List<String>> xlsx(byte[] content, int maxRows) {
		List<List<String>> rows = new ArrayList<>();
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw KejiaoException.invalid("import.empty");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new XSSFSheetXMLHandler.SheetContentsHandler() {
					List<String> current;

					@Override
					public void startRow(int rowNum) {
						if (rowNum >= maxRows + 1) {
							throw new TooManyRows();
						}
						while (rows.size() < rowNum) {
							rows.add(new ArrayList<>());
						}
						current = new ArrayList<>();
					}

					@Override
					public void endRow(int rowNum) {
						rows.add(current);
					}

					@Override
					public void cell(String reference, String value, XSSFComment comment) {
						int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
						while (current.size() < column) {
							current.add("");
						}
						current.add(value == null ? "" : value);
					}
				}, new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (TooManyRows ex) {
			throw KejiaoException.invalid("import.too-many-rows", maxRows);
		}
		catch (KejiaoException ex) {
			throw ex;
		}
		catch (IOException | SAXException | ParserConfigurationException | org.apache.poi.openxml4j.exceptions.OpenXML4JException
				| RuntimeException ex) {
			String message = String.valueOf(ex.getMessage()) + (ex.getCause() == null ? "" : ex.getCause().getMessage());
			if (message.toLowerCase().contains("zip bomb") || message.contains("inflate ratio")
					|| message.contains("exceed")) {
				throw KejiaoException.invalid("import.zip-bomb");
			}
			throw KejiaoException.invalid("import.not-spreadsheet", "xlsx");
		}
		trimEmptyRows(rows);
		return rows;
	}

	private static List<List<String>> csv(byte[] content, int maxRows) {
		String text = decode(content);
		List<List<String>> rows = new ArrayList<>();
		try {
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
				if (rows.size() > maxRows) {
					throw KejiaoException.invalid("import.too-many-rows", maxRows);
				}
				List<String> row = new ArrayList<>();
				record.forEach(row::add);
				rows.add(row);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw KejiaoException.invalid("import.csv-malformed");
		}
		trimEmptyRows(rows);
		return rows;
	}

	/** UTF-8 (BOM optional) if the whole file is valid UTF-8; GBK if no line is UTF-8 Chinese; else refused. */
	static String decode(byte[] content) {
		int offset = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
		try {
			return strict(StandardCharsets.UTF_8).decode(bytes).toString();
		}
		catch (CharacterCodingException notUtf8) {
			// some lines may be UTF-8 Chinese and others GBK: look line by line
			boolean utf8Chinese = false;
			int start = offset;
			for (int i = offset; i <= content.length; i++) {
				if (i == content.length || content[i] == '\n') {
					ByteBuffer line = ByteBuffer.wrap(content, start, i - start);
					boolean nonAscii = false;
					for (int j = start; j < i; j++) {
						nonAscii |= content[j] < 0;
					}
					if (nonAscii) {
						try {
							strict(StandardCharsets.UTF_8).decode(line);
							utf8Chinese = true;
						}
						catch (CharacterCodingException ignored) {
							// a GBK line
						}
					}
					start = i + 1;
				}
			}
			if (utf8Chinese) {
				throw KejiaoException.invalid("import.mixed-encoding");
			}
			try {
				return strict(GBK).decode(ByteBuffer.wrap(content)).toString();
			}
			catch (CharacterCodingException notGbk) {
				throw KejiaoException.invalid("import.encoding");
			}
		}
	}

	private static java.nio.charset.CharsetDecoder strict(Charset charset) {
		return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static void trimEmptyRows(List<List<String>> rows) {
		rows.removeIf(row -> row.stream().allMatch(cell -> cell == null || cell.isBlank()));
	}

	private static boolean startsWith(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super(null, null, false, false);
		}
	}

}
