package cn.anjian.organization;

import cn.anjian.platform.demo.DemoMode;
import cn.anjian.platform.oplog.OperationLog;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new installation without demo data starts with its city, the root of the region tree (code and name from
 * {@code ANJIAN_CITY_CODE} / {@code ANJIAN_CITY_NAME}); the administrator builds the rest from there.
 */
@Component
@Order(1)
class FirstRunCity implements ApplicationRunner {

	private final DemoMode demo;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final OperationLog operationLog;
	private final String code;
	private final String name;

	FirstRunCity(DemoMode demo, JdbcClient jdbc, TransactionTemplate transactions, OperationLog operationLog,
			@Value("${anjian.city.code:370100}") String code, @Value("${anjian.city.name:济南市}") String name) {
		this.demo = demo;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.operationLog = operationLog;
		this.code = code;
		this.name = name;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demo.enabled()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			// several nodes may start at once: one creates the city, the others find it there
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('anjian-first-run'))").query().singleRow();
			if (jdbc.sql("SELECT count(*) FROM region").query(Long.class).single() == 0) {
				long id = jdbc.sql("INSERT INTO region (code, name, level, kind) VALUES (:code, :name, 'CITY', 'CITY') RETURNING id")
					.param("code", code).param("name", name).query(Long.class).single();
				operationLog.record("FIRST_RUN", "region", id, null, Map.of("code", code, "name", name));
			}
		});
	}
}
