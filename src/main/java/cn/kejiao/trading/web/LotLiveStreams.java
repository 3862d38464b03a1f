package cn.kejiao.trading.web;

import cn.kejiao.trading.AuctionQueries;
import cn.kejiao.trading.LotChange;
import cn.kejiao.trading.LotView;
import cn.kejiao.trading.LotWatchers;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The live lot pages of this node. Each lot watched by at least one page is watched once through
 * {@link LotWatchers}; on each change the lot is read once and its live part rendered once per language that its
 * watchers read, whatever their number, then sent to each as a {@code lot} event that htmx swaps in. The part is
 * the same for every reader (what the public may see): the reader's own marks ("you") are set by the page's
 * script from its pseudonym.
 */
@Component
class LotLiveStreams {

	static final String EVENT = "lot";
	private static final long STREAM_FOR = Duration.ofHours(1).toMillis();

	private final AuctionQueries queries;
	private final LotWatchers watchers;
	private final ITemplateEngine templates;
	private final ApplicationContext application;
	private final Map<UUID, Group> groups = new ConcurrentHashMap<>();

	LotLiveStreams(AuctionQueries queries, LotWatchers watchers, ITemplateEngine templates,
			ApplicationContext application) {
		this.queries = queries;
		this.watchers = watchers;
		this.templates = templates;
		this.application = application;
	}

	private record Watcher(SseEmitter emitter, Locale locale) {
	}

	private static final class Group {

		final Set<Watcher> members = new CopyOnWriteArraySet<>();

		@Nullable
		Runnable stop;
	}

	/** A stream for one page: first the lot as it is now, then its live part at every change. */
	SseEmitter open(UUID lotId, Locale locale) {
		LotView lot = queries.lot(lotId, null);
		SseEmitter emitter = new SseEmitter(STREAM_FOR);
		Watcher watcher = new Watcher(emitter, locale);
		groups.compute(lotId, (id, group) -> {
			Group joined = group == null ? new Group() : group;
			if (joined.stop == null) {
				joined.stop = watchers.watch(id, change -> changed(id, change), () -> ended(id));
			}
			joined.members.add(watcher);
			return joined;
		});
		emitter.onCompletion(() -> leave(lotId, watcher));
		emitter.onTimeout(() -> leave(lotId, watcher));
		emitter.onError(error -> leave(lotId, watcher));
		send(watcher, lot.bidCount(), render(lot, queries.history(lotId, null), locale));
		return emitter;
	}

	/** How many pages this node streams to. */
	int count() {
		return groups.values().stream().mapToInt(group -> group.members.size()).sum();
	}

	private void leave(UUID lotId, Watcher watcher) {
		groups.computeIfPresent(lotId, (id, group) -> {
			group.members.remove(watcher);
			if (!group.members.isEmpty()) {
				return group;
			}
			if (group.stop != null) {
				group.stop.run();
			}
			return null;
		});
	}

	/** This node stops: its streams end now, and the pages reconnect to another node. */
	private void ended(UUID lotId) {
		Group group = groups.get(lotId);
		if (group != null) {
			group.members.forEach(watcher -> watcher.emitter().complete());
		}
	}

	private void changed(UUID lotId, @Nullable LotChange change) {
		Group group = groups.get(lotId);
		if (group == null) {
			return;
		}
		if (change == null) {
			group.members.forEach(LotLiveStreams::keepAlive);
			return;
		}
		LotView lot = queries.lot(lotId, null);
		List<AuctionQueries.PriceStep> history = queries.history(lotId, null);
		Map<Locale, String> parts = new HashMap<>();
		for (Watcher watcher : group.members) {
			send(watcher, lot.bidCount(), parts.computeIfAbsent(watcher.locale(), l -> render(lot, history, l)));
		}
	}

	String render(LotView lot, List<AuctionQueries.PriceStep> history, Locale locale) {
		Context context = new Context(locale);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(application, null));
		context.setVariable("lot", lot);
		context.setVariable("history", AuctionPageController.newestFirst(history));
		context.setVariable("me", null);
		Locale before = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(locale);
		try {
			// one line: an event's data may not hold a bare line break
			return templates.process("trading/auction/live", Set.of("live"), context).replaceAll("\\s*\\R\\s*", " ");
		}
		finally {
			LocaleContextHolder.setLocale(before);
		}
	}

	private static void send(Watcher watcher, int bidCount, String html) {
		try {
			watcher.emitter().send(SseEmitter.event().name(EVENT).id(Integer.toString(bidCount)).data(html,
					MediaType.TEXT_HTML));
		}
		catch (IOException | IllegalStateException e) {
			watcher.emitter().completeWithError(e);
		}
	}

	private static void keepAlive(Watcher watcher) {
		try {
			watcher.emitter().send(SseEmitter.event().comment("keep-alive"));
		}
		catch (IOException | IllegalStateException e) {
			watcher.emitter().completeWithError(e);
		}
	}
}
