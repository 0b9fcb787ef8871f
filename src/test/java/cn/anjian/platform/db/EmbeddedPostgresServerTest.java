package cn.anjian.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps its data across restarts and copes with a JVM killed by SIGKILL. */
class EmbeddedPostgresServerTest {

	@TempDir
	Path temp;

	@Test
	void dataSurvivesAStopAndStart() throws Exception {
		Path dir = temp.resolve("pg");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
				Connection c = DriverManager.getConnection(server.jdbcUrl())) {
			c.createStatement().execute("CREATE TABLE kept (note text)");
			c.createStatement().execute("INSERT INTO kept VALUES ('still here')");
		}
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
				Connection c = DriverManager.getConnection(server.jdbcUrl())) {
			assertThat(single(c, "SELECT note FROM kept")).isEqualTo("still here");
		}
	}

	@Test
	void aSecondInstanceOnTheSameDirectoryIsRefusedClearly() throws Exception {
		Path dir = temp.resolve("pg");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false)) {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, false))
				.hasMessageContaining("Another running Anjian instance").hasMessageContaining("ANJIAN_DB_URL");
		}
	}

	@Test
	void aStartAfterTheJvmWasKilledStopsTheOrphanedServerAndKeepsTheData() throws Exception {
		Path dir = temp.resolve("pg");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(), dir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = out.readLine()) != null && !line.contains("READY")) {
				// wait until the child's server is up and the row is written
			}
			assertThat(line).as("the child JVM reported READY").isNotNull();
			long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
			child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
			child.waitFor(30, TimeUnit.SECONDS);
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("postgres outlived its JVM").contains(true);

			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
					Connection c = DriverManager.getConnection(server.jdbcUrl())) {
				assertThat(single(c, "SELECT note FROM survivor")).isEqualTo("written before kill -9");
			}
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
		finally {
			child.destroyForcibly();
		}
	}

	private static String single(Connection c, String sql) throws Exception {
		ResultSet rs = c.createStatement().executeQuery(sql);
		rs.next();
		return rs.getString(1);
	}
}
