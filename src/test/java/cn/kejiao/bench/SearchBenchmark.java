package cn.kejiao.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.catalog.CatalogSearch;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.SearchAdministration;
import cn.kejiao.catalog.SearchQuery;

/**
 * bench/search: a catalog of N achievements and M instruments whose text is recombined from real Chinese
 * paper titles, abstracts and keywords (the CSL data), loaded with COPY, indexed by the mass indexer; then
 * 200 queries (paper keywords and titles) with and without filters, in-process and over HTTP, against
 * SQL LIKE '%…%' on the same PostgreSQL as the baseline. Prints a Markdown table.
 */
public final class SearchBenchmark {

	record Paper(String title, String abstractText, String keywords, String discipline) {
	}

	public static void main(String[] args) throws Exception {
		int achievements = intArg(args, "--achievements", 1_000_000);
		int instruments = intArg(args, "--instruments", 50_000);
		int queries = intArg(args, "--queries", 200);
		Path csl = Path.of(stringArg(args, "--csl", "../shared/data/csl"));
		// --keep DIR: the catalog is loaded and indexed into DIR once and reused by later runs (to compare query changes)
		String keep = stringArg(args, "--keep", null);
		Path dataDir = keep == null ? Files.createTempDirectory("kejiao-search-bench") : Path.of(keep).toAbsolutePath();
		boolean reuse = keep != null && Files.exists(dataDir.resolve("ready"));
		List<Paper> papers = papers(csl);
		List<String> trainTitles = Files.readAllLines(csl.resolve("cls_ctg-train.tsv")).stream()
			.map(l -> l.split("\t")).filter(c -> c.length >= 3).map(c -> c[1]).toList();

		// command-line arguments: they outrank application.yml (builder properties would not)
		ConfigurableApplicationContext app = new SpringApplicationBuilder(KejiaoApplication.class)
			.run("--kejiao.data-dir=" + dataDir, "--kejiao.demo.enabled=false", "--server.port=0",
					"--spring.main.banner-mode=off", "--logging.level.root=warn", "--logging.level.cn.kejiao=info",
					"--spring.datasource.hikari.maximum-pool-size=8");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			DataSource dataSource = app.getBean(DataSource.class);
			SearchAdministration index = app.getBean(SearchAdministration.class);
			double loadSeconds = Double.NaN;
			double indexSeconds = Double.NaN;
			long documents;
			if (reuse) {
				documents = Long.parseLong(Files.readString(dataDir.resolve("ready")).strip());
				// a catalog kept from before merging was part of the rebuild (merging a merged index does nothing)
				app.getBean(SearchAdministration.class).mergeIndexSegments();
			}
			else {
				long loadStarted = System.nanoTime();
				load(dataSource, papers, trainTitles, achievements, instruments);
				loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
				long indexStarted = System.nanoTime();
				index.rebuildIndex();
				indexSeconds = (System.nanoTime() - indexStarted) / 1e9;
				documents = index.indexProgress().done();
				if (keep != null) {
					Files.writeString(dataDir.resolve("ready"), Long.toString(documents));
				}
			}

			CatalogSearch search = app.getBean(CatalogSearch.class);
			Random random = new Random(42);
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < queries; i++) {
				Paper paper = papers.get(random.nextInt(papers.size()));
				texts.add(i % 2 == 0 ? paper.keywords().split("、")[0] + " " + paper.keywords().split("、")[Math.min(1, paper.keywords().split("、").length - 1)]
						: paper.title());
			}
			String[] regions = { "310000", "530000", "320000", "500000", "330000" };

