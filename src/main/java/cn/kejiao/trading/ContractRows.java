package cn.kejiao.trading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;

/** The contracts' rows: written and read here alone, in the trading schema. */
@Component
class ContractRows {

	private static final String SELECT = """
			select id, number, title, type, seller_org_id, seller_name, seller_region, buyer_org_id, buyer_name,
			       buyer_region, value_fen, broker_user_id, broker_name, commission_fen, state, seller_signed_by,
			       seller_signed_at, buyer_signed_by, buyer_signed_at, registration_number, registered_by, registered_at,
			       started_at, completed_at, terminated_at, termination_reason, origin_kind, origin_id, created_by, created_at
			from trading.contract c
			""";

	/** A contract to insert, its parties and schedule checked. */
	record NewContract(String title, ContractType type, ContractView.Party seller, ContractView.Party buyer, Money value,
			PaymentSchedule schedule, ContractView.@Nullable Broker broker, Money commission, String origin,
			@Nullable UUID originId, @Nullable String originKey, String createdBy) {
	}

	private final JdbcClient jdbc;

	ContractRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the contract, or nothing when one of the same origin exists.
	 * @return its id, or empty when the origin has its contract already
	 */
	Optional<UUID> insert(NewContract c, Instant now) {
		UUID id = UUID.randomUUID();
		long seq = jdbc.sql("select nextval('trading.contract_number_seq')").query(Long.class).single();
		String number = String.format("JSHT%d%06d", Year.from(now.atZone(cn.kejiao.platform.ChinaTime.ZONE)).getValue(), seq);
		int inserted = jdbc.sql("""
				insert into trading.contract (id, number, title, type, seller_org_id, seller_name, seller_region, buyer_org_id,
				    buyer_name, buyer_region, value_fen, broker_user_id, broker_name, commission_fen, state, origin_kind,
				    origin_id, origin_key, created_by, created_at, updated_at)
				values (:id, :number, :title, :type, :seller, :sellerName, :sellerRegion, :buyer, :buyerName, :buyerRegion,
				    :value, :broker, :brokerName, :commission, 'DRAFT', :origin, :originId, :originKey, :by, :at, :at)
				on conflict (origin_key) do nothing""")
			.param("id", id).param("number", number).param("title", c.title()).param("type", c.type().name())
			.param("seller", c.seller().organisationId()).param("sellerName", c.seller().name())
			.param("sellerRegion", c.seller().regionCode()).param("buyer", c.buyer().organisationId())
			.param("buyerName", c.buyer().name()).param("buyerRegion", c.buyer().regionCode()).param("value", c.value().fen())
			.param("broker", c.broker() == null ? null : c.broker().userId())
			.param("brokerName", c.broker() == null ? null : c.broker().name()).param("commission", c.commission().fen())
			.param("origin", c.origin()).param("originId", c.originId()).param("originKey", c.originKey())
			.param("by", c.createdBy()).param("at", Timestamp.from(now)).update();
		if (inserted == 0) {
			return Optional.empty();
		}
		int seqNo = 0;
		for (PaymentSchedule.Instalment instalment : c.schedule().instalments()) {
			jdbc.sql("insert into trading.contract_instalment (contract_id, seq, due_on, amount_fen) values (:c, :s, :d, :a)")
				.param("c", id).param("s", ++seqNo).param("d", instalment.dueOn()).param("a", instalment.amount().fen())
				.update();
		}
		return Optional.of(id);
	}

	Optional<ContractView> find(UUID id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional().map(this::withSchedule);
	}

