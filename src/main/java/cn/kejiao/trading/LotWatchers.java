package cn.kejiao.trading;

import cn.kejiao.platform.database.SqlArrays;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the watchers of a lot on this node what changed on any node. A change is sent with PostgreSQL's
 * {@code pg_notify} in the transaction that made it, so it leaves only when that commits, in commit order; each
 * node keeps one connection that {@code LISTEN}s and hands each change to the watchers of its lot here. The
 * notification carries the change itself, so fanning it out reads nothing.
 */
@Component
public class LotWatchers implements SmartLifecycle {

	static final String CHANNEL = "trading_lot";
	private static final Logger log = LoggerFactory.getLogger(LotWatchers.class);

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Map<UUID, Set<Consumer<@Nullable LotChange>>> watchers = new ConcurrentHashMap<>();
	private final Set<Runnable> stopping = ConcurrentHashMap.newKeySet();
	private final List<Consumer<LotChange>> everyChange = new java.util.concurrent.CopyOnWriteArrayList<>();
	private volatile boolean running;
	private volatile Thread listener;

	LotWatchers(DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Sends the change to every node when the caller's transaction commits. */
	void announce(LotChange change) {
		announce(List.of(change));
	}

	/** Sends the changes, in this order, to every node when the caller's transaction commits. */
	void announce(List<LotChange> changes) {
		if (changes.isEmpty()) {
			return;
		}
		List<String> payloads = changes.stream().map(json::writeValueAsString).toList();
		jdbc.sql("""
				select count(pg_notify(:channel, payload))
				from unnest(:payloads) with ordinality as p (payload, n)""")
			.param("channel", CHANNEL).param("payloads", SqlArrays.texts(payloads)).query().singleValue();
	}

	/**
	 * Calls {@code watcher} with each change of the lot (and with null now and then, a heartbeat: nothing changed)
	 * until the returned step is run; {@code onStop} runs when this node stops, so that the stream ends at once and
	 * its client reconnects to another node instead of holding the shutdown up.
	 */
	public Runnable watch(UUID lotId, Consumer<@Nullable LotChange> watcher, Runnable onStop) {
		watchers.computeIfAbsent(lotId, id -> new CopyOnWriteArraySet<>()).add(watcher);
		stopping.add(onStop);
		return () -> {
			stopping.remove(onStop);
			watchers.computeIfPresent(lotId, (id, set) -> {
				set.remove(watcher);
				return set.isEmpty() ? null : set;
			});
		};
	}

	/** Calls {@code listener} with every change of every lot, before the lot's own watchers. */
	void onEveryChange(Consumer<LotChange> listener) {
		everyChange.add(listener);
	}

	/** How many watchers this node holds. */
	public int count() {
		return watchers.values().stream().mapToInt(Set::size).sum();
	}

	/** Keeps idle streams open through proxies that close silent connections. */
	@Scheduled(fixedDelayString = "${kejiao.trading.heartbeat:PT20S}", initialDelayString = "PT20S")
	void heartbeat() {
		watchers.values().forEach(set -> set.forEach(watcher -> deliver(watcher, null)));
	}

	private void listen() {
		while (running) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + CHANNEL);
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications == null) {
						continue;
					}
					for (PGNotification notification : notifications) {
						dispatch(json.readValue(notification.getParameter(), LotChange.class));
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				if (running) {
					log.warn("Listening for lot changes failed, listening again in a second: {}", e.toString());
					pause();
				}
			}
		}
	}

	private void dispatch(LotChange change) {
		everyChange.forEach(listener -> deliver(listener::accept, change));
		Set<Consumer<@Nullable LotChange>> set = watchers.get(change.lotId());
		if (set != null) {
			set.forEach(watcher -> deliver(watcher, change));
		}
	}

	private static void deliver(Consumer<@Nullable LotChange> watcher, @Nullable LotChange change) {
		try {
			watcher.accept(change);
		}
		catch (RuntimeException e) {
			log.debug("A lot watcher failed: {}", e.toString());
		}
	}

	/** Its own connection, outside the pool, as it is held for as long as the node runs. */
	private Connection connect() throws SQLException {
		if (dataSource instanceof HikariDataSource hikari) {
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return dataSource.getConnection();
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		running = true;
		listener = Thread.ofPlatform().name("lot-watchers").daemon().start(this::listen);
	}

	@Override
	public void stop() {
		running = false;
		for (Runnable onStop : List.copyOf(stopping)) {
			try {
				onStop.run();
			}
			catch (RuntimeException e) {
				log.debug("A lot watcher did not stop cleanly: {}", e.toString());
			}
		}
		Thread thread = listener;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
