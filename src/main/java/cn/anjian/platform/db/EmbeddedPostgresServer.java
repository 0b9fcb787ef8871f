package cn.anjian.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL used when no external database is configured. Its data directory persists between
 * runs; a postgres left behind by a killed JVM is stopped before the new one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	static final String DATABASE = "anjian";

	private final EmbeddedPostgres postgres;
	private final FileChannel ownerLock;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel ownerLock) {
		this.postgres = postgres;
		this.ownerLock = ownerLock;
	}

	public static EmbeddedPostgresServer start(Path dataDirectory, boolean clean) {
		try {
			Files.createDirectories(dataDirectory);
			FileChannel ownerLock = lockOwnership(dataDirectory);
			stopOrphanedServer(dataDirectory);
			if (clean) {
				FileSystemUtils.deleteRecursively(dataDirectory); // a fresh cluster, whatever an earlier run left
			}
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
			return new EmbeddedPostgresServer(postgres, ownerLock);
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
		try {
			postgres.close();
		}
		finally {
			ownerLock.close();
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection();
				var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				// a UTF-8 character type, whatever the machine's LANG: pg_trgm makes no trigrams of Chinese characters under "C"
				c.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0");
			}
		}
	}

	/**
	 * The JVM that runs the server holds an OS lock on {@code <data dir>.owner}; the OS releases it when that JVM
	 * dies, even by SIGKILL. Failing to get the lock means another live instance uses the directory.
	 */
	private static FileChannel lockOwnership(Path dataDirectory) throws IOException {
		Path ownerFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
		FileChannel channel = FileChannel.open(ownerFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		if (!tryLock(channel)) {
			channel.close();
			throw new IllegalStateException("Another running Anjian instance uses " + dataDirectory
					+ ". Several nodes need an external database: set ANJIAN_DB_URL.");
		}
		return channel;
	}

	private static boolean tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock() != null;
		}
		catch (OverlappingFileLockException e) {
			return false; // held by this very JVM
		}
	}

	/**
	 * A JVM killed with SIGKILL leaves its postgres running (pg_ctl detached it), holding the data directory.
	 * Holding the owner lock, any postgres still named by postmaster.pid is such an orphan: stop it and wait.
	 */
	private static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
		if (orphan.isEmpty()) {
			return;
		}
		log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by a previous run", pid);
		orphan.get().destroy(); // SIGTERM: postgres shuts down cleanly, its old clients are gone
		try {
			orphan.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("The orphaned PostgreSQL (pid " + pid + ") did not stop", e);
		}
	}
}
