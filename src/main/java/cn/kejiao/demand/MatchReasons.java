package cn.kejiao.demand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.kejiao.catalog.CatalogMatching;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.platform.text.ChineseText;
import cn.kejiao.region.Regions;
import cn.kejiao.region.ZoneView;

/**
 * Why a suggestion fits a demand, in words a person checks at a glance, and how well, as a share a person
 * can compare from one demand to another. The words are the demand's words that tell something (no words
 * every demand and entry has — 技术, 公司, 研究 — no numbers or lone characters), named with the part of
 * the entry they are in (title, keywords, summary). The fit is the share of the demand's keywords and title
 * words the entry mentions, keywords counting twice: 100% when it names all of them, whatever else was found.
 */
@Component
class MatchReasons {

	/**
	 * Words too common in demands and entries to say why one fits another. Kept here, the one place that
	 * decides which shared words are worth naming.
	 */
	static final Set<String> COMMON = Set.of("技术", "公司", "有限", "有限公司", "企业", "我司", "本公司", "单位", "研究", "开发",
			"研发", "项目", "需求", "需要", "服务", "提供", "合作", "应用", "相关", "进行", "问题", "能力", "我们", "希望", "寻求",
			"解决", "方面", "提升", "提高", "实现", "工作", "主要", "目前", "通过", "以及", "中心", "系统", "方法", "产品", "科技",
			"创新", "发展", "领域", "行业", "平台", "支持", "开展", "具有", "可以", "能够", "一种", "基于", "用于", "包括", "国内",
			"国际", "先进", "高效", "新型", "以上", "以下", "左右", "万元", "要求", "条件", "具备", "形成", "建设", "方案", "分析",
			"工程", "科学", "大学", "学院", "研究院", "研究所", "技术服务", "检测", "测试", "设计", "生产", "the", "and",
			"for", "with", "of");

	/** Numbers and amounts alone (5, 2025年, 80%, 20万, 0.5): they match by accident. */
	private static final Pattern NUMBER = Pattern.compile("[\\d.,%％~\\-−]+[年月日万亿元吨个项台次%℃]?|[a-z]");

	private final Regions regions;
	private final MessageSource messages;

	MatchReasons(Regions regions, MessageSource messages) {
		this.regions = regions;
		this.messages = messages;
	}

