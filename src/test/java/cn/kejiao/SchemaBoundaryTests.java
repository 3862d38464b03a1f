package cn.kejiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module's tables are its own: no module's SQL names another module's schema, neither in its Java code nor
 * in its migrations. ArchUnit sees classes, not the SQL in their strings, so this test reads the sources.
 * <p>
 * The schemas are the folders under {@code db/migration}; each is owned by the top-level package of the same name.
 * Every other top-level package ({@code demo}, {@code portal}, …) owns no schema and may name none. In Java, only
 * string literals and text blocks are read, so comments, imports and package names ({@code cn.kejiao.ledger.Ledger})
 * do not count; in migrations, SQL comments do not count. Quoted SQL strings inside the SQL are skipped too: an
 * audit query for {@code action = 'organisation.verified'} names an action, not a table.
 * <p>
 * A reference counts when the literal reads as SQL ({@code select}, {@code from}, {@code join}, …), or when it
 * names a table, view, sequence, type or function the migrations create in that schema. Message keys and audit
 * actions ({@code "organisation.not-found"}, {@code "challenge.announcement.extended"}) look like names too: a
 * name followed by {@code -}, or by {@code .} outside SQL, is taken for a key.
 * <p>
 * The {@code platform} schema is not an exception. It holds what the framework keeps for every module (HTTP
 * sessions, the event publication registry), and the framework reaches it through configuration
 * ({@code application.yml}); a module that wrote SQL against those tables would depend on the framework's storage
 * format, so it is held to the same rule. There is no allow-list: a module that needs another's data asks its facade.
 */
class SchemaBoundaryTests {

