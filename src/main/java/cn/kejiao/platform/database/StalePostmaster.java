package cn.kejiao.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a previous Kejiao process was killed (kill -9, power loss of the JVM only), its PostgreSQL child
 * survives and keeps {@code postmaster.pid}. We hold the data folder lock, so that server has no owner:
 * stop it before starting our own.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	private StalePostmaster() {
	}

	static void stopIfOrphaned(Path pgDir) throws IOException {
		Path pidFile = pgDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid);
		if (process.isEmpty() || !isPostgresOf(pid, pgDir)) {
			return;
		}
		log.warn("Stopping orphaned PostgreSQL (pid {}) left on {} by a previous run", pid, pgDir);
		ProcessHandle handle = process.get();
		handle.destroy();
		try {
			handle.onExit().get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			handle.destroyForcibly();
		}
	}

	private static boolean isPostgresOf(long pid, Path pgDir) {
		try {
			String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
			return cmdline.contains("postgres") && cmdline.contains(pgDir.toAbsolutePath().normalize().toString());
		}
		catch (IOException ex) {
			return false;
		}
	}
}
