package cn.kejiao.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kejiao as users run it: {@code java -jar kejiao.jar} in a process of its own, on a free port and a fresh data
 * folder (its embedded PostgreSQL in {@code <data>/pg}), ready once {@code /actuator/health} says UP; stopped with
 * SIGTERM, and any PostgreSQL of that folder left behind stopped too. It runs a copy of the jar, so that a build
 * meanwhile does not change it under it. The copy, the data folder and the console ({@code console.log}) are in one
 * temporary folder, removed at the stop.
 */
final class PackagedKejiao implements AutoCloseable {

	private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL started in .* on port (\\d+)");

	final Path work;
	final Path dataDir;
	final int port;
	final List<String> command;
	private final Process process;
	private final Path console;

	private PackagedKejiao(Path work, int port, List<String> command, Process process, Path console) {
		this.work = work;
		this.dataDir = work.resolve("data");
		this.port = port;
		this.command = command;
		this.process = process;
		this.console = console;
	}

	/** Starts the jar with the JVM options and application arguments, and waits until it is healthy. */
	static PackagedKejiao start(Path jar, List<String> jvmOptions, List<String> arguments, Duration timeout)
			throws IOException, InterruptedException {
		return start(Files.createTempDirectory("kejiao-auction-bench"), jar, jvmOptions, arguments, timeout);
	}

	/**
	 * As {@link #start(Path, List, List, Duration)}, in the folder {@code work}: on the data already in
	 * {@code work/data} when there is (such as a simulated year). The folder is removed at the stop.
	 */
	static PackagedKejiao start(Path work, Path jar, List<String> jvmOptions, List<String> arguments, Duration timeout)
			throws IOException, InterruptedException {
		Path copy = Files.copy(jar, work.resolve("kejiao.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Path dataDir = work.resolve("data");
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(copy.toString());
		command.add("--kejiao.data-dir=" + dataDir);
		command.add("--server.port=" + port);
		command.addAll(arguments);
		Path console = work.resolve("console.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
		PackagedKejiao kejiao = new PackagedKejiao(work, port, command, process, console);
		Runtime.getRuntime().addShutdownHook(new Thread(kejiao::stopQuietly));
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!kejiao.healthy()) {
			if (!process.isAlive()) {
				String tail = kejiao.tail(40);
				kejiao.close();
				throw new IllegalStateException("Kejiao exited during start; its console:\n" + tail);
			}
			if (System.nanoTime() > deadline) {
				String tail = kejiao.tail(40);
				kejiao.close();
				throw new IllegalStateException("Kejiao not healthy after " + timeout + "; its console:\n" + tail);
			}
			Thread.sleep(200);
		}
		return kejiao;
	}

	String base() {
		return "http://localhost:" + port;
	}

	/** The command it runs, with the temporary folder, the port and the JDK's path left out. */
	String commandShown() {
		return String.join(" ", command).replace(command.getFirst(), "java").replace(work.toString(), "<fresh folder>")
			.replace("--server.port=" + port, "--server.port=<free port>");
	}

	long pid() {
		return process.pid();
	}

	/** CPU seconds the Kejiao JVM has used so far (Linux, from /proc). */
	double cpuSeconds() throws IOException {
		String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	/**
	 * CPU seconds used so far by each live thread of the Kejiao JVM, by thread id, with its kind (Linux, from /proc: a
	 * thread's name there is cut to 15 characters): Tomcat's (its request threads, poller and acceptor), the workers
	 * that apply batches of bids (group commit), the lot watchers' listener (which hands each change to the streams),
	 * the JIT compilers, the garbage collector, the others.
	 */
	Map<Long, Map.Entry<String, Double>> threadCpuSeconds() throws IOException {
		Map<Long, Map.Entry<String, Double>> threads = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
					threads.put(Long.parseLong(task.getFileName().toString()), Map.entry(threadKind(name), seconds));
				}
				catch (IOException | RuntimeException ended) {
					// the thread ended while being read
				}
			}
		}
		return threads;
	}

	static String threadKind(String name) {
		if (name.startsWith("http-nio")) {
			return "Tomcat";
		}
		if (name.startsWith("bids-")) {
			return "bid batches";
		}
		if (name.startsWith("lot-watchers")) {
			return "lot watchers";
		}
		if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
			return "JIT";
		}
		if (name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Thread")) {
			return "GC";
		}
		return "other";
	}

	/** A connection to its embedded PostgreSQL (the port from its console; trusted local user postgres). */
	Connection database() throws IOException, SQLException {
		Matcher matcher = POSTGRES_PORT.matcher(Files.readString(console, StandardCharsets.UTF_8));
		if (!matcher.find()) {
			throw new IllegalStateException("no embedded PostgreSQL port in the console");
		}
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + matcher.group(1) + "/kejiao", "postgres", "");
	}

	/** What PostgreSQL has done so far in Kejiao's database: transactions, rows written, rows read. */
	long[] databaseWork(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						select xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
						from pg_stat_database where datname = current_database()""")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
		}
	}

	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(console, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private boolean healthy() {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(base() + "/actuator/health").toURL().openConnection();
			connection.setConnectTimeout(2000);
			connection.setReadTimeout(2000);
			if (connection.getResponseCode() != 200) {
				return false;
			}
			try (var body = connection.getInputStream()) {
				return new String(body.readAllBytes(), StandardCharsets.UTF_8).contains("\"status\":\"UP\"");
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Stops Kejiao (SIGTERM, as {@link #close}) and returns its console, before the folder goes. */
	String stop() throws IOException, InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			process.waitFor(60, TimeUnit.SECONDS);
		}
		return Files.readString(console, StandardCharsets.UTF_8);
	}

	/** SIGTERM, then the wait for a graceful stop; then no PostgreSQL of the folder is left, and the folders go. */
	@Override
	public void close() {
		stopQuietly();
	}

	private synchronized void stopQuietly() {
		try {
			if (process.isAlive()) {
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			Path pid = dataDir.resolve("pg/postmaster.pid");
			if (Files.exists(pid)) {
				long postmaster = Long.parseLong(Files.readAllLines(pid).getFirst().strip());
				ProcessHandle.of(postmaster)
					.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
					.ifPresent(p -> {
						p.destroy();
						p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(ex -> null).join();
					});
			}
			if (Files.exists(work)) {
				try (Stream<Path> paths = Files.walk(work)) {
					for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(path);
					}
				}
			}
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			System.err.println("stopping Kejiao: " + ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
