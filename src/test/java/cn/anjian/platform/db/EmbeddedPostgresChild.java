package cn.anjian.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a separate JVM by {@link EmbeddedPostgresServerTest}: starts a server, writes a row, then waits to be killed. */
public class EmbeddedPostgresChild {

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), false);
		try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
			c.createStatement().execute("CREATE TABLE IF NOT EXISTS survivor (note text)");
			c.createStatement().execute("INSERT INTO survivor VALUES ('written before kill -9')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(600_000);
	}
}
