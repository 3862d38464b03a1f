package cn.kejiao.demand;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.CatalogMatching;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.text.ChineseText;
import cn.kejiao.region.Regions;

/**
 * Supply–demand matching. For a demand: the catalog's entries from every region the demand reaches, as the
 * catalog ranks them for the demand's words ({@link CatalogMatching}), then by what people said of them — a suggestion marked useful for this demand rises, one marked not useful
 * sinks, and an entry found useful for other demands gains a little. Each suggestion says why: the words it
 * shares with the demand, the field, the region or zone, and for achievements the maturity and the transfer
 * modes that fit. For an entry: the open demands it could answer.
 */
@Service
public class Matching {

	private final Demands demands;
	private final MatchReasons reasons;
	private final CatalogMatching catalogMatching;
	private final Catalog catalog;
	private final Regions regions;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Matching(Demands demands, MatchReasons reasons, CatalogMatching catalogMatching, Catalog catalog, Regions regions,
			JdbcClient jdbc, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.reasons = reasons;
		this.events = events;
		this.demands = demands;
		this.catalogMatching = catalogMatching;
		this.catalog = catalog;
		this.regions = regions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One suggestion: what it is, how well it fits the demand (0–1, the same measure for every demand: see
	 * {@link MatchReasons}), why, the verdict given on it, if any, and the other organisations that offer an
	 * entry of the same type and title (shown as one suggestion, not one each).
	 */
	public record MatchView(EntryType type, UUID id, String title, String regionCode, String organisation, double score,
			List<Reason> reasons, @Nullable Boolean useful, List<String> alsoOfferedBy) {
	}

	/** A reason a person reads: a stable code and the text in the reader's language. */
	public record Reason(String code, String text) {
	}

	/**
	 * The entries that could answer the demand, best fit first, one per type and title; for those who manage
	 * the demand. What people said moves a suggestion: marked useful for this demand it comes first, marked
	 * not useful it sinks, found useful for other demands it gains a little.
	 */
	@Transactional(readOnly = true)
	public List<MatchView> matches(UUID demandId, @Nullable EntryType type, int limit) {
		Actor actor = Actors.require();
		Demands.Row demand = demands.managed(demandId, actor);
		int size = Math.clamp(limit, 1, 100);
		List<CatalogMatching.Candidate> found = rank(demand, type == null ? Set.of() : Set.of(type), actor,
				Math.max(40, size * 2));
		if (found.isEmpty()) {
			return List.of();
		}
		Map<UUID, Boolean> verdicts = new HashMap<>();
		Map<UUID, double[]> elsewhere = new HashMap<>();
		feedback(found.stream().map(CatalogMatching.Candidate::id).toList(), demandId, verdicts, elsewhere);
		Map<UUID, EntryView> views = new HashMap<>();
		catalog.views(found.stream().map(CatalogMatching.Candidate::id).toList(), actor).forEach(v -> views.put(v.id(), v));
		MatchReasons.Need need = MatchReasons.Need.of(demand);
		List<Scored> scored = new ArrayList<>();
		for (CatalogMatching.Candidate match : found) {
			double fit = MatchReasons.fit(need, MatchReasons.entryText(match, views.get(match.id())));
			double order = fit;
			double[] votes = elsewhere.get(match.id());
			if (votes != null) {
				// (useful + 1) / (all + 2): from 0.8 (always rejected) to 1.2 (always useful), 1 with no votes
				order *= 0.8 + 0.4 * (votes[0] + 1) / (votes[1] + 2);
			}
			// what the demand's managers marked useful comes first; what they marked not useful sinks, still shown
			Boolean verdict = verdicts.get(match.id());
			if (verdict != null) {
				order = verdict ? order + 2 : order * 0.3;
			}
			// the catalog's ranking (at most 2) decides between equal fits
			scored.add(new Scored(match, fit, order + match.score() / 1000, verdict));
		}
		scored.sort(Comparator.comparingDouble(Scored::order).reversed());
		// one suggestion per type and title: the same service at eighteen organisations is one answer; an entry
		// someone judged stays on its own
		Map<String, Scored> firsts = new LinkedHashMap<>();
		Map<String, List<String>> others = new HashMap<>();
		for (Scored s : scored) {
			String key = s.verdict() != null ? s.match().id().toString()
					: s.match().type() + " " + ChineseText.normalise(s.match().title());
			if (firsts.putIfAbsent(key, s) != null) {
				List<String> orgs = others.computeIfAbsent(key, k -> new ArrayList<>());
				if (!orgs.contains(s.match().organisation()) && !s.match().organisation().equals(firsts.get(key).match().organisation())) {
					orgs.add(s.match().organisation());
				}
			}
		}
		List<MatchView> result = new ArrayList<>();
		for (Map.Entry<String, Scored> first : firsts.entrySet()) {
			if (result.size() == size) {
				break;
			}
			Scored s = first.getValue();
			CatalogMatching.Candidate match = s.match();
			List<Reason> why = reasons.of(demand, need, match, views.get(match.id()));
			result.add(new MatchView(match.type(), match.id(), match.title(), match.regionCode(), match.organisation(),
					Math.round(s.fit() * 100) / 100.0, why, s.verdict(), List.copyOf(others.getOrDefault(first.getKey(), List.of()))));
		}
		return result;
	}

	private record Scored(CatalogMatching.Candidate match, double fit, double order, @Nullable Boolean verdict) {
	}

	/** The catalog's candidates for the demand, before anyone's verdicts: 2 at most (the best match). */
	private List<CatalogMatching.Candidate> rank(Demands.Row demand, Set<EntryType> types, @Nullable Actor reader,
			int limit) {
		return catalogMatching.rank(new CatalogMatching.Need(demandText(demand), demand.keywords(), types,
				demands.scope(demand)), reader, limit);
	}

	static String demandText(Demands.Row demand) {
		return String.join(" ", demand.title(), demand.field(), demand.description());
	}

	/** See {@link MatchReasons#sharedWords}. */
	static List<String> sharedWords(String normalEntryText, Set<String> keywordTokens, Set<String> demandTokens) {
		return MatchReasons.sharedWords(normalEntryText, keywordTokens, demandTokens);
	}

	// ---- telling the owners of strong matches

	/** How close to the best match a suggestion must be for its owner to be told, and how many at most. */
	static final double STRONG = 0.75;

	static final int TOLD_AT_MOST = 5;

	/**
	 * When a demand opens, the owners of its strongest matches (as a visitor would see them) are to be told:
	 * {@link MatchSuggested} for each, which the notification module words and sends (in the application and
	 * by e-mail, each pair of demand and entry at most once, however often the demand reopens).
	 */
	@org.springframework.modulith.events.ApplicationModuleListener
	void tellOwners(DemandOpened opened) {
		Demands.Row demand = demands.row(opened.demandId());
		List<CatalogMatching.Candidate> ranked = rank(demand, Set.of(), null, 20);
		if (ranked.isEmpty()) {
			return;
		}
		double best = ranked.getFirst().score();
		String where = regions.fullName(demands.shownRegion(demand, null));
		List<CatalogMatching.Candidate> strong = ranked.stream().filter(r -> r.score() >= STRONG * best)
			.filter(r -> !r.ownerOrgId().equals(demand.ownerOrgId())).limit(TOLD_AT_MOST).toList();
		if (!strong.isEmpty()) {
			jdbc.sql("update demand.demand set matched_at = :at where id = :id and matched_at is null")
				.param("at", Timestamp.from(clock.instant())).param("id", demand.id()).update();
		}
		strong.forEach(r -> events.publishEvent(new MatchSuggested(demand.id(), demand.title(), where, r.id(), r.title(),
				r.ownerOrgId())));
		UUID owner = demand.ownerOrgId();
		if (!strong.isEmpty() && owner != null) {
			events.publishEvent(new DemandMatched(demand.id(), demand.title(), owner,
					strong.stream().map(CatalogMatching.Candidate::id).toList()));
		}
	}

	// ---- feedback

	/** A person who manages the demand says whether a suggestion was useful (and if not, why). */
	@Transactional
	public void feedback(UUID demandId, EntryType type, UUID entryId, boolean useful, @Nullable String reason,
			@Nullable String note) {
		Actor actor = Actors.require();
		Demands.Row demand = demands.managed(demandId, actor);
		if (catalog.views(List.of(entryId), actor).stream().noneMatch(v -> v.type() == type)) {
			throw KejiaoException.notFound("catalog.not-found", entryId);
		}
		String why = null;
		if (!useful) {
			why = reason == null || reason.isBlank() ? null : reason.strip().toUpperCase(Locale.ROOT).replace('-', '_');
			if (why == null || !List.of("TOO_EARLY", "BENEFIT_UNCLEAR", "PRICE", "REGION", "OTHER").contains(why)) {
				throw KejiaoException.invalid("match.reason-required");
			}
		}
		java.time.Instant before = firstUseful(demandId, entryId);
		jdbc.sql("""
				insert into demand.feedback (demand_id, entry_id, entry_type, useful, reason, note, by_user, at)
				values (:demand, :entry, :type, :useful, :reason, :note, :by, :at)
				on conflict (demand_id, entry_id, by_user) do update
				set useful = excluded.useful, reason = excluded.reason, note = excluded.note, at = excluded.at""")
			.param("demand", demandId).param("entry", entryId).param("type", type.name()).param("useful", useful)
			.param("reason", why, java.sql.Types.VARCHAR).param("note", note == null ? "" : note.strip())
			.param("by", actor.username()).param("at", Timestamp.from(clock.instant())).update();
		events.publishEvent(new MatchVerdictGiven(demandId, entryId, type, useful, before, firstUseful(demandId, entryId)));
		audit.record("match.feedback", "demand", demandId.toString(), demand.title(), demand.regionCode(), null,
				Map.of("entry", entryId.toString(), "useful", useful, "reason", why == null ? "" : why));
	}

	/** The first useful verdict still standing on a demand's suggestion, when a match counts from (see {@link MatchFlows}). */
	private java.time.@Nullable Instant firstUseful(UUID demandId, UUID entryId) {
		Timestamp first = jdbc.sql("select min(at) from demand.feedback where demand_id = :d and entry_id = :e and useful")
			.param("d", demandId).param("e", entryId).query((rs, n) -> rs.getTimestamp(1)).list().getFirst();
		return first == null ? null : first.toInstant();
	}

	/** One verdict as admins see it. */
	public record FeedbackView(UUID demandId, String demandTitle, String regionCode, UUID entryId, EntryType entryType,
			boolean useful, @Nullable String reason, String note, String byUser, java.time.Instant at) {
	}

	/** The verdicts on suggestions for the demands of the admin's region, newest first. */
	@Transactional(readOnly = true)
	public List<FeedbackView> feedbackOfRegion() {
		Actor actor = Actors.require();
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		return jdbc.sql("""
				select f.demand_id, d.title, d.region_code, f.entry_id, f.entry_type, f.useful, f.reason, f.note, f.by_user, f.at
				from demand.feedback f join demand.demand d on d.id = f.demand_id
				where d.region_code like :scope order by f.at desc limit 500""")
			.param("scope", actor.isPlatformAdmin() ? "%" : cn.kejiao.platform.RegionCodes.likePattern(actor.regionCode()))
			.query((rs, n) -> new FeedbackView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), EntryType.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getString(7),
					rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()))
			.list();
	}

	/**
	 * What was said of these entries, in one query: for this demand, the verdict (someone found it useful:
	 * useful; everyone said not: not useful); for other demands, [useful votes, all votes].
	 */
	private void feedback(List<UUID> entries, UUID demandId, Map<UUID, Boolean> verdicts, Map<UUID, double[]> elsewhere) {
		jdbc.sql("""
				select entry_id, bool_or(useful) filter (where demand_id = :d),
				       count(*) filter (where demand_id <> :d and useful), count(*) filter (where demand_id <> :d)
				from demand.feedback where entry_id = any(:entries) group by entry_id""")
			.param("entries", entries.toArray(UUID[]::new)).param("d", demandId)
			.query((rs, n) -> {
				UUID entry = rs.getObject(1, UUID.class);
				boolean useful = rs.getBoolean(2);
				if (!rs.wasNull()) {
					verdicts.put(entry, useful);
				}
				if (rs.getLong(4) > 0) {
					elsewhere.put(entry, new double[] { rs.getLong(3), rs.getLong(4) });
				}
				return entry;
			}).list();
	}

	// ---- the other way round

	/** A demand an entry could answer, with the words they share. */
	public record DemandMatch(DemandView demand, double score, List<Reason> reasons) {
	}

	/**
	 * The open demands an entry could answer, best first: those that reach the entry's region, scored by BM25
	 * of the entry's words in the demands' text.
	 */
	@Transactional(readOnly = true)
	public List<DemandMatch> demandsFor(UUID entryId, int limit) {
		Actor actor = Actors.current().orElse(null);
		EntryView entry = catalog.get(entryId, actor);
		Set<String> entryTokens = MatchReasons.telling(List.of(entry.title(), entry.summary(),
				String.join(" ", entry.keywords()), entry.category()));
		List<Demands.Row> candidates = demands.openReaching(entry.regionCode(), actor);
		if (candidates.isEmpty() || entryTokens.isEmpty()) {
			return List.of();
		}
		List<Set<String>> docs = candidates.stream()
			.map(d -> MatchReasons.telling(List.of(d.title(), d.description(), d.field(), String.join(" ", d.keywords())))).toList();
		Map<String, Integer> df = new HashMap<>();
		docs.forEach(doc -> doc.forEach(t -> df.merge(t, 1, Integer::sum)));
		double n = docs.size();
		List<DemandMatch> result = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			Set<String> doc = docs.get(i);
			double score = 0;
			List<String> shared = new ArrayList<>();
			for (String token : entryTokens) {
				if (doc.contains(token)) {
					score += Math.log(1 + (n - df.get(token) + 0.5) / (df.get(token) + 0.5));
					shared.add(token);
				}
			}
			if (score > 0) {
				Demands.Row row = candidates.get(i);
				result.add(new DemandMatch(demands.view(row, actor), score,
						List.of(reasons.reason("shared-terms", String.join("、", shared.subList(0, Math.min(6, shared.size())))))));
			}
		}
		result.sort(Comparator.comparingDouble(DemandMatch::score).reversed());
		List<DemandMatch> top = result.subList(0, Math.min(Math.clamp(limit, 1, 100), result.size()));
		double best = top.isEmpty() ? 1 : top.getFirst().score();
		return top.stream().map(m -> new DemandMatch(m.demand(), Math.round(m.score() / best * 1000) / 1000.0, m.reasons()))
			.toList();
	}
}
