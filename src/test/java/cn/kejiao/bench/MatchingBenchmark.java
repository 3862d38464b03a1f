package cn.kejiao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.kejiao.KejiaoApplication;
import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.catalog.SearchAdministration;
import cn.kejiao.demand.DemandForm;
import cn.kejiao.demand.DemandPosting;
import cn.kejiao.demand.Matching;
import cn.kejiao.demand.Visibility;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.support.Http;

/**
 * bench/matching: with the search benchmark's catalog (1,000,000 achievements + 50,000 instruments), the
 * latency of matching one demand — the top 20 over all types, with reasons, as its author asks for them —
 * in-process through the facade and over HTTP. The demands are 50 CSL papers posted as 文山's alumina maker's
 * needs (title, the first sentences of the abstract, keywords). Prints a Markdown table.
 */
public final class MatchingBenchmark {

	/** Waits (two minutes at most) until no event publication is outstanding. */
	static void quiet(DataSource dataSource) throws Exception {
		long until = System.nanoTime() + 120_000_000_000L;
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			while (System.nanoTime() < until) {
				try (var rows = statement.executeQuery("select count(*) from platform.event_publication where completion_date is null")) {
					rows.next();
					if (rows.getLong(1) == 0) {
						return;
					}
				}
				Thread.sleep(200);
			}
		}
		System.err.println("event publications still outstanding after two minutes; measuring anyway");
	}

	public static void main(String[] args) throws Exception {
		int achievements = SearchBenchmark.intArg(args, "--achievements", 1_000_000);
		int instruments = SearchBenchmark.intArg(args, "--instruments", 50_000);
		int demandCount = SearchBenchmark.intArg(args, "--demands", 50);
		int rounds = SearchBenchmark.intArg(args, "--rounds", 4);
		Path csl = Path.of(SearchBenchmark.stringArg(args, "--csl", "../shared/data/csl"));
		String keep = SearchBenchmark.stringArg(args, "--keep", null);
		Path dataDir = keep == null ? Files.createTempDirectory("kejiao-matching-bench") : Path.of(keep).toAbsolutePath();
		boolean reuse = Files.exists(dataDir.resolve("ready"));
		List<SearchBenchmark.Paper> papers = SearchBenchmark.papers(csl);

		// demo organisations and accounts only (catalog-scale none): the catalog is the benchmark's
		ConfigurableApplicationContext app = new SpringApplicationBuilder(KejiaoApplication.class)
			.run("--kejiao.data-dir=" + dataDir, "--kejiao.demo.enabled=true", "--kejiao.demo.catalog-scale=none",
					"--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
					"--logging.level.cn.kejiao=info", "--kejiao.voucher.job-interval=PT100H");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			long documents;
			if (reuse) {
				documents = Long.parseLong(Files.readString(dataDir.resolve("ready")).strip());
				// a catalog kept from before merging was part of the rebuild (merging a merged index does nothing)
				app.getBean(SearchAdministration.class).mergeIndexSegments();
			}
			else {
				List<String> trainTitles = Files.readAllLines(csl.resolve("cls_ctg-train.tsv")).stream()
					.map(l -> l.split("\t")).filter(c -> c.length >= 3).map(c -> c[1]).toList();
				SearchBenchmark.load(app.getBean(DataSource.class), papers, trainTitles, achievements, instruments);
				SearchAdministration index = app.getBean(SearchAdministration.class);
				index.rebuildIndex();
				documents = index.indexProgress().done();
				if (keep != null) {
					Files.writeString(dataDir.resolve("ready"), Long.toString(documents));
				}
			}
			DemandPosting posting = app.getBean(DemandPosting.class);
			Matching matching = app.getBean(Matching.class);
			UserView user = app.getBean(Accounts.class).find("ent-ws").orElseThrow();
			Actor actor = new Actor(user.id(), user.username(), user.displayName(), user.organisationId(), null,
					user.regionCode(), user.roles());
			List<UUID> ids = new ArrayList<>();
			Actors.runAs(actor, () -> {
				for (int i = 0; i < demandCount; i++) {
					SearchBenchmark.Paper paper = papers.get((7 + i * 13) % papers.size());
					String description = paper.abstractText().length() > 300 ? paper.abstractText().substring(0, 300)
							: paper.abstractText();
					var created = posting.create(new DemandForm(paper.title().length() > 190 ? paper.title().substring(0, 190)
							: paper.title(), description, paper.discipline(), Arrays.asList(paper.keywords().split("、")), null, null,
							List.of(), Visibility.PUBLIC, null, false, null, null), true);
					ids.add(created.id());
				}
				// warm-up: each demand once, as the HTTP path is warmed up below
				for (UUID id : ids) {
					matching.matches(id, null, 20);
				}
				return null;
			});
			// opening a demand tells the owners of its strong matches in the background: measure once that is done
			quiet(app.getBean(DataSource.class));
			List<String> work = new ArrayList<>();
			for (int r = 0; r < rounds; r++) {
				ids.forEach(id -> work.add(id.toString()));
			}
			double[] inProcess = SearchBenchmark.measure(work, id -> {
				if (Actors.runAs(actor, () -> matching.matches(UUID.fromString(id), null, 20)).isEmpty()) {
					throw new IllegalStateException("no matches for " + id);
				}
			});
			String token = Http.as(port, "ent-ws").token();
			String matches = "http://localhost:" + port + "/api/v1/demands/%s/matches?limit=20";
			// the web stack warmed up, as the in-process path was
			for (UUID id : ids) {
				BlockingHttp.send("GET", matches.formatted(id), token, null);
			}
			double[] overHttp = SearchBenchmark.measure(work,
					id -> BlockingHttp.send("GET", matches.formatted(id), token, null));
			System.out.printf(Locale.ROOT, "%nKejiao matching benchmark — %d documents in the catalog, %d demands × %d rounds, %d cores, %s%n",
					documents, demandCount, rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
			System.out.printf("%n| matching one demand: top 20 over all types, with reasons | p50 ms | p95 ms | p99 ms |%n|---|---|---|---|%n");
			System.out.println(SearchBenchmark.row("in-process (Matching.matches)", inProcess));
			System.out.println(SearchBenchmark.row("HTTP GET /api/v1/demands/{id}/matches", overHttp));
			System.out.println("Target: p95 ≤ 50 ms.");
		}
		finally {
			app.close();
			if (keep == null) {
				SearchBenchmark.deleteRecursively(dataDir);
			}
		}
	}
}
