package cn.kejiao.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The attributes an entry type has beyond the common ones (an instrument's model and booking mode, an
 * achievement's patents and transfer modes, ...): one definition used by the API, the owner's form, the
 * import and the export, so that each accepts the same values and stores them the same way.
 */
public final class EntryDetails {

	enum Kind {
		TEXT, LIST, DECIMAL, INTEGER, YEAR, TRL, YES_NO, BOOKING_MODE, TRANSFER_MODES, PATENTS, INSTRUMENT_CODES
	}

	/** One attribute: its key in the details document, its header in import files, its kind and length. */
	record Field(String key, String header, Kind kind, int maxLength) {
	}

	/** A value that could not be taken; the message is {@code error.import.row.<code>} with {@code args}. */
	record Problem(Field field, String code, List<String> args) {
	}

	/** How an instrument is booked: confirmed at once, or after the owner approves. */
	public static final String AUTO = "AUTO";

	public static final String APPROVAL = "APPROVAL";

	static final Map<String, String> BOOKING_MODES = Map.of("自动审批", AUTO, "自动确认", AUTO, "自动", AUTO, "机主审核", APPROVAL,
			"需审核", APPROVAL, "审核", APPROVAL, AUTO, AUTO, APPROVAL, APPROVAL);

	static final Map<String, String> TRANSFER_MODES = Map.ofEntries(Map.entry("转让", "TRANSFER"),
			Map.entry("技术转让", "TRANSFER"), Map.entry("许可", "LICENCE"), Map.entry("技术许可", "LICENCE"),
			Map.entry("作价入股", "EQUITY"), Map.entry("入股", "EQUITY"), Map.entry("合作开发", "JOINT"),
			Map.entry("TRANSFER", "TRANSFER"), Map.entry("LICENCE", "LICENCE"), Map.entry("EQUITY", "EQUITY"),
			Map.entry("JOINT", "JOINT"));

	static final Map<String, String> PATENT_TYPES = Map.of("发明", "INVENTION", "实用新型", "UTILITY", "外观设计", "DESIGN");

	static final Map<String, String> PATENT_STATUSES = Map.of("授权", "GRANTED", "申请", "PENDING", "受理", "PENDING",
			"实审", "PENDING", "失效", "LAPSED", "终止", "LAPSED");

	/** A Chinese patent or application number: ZL/CN, 8 or 12 digits, a check digit after the point. */
	private static final Pattern PATENT_NUMBER = Pattern.compile("(?:ZL|CN)?(\\d{12}|\\d{8})\\.?([\\dX])(?![\\dX])",
			Pattern.CASE_INSENSITIVE);

	static final Map<EntryType, List<Field>> FIELDS = Map.of(
			EntryType.INSTRUMENT, List.of(
					new Field("model", "型号", Kind.TEXT, 200),
					new Field("maker", "生产厂商", Kind.TEXT, 200),
					new Field("originalValue", "原值（元）", Kind.DECIMAL, 20),
					new Field("purchaseYear", "购置年份", Kind.YEAR, 4),
					new Field("campus", "校区/园区", Kind.TEXT, 100),
					new Field("location", "存放地点", Kind.TEXT, 300),
					new Field("specs", "主要技术指标", Kind.TEXT, 5000),
					new Field("sampleRequirements", "样品要求", Kind.TEXT, 2000),
					new Field("bookingMode", "预约方式", Kind.BOOKING_MODE, 10),
					new Field("internalPrice", "校内价格（元）", Kind.DECIMAL, 20),
					new Field("contact", "联系人", Kind.TEXT, 200)),
			EntryType.SERVICE, List.of(
					new Field("standards", "依据标准", Kind.TEXT, 2000),
					new Field("turnaroundDays", "周期（工作日）", Kind.INTEGER, 5),
					new Field("instruments", "所用仪器编号", Kind.INSTRUMENT_CODES, 1000),
					new Field("contact", "联系人", Kind.TEXT, 200)),
			EntryType.ACHIEVEMENT, List.of(
					new Field("patents", "专利", Kind.PATENTS, 2000),
					new Field("trl", "技术就绪度", Kind.TRL, 1),
					new Field("transferModes", "转化方式", Kind.TRANSFER_MODES, 200),
					new Field("inventors", "完成人", Kind.LIST, 500)),
			EntryType.EXPERT, List.of(
					new Field("titles", "职称", Kind.TEXT, 100),
					new Field("fields", "研究领域", Kind.LIST, 500),
					new Field("available", "可提供咨询", Kind.YES_NO, 1),
					new Field("techCommissioner", "科技特派员", Kind.YES_NO, 1),
					new Field("talentTeam", "人才团队", Kind.TEXT, 200)));

	/** One attribute as a page shows it: {@code kind} tells the page how to render {@code value}. */
	public record Line(String key, String kind, Object value) {
	}

	/** One input of the owner's form: {@code kind} picks the control (text, long text, choice, yes/no). */
	public record Input(String key, String kind) {
	}

	private EntryDetails() {
	}

	/** The inputs of the owner's form for the type's own attributes. */
	public static List<Input> inputs(EntryType type) {
		return of(type).stream().map(f -> new Input(f.key(), switch (f.kind()) {
			case BOOKING_MODE, YES_NO -> f.kind().name();
			case TEXT -> f.maxLength() > 300 ? "LONG_TEXT" : "TEXT";
			case PATENTS -> "LONG_TEXT";
			default -> "TEXT";
		})).toList();
	}

	/** The details as the owner's form shows them, by key: coded choices as their codes, others as text. */
	public static Map<String, String> formValues(EntryType type, Map<String, Object> details) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Field field : of(type)) {
			Object value = details.get(field.key());
			values.put(field.key(), switch (field.kind()) {
				case BOOKING_MODE -> value == null ? "" : BOOKING_MODES.getOrDefault(String.valueOf(value), "");
				case YES_NO -> value == null ? "" : String.valueOf(Boolean.TRUE.equals(value) || "true".equals(value) || "是".equals(value));
				default -> text(field, value);
			});
		}
		return values;
	}

	/** The entry's attributes in the order of their definition, for its page; empty ones are left out. */
	public static List<Line> lines(EntryType type, Map<String, Object> details) {
		List<Line> lines = new ArrayList<>();
		for (Field field : of(type)) {
			Object value = details.get(field.key());
			if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
				// values stored before a kind was structured are shown as they are
				boolean structured = switch (field.kind()) {
					case PATENTS, TRANSFER_MODES, LIST, INSTRUMENT_CODES -> value instanceof Collection<?>;
					case BOOKING_MODE -> AUTO.equals(value) || APPROVAL.equals(value);
					default -> true;
				};
				lines.add(new Line(field.key(), structured ? field.kind().name() : Kind.TEXT.name(),
						structured ? value : text(field, value)));
			}
		}
		return lines;
	}

	static List<Field> of(EntryType type) {
		return FIELDS.get(type);
	}

	/**
	 * The details in their stored form: each value checked and converted by its field's kind, empty ones
	 * left out. Unknown keys and bad values are reported, and the result is then not to be used.
	 */
	static Map<String, Object> normalise(EntryType type, @Nullable Map<String, ?> raw, List<Problem> problems) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (raw == null) {
			return details;
		}
		Map<String, Field> byKey = new LinkedHashMap<>();
		of(type).forEach(f -> byKey.put(f.key(), f));
		for (Map.Entry<String, ?> entry : raw.entrySet()) {
			Field field = byKey.get(entry.getKey());
			if (field == null) {
				problems.add(new Problem(new Field(entry.getKey(), entry.getKey(), Kind.TEXT, 0), "unknown-detail",
						List.of(entry.getKey(), String.join("、", byKey.keySet()))));
				continue;
			}
			Object value = convert(field, entry.getValue(), problems);
			if (value != null) {
				details.put(field.key(), value);
			}
		}
		return details;
	}

	private static @Nullable Object convert(Field field, @Nullable Object raw, List<Problem> problems) {
		if (raw == null || raw instanceof String s && s.isBlank() || raw instanceof Collection<?> c && c.isEmpty()) {
			return null;
		}
		if (raw instanceof Collection<?> list && !(field.kind() == Kind.PATENTS || field.kind() == Kind.LIST
				|| field.kind() == Kind.TRANSFER_MODES || field.kind() == Kind.INSTRUMENT_CODES)) {
			problems.add(new Problem(field, "single", List.of(String.valueOf(list))));
			return null;
		}
		String text = raw instanceof Collection<?> ? "" : String.valueOf(raw).strip();
		if (text.length() > field.maxLength() && field.kind() != Kind.YES_NO) {
			problems.add(new Problem(field, "too-long", List.of(String.valueOf(field.maxLength()))));
			return null;
		}
		try {
			return switch (field.kind()) {
				case TEXT -> text;
				case LIST -> items(raw);
				case DECIMAL -> {
					BigDecimal value = yuan(text);
					if (value == null) {
						problems.add(new Problem(field, "amount", List.of(text)));
					}
					yield value;
				}
				case INTEGER -> {
					int value = Integer.parseInt(wholeNumber(text));
					if (value < 0) {
						throw new NumberFormatException();
					}
					yield value;
				}
				case YEAR -> {
					int value = Integer.parseInt(wholeNumber(text));
					if (value < 1950 || value > Year.now().getValue()) {
						problems.add(new Problem(field, "year", List.of(text)));
						yield null;
					}
					yield value;
				}
				case TRL -> {
					int value = Integer.parseInt(wholeNumber(text));
					if (value < 1 || value > 9) {
						problems.add(new Problem(field, "trl", List.of(text)));
						yield null;
					}
					yield value;
				}
				case YES_NO -> switch (text) {
					case "是", "Y", "y", "yes", "YES", "true", "TRUE", "1" -> true;
					case "否", "N", "n", "no", "NO", "false", "FALSE", "0" -> false;
					default -> {
						problems.add(new Problem(field, "yes-no", List.of(text)));
						yield null;
					}
				};
				case BOOKING_MODE -> choose(field, text, BOOKING_MODES, problems);
				case TRANSFER_MODES -> {
					Set<String> modes = new LinkedHashSet<>();
					for (String item : items(raw)) {
						String mode = choose(field, item, TRANSFER_MODES, problems);
						if (mode == null) {
							yield null;
						}
						modes.add(mode);
					}
					yield List.copyOf(modes);
				}
				case PATENTS -> patents(field, raw, problems);
				case INSTRUMENT_CODES -> items(raw).stream().distinct().toList();
			};
		}
		catch (NumberFormatException | ArithmeticException ex) {
			problems.add(new Problem(field, "number", List.of(text)));
			return null;
		}
	}

	/**
	 * Patents as records {number, type, status}: given as such (API) or as text, one per item, such as
	 * {@code ZL201810123456.7 发明专利（已授权）}.
	 */
	private static @Nullable List<Map<String, String>> patents(Field field, Object raw, List<Problem> problems) {
		List<Map<String, String>> patents = new ArrayList<>();
		List<?> items = raw instanceof Collection<?> c ? List.copyOf(c) : items(raw);
		for (Object item : items) {
			String number;
			String type;
			String status;
			if (item instanceof Map<?, ?> map) {
				number = map.get("number") == null ? "" : String.valueOf(map.get("number"));
				type = map.get("type") == null ? "" : String.valueOf(map.get("type")).toUpperCase(Locale.ROOT);
				status = map.get("status") == null ? "" : String.valueOf(map.get("status")).toUpperCase(Locale.ROOT);
				type = PATENT_TYPES.getOrDefault(type, type);
				status = PATENT_STATUSES.getOrDefault(status, status);
			}
			else {
				String text = String.valueOf(item);
				number = text;
				type = find(text, PATENT_TYPES);
				status = find(text, PATENT_STATUSES);
			}
			Matcher matcher = PATENT_NUMBER.matcher(number.replace(" ", ""));
			if (!matcher.find() || !PATENT_TYPES.containsValue(type) || !PATENT_STATUSES.containsValue(status)) {
				problems.add(new Problem(field, "patent", List.of(String.valueOf(item))));
				return null;
			}
			String digits = matcher.group(1);
			String normal = (digits.length() == 12 ? "ZL" : "CN") + digits + "." + matcher.group(2).toUpperCase(Locale.ROOT);
			Map<String, String> patent = new LinkedHashMap<>();
			patent.put("number", normal);
			patent.put("type", type);
			patent.put("status", status);
			patents.add(patent);
		}
		return patents;
	}

	private static String find(String text, Map<String, String> words) {
		return words.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
			.orElse("");
	}

	private static List<String> items(Object raw) {
		if (raw instanceof Collection<?> list) {
			return list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}
		return List.of(String.valueOf(raw).split("[；;、，,\\n]")).stream().map(String::strip).filter(s -> !s.isEmpty())
			.toList();
	}

	private static @Nullable String choose(Field field, String raw, Map<String, String> choices, List<Problem> problems) {
		String value = choices.get(raw.strip());
		if (value == null) {
			problems.add(new Problem(field, "choice", List.of(raw,
					String.join("、", choices.keySet().stream().filter(k -> !k.matches("[A-Z_]+")).sorted().toList()))));
		}
		return value;
	}

	/**
	 * An amount in yuan as people type it (thousands separators and ¥ allowed), with at most two decimals,
	 * not negative and below a trillion; null when it is not one.
	 * @throws NumberFormatException when it is not a number at all
	 */
	static @Nullable BigDecimal yuan(String raw) {
		BigDecimal value = new BigDecimal(raw.replace(",", "").replace("，", "").replace("¥", ""));
		if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.precision() - value.scale() > 12) {
			return null;
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** Excel hands whole numbers over as "2019.0". */
	private static String wholeNumber(String raw) {
		return raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw;
	}

	/** The value as one would type it in a form or an import cell (Chinese words for coded values). */
	static String text(Field field, @Nullable Object value) {
		if (value == null) {
			return "";
		}
		return switch (field.kind()) {
			case YES_NO -> Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value)) ? "是" : "否";
			case BOOKING_MODE -> word(String.valueOf(value), BOOKING_MODES);
			case TRANSFER_MODES -> value instanceof Collection<?> list
					? String.join("、", list.stream().map(v -> word(String.valueOf(v), TRANSFER_MODES)).toList())
					: String.valueOf(value);
			case PATENTS -> value instanceof Collection<?> list ? String.join("；", list.stream().map(p -> {
				if (p instanceof Map<?, ?> patent) {
					return patent.get("number") + " " + word(String.valueOf(patent.get("type")), PATENT_TYPES) + "（"
							+ word(String.valueOf(patent.get("status")), PATENT_STATUSES) + "）";
				}
				return String.valueOf(p);
			}).toList()) : String.valueOf(value);
			case LIST, INSTRUMENT_CODES -> value instanceof Collection<?> list
					? String.join("；", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
			default -> value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
		};
	}

	/** The first (preferred) word that stands for a code. */
	private static String word(String code, Map<String, String> words) {
		List<String> preferred = List.of("机主审核", "自动审批", "技术转让", "技术许可", "作价入股", "合作开发", "发明", "实用新型",
				"外观设计", "授权", "申请", "失效");
		return preferred.stream().filter(w -> code.equals(words.get(w))).findFirst().orElse(code);
	}
}
