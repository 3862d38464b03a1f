package cn.kejiao.cooperation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.catalog.Catalog;
import cn.kejiao.catalog.EntryType;
import cn.kejiao.catalog.EntryView;
import cn.kejiao.demand.DemandView;
import cn.kejiao.demand.Demands;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.trading.ContractView;
import cn.kejiao.trading.Contracts;
import cn.kejiao.voucher.OrderView;
import cn.kejiao.voucher.ServiceOrders;

/**
 * What an event showed and what came of it. The organisers record the demands and achievements presented at it, and
 * the follow-ups — a match between a demand and an achievement, a service order, a technology contract, a funded
 * project — each looked up through its owning module's facade as the organiser may read it, and kept with its title,
 * parties and value as they were when linked, so the event's page says what the event produced.
 */
@Service
public class EventFollowUps {

	/** What was presented: a demand or an achievement. */
	public enum ItemKind {
		DEMAND, ACHIEVEMENT
	}

	/** What came of it. */
	public enum FollowUpKind {
		MATCH, ORDER, CONTRACT, PROJECT
	}

	public record Item(UUID id, ItemKind kind, UUID refId, String title, String ownerName, String regionCode, String note,
			String addedBy, Instant addedAt) {
	}

	/**
	 * A follow-up: {@code refId} the demand (for a match), order, contract or project; {@code otherId} the achievement
	 * of a match; {@code value} the money involved when there is one.
	 */
	public record FollowUp(UUID id, FollowUpKind kind, UUID refId, @Nullable UUID otherId, String title, String parties,
			@Nullable Money value, String note, String recordedBy, Instant recordedAt) {
	}

	/** Per kind: how many follow-ups and the money they involve. */
	public record Produced(FollowUpKind kind, int count, Money value) {
	}

	/** The looked-up side of a follow-up. */
	record Found(String title, String parties, @Nullable Money value) {
	}

	private final JdbcClient jdbc;
	private final EventRows rows;
	private final Demands demands;
	private final Catalog catalog;
	private final ServiceOrders orders;
	private final Contracts contracts;
	private final Projects projects;
	private final Clock clock;

	EventFollowUps(JdbcClient jdbc, EventRows rows, Demands demands, Catalog catalog, ServiceOrders orders,
			Contracts contracts, Projects projects, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.demands = demands;
		this.catalog = catalog;
		this.orders = orders;
		this.contracts = contracts;
		this.projects = projects;
		this.clock = clock;
	}

	/** Records a demand or achievement presented at the event; each once. */
	@Transactional
	public Item present(UUID eventId, @Nullable ItemKind kind, @Nullable UUID refId, @Nullable String note) {
		Actor actor = Actors.require();
		rows.managed(eventId, actor);
		if (kind == null || refId == null) {
			throw KejiaoException.invalid("event.item-required");
		}
		String title;
		String owner;
		String region;
		if (kind == ItemKind.DEMAND) {
			DemandView demand = demands.get(refId, actor);
			title = demand.title();
			owner = demand.ownerName();
			region = demand.regionCode();
		}
		else {
			EntryView entry = achievement(refId, actor);
			title = entry.title();
			owner = entry.ownerOrgName();
			region = entry.regionCode();
		}
		UUID id = UUID.randomUUID();
		int added = jdbc.sql("""
				insert into cooperation.event_item (id, event_id, kind, ref_id, title, owner_name, region_code, note, added_by, added_at)
				values (:id, :event, :kind, :ref, :title, :owner, :region, :note, :by, :now) on conflict do nothing""")
			.param("id", id).param("event", eventId).param("kind", kind.name()).param("ref", refId).param("title", title)
			.param("owner", owner).param("region", region).param("note", Events.text(note, 500))
			.param("by", actor.username()).param("now", Timestamp.from(clock.instant())).update();
		if (added == 0) {
			throw KejiaoException.conflict("event.item-duplicate");
		}
		return items(eventId).stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
	}