	private static final Path JAVA = Path.of("src/main/java/cn/kejiao");
	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	@Test
	void noModuleNamesAnotherModulesSchemaInItsSql() throws IOException {
		Schemas schemas = Schemas.from(MIGRATIONS);
		assertThat(schemas.names()).contains("platform", "ledger", "voucher");
		List<String> offences = new ArrayList<>();
		try (Stream<Path> modules = Files.list(JAVA)) {
			for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
				String owner = module.getFileName().toString();
				try (Stream<Path> files = Files.walk(module)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
						schemas.foreignIn(owner, SourceText.javaStrings(Files.readString(file)))
							.forEach(found -> offences.add(file + ":" + found));
					}
				}
				Path migrations = MIGRATIONS.resolve(owner);
				if (Files.isDirectory(migrations)) {
					try (Stream<Path> files = Files.list(migrations)) {
						for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
							schemas.foreignIn(owner, List.of(SourceText.sql(Files.readString(file))))
								.forEach(found -> offences.add(file + ":" + found));
						}
					}
				}
			}
		}
		assertThat(offences).as("SQL naming another module's schema (ask that module's facade instead)").isEmpty();
	}

	@Test
	void everyMigrationFolderCreatesTheSchemaItIsNamedFor() {
		Schemas schemas = Schemas.from(MIGRATIONS);
		for (String schema : schemas.names()) {
			assertThat(schemas.objects(schema)).as("objects created in schema " + schema).isNotEmpty();
		}
	}

	@Test
	void theScannerFlagsATableOfAnotherSchemaInATextBlock() {
		String source = """
				package cn.kejiao.voucher;

				import cn.kejiao.ledger.Ledger;

				class Balances {
					// reads ledger.account directly, which it must not
					static final String SQL = \"""
							select a.balance
							  from ledger.account a
							 where a.id = ?
							\""";
				}
				""";
		Schemas schemas = new Schemas(Set.of("voucher", "ledger"), Set.of("ledger.account"));
		assertThat(schemas.foreignIn("voucher", SourceText.javaStrings(source))).containsExactly("9: ledger.account");
	}

	@Test
	void theScannerIgnoresImportsCommentsMessageKeysAndQuotedValues() {
		String source = """
				package cn.kejiao.voucher;

				import cn.kejiao.ledger.Ledger;
				/* select * from ledger.account */
				class Keys {
					String key = "ledger.account-missing";
					String sql = "select count(*) from audit.entry where action = 'ledger.account'";
					String own = "select * from voucher.grant_ where note = 'it''s \\"fine\\"'";
					char quote = '"';
					String after = "ledger.transfer";
					String key = "ledger.account.closed";
				}
				""";
		Schemas schemas = new Schemas(Set.of("voucher", "ledger", "audit"), Set.of("ledger.account", "audit.entry"));
		assertThat(schemas.foreignIn("voucher", SourceText.javaStrings(source))).containsExactly("7: audit.entry");
	}

	@Test
	void theScannerReadsSqlWithoutItsComments() {
		String sql = """
				-- moves money, see ledger.account
				create table voucher.hold (id uuid references ledger.account (id));
				""";
		Schemas schemas = new Schemas(Set.of("voucher", "ledger"), Set.of("ledger.account"));
		assertThat(schemas.foreignIn("voucher", List.of(SourceText.sql(sql)))).containsExactly("2: ledger.account");
	}

	/** A piece of a source file that may hold SQL, with the line it starts on. */
	record Text(int line, String content) {
	}

	/** Reads the parts of a source that can hold SQL. */
	static final class SourceText {

		private SourceText() {
		}

		/**
		 * The string literals and text blocks of a Java source, as written (escapes left as they are, so that
		 * line numbers stay right); comments and character literals are skipped.
		 */
		static List<Text> javaStrings(String source) {
			List<Text> strings = new ArrayList<>();
			int line = 1;
			int i = 0;
			while (i < source.length()) {
				char c = source.charAt(i);
				if (c == '\n') {
					line++;
					i++;
				}
				else if (source.startsWith("//", i)) {
					i = endOfLine(source, i);
				}
				else if (source.startsWith("/*", i)) {
					int end = source.indexOf("*/", i + 2);
					end = end < 0 ? source.length() : end + 2;
					line += count(source, i, end);
					i = end;
				}
				else if (source.startsWith("\"\"\"", i)) {
					int start = i + 3;
					int end = start;
					while (end < source.length() && !source.startsWith("\"\"\"", end)) {
						end += source.charAt(end) == '\\' ? 2 : 1;
					}
					end = Math.min(end, source.length());
					strings.add(new Text(line, source.substring(start, end)));
					line += count(source, i, end);
					i = end + 3;
				}
				else if (c == '"' || c == '\'') {
					int end = i + 1;
					while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
						end += source.charAt(end) == '\\' ? 2 : 1;
					}
					end = Math.min(end, source.length());
					if (c == '"') {
						strings.add(new Text(line, source.substring(i + 1, end)));
					}
					i = end + 1;
				}
				else {
					i++;
				}
			}
			return strings;
		}

		/** A migration as one text, with its comments blanked out (line breaks kept). */
		static Text sql(String script) {
			return new Text(1, withoutComments(script));
		}

		/** Blanks SQL comments and quoted SQL strings, keeping line breaks so that lines still count right. */
		static String withoutComments(String sql) {
			StringBuilder kept = new StringBuilder(sql.length());
			int i = 0;
			while (i < sql.length()) {
				int end;
				if (sql.startsWith("--", i)) {
					end = endOfLine(sql, i);
				}
				else if (sql.startsWith("/*", i)) {
					end = sql.indexOf("*/", i + 2);
					end = end < 0 ? sql.length() : end + 2;
				}
				else if (sql.charAt(i) == '\'') {
					end = i + 1;
					while (end < sql.length() && (sql.charAt(end) != '\'' || sql.startsWith("''", end))) {
						end += sql.startsWith("''", end) ? 2 : 1;
					}
					end = Math.min(end + 1, sql.length());
				}
				else {
					kept.append(sql.charAt(i));
					i++;
					continue;
				}
				for (int j = i; j < end; j++) {
					kept.append(sql.charAt(j) == '\n' ? '\n' : ' ');
				}
				i = end;
			}
			return kept.toString();
		}

		private static int endOfLine(String text, int from) {
			int end = text.indexOf('\n', from);
			return end < 0 ? text.length() : end;
		}

		private static int count(String text, int from, int to) {
			int lines = 0;
			for (int i = from; i < to; i++) {
				if (text.charAt(i) == '\n') {
					lines++;
				}
			}
			return lines;
		}
	}

	/** The schemas, the objects the migrations create in them, and the references to them in a text. */
	static final class Schemas {

		private static final Pattern CREATED = Pattern.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unique\\s+)?"
				+ "(?:table|view|materialized\\s+view|sequence|type|function|procedure)\\s+(?:if\\s+not\\s+exists\\s+)?"
				+ "([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)");
		private static final Pattern READS_AS_SQL = Pattern.compile(
				"(?i)\\b(select|insert|update|delete|from|join|into|references|truncate|returning|alter|create)\\b");

		private final Set<String> names;
		private final Set<String> objects;
		private final Pattern reference;

		Schemas(Set<String> names, Set<String> objects) {
			this.names = new TreeSet<>(names);
			this.objects = objects;
			this.reference = Pattern.compile("(?i)(?<![A-Za-z0-9_.$/])(" + String.join("|", this.names)
					+ ")\\.([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_-])");
		}

		/** The migration folders are the schemas; the objects are what their scripts create. */
		static Schemas from(Path migrations) {
			try (Stream<Path> folders = Files.list(migrations)) {
				Set<String> names = new TreeSet<>();
				Set<String> objects = new TreeSet<>();
				for (Path folder : folders.filter(Files::isDirectory).toList()) {
					names.add(folder.getFileName().toString());
					try (Stream<Path> scripts = Files.list(folder)) {
						for (Path script : scripts.filter(f -> f.toString().endsWith(".sql")).toList()) {
							Matcher created = CREATED.matcher(SourceText.withoutComments(Files.readString(script)));
							while (created.find()) {
								objects.add((created.group(1) + "." + created.group(2)).toLowerCase(Locale.ROOT));
							}
						}
					}
				}
				return new Schemas(names, objects);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Set<String> names() {
			return names;
		}

		Set<String> objects(String schema) {
			return objects.stream().filter(o -> o.startsWith(schema + ".")).collect(java.util.stream.Collectors.toSet());
		}

		/** "line: schema.name" for every name in another schema than the owner's, in the order found. */
		List<String> foreignIn(String owner, List<Text> texts) {
			List<String> found = new ArrayList<>();
			for (Text text : texts) {
				String sql = SourceText.withoutComments(text.content());
				boolean readsAsSql = READS_AS_SQL.matcher(sql).find();
				Matcher matcher = reference.matcher(sql);
				while (matcher.find()) {
					String schema = matcher.group(1).toLowerCase(Locale.ROOT);
					String name = schema + "." + matcher.group(2).toLowerCase(Locale.ROOT);
					boolean keyLike = matcher.end() < sql.length() && sql.charAt(matcher.end()) == '.';
					if (!schema.equals(owner) && (readsAsSql || (objects.contains(name) && !keyLike))) {
						found.add((text.line() + SourceText.count(sql, 0, matcher.start())) + ": " + name);
					}
				}
			}
			return found;
		}
	}
}
