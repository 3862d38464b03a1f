package cn.kejiao.insight;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.RegionFlow;

/**
 * The rows behind a figure: the orders, bookings, contracts… counted, as their owning module lists them, asked of
 * the source of the kind. Which rows: {@code side} says on which side the region stands (served: its enterprises
 * were served; serving: its providers served; inside: both), {@code served} and {@code serving} narrow a side to a
 * region further (a pair of the map). The side the region stands on must lie within it, and the actor must govern
 * the region ({@link InsightAccess#requireGoverns}, 403 {@code insight.scope}); a narrowing filter outside the
 * region on that side is refused the same way. A source that does not list its rows yet answers 501
 * {@code insight.drill-unavailable}.
 */
@Service
public class InsightDrill {

	/** Where the region stands in the rows asked for. */
	public enum Side {
		SERVED, SERVING, INSIDE
	}

	/** One page of rows; {@code more} when a further page exists. */
	public record Rows(List<FlowItem> items, boolean more) {
	}

	private final Map<InsightKind, FactSource> sources = new EnumMap<>(InsightKind.class);
	private final InsightAccess access;

	InsightDrill(List<FactSource> sources, InsightAccess access) {
		this.access = access;
		for (FactSource source : sources) {
			source.kinds().forEach(kind -> this.sources.put(kind, source));
		}
	}

	/**
	 * The page of rows of {@code kind} from {@code from} to {@code to} with the region on {@code side}, newest
	 * first. {@code served}, {@code serving}: a region code to narrow that side to, or null.
	 */
	public Rows rows(@Nullable Actor actor, String region, InsightKind kind, Side side, @Nullable String served,
			@Nullable String serving, LocalDate from, LocalDate to, Paging paging) {
		InsightFigures.pattern(region);
		access.requireGoverns(actor, region);
		RegionFlow.requireSpan(from, to);
		String servedSide = narrowed(actor, region, served, side != Side.SERVING);
		String servingSide = narrowed(actor, region, serving, side != Side.SERVED);
		FactSource source = sources.get(kind);
		if (source == null) {
			throw unavailable(kind);
		}
		try {
			List<FlowItem> items = source.rows(kind, from, to, regions(servedSide), regions(servingSide),
					paging.offset(), paging.size() + 1);
			boolean more = items.size() > paging.size();
			return new Rows(more ? items.subList(0, paging.size()) : items, more);
		}
		catch (UnsupportedOperationException ex) {
			throw unavailable(kind);
		}
	}

	/**
	 * The region one side is narrowed to: on the region's own side the filter (within the region, or refused) or the
	 * region itself; on the other side the filter as asked, any region when none. {@code null}: every region.
	 */
	private @Nullable String narrowed(@Nullable Actor actor, String region, @Nullable String filter, boolean own) {
		String asked = filter == null || filter.isBlank() ? null : filter.strip();
		if (asked != null) {
			InsightFigures.pattern(asked);
		}
		if (!own) {
			return InsightFigures.NATION.equals(asked) ? null : asked;
		}
		if (asked == null) {
			return InsightFigures.NATION.equals(region) ? null : region;
		}
		if (!InsightFigures.NATION.equals(region) && !RegionCodes.isWithin(asked, region)) {
			throw KejiaoException.forbidden("insight.scope", asked);
		}
		access.requireGoverns(actor, asked);
		return InsightFigures.NATION.equals(asked) ? null : asked;
	}

	private static List<String> regions(@Nullable String region) {
		return region == null ? List.of() : List.of(region);
	}

	private static KejiaoException unavailable(InsightKind kind) {
		return new KejiaoException(HttpStatus.NOT_IMPLEMENTED, "insight.drill-unavailable", kind.name());
	}
}
