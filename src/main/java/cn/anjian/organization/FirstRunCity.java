package cn.anjian.organization;

import cn.anjian.platform.demo.FirstRun;
import cn.anjian.platform.oplog.OperationLog;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A new installation without demo data starts with its city, the root of the region tree (code and name from
 * {@code ANJIAN_CITY_CODE} / {@code ANJIAN_CITY_NAME}); the administrator builds the rest from there.
 */
@Component
class FirstRunCity implements FirstRun {

	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final String code;
	private final String name;

	FirstRunCity(JdbcClient jdbc, OperationLog operationLog, @Value("${anjian.city.code:370100}") String code,
			@Value("${anjian.city.name:济南市}") String name) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.code = code;
		this.name = name;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void apply() {
		if (jdbc.sql("SELECT count(*) FROM region").query(Long.class).single() == 0) {
			long id = jdbc.sql("INSERT INTO region (code, name, level, kind) VALUES (:code, :name, 'CITY', 'CITY') RETURNING id")
				.param("code", code).param("name", name).query(Long.class).single();
			operationLog.record("FIRST_RUN", "region", id, null, Map.of("code", code, "name", name));
		}
	}
}
