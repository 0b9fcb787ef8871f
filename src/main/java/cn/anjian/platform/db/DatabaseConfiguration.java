package cn.anjian.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One DataSource: the external PostgreSQL named by {@code ANJIAN_DB_URL} (+ user, password), or else the
 * embedded one. The DataSource depends on the embedded server, so Spring closes the pool first and the server
 * after it.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	@ConfigurationProperties("anjian.db")
	public record DatabaseProperties(String url, String user, String password, Embedded embedded, int poolSize) {

		public record Embedded(Path dataDir, boolean clean) {
		}

		public boolean external() {
			return StringUtils.hasText(url);
		}
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgresHolder embeddedPostgres(DatabaseProperties properties) {
		return properties.external() ? new EmbeddedPostgresHolder(null)
				: new EmbeddedPostgresHolder(
						EmbeddedPostgresServer.start(properties.embedded().dataDir(), properties.embedded().clean()));
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(DatabaseProperties properties, EmbeddedPostgresHolder embedded) {
		HikariDataSource dataSource = new HikariDataSource();
		if (properties.external()) {
			dataSource.setJdbcUrl(properties.url());
			dataSource.setUsername(properties.user());
			dataSource.setPassword(properties.password());
		}
		else {
			dataSource.setJdbcUrl(embedded.server().jdbcUrl());
			dataSource.setUsername("postgres");
		}
		dataSource.setMaximumPoolSize(properties.poolSize());
		dataSource.setPoolName("anjian");
		// Plan every statement for its parameters. After five runs of a prepared statement PostgreSQL may switch to a
		// generic plan that cannot see which filters are empty (the lists' "CAST(:x AS text) IS NULL OR …"), which
		// subtree or period is asked for: the statistics went from 2 s to 16–25 s, the keyword search could not use
		// its trigram index. Planning costs a millisecond or two per statement.
		dataSource.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
		// A batch of INSERTs (an import of 200,000 entities, the operation log's entries) goes as multi-row statements:
		// fewer round trips, and the statistics' triggers (R__statistics_facts.sql) fire once per statement, not per row.
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		return dataSource;
	}

	/** Wraps the optional server so the bean exists (and orders shutdown) in both modes. */
	public record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {

		public boolean running() {
			return server != null;
		}

		@Override
		public void close() throws Exception {
			if (server != null) {
				server.close();
			}
		}
	}

}