	/** What was presented at an event the reader may read, demands first. */
	@Transactional(readOnly = true)
	public List<Item> items(UUID eventId) {
		rows.readable(eventId, Actors.current().orElse(null));
		return jdbc.sql("""
				select id, kind, ref_id, title, owner_name, region_code, note, added_by, added_at from cooperation.event_item
				where event_id = :event order by kind desc, added_at, id""").param("event", eventId)
			.query((rs, n) -> new Item(rs.getObject(1, UUID.class), ItemKind.valueOf(rs.getString(2)),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8), EventRows.instant(rs.getTimestamp(9))))
			.list();
	}

	/** Records a follow-up of the event, looked up as the organiser may read it; each once. */
	@Transactional
	public FollowUp record(UUID eventId, @Nullable FollowUpKind kind, @Nullable UUID refId, @Nullable UUID otherId,
			@Nullable String note) {
		Actor actor = Actors.require();
		rows.managed(eventId, actor);
		if (kind == null || refId == null || (kind == FollowUpKind.MATCH && otherId == null)) {
			throw KejiaoException.invalid("event.follow-up-required");
		}
		Found found = switch (kind) {
			case MATCH -> match(refId, otherId, actor);
			case ORDER -> order(refId, actor);
			case CONTRACT -> contract(refId);
			case PROJECT -> project(refId, actor);
		};
		UUID id = UUID.randomUUID();
		int added = jdbc.sql("""
				insert into cooperation.event_follow_up (id, event_id, kind, ref_id, other_id, title, parties, value_fen,
				  note, recorded_by, recorded_at)
				values (:id, :event, :kind, :ref, :other, :title, :parties, :value, :note, :by, :now) on conflict do nothing""")
			.param("id", id).param("event", eventId).param("kind", kind.name()).param("ref", refId)
			.param("other", kind == FollowUpKind.MATCH ? otherId : null).param("title", found.title())
			.param("parties", found.parties()).param("value", found.value() == null ? null : found.value().fen())
			.param("note", Events.text(note, 500)).param("by", actor.username())
			.param("now", Timestamp.from(clock.instant())).update();
		if (added == 0) {
			throw KejiaoException.conflict("event.follow-up-duplicate");
		}
		return followUps(eventId).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
	}

	/** The follow-ups of an event the reader may read, in the order recorded. */
	@Transactional(readOnly = true)
	public List<FollowUp> followUps(UUID eventId) {
		rows.readable(eventId, Actors.current().orElse(null));
		return jdbc.sql("""
				select id, kind, ref_id, other_id, title, parties, value_fen, note, recorded_by, recorded_at
				from cooperation.event_follow_up where event_id = :event order by recorded_at, id""").param("event", eventId)
			.query((rs, n) -> {
				long fen = rs.getLong(7);
				Money value = rs.wasNull() ? null : new Money(fen);
				return new FollowUp(rs.getObject(1, UUID.class), FollowUpKind.valueOf(rs.getString(2)),
						rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), value,
						rs.getString(8), rs.getString(9), EventRows.instant(rs.getTimestamp(10)));
			}).list();
	}

	/** What the event produced: every kind with its count and value (zero when none). */
	@Transactional(readOnly = true)
	public List<Produced> produced(UUID eventId) {
		Map<FollowUpKind, long[]> sums = new EnumMap<>(FollowUpKind.class);
		for (FollowUp followUp : followUps(eventId)) {
			long[] sum = sums.computeIfAbsent(followUp.kind(), k -> new long[2]);
			sum[0]++;
			sum[1] += followUp.value() == null ? 0 : followUp.value().fen();
		}
		List<Produced> produced = new ArrayList<>();
		for (FollowUpKind kind : FollowUpKind.values()) {
			long[] sum = sums.getOrDefault(kind, new long[2]);
			produced.add(new Produced(kind, (int) sum[0], new Money(sum[1])));
		}
		return produced;
	}

	/** A kind by its name as a client writes it; 400 with {@code code} for anything else. */
	public static <E extends Enum<E>> @Nullable E kind(Class<E> type, @Nullable String name, String code) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid(code, name);
		}
	}

	private EntryView achievement(UUID id, Actor actor) {
		EntryView entry = catalog.get(id, actor);
		if (entry.type() != EntryType.ACHIEVEMENT) {
			throw KejiaoException.invalid("event.not-an-achievement");
		}
		return entry;
	}

	private Found match(UUID demandId, @Nullable UUID achievementId, Actor actor) {
		DemandView demand = demands.get(demandId, actor);
		EntryView entry = achievement(java.util.Objects.requireNonNull(achievementId), actor);
		return new Found(demand.title() + " ↔ " + entry.title(), demand.ownerName() + " ↔ " + entry.ownerOrgName(), null);
	}

	private Found order(UUID id, Actor actor) {
		OrderView order = orders.order(id, actor);
		String amount = order.quote() != null ? order.quote() : order.listPrice();
		return new Found(order.number() + " " + order.serviceTitle(), order.enterpriseName() + " ↔ " + order.providerName(),
				amount == null ? null : Money.ofYuan(amount, "value"));
	}

	private Found contract(UUID id) {
		ContractView contract = contracts.get(id);
		return new Found(contract.number() + " " + contract.title(),
				contract.buyer().name() + " ↔ " + contract.seller().name(), contract.value());
	}

	/** A funded project the organiser may read (404 otherwise), with its lead and partners and its funding. */
	private Found project(UUID id, Actor actor) {
		ProjectView project = projects.readable(id, actor);
		StringBuilder parties = new StringBuilder(project.lead().name());
		project.partners().forEach(partner -> parties.append("、").append(partner.name()));
		return new Found(project.number() + " " + project.title(), parties.toString(), project.funding());
	}
}
