package cn.kejiao.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server Kejiao runs itself when no database is configured: its files live in
 * {@code <data-dir>/pg} and survive restarts; a lock on {@code <data-dir>/kejiao.lock} keeps a second
 * instance off the same folder.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "kejiao";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final DataDirLock lock;
	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(DataDirLock lock, EmbeddedPostgres postgres) {
		this.lock = lock;
		this.postgres = postgres;
	}

	public static EmbeddedDatabase start(Path dataDir, int port, boolean clean) {
		DataDirLock lock = DataDirLock.acquire(dataDir);
		try {
			Path pgDir = dataDir.resolve("pg");
			if (clean) {
				deleteRecursively(pgDir);
			}
			StalePostmaster.stopIfOrphaned(pgDir);
			Files.createDirectories(pgDir);
			int chosenPort = port > 0 ? port : freePort();
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgDir)
				.setCleanDataDirectory(false)
				// stopped by the application context, after the connection pool; a hook of its own would
				// stop the server while the context is still shutting down
				.setRegisterShutdownHook(false)
				.setPort(chosenPort)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "Asia/Shanghai")
				// the library's default turns this off: a commit would be acknowledged before it is on disk,
				// and a crash of the machine could lose vouchers that users were told were spent
				.setServerConfig("synchronous_commit", "on")
				.setLocaleConfig("encoding", "UTF8")
				.start();
			createDatabaseIfMissing(postgres);
			log.info("Embedded PostgreSQL started in {} on port {} ({} ms)", pgDir.toAbsolutePath(), chosenPort,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedDatabase(lock, postgres);
		}
		catch (IOException ex) {
			lock.close();
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
		catch (RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", DATABASE);
	}

	public String username() {
		return "postgres";
	}

	@Override
	public void close() {
		try {
			postgres.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
		finally {
			lock.close();
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
