package cn.kejiao.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an import file (and of an export, so that an exported file can be imported again):
 * Chinese headers, what each holds and where it goes. Headers marked * are required.
 */
final class ImportColumns {

	enum Kind {
		TEXT, DECIMAL, PRICE_UNIT, ACCREDITATION, MATURITY, CONFIDENTIALITY, REGION,
		/** one of the type's own attributes, checked by {@link EntryDetails} */
		DETAIL
	}

	/** One column: its header, the value's kind, whether required, and the form field or details key it fills. */
	record Column(String header, Kind kind, boolean required, String target, int maxLength) {

		boolean isDetail() {
			return target.startsWith("details.");
		}

		String detailKey() {
			return target.substring("details.".length());
		}
	}

	/** A problem with one cell; the message comes from the bundles as {@code error.import.<code>}. */
	record RowError(int row, String column, String code, List<String> args) {
	}

	static final List<Column> COMMON = List.of(
			new Column("编号", Kind.TEXT, true, "externalCode", 64),
			new Column("名称", Kind.TEXT, true, "title", 300),
			new Column("简介", Kind.TEXT, false, "summary", 20000),
			new Column("关键词", Kind.TEXT, false, "keywords", 1000),
			new Column("类别", Kind.TEXT, false, "category", 100),
			new Column("价格（元）", Kind.DECIMAL, false, "price", 20),
			new Column("计价单位", Kind.PRICE_UNIT, false, "priceUnit", 10),
			new Column("资质", Kind.ACCREDITATION, false, "accreditations", 20),
			new Column("成熟度", Kind.MATURITY, false, "maturity", 10),
			new Column("公开范围", Kind.CONFIDENTIALITY, false, "confidentiality", 10),
			new Column("所在区域代码", Kind.REGION, false, "regionCode", 6));

	static final Map<String, String> PRICE_UNITS = Map.of("小时", "HOUR", "样品", "SAMPLE", "项", "ITEM", "总价", "TOTAL",
			"HOUR", "HOUR", "SAMPLE", "SAMPLE", "ITEM", "ITEM", "TOTAL", "TOTAL");
	static final Map<String, String> MATURITIES = Map.of("实验室", "LAB", "实验室阶段", "LAB", "中试", "PILOT", "中试阶段", "PILOT",
			"产业化", "INDUSTRIAL", "产业化阶段", "INDUSTRIAL", "LAB", "LAB", "PILOT", "PILOT", "INDUSTRIAL", "INDUSTRIAL");
	static final Map<String, Confidentiality> CONFIDENTIALITIES = Map.of("公开", Confidentiality.PUBLIC, "合作区",
			Confidentiality.ZONE, "需申请", Confidentiality.ON_REQUEST, "PUBLIC", Confidentiality.PUBLIC, "ZONE",
			Confidentiality.ZONE, "ON_REQUEST", Confidentiality.ON_REQUEST);

	private ImportColumns() {
	}

	static List<Column> of(EntryType type) {
		List<Column> columns = new ArrayList<>(COMMON);
		EntryDetails.of(type).forEach(field -> columns.add(new Column(field.header(), Kind.DETAIL, false,
				"details." + field.key(), field.maxLength())));
		return columns;
	}

	static List<String> headers(EntryType type) {
		return of(type).stream().map(c -> c.required() ? c.header() + "*" : c.header()).toList();
	}

	/** Maps the file's header row to columns; the problems name missing required and unknown headers. */
	static Map<Integer, Column> bind(EntryType type, List<String> headerRow, List<String> problems) {
		Map<String, Column> byHeader = new LinkedHashMap<>();
		of(type).forEach(c -> byHeader.put(c.header(), c));
		Map<Integer, Column> bound = new LinkedHashMap<>();
		for (int i = 0; i < headerRow.size(); i++) {
			String header = clean(headerRow.get(i)).replace("*", "").replace("(", "（").replace(")", "）");
			if (header.isEmpty()) {
				continue;
			}
			Column column = byHeader.get(header);
			if (column == null) {
				problems.add("unknown:" + headerRow.get(i).strip());
			}
			else {
				bound.put(i, column);
			}
		}
		for (Column column : of(type)) {
			if (column.required() && !bound.containsValue(column)) {
				problems.add("missing:" + column.header());
			}
		}
		return bound;
	}

