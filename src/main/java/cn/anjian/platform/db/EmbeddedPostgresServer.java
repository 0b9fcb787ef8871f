package cn.anjian.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL used when no external database is configured. Its data directory persists between
 * runs; a postgres left behind by a killed JVM is stopped before the new one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	static final String DATABASE = "anjian";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedPostgresServer start(Path dataDirectory, boolean clean) {
		try {
			Files.createDirectories(dataDirectory);
			stopOrphanedServer(dataDirectory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(clean)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				.setServerConfig("timezone", "Asia/Shanghai")
				.start();
			createDatabaseIfMissing(postgres);
			log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory.toAbsolutePath());
			return new EmbeddedPostgresServer(postgres);
		}
		catch (IOException | SQLException e) {
			throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
		}
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", DATABASE);
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection();
				var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				c.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
			}
		}
	}

	/**
	 * A JVM killed with SIGKILL leaves its postgres running, holding the data directory. If the process named by
	 * postmaster.pid is still alive and no JVM is its parent any more, it is an orphan: stop it and wait.
	 */
	private static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return;
		}
		boolean ownedByLiveJvm = process.get().parent()
			.flatMap(parent -> parent.info().command())
			.map(command -> command.endsWith("java"))
			.orElse(false);
		if (ownedByLiveJvm) {
			throw new IllegalStateException("Another running Anjian instance uses " + dataDirectory
					+ " (postgres pid " + pid + "). Several nodes need an external database: set ANJIAN_DB_URL.");
		}
		log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by a previous run", pid);
		process.get().destroy();
		process.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
	}
}