	/** The words of the texts that tell something, in order, once each, none inside a longer one of them. */
	static Set<String> telling(Collection<String> texts) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String text : texts) {
			for (String token : ChineseText.rememberedTokens(text == null ? "" : text)) {
				if ((token.length() >= 2 || token.matches("[a-z0-9]+")) && !COMMON.contains(token)
						&& !NUMBER.matcher(token).matches()) {
					tokens.add(token);
				}
			}
		}
		Set<String> kept = new LinkedHashSet<>();
		for (String token : tokens) {
			if (tokens.stream().noneMatch(other -> other.length() > token.length() && other.contains(token))) {
				kept.add(token);
			}
		}
		return kept;
	}

	/** What a demand asks for, as the words reasons and the fit are measured against. */
	record Need(Set<String> keywords, Set<String> title, Set<String> all) {

		static Need of(Demands.Row demand) {
			Set<String> keywords = telling(demand.keywords());
			Set<String> title = telling(List.of(demand.title()));
			Set<String> all = new LinkedHashSet<>(keywords);
			all.addAll(title);
			all.addAll(telling(List.of(demand.field(), demand.description())));
			return new Need(keywords, title, all);
		}
	}

	/**
	 * How well the entry answers the need, from 0 to 1: the share of the demand's keywords (counting twice)
	 * and title words the entry's text mentions; a demand without either is measured by all its words.
	 */
	static double fit(Need need, String normalEntryText) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		need.title().forEach(t -> weights.merge(t, 1, Integer::sum));
		need.keywords().forEach(t -> weights.put(t, 2));
		if (weights.isEmpty()) {
			need.all().forEach(t -> weights.put(t, 1));
		}
		if (weights.isEmpty()) {
			return 0;
		}
		double found = 0;
		double all = 0;
		for (Map.Entry<String, Integer> word : weights.entrySet()) {
			all += word.getValue();
			if (ChineseText.mentions(normalEntryText, word.getKey())) {
				found += word.getValue();
			}
		}
		return found / all;
	}

	static String entryText(CatalogMatching.Candidate match, @Nullable EntryView view) {
		return ChineseText.normalise(String.join(" ", view == null ? List.of(match.title(), match.summary())
				: List.of(view.title(), view.summary(), String.join(" ", view.keywords()), view.category())));
	}

	List<Matching.Reason> of(Demands.Row demand, Need need, CatalogMatching.Candidate match, @Nullable EntryView view) {
		List<Matching.Reason> reasons = new ArrayList<>();
		String shared = sharedByPart(need, match, view);
		if (!shared.isEmpty()) {
			reasons.add(reason("shared-terms", shared));
		}
		if (view != null && !demand.field().isBlank()) {
			String field = demand.field().strip();
			Object fields = view.details().get("fields");
			boolean sameField = field.equals(view.category()) || view.keywords().contains(field)
					|| fields instanceof Collection<?> list && list.contains(field)
					|| view.details().getOrDefault("field", "").equals(field);
			if (sameField) {
				reasons.add(reason("field", field));
			}
		}
		if (match.regionCode().startsWith(demand.regionCode().substring(0, 2))) {
			reasons.add(reason("same-province", regions.fullName(match.regionCode().substring(0, 2) + "0000")));
		}
		else {
			regions.zonesCovering(demand.regionCode()).stream()
				.filter(zone -> regions.zoneCovers(zone.code(), match.regionCode())).map(ZoneView::name).findFirst()
				.ifPresent(zone -> reasons.add(reason("zone", zone)));
		}
		if (view != null && match.type() == EntryType.ACHIEVEMENT) {
			if (view.maturity() != null && !view.maturity().equals("LAB")) {
				reasons.add(reason("maturity", message("maturity." + view.maturity(), view.maturity())));
			}
			if (view.details().get("transferModes") instanceof Collection<?> modes) {
				List<String> fit = demand.modes().stream().map(Enum::name).filter(m -> modes.contains(m))
					.map(m -> message("transferMode." + m, m)).toList();
				if (!fit.isEmpty()) {
					reasons.add(reason("modes", String.join("、", fit)));
				}
			}
		}
		return reasons;
	}

	/**
	 * The shared words (at most six) by the part of the entry they are in: "铝土矿、氧化铝（见于标题）；赤泥（见于简介）".
	 */
	private String sharedByPart(Need need, CatalogMatching.Candidate match, @Nullable EntryView view) {
		String title = ChineseText.normalise(match.title());
		String keywords = view == null ? "" : ChineseText.normalise(String.join(" ", view.keywords()) + " " + view.category());
		String summary = ChineseText.normalise(view == null ? match.summary() : view.summary());
		Set<String> keywordTokens = need.keywords();
		Set<String> demandTokens = new LinkedHashSet<>(need.title());
		demandTokens.addAll(need.all());
		List<String> words = sharedWords(String.join(" ", title, keywords, summary), keywordTokens, demandTokens);
		Map<String, List<String>> byPart = new LinkedHashMap<>();
		for (String word : words.subList(0, Math.min(6, words.size()))) {
			String part = ChineseText.mentions(title, word) ? "title" : ChineseText.mentions(keywords, word) ? "keywords" : "summary";
			byPart.computeIfAbsent(part, p -> new ArrayList<>()).add(word);
		}
		List<String> parts = new ArrayList<>();
		for (String part : List.of("title", "keywords", "summary")) {
			if (byPart.containsKey(part)) {
				parts.add(messages.getMessage("match.words-in", new Object[] { String.join("、", byPart.get(part)),
						message("match.part." + part, part) }, LocaleContextHolder.getLocale()));
			}
		}
		return String.join(message("match.parts-separator", "; "), parts);
	}

	/**
	 * The demand's telling words the entry's text has: its keywords' first, then the longest first; a word
	 * inside one already named is left out (电子显微镜 names 显微镜 too). Found in the text rather than in its
	 * segmentation, so a reader finds each of them there as written.
	 */
	static List<String> sharedWords(String normalEntryText, Set<String> keywordTokens, Set<String> demandTokens) {
		List<String> candidates = new ArrayList<>();
		keywordTokens.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(candidates::add);
		demandTokens.stream().filter(t -> !keywordTokens.contains(t))
			.sorted(Comparator.comparingInt(String::length).reversed()).forEach(candidates::add);
		List<String> shared = new ArrayList<>();
		for (String token : candidates) {
			if (!COMMON.contains(token) && !NUMBER.matcher(token).matches() && ChineseText.mentions(normalEntryText, token)
					&& shared.stream().noneMatch(s -> s.contains(token))) {
				shared.add(token);
			}
		}
		return shared;
	}

	Matching.Reason reason(String code, String argument) {
		return new Matching.Reason(code, messages.getMessage("match.reason." + code, new Object[] { argument },
				LocaleContextHolder.getLocale()));
	}

	private String message(String code, String fallback) {
		return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
	}
}
