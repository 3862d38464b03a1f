package cn.kejiao.insight;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Lru;
import cn.kejiao.region.RegionLevel;
import cn.kejiao.region.RegionView;
import cn.kejiao.region.Regions;

/**
 * The open statistics anyone may read, without signing in: a region's public figures ({@link PublicFigures}) for
 * the nation, a province or a prefecture (a county's figures are not published: 404 {@code stats.region-not-public},
 * as is a code naming no region). Read from the read model only, and kept in memory per node for a short while
 * ({@code kejiao.insight.stats-ttl}, five minutes by default; at most {@link #CACHED} periods): the cache only
 * saves work, every node answers the same figures from the database once it lapses.
 */
@Service
public class OpenStatistics {

	/** How many (region, period) answers one node keeps. */
	static final int CACHED = 2_000;

	/** The answer and its entity tag, a hash of the figures (the same on every node for the same figures). */
	public record Answer(PublicFigures figures, String etag, Instant expires) {
	}

	private final InsightFigures insight;
	private final InsightReadModel model;
	private final Regions regions;
	private final MessageSource messages;
	private final Clock clock;
	private final Duration ttl;
	private final Map<String, Answer> cache = Lru.map(CACHED);

	OpenStatistics(InsightFigures insight, InsightReadModel model, Regions regions, MessageSource messages,
			Clock clock, @Value("${kejiao.insight.stats-ttl:PT5M}") Duration ttl) {
		this.insight = insight;
		this.model = model;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
		this.ttl = ttl;
	}

	/** How long an answer is kept, and may be kept by the caller's caches. */
	public Duration ttl() {
		return ttl;
	}

	/**
	 * The region's public figures from {@code from} to {@code to} (ISO dates, both included; this year so far when
	 * left out). 400 {@code stats.date-invalid} for a date not ISO, {@code flows.span} for a period running
	 * backwards or longer than ten years; 404 {@code region.not-found} or {@code stats.region-not-public}.
	 */
	public Answer figures(String region, @Nullable String from, @Nullable String to) {
		RegionView view = publicRegion(region);
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		LocalDate start = date(from, "from", today.withDayOfYear(1));
		LocalDate end = date(to, "to", today);
		String key = region + "/" + start + "/" + end;
		Instant now = clock.instant();
		Answer cached = cache.get(key);
		if (cached != null && cached.expires().isAfter(now)) {
			return cached;
		}
		PublicFigures figures = compute(region, view, start, end);
		Answer answer = new Answer(figures, etag(figures), now.plus(ttl));
		cache.put(key, answer);
		return answer;
	}

	private PublicFigures compute(String region, @Nullable RegionView view, LocalDate from, LocalDate to) {
		List<PublicFigures.PublicKind> kinds = new ArrayList<>();
		for (KindFigures f : insight.figures(region, from, to)) {
			boolean money = InsightAccess.publicValue(f.kind());
			kinds.add(new PublicFigures.PublicKind(f.kind(), name(f.kind(), Locale.SIMPLIFIED_CHINESE),
					name(f.kind(), Locale.ENGLISH), f.kind().group(), money && f.kind().money(),
					figure(f.served(), money), figure(f.serving(), money), figure(f.inside(), money)));
		}
		List<PublicFigures.PublicStock> stocks = new ArrayList<>();
		java.util.Map<InsightKind, Amount> atEnd = insight.stocks(region, to);
		for (InsightKind kind : model.kinds()) {
			if (kind.group() == InsightKind.Group.CATALOG) {
				stocks.add(new PublicFigures.PublicStock(kind, name(kind, Locale.SIMPLIFIED_CHINESE), name(kind, Locale.ENGLISH),
						atEnd.getOrDefault(kind, Amount.NONE).count()));
			}
		}
		String zh = view == null ? message("insight.report.nation", Locale.SIMPLIFIED_CHINESE) : view.name();
		String en = view == null ? message("insight.report.nation", Locale.ENGLISH) : view.nameEn();
		return new PublicFigures(region, zh, en, from, to,
				OffsetDateTime.now(clock.withZone(ChinaTime.ZONE)).withNano(0), List.copyOf(kinds), List.copyOf(stocks));
	}

	/** The region if its figures are public; null for the nation. */
	private @Nullable RegionView publicRegion(String region) {
		if (InsightFigures.NATION.equals(region)) {
			return null;
		}
		RegionView view = regions.get(region);
		if (view.level() == RegionLevel.COUNTY) {
			throw KejiaoException.notFound("stats.region-not-public", region);
		}
		return view;
	}

	private static PublicFigures.PublicAmount figure(Amount amount, boolean money) {
		return new PublicFigures.PublicAmount(amount.count(), money ? amount.value() : null);
	}

	private static LocalDate date(@Nullable String text, String field, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid("stats.date-invalid", field, text.strip());
		}
	}

	/** A weak tag of the figures: the same figures give the same tag, whenever and wherever computed. */
	private static String etag(PublicFigures figures) {
		String content = figures.region() + figures.from() + figures.to() + figures.figures() + figures.stocks();
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String name(InsightKind kind, Locale locale) {
		return messages.getMessage(kind.messageKey(), null, kind.name(), locale);
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