	/** Turns one row into a form, or adds the row's problems to {@code errors} and returns null. */
	static EntryForm parse(EntryType type, int rowNumber, List<String> cells, Map<Integer, Column> bound, List<RowError> errors) {
		Map<String, Object> fields = new LinkedHashMap<>();
		Map<String, Object> details = new LinkedHashMap<>();
		int before = errors.size();
		for (Map.Entry<Integer, Column> entry : bound.entrySet()) {
			Column column = entry.getValue();
			String raw = entry.getKey() < cells.size() ? clean(cells.get(entry.getKey())) : "";
			if (raw.isEmpty()) {
				if (column.required()) {
					errors.add(new RowError(rowNumber, column.header(), "required", List.of()));
				}
				continue;
			}
			if (raw.length() > column.maxLength()) {
				errors.add(new RowError(rowNumber, column.header(), "too-long", List.of(String.valueOf(column.maxLength()))));
				continue;
			}
			if (column.isDetail()) {
				details.put(column.detailKey(), raw);
				continue;
			}
			Object value = convert(rowNumber, column, raw, errors);
			if (value != null) {
				fields.put(column.target(), value);
			}
		}
		List<EntryDetails.Problem> problems = new ArrayList<>();
		details = EntryDetails.normalise(type, details, problems);
		problems.forEach(p -> errors.add(new RowError(rowNumber, p.field().header(), p.code(), p.args())));
		if (errors.size() > before) {
			return null;
		}
		@SuppressWarnings("unchecked")
		Set<String> accreditations = (Set<String>) fields.get("accreditations");
		return new EntryForm((String) fields.get("externalCode"), (String) fields.get("title"), (String) fields.get("summary"),
				(String) fields.get("keywords"), (String) fields.get("category"), (BigDecimal) fields.get("price"),
				(String) fields.get("priceUnit"), accreditations, (String) fields.get("maturity"),
				(Confidentiality) fields.get("confidentiality"), (String) fields.get("regionCode"), details);
	}

	private static Object convert(int row, Column column, String raw, List<RowError> errors) {
		try {
			return switch (column.kind()) {
				case TEXT, DETAIL -> raw;
				case DECIMAL -> {
					BigDecimal value = EntryDetails.yuan(raw);
					if (value == null) {
						errors.add(new RowError(row, column.header(), "amount", List.of(raw)));
					}
					yield value;
				}
				case PRICE_UNIT -> choose(row, column, raw, PRICE_UNITS, errors);
				case MATURITY -> choose(row, column, raw, MATURITIES, errors);
				case CONFIDENTIALITY -> choose(row, column, raw, CONFIDENTIALITIES, errors);
				case ACCREDITATION -> {
					Set<String> values = new LinkedHashSet<>();
					for (String part : raw.toUpperCase().split("[,，、/\\s]+")) {
						if (!part.equals("CMA") && !part.equals("CNAS")) {
							errors.add(new RowError(row, column.header(), "accreditation", List.of(raw)));
							yield null;
						}
						values.add(part);
					}
					yield values;
				}
				case REGION -> {
					String code = stripDecimalZero(raw);
					if (!code.matches("[1-9]\\d{5}")) {
						errors.add(new RowError(row, column.header(), "region", List.of(raw)));
						yield null;
					}
					yield code;
				}
			};
		}
		catch (NumberFormatException | ArithmeticException ex) {
			errors.add(new RowError(row, column.header(), "number", List.of(raw)));
			return null;
		}
	}

	private static <T> T choose(int row, Column column, String raw, Map<String, T> choices, List<RowError> errors) {
		T value = choices.get(raw);
		if (value == null) {
			errors.add(new RowError(row, column.header(), "choice",
					List.of(raw, String.join("、", choices.keySet().stream().filter(k -> !k.matches("[A-Z_]+")).sorted().toList()))));
		}
		return value;
	}

	/** Excel hands whole numbers over as "2019.0". */
	private static String stripDecimalZero(String raw) {
		return raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw;
	}

	static String clean(String cell) {
		return cell == null ? "" : cell.replace('\u00a0', ' ').replace("\ufeff", "").strip();
	}

	/** The values of an entry in column order, for export; formula-like text is neutralised. */
	static List<String> values(EntryType type, EntryView entry) {
		List<String> values = new ArrayList<>();
		for (Column column : of(type)) {
			Object value = switch (column.target()) {
				case "externalCode" -> entry.externalCode();
				case "title" -> entry.title();
				case "summary" -> entry.summary();
				case "keywords" -> String.join("、", entry.keywords());
				case "category" -> entry.category();
				case "price" -> entry.price() == null ? "" : entry.price().toPlainString();
				case "priceUnit" -> entry.priceUnit() == null ? "" : entry.priceUnit();
				case "accreditations" -> String.join(" ", entry.accreditations());
				case "maturity" -> entry.maturity() == null ? "" : entry.maturity();
				case "confidentiality" -> entry.confidentiality().name();
				case "regionCode" -> entry.regionCode();
				default -> EntryDetails.text(EntryDetails.of(type).stream()
					.filter(f -> f.key().equals(column.detailKey())).findFirst().orElseThrow(),
						entry.details().get(column.detailKey()));
			};
			values.add(neutralise(String.valueOf(value)));
		}
		return values;
	}

	/** A cell that begins with = + - @ (or a tab or carriage return) could run as a formula: prefix it with '. */
	static String neutralise(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	static List<String> split(String text) {
		return Arrays.stream(text.split("[；;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
