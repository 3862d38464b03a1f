package cn.kejiao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.kejiao.platform.database.DataDirInUseException;
import cn.kejiao.platform.database.DataDirLock;
import cn.kejiao.platform.database.EmbeddedDatabase;

/** The embedded PostgreSQL keeps its data across restarts and refuses a second instance on its folder. */
class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestartAndASecondInstanceIsRefusedAtOnce() throws Exception {
		try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, 0, false)) {
			execute(first, "create table kept (note text)", "insert into kept values ('仪器共享')");

			long started = System.nanoTime();
			assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, 0, false))
				.isInstanceOf(DataDirInUseException.class)
				.hasMessageContaining("already running")
				.hasMessageContaining(dataDir.toAbsolutePath().toString());
			assertThat((System.nanoTime() - started) / 1_000_000).as("refused at once (ms)").isLessThan(2_000);
		}
		assertThat(Files.exists(dataDir.resolve("pg/postmaster.pid"))).as("stopped cleanly").isFalse();

		try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, 0, false);
				Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select note from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("仪器共享");
		}
	}

	@Test
	void aServerOrphanedByAKilledRunIsStoppedBeforeTheNextStart() throws Exception {
		// a PostgreSQL left running on the folder by a JVM that died without stopping it (kill -9)
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process killed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				OrphanedPostgres.class.getName(), dataDir.resolve("pg").toString()).redirectErrorStream(true).start();
		assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
		long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().strip());
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

		try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir, 0, false)) {
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			execute(restarted, "select 1");
		}
	}

	@Test
	void theLockIsReleasedWithItsHolder() {
		DataDirLock lock = DataDirLock.acquire(dataDir);
		assertThatThrownBy(() -> DataDirLock.acquire(dataDir)).isInstanceOf(DataDirInUseException.class);
		lock.close();
		DataDirLock.acquire(dataDir).close();
	}

	private static void execute(EmbeddedDatabase database, String... sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}
}
