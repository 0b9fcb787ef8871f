package cn.anjian.registry.excel;

import cn.anjian.platform.scope.DataScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Error reports of imports, kept in the database (table {@code import_report}) because the nodes share no disk: the
 * download may reach another node than the upload. Only the importer may fetch one.
 */
@Component
class ImportReports {

	record Report(String fileName, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate independent;

	ImportReports(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.independent = new TransactionTemplate(transactions);
		this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Saved in a transaction of its own: a refused import rolls back everything else, but its report must stay. */
	long save(DataScope scope, String fileName, byte[] content) {
		return independent.execute(status -> jdbc.sql("""
				INSERT INTO import_report (region_id, created_by, created_at, file_name, content)
				VALUES (:regionId, :userId, :now, :fileName, :content) RETURNING id
				""")
			.param("regionId", scope.regionId())
			.param("userId", scope.userId())
			.param("now", Timestamp.from(clock.instant()))
			.param("fileName", fileName)
			.param("content", content)
			.query(Long.class)
			.single());
	}

	Optional<Report> find(long id, DataScope scope) {
		return jdbc.sql("SELECT file_name, content FROM import_report WHERE id = :id AND created_by = :userId")
			.param("id", id)
			.param("userId", scope.userId())
			.query((rs, n) -> new Report(rs.getString("file_name"), rs.getBytes("content")))
			.optional();
	}
}
