package cn.kejiao.trading;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;

/**
 * The register of technology brokers (技术经纪人): experts of the pool (accounts with the EXPERT role) whose broker
 * certificate an admin governing the expert's region recorded. Kept in trading, not on the expert's pool profile,
 * because the qualification matters only to contracts and is vouched for by a region, not written by the expert
 * (docs/decisions/0023).
 */
@Service
public class Brokers {

	/** A broker on the register. */
	public record BrokerView(UUID userId, String displayName, String regionCode, String certificate) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Clock clock;

	Brokers(JdbcClient jdbc, Accounts accounts, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records that the expert holds a broker certificate, or changes its number.
	 * @throws KejiaoException {@code contract.broker-not-expert} (400) when the user is not an expert of the pool,
	 * {@code auth.region-forbidden} (403) when the admin does not govern the expert's region
	 */
	@Transactional
	public BrokerView register(String username, @Nullable String certificate) {
		Actor actor = Actors.require();
		UserView expert = accounts.find(username).filter(u -> u.enabled() && u.roles().contains(Role.EXPERT))
			.orElseThrow(() -> KejiaoException.invalid("contract.broker-not-expert", username));
		if (!actor.governs(expert.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", expert.regionCode());
		}
		String number = certificate == null ? "" : certificate.strip();
		if (number.isEmpty() || number.length() > 60) {
			throw KejiaoException.invalid("contract.broker-certificate-required");
		}
		jdbc.sql("""
				insert into trading.broker (user_id, display_name, region_code, certificate, registered_by, registered_at)
				values (:u, :name, :region, :cert, :by, :at)
				on conflict (user_id) do update set certificate = excluded.certificate, registered_by = excluded.registered_by,
				    registered_at = excluded.registered_at, display_name = excluded.display_name""")
			.param("u", expert.id()).param("name", expert.displayName()).param("region", expert.regionCode())
			.param("cert", number).param("by", actor.username()).param("at", Timestamp.from(clock.instant())).update();
		BrokerView broker = new BrokerView(expert.id(), expert.displayName(), expert.regionCode(), number);
		audit.record("contract.broker-registered", "user", expert.id().toString(), expert.username(), expert.regionCode(),
				null, broker);
		return broker;
	}

	/** Every broker on the register, by name: what a contract's form offers. */
	@Transactional(readOnly = true)
	public List<BrokerView> all() {
		return jdbc.sql("select user_id, display_name, region_code, certificate from trading.broker order by display_name")
			.query((rs, n) -> new BrokerView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** The broker, if the user is on the register and still an enabled expert. */
	@Transactional(readOnly = true)
	public Optional<BrokerView> find(UUID userId) {
		return jdbc.sql("select user_id, display_name, region_code, certificate from trading.broker where user_id = :u")
			.param("u", userId)
			.query((rs, n) -> new BrokerView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional()
			.filter(b -> accounts.find(userId).filter(u -> u.enabled() && u.roles().contains(Role.EXPERT)).isPresent());
	}
}