			// warm-up
			for (int i = 0; i < 50; i++) {
				search.search(SearchQuery.of(texts.get(i % texts.size())), null);
			}
			List<String> rows = new ArrayList<>();
			rows.add(row("in-process, text only", measure(texts, q -> search.search(SearchQuery.of(q), null))));
			rows.add(row("in-process, text only, no facets", measure(texts, q -> search.search(SearchQuery.of(q), null, false))));
			rows.add(row("in-process, text + type + region filters", measure(texts, q -> search.search(SearchQuery.of(q)
				.withTypes(java.util.Set.of(EntryType.ACHIEVEMENT)).withRegion(regions[Math.abs(q.hashCode()) % regions.length]), null))));
			// the HTTP path warmed up as the in-process one was: its first requests compile the web stack
			for (int i = 0; i < 50; i++) {
				get(port, "q=" + enc(texts.get(i % texts.size())));
			}
			rows.add(row("HTTP /api/v1/search, text (facets included)", measure(texts, q -> get(port, "q=" + enc(q)))));
			rows.add(row("HTTP /api/v1/search, text + filters (facets included)", measure(texts, q -> get(port,
					"q=" + enc(q) + "&type=achievement&region=" + regions[Math.abs(q.hashCode()) % regions.length]))));
			rows.add(row("HTTP /api/v1/search, empty q + filters (facets)", measure(texts, q -> get(port,
					"type=instrument&region=" + regions[Math.abs(q.hashCode()) % regions.length]))));
			// what any request costs here (client, Tomcat, filters, JSON) with no search in it: the floor under the rows above
			rows.add(row("HTTP floor: GET /api/v1/catalog/categories (no search)", measure(texts,
					q -> fetch(port, "/api/v1/catalog/categories"))));
			List<String> likeTexts = texts.subList(0, Math.min(texts.size(), intArg(args, "--like-queries", 40)));
			rows.add(row("SQL LIKE '%…%' baseline (title or summary, top 20 + count)", measure(likeTexts, q -> like(dataSource, q))));

