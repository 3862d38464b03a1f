package cn.kejiao.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.text.ChineseText;

/**
 * The synonym groups the platform admin maintains. They expand queries (not the index), so a change
 * takes effect at once without re-indexing.
 */
@Component
class Synonyms {

	private final SynonymGroupRepository groups;
	private final AuditLog audit;
	private final Clock clock;
	private volatile List<List<String>> cache;
	private volatile List<Term> terms;

	/** A synonym and the group it belongs to. */
	record Term(String term, List<String> group) {
	}

	private final EnglishNames english;

	Synonyms(SynonymGroupRepository groups, AuditLog audit, Clock clock, EnglishNames english) {
		this.english = english;
		this.groups = groups;
		this.audit = audit;
		this.clock = clock;
	}

	/** Each group as normalised terms. */
	List<List<String>> groups() {
		List<List<String>> current = cache;
		if (current == null) {
			current = groups.findAll().stream().map(group -> split(group.terms())).filter(terms -> terms.size() > 1).toList();
			cache = current;
		}
		return current;
	}

	/**
	 * The terms a query is recognised by, the longest first (a query is read by its longest synonyms first):
	 * every term of the admins' groups, and the built-in English names ({@link EnglishNames}).
	 */
	List<Term> termsLongestFirst() {
		List<Term> current = terms;
		if (current == null) {
			List<Term> all = new ArrayList<>();
			groups().forEach(group -> group.forEach(term -> all.add(new Term(term, group))));
			english.groups().forEach(group -> group.recognised().forEach(term -> all.add(new Term(term, group.terms()))));
			current = all.stream().filter(t -> !t.term().isEmpty())
				.sorted(java.util.Comparator.comparingInt((Term t) -> t.term().length()).reversed()).toList();
			terms = current;
		}
		return current;
	}

	@Transactional(readOnly = true)
	public List<String> list() {
		return groups.findAll().stream().map(SynonymGroup::terms).toList();
	}

	/** Replaces all groups; one group a line, terms separated by commas. Platform admin only. */
	@Transactional
	public void replace(String text) {
		if (!Actors.require().isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		List<String> before = list();
		groups.deleteAllInBatch();
		List<String> after = new ArrayList<>();
		for (String line : text.split("\\R")) {
			List<String> terms = Arrays.stream(line.split("[,，=、;；]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
			if (terms.size() > 1) {
				String joined = String.join(", ", terms);
				groups.save(new SynonymGroup(joined, clock.instant()));
				after.add(joined);
			}
		}
		cache = null;
		terms = null;
		audit.record("catalog.synonyms-changed", "synonyms", "all", "synonyms", null, java.util.Map.of("groups", before),
				java.util.Map.of("groups", after));
	}

	private static List<String> split(String terms) {
		return Arrays.stream(terms.split(",")).map(ChineseText::normalise).filter(t -> !t.isEmpty()).toList();
	}
}
