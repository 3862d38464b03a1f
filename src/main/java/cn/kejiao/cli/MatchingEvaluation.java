package cn.kejiao.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogMatching;
import cn.kejiao.catalog.Confidentiality;
import cn.kejiao.catalog.EntryForm;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;

/**
 * {@code java -jar kejiao.jar eval-matching --dataset DIR}: measures the matching on a labelled set of Chinese
 * scientific papers (CSL: {@code ts-dev.tsv}, {@code kg-dev.tsv}, {@code cls_dcp-dev.tsv} in DIR). In a fresh
 * data directory of its own (removed afterwards), each paper becomes one achievement whose text is its abstract
 * alone (its title is a code, "CSL-0001", that no query contains). Two query sets go through the same ranking
 * that serves demands ({@link CatalogMatching#rank}), and through plain BM25 over the same index: each paper's
 * keywords, and each paper's title. For each it prints how well the paper itself is found (MRR@10, nDCG@10,
 * recall@10, recall@100) and how well its field is (discipline-P@10: of the top 10 other than the paper, the
 * share of the paper's discipline). {@code --limit=N} takes the first N papers only, for a quick look.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = CommandEnvironment.COMMAND, havingValue = CommandEnvironment.EVAL_MATCHING)
class MatchingEvaluation implements Command {

	private final Catalog catalog;
	private final CatalogMatching matching;
	private final Accounts accounts;
	private final Path dataDir;
	private int exitCode = 1;

	MatchingEvaluation(Catalog catalog, CatalogMatching matching, Accounts accounts,
			@Value("${kejiao.data-dir}") Path dataDir) {
		this.catalog = catalog;
		this.matching = matching;
		this.accounts = accounts;
		this.dataDir = dataDir;
	}

	record Paper(String abstractText, String title, String keywords, String discipline) {
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	@Override
	public void afterStop() {
		deleteRecursively(dataDir);
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Path dataset = dataset(args);
		if (dataset == null) {
			System.err.println("usage: java -jar kejiao.jar eval-matching --dataset DIR   (DIR holds ts-dev.tsv, kg-dev.tsv, cls_dcp-dev.tsv)");
			exitCode = 2;
			return;
		}
		List<Paper> papers = papers(dataset);
		if (args.containsOption("limit")) {
			papers = papers.subList(0, Math.min(papers.size(), Integer.parseInt(args.getOptionValues("limit").getFirst())));
		}
		List<Paper> measured = papers;
		System.out.printf("Matching evaluation: %d papers from %s, data in %s%n", papers.size(), dataset, dataDir);
		UserView provider = accounts.find("provider-yn").orElseThrow();
		Actor actor = new Actor(provider.id(), provider.username(), provider.displayName(), provider.organisationId(), null,
				provider.regionCode(), provider.roles());
		long started = System.nanoTime();
		Map<UUID, Integer> paperOf = new HashMap<>();
		Actors.runAs(actor, () -> {
			for (int i = 0; i < measured.size(); i++) {
				EntryView entry = catalog.create(EntryType.ACHIEVEMENT, new EntryForm("CSL-" + (i + 1), "CSL-%04d".formatted(i + 1),
						measured.get(i).abstractText(), null, null, null, null, null, null, Confidentiality.PUBLIC, null, null));
				catalog.publish(entry.id());
				paperOf.put(entry.id(), i);
			}
			return null;
		});
		System.out.printf("Loaded and indexed %d achievements in %.1f s%n", papers.size(), (System.nanoTime() - started) / 1e9);
		long embedding = System.nanoTime();
		int embedded = matching.embedNow();
		System.out.printf("Embedded %d achievements in %.1f s%n", embedded, (System.nanoTime() - embedding) / 1e9);
		List<String> keywordQueries = papers.stream().map(Paper::keywords).toList();
		List<String> titleQueries = papers.stream().map(Paper::title).toList();
		long timed = System.nanoTime();
		Measures keywords = measure(papers, paperOf, keywordQueries, q -> ids(matching.rank(CatalogMatching.Need.of(q), null, 100)));
		Measures titles = measure(papers, paperOf, titleQueries, q -> ids(matching.rank(CatalogMatching.Need.of(q), null, 100)));
		double perQuery = (System.nanoTime() - timed) / 1e6 / (2.0 * papers.size());
		Measures bm25Keywords = measure(papers, paperOf, keywordQueries, q -> ids(matching.bm25(CatalogMatching.Need.of(q), null, 100)));
		Measures bm25Titles = measure(papers, paperOf, titleQueries, q -> ids(matching.bm25(CatalogMatching.Need.of(q), null, 100)));
		keywords.print("keywords");
		titles.print("titles");
		bm25Keywords.print("bm25 keywords");
		bm25Titles.print("bm25 titles");
		System.out.printf("Ranking took %.1f ms per query (mean)%n", perQuery);
		exitCode = 0;
	}

	/** {@code --dataset=DIR}, or {@code --dataset DIR} (then DIR is the argument after the command). */
	private static @Nullable Path dataset(ApplicationArguments args) {
		List<String> values = args.containsOption("dataset") ? args.getOptionValues("dataset") : List.of();
		if (!values.isEmpty() && !values.getFirst().isBlank()) {
			return Path.of(values.getFirst());
		}
		List<String> rest = args.getNonOptionArgs();
		return args.containsOption("dataset") && rest.size() > 1 ? Path.of(rest.get(1)) : null;
	}

	private static List<UUID> ids(List<CatalogMatching.Candidate> ranked) {
		return ranked.stream().map(CatalogMatching.Candidate::id).toList();
	}

	record Measures(double mrr10, double ndcg10, double recall10, double recall100, double disciplineP10) {

		void print(String set) {
			System.out.printf("%s MRR@10: %.3f%n", set, mrr10);
			System.out.printf("%s nDCG@10: %.3f%n", set, ndcg10);
			System.out.printf("%s recall@10: %.3f%n", set, recall10);
			System.out.printf("%s recall@100: %.3f%n", set, recall100);
			System.out.printf("%s discipline-P@10: %.3f%n", set, disciplineP10);
		}
	}

	static Measures measure(List<Paper> papers, Map<UUID, Integer> paperOf, List<String> queries,
			Function<String, List<UUID>> ranking) {
		double mrr = 0;
		double ndcg = 0;
		double recall10 = 0;
		double recall100 = 0;
		double discipline = 0;
		for (int q = 0; q < queries.size(); q++) {
			List<UUID> ranked = ranking.apply(queries.get(q));
			int rank = 0;
			int sameField = 0;
			int others = 0;
			for (int i = 0; i < ranked.size(); i++) {
				Integer paper = paperOf.get(ranked.get(i));
				if (paper == null) {
					continue;
				}
				if (paper == q) {
					rank = i + 1;
				}
				else if (others < 10) {
					others++;
					if (papers.get(paper).discipline().equals(papers.get(q).discipline())) {
						sameField++;
					}
				}
			}
			if (rank >= 1 && rank <= 10) {
				mrr += 1.0 / rank;
				ndcg += 1.0 / (Math.log(rank + 1) / Math.log(2));
				recall10++;
			}
			if (rank >= 1 && rank <= 100) {
				recall100++;
			}
			discipline += sameField / 10.0;
		}
		int n = queries.size();
		return new Measures(mrr / n, ndcg / n, recall10 / n, recall100 / n, discipline / n);
	}

	/** The papers of the three files, which list the same papers in the same order. */
	static List<Paper> papers(Path dir) throws IOException {
		List<String[]> ts = rows(dir.resolve("ts-dev.tsv"));
		List<String[]> kg = rows(dir.resolve("kg-dev.tsv"));
		List<String[]> dcp = rows(dir.resolve("cls_dcp-dev.tsv"));
		if (ts.size() != kg.size() || ts.size() != dcp.size()) {
			throw new IllegalArgumentException("ts-dev.tsv, kg-dev.tsv and cls_dcp-dev.tsv must list the same papers");
		}
		List<Paper> papers = new ArrayList<>();
		for (int i = 0; i < ts.size(); i++) {
			papers.add(new Paper(ts.get(i)[1], ts.get(i)[2], kg.get(i)[2].replace('_', ' '), dcp.get(i)[2]));
		}
		return papers;
	}

	private static List<String[]> rows(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t"))
			.filter(c -> c.length >= 3).toList();
	}

	private static void deleteRecursively(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("could not remove " + dir + ": " + ex.getMessage());
		}
	}
}