			System.out.printf("%nKejiao search benchmark — %d achievements + %d instruments (%d documents), %d cores, %s%n",
					achievements, instruments, documents, Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.version"));
			System.out.printf("%n| step | value |%n|---|---|%n");
			System.out.printf("| load into PostgreSQL (COPY) | %.1f s |%n", loadSeconds);
			System.out.printf("| index build (mass indexer) | %.1f s, %.0f documents/s |%n", indexSeconds, documents / indexSeconds);
			System.out.printf("%n| queries (%d each, LIKE: %d) | p50 ms | p95 ms | p99 ms |%n|---|---|---|---|%n", texts.size(),
					likeTexts.size());
			rows.forEach(System.out::println);
		}
		finally {
			app.close();
			if (keep == null) {
				deleteRecursively(dataDir);
			}
		}
	}

	interface Query {
		void run(String text) throws Exception;
	}

	static double[] measure(List<String> texts, Query query) throws Exception {
		double[] millis = new double[texts.size()];
		for (int i = 0; i < texts.size(); i++) {
			long started = System.nanoTime();
			query.run(texts.get(i));
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		if (System.getenv("KEJIAO_BENCH_SLOWEST") != null) {
			// which inputs make the tail, to tell a slow query from a noisy machine
			Integer[] order = new Integer[millis.length];
			Arrays.setAll(order, i -> i);
			Arrays.sort(order, (a, b) -> Double.compare(millis[b], millis[a]));
			for (int i = 0; i < Math.min(10, order.length); i++) {
				System.err.printf(Locale.ROOT, "slow: %.1f ms #%d %s%n", millis[order[i]], order[i], texts.get(order[i]));
			}
		}
		Arrays.sort(millis);
		return millis;
	}

	static String row(String name, double[] sorted) {
		return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |", name, percentile(sorted, 50), percentile(sorted, 95),
				percentile(sorted, 99));
	}

	static double percentile(double[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static void get(int port, String parameters) throws Exception {
		fetch(port, "/api/v1/search?" + parameters);
	}

	/** A GET that must answer 200, read to the end. */
	static void fetch(int port, String path) throws Exception {
		BlockingHttp.send("GET", "http://localhost:" + port + path, null, null);
	}

	static void like(DataSource dataSource, String text) throws Exception {
		String term = "%" + text.split(" ")[0] + "%";
		try (Connection connection = dataSource.getConnection();
				PreparedStatement top = connection.prepareStatement(
						"select id, title from catalog.entry where title like ? or summary like ? order by published_at desc limit 20");
				PreparedStatement count = connection.prepareStatement(
						"select count(*) from catalog.entry where title like ? or summary like ?")) {
			for (PreparedStatement statement : List.of(top, count)) {
				statement.setString(1, term);
				statement.setString(2, term);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						rs.getString(1);
					}
				}
			}
		}
	}

	/** Rows recombined from the CSL papers: a title, two or three abstract sentences, keywords and discipline. */
	static void load(DataSource dataSource, List<Paper> papers, List<String> titles, int achievements, int instruments)
			throws Exception {
		Random random = new Random(7);
		List<String> sentences = new ArrayList<>();
		for (Paper paper : papers) {
			for (String sentence : paper.abstractText().split("(?<=[。．.；])")) {
				if (sentence.length() > 10) {
					sentences.add(sentence.strip());
				}
			}
		}
		String[] regions = { "310114", "310110", "310113", "530102", "530114", "532601", "500106", "500112", "320583", "320505",
				"330302" };
		String[] maturities = { "LAB", "PILOT", "INDUSTRIAL" };
		String[] instrumentNames = { "场发射扫描电子显微镜", "透射电子显微镜", "X射线衍射仪", "电感耦合等离子体质谱仪", "气相色谱-质谱联用仪",
				"高效液相色谱仪", "傅里叶变换红外光谱仪", "激光扫描共聚焦显微镜", "核磁共振波谱仪", "电磁兼容测试系统", "万能材料试验机", "高低温湿热试验箱",
				"三坐标测量机", "同步热分析仪", "激光粒度分析仪", "工业计算机断层扫描系统", "电动振动试验系统", "动力电池充放电测试系统", "原子力显微镜",
				"X射线光电子能谱仪" };
		UUID owner = UUID.randomUUID();
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder buffer = new StringBuilder();
			String sql = "copy catalog.entry (id, type, external_code, owner_org_id, owner_org_name, region_code, title, summary, "
					+ "keywords, category, price, price_unit, maturity, confidentiality, state, details, created_at, updated_at, "
					+ "published_at) from stdin with (format csv)";
			int total = achievements + instruments;
			for (int i = 0; i < total; i++) {
				boolean achievement = i < achievements;
				String title;
				String summary;
				String keywords;
				String category;
				if (achievement) {
					Paper paper = papers.get(random.nextInt(papers.size()));
					title = random.nextBoolean() ? titles.get(random.nextInt(titles.size())) : paper.title();
					summary = sentences.get(random.nextInt(sentences.size())) + sentences.get(random.nextInt(sentences.size()))
							+ paper.abstractText().substring(0, Math.min(120, paper.abstractText().length()));
					keywords = paper.keywords();
					category = paper.discipline();
				}
				else {
					title = instrumentNames[random.nextInt(instrumentNames.length)];
					summary = title + "，面向合作区域开放共享。" + sentences.get(random.nextInt(sentences.size()));
					keywords = "科研仪器、共享";
					category = "分析仪器";
				}
				buffer.append(UUID.randomUUID()).append(',').append(achievement ? "ACHIEVEMENT" : "INSTRUMENT").append(',')
					.append("B-").append(i).append(',').append(owner).append(",基准测试机构,")
					.append(regions[random.nextInt(regions.length)]).append(',').append(csv(title)).append(',')
					.append(csv(summary)).append(',').append(csv(keywords)).append(',').append(csv(category)).append(',')
					.append(random.nextInt(5) == 0 ? "" : String.valueOf(100 + random.nextInt(100_000))).append(',')
					.append(achievement ? "TOTAL" : "HOUR").append(',')
					.append(achievement ? maturities[random.nextInt(3)] : "").append(",PUBLIC,PUBLISHED,{},")
					.append("2026-01-01T00:00:00Z,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z\n");
				if (buffer.length() > 8_000_000 || i == total - 1) {
					copy.copyIn(sql, new StringReader(buffer.toString()));
					buffer.setLength(0);
				}
			}
		}
	}

	static String csv(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	static List<Paper> papers(Path csl) throws IOException {
		List<String> ts = Files.readAllLines(csl.resolve("ts-dev.tsv"));
		List<String> kg = Files.readAllLines(csl.resolve("kg-dev.tsv"));
		List<String> dcp = Files.readAllLines(csl.resolve("cls_dcp-dev.tsv"));
		List<Paper> papers = new ArrayList<>();
		for (int i = 0; i < ts.size(); i++) {
			String[] t = ts.get(i).split("\t");
			String[] k = kg.get(i).split("\t");
			String[] d = dcp.get(i).split("\t");
			papers.add(new Paper(t[2], t[1], k[2].replace('_', '、'), d[2]));
		}
		return papers;
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static int intArg(String[] args, String name, int fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return Integer.parseInt(args[i + 1]);
			}
		}
		return fallback;
	}

	static String stringArg(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	static void deleteRecursively(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

}
