package cn.anjian.identity;

import cn.anjian.AnjianApplication;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.support.Latency;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): the cost of the data-scope filter on the account list over 200,000 rows — the same
 * page query (count + first page of 20) with the district filter, with the city-root filter, and with no filter.
 * Run: {@code mvn -q -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.anjian.identity.ScopeFilterBenchmark}
 */
public class ScopeFilterBenchmark {

	private static final int ROWS = 200_000;
	private static final int WARMUP = 50;
	private static final int RUNS = 300;

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AnjianApplication.class)
			.run("--anjian.db.embedded.data-dir=target/bench-pg", "--anjian.db.embedded.clean=true", "--anjian.demo=true",
					"--anjian.demo.entities=0", "--db-scheduler.enabled=false", "--server.port=0", "--logging.level.root=WARN",
					"--logging.structured.format.console=")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long started = System.nanoTime();
			jdbc.sql("""
					INSERT INTO app_user (username, password_hash, display_name, region_id, must_change_password, created_at)
					SELECT 'bench' || g, 'x', '用户' || g, r.ids[1 + g % array_length(r.ids, 1)], false, now()
					FROM generate_series(1, :rows) g,
					     (SELECT array_agg(id ORDER BY id) AS ids FROM region WHERE level IN ('STREET', 'GRID')) r
					""").param("rows", ROWS).update();
			jdbc.sql("ANALYZE").update();
			System.out.printf("inserted %,d accounts in %d ms%n", ROWS, (System.nanoTime() - started) / 1_000_000);

			long district = jdbc.sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
			long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
			DataScope districtScope = new DataScope(DataScope.Kind.REGION, 1, district, null, null);
			DataScope cityScope = DataScope.unrestricted(city);
			Timestamp now = Timestamp.from(Instant.now());

			Latency.report("district scope (历下区)", WARMUP, RUNS, () -> page(jdbc, districtScope, districtScope.regionFilter("u.region_id"), now));
			Latency.report("city-root scope (whole city)", WARMUP, RUNS, () -> page(jdbc, cityScope, cityScope.regionFilter("u.region_id"), now));
			Latency.report("no filter (same query)", WARMUP, RUNS, () -> page(jdbc, cityScope, "TRUE", now));
		}
	}

	private static long page(JdbcClient jdbc, DataScope scope, String filter, Timestamp now) {
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM app_user u WHERE " + filter)).query(Long.class).single();
		scope.bind(jdbc.sql(Users.SELECT + " WHERE " + filter + " ORDER BY u.id LIMIT 20 OFFSET 0"))
			.param("now", now).query().listOfRows();
		return total;
	}
}