	/** The contract, its row locked for a step: steps on one contract run one after another. */
	Optional<ContractView> lock(UUID id) {
		return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::row).optional()
			.map(this::withSchedule);
	}

	/** The contract of an origin, if one was drafted from it. */
	Optional<UUID> byOriginKey(String key) {
		return jdbc.sql("select id from trading.contract where origin_key = :k").param("k", key).query(UUID.class).optional();
	}

	/** The contracts an organisation is party to, newest first. */
	List<ContractView> ofOrganisation(UUID organisationId, int offset, int size) {
		return schedules(jdbc.sql(SELECT + """
				 where seller_org_id = :o or buyer_org_id = :o order by created_at desc, id limit :size offset :offset""")
			.param("o", organisationId).param("size", size).param("offset", offset).query(this::row).list());
	}

	long countOfOrganisation(UUID organisationId) {
		return jdbc.sql("select count(*) from trading.contract where seller_org_id = :o or buyer_org_id = :o")
			.param("o", organisationId).query(Long.class).single();
	}

	/** The contracts with either party in the region or below it ({@code null}: all), newest first. */
	List<ContractView> inRegion(@Nullable String region, int offset, int size) {
		String like = region == null ? "%" : RegionCodes.likePattern(region);
		return schedules(jdbc.sql(SELECT + """
				 where seller_region like :r or buyer_region like :r order by created_at desc, id limit :size offset :offset""")
			.param("r", like).param("size", size).param("offset", offset).query(this::row).list());
	}

	long countInRegion(@Nullable String region) {
		String like = region == null ? "%" : RegionCodes.likePattern(region);
		return jdbc.sql("select count(*) from trading.contract where seller_region like :r or buyer_region like :r")
			.param("r", like).query(Long.class).single();
	}

	/** Signed contracts waiting for registration whose seller is in the region, the longest waiting first. */
	List<ContractView> waitingForRegistration(@Nullable String region) {
		String like = region == null ? "%" : RegionCodes.likePattern(region);
		return schedules(jdbc.sql(SELECT + " where state = 'SIGNED' and seller_region like :r order by signed_at, id limit 200")
			.param("r", like).query(this::row).list());
	}

	void sign(UUID id, ContractView.Side side, String by, Instant at, boolean both) {
		String who = side == ContractView.Side.SELLER ? "seller" : "buyer";
		jdbc.sql("update trading.contract set " + who + "_signed_by = :by, " + who + "_signed_at = :at, updated_at = :at"
				+ (both ? ", state = 'SIGNED', signed_at = :at" : "") + " where id = :id")
			.param("by", by).param("at", Timestamp.from(at)).param("id", id).update();
	}

	/**
	 * The next registration number (登记号) of the region in the year: region code, year, six digits. The sequence
	 * row's lock makes each number unique across transactions and nodes.
	 */
	String nextRegistrationNumber(String regionCode, int year) {
		int last = jdbc.sql("""
				insert into trading.contract_registration_sequence (region_code, year, last) values (:r, :y, 1)
				on conflict (region_code, year) do update set last = trading.contract_registration_sequence.last + 1
				returning last""").param("r", regionCode).param("y", year).query(Integer.class).single();
		if (last > 999_999) {
			throw KejiaoException.conflict("contract.registration-numbers-exhausted", regionCode, year);
		}
		return String.format("%s%d%06d", regionCode, year, last);
	}

	void register(UUID id, String number, String by, Instant at, LocalDate month) {
		jdbc.sql("""
				update trading.contract set state = 'REGISTERED', registration_number = :n, registered_by = :by,
				    registered_at = :at, registered_month = :month, updated_at = :at where id = :id""")
			.param("n", number).param("by", by).param("at", Timestamp.from(at)).param("month", month).param("id", id)
			.update();
	}

	void start(UUID id, Instant at) {
		jdbc.sql("update trading.contract set state = 'IN_PERFORMANCE', started_at = :at, updated_at = :at where id = :id")
			.param("at", Timestamp.from(at)).param("id", id).update();
	}

	void complete(UUID id, Instant at) {
		jdbc.sql("update trading.contract set state = 'COMPLETED', completed_at = :at, updated_at = :at where id = :id")
			.param("at", Timestamp.from(at)).param("id", id).update();
	}

	void terminate(UUID id, String reason, Instant at) {
		jdbc.sql("""
				update trading.contract set state = 'TERMINATED', terminated_at = :at, termination_reason = :reason,
				    updated_at = :at where id = :id""")
			.param("at", Timestamp.from(at)).param("reason", reason).param("id", id).update();
	}

	/** Marks an instalment paid; false when there is no such instalment or it was paid already. */
	boolean markPaid(UUID id, int seq, Instant at) {
		return jdbc.sql("update trading.contract_instalment set paid_at = :at where contract_id = :c and seq = :s and paid_at is null")
			.param("at", Timestamp.from(at)).param("c", id).param("s", seq).update() == 1;
	}

	private ContractView withSchedule(ContractView contract) {
		return schedules(List.of(contract)).getFirst();
	}

	/** The contracts with their schedules, read in one statement. */
	private List<ContractView> schedules(List<ContractView> contracts) {
		if (contracts.isEmpty()) {
			return contracts;
		}
		Map<UUID, List<PaymentSchedule.Instalment>> byContract = new HashMap<>();
		jdbc.sql("select contract_id, due_on, amount_fen, paid_at from trading.contract_instalment where contract_id = any(:ids) order by contract_id, seq")
			.param("ids", contracts.stream().map(ContractView::id).toArray(UUID[]::new))
			.query(rs -> {
				byContract.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new PaymentSchedule.Instalment(rs.getObject(2, LocalDate.class), new Money(rs.getLong(3)),
							instant(rs, 4)));
			});
		return contracts.stream().map(c -> new ContractView(c.id(), c.number(), c.title(), c.type(), c.seller(),
				c.buyer(), c.value(), new PaymentSchedule(byContract.getOrDefault(c.id(), List.of())), c.broker(),
				c.commission(), c.state(), c.sellerSigned(), c.buyerSigned(), c.registrationNumber(), c.registered(),
				c.startedAt(), c.completedAt(), c.terminatedAt(), c.terminationReason(), c.origin(), c.originId(),
				c.createdBy(), c.createdAt())).toList();
	}

	private ContractView row(ResultSet rs, int n) throws SQLException {
		UUID broker = rs.getObject("broker_user_id", UUID.class);
		return new ContractView(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
				ContractType.valueOf(rs.getString("type")),
				new ContractView.Party(rs.getObject("seller_org_id", UUID.class), rs.getString("seller_name"),
						rs.getString("seller_region")),
				new ContractView.Party(rs.getObject("buyer_org_id", UUID.class), rs.getString("buyer_name"),
						rs.getString("buyer_region")),
				new Money(rs.getLong("value_fen")), new PaymentSchedule(List.of()),
				broker == null ? null : new ContractView.Broker(broker, rs.getString("broker_name")),
				new Money(rs.getLong("commission_fen")), ContractState.valueOf(rs.getString("state")),
				signature(rs, "seller_signed_by", "seller_signed_at"), signature(rs, "buyer_signed_by", "buyer_signed_at"),
				rs.getString("registration_number"), signature(rs, "registered_by", "registered_at"),
				instant(rs, "started_at"), instant(rs, "completed_at"), instant(rs, "terminated_at"),
				rs.getString("termination_reason"), rs.getString("origin_kind"), rs.getObject("origin_id", UUID.class),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	private static ContractView.@Nullable Signature signature(ResultSet rs, String by, String at) throws SQLException {
		Instant when = instant(rs, at);
		return when == null ? null : new ContractView.Signature(rs.getString(by), when);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
