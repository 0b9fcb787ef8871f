package cn.anjian.responsibility;

import cn.anjian.AnjianApplication;
import cn.anjian.platform.scope.DataScope;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): the blind-spot report over 200,000 supervised entities and 400,000 current assignments
 * (half of them with a named inspector; one entity in ten unassigned; one department in ten without a first
 * responsible person in office) — the summary for the city and for one district, and the first page of the list per
 * gap kind. Its own embedded database in target/bench-pg, wiped at start; properties are command-line arguments so
 * a developer's settings cannot point it at another database.
 * Run: {@code mvn -q -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.anjian.responsibility.BlindSpotBenchmark}
 */
public class BlindSpotBenchmark {

	private static final int ENTITIES = 200_000;
	private static final int ASSIGNMENTS = 400_000;
	private static final int WARM_UP = 3;
	private static final int RUNS = 20;

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AnjianApplication.class)
			.run("--anjian.db.embedded.data-dir=target/bench-pg", "--anjian.db.embedded.clean=true", "--anjian.demo=true",
					"--anjian.demo.entities=0", "--db-scheduler.enabled=false", "--server.port=0", "--logging.level.root=WARN",
					"--logging.structured.format.console=")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			BlindSpots blindSpots = context.getBean(BlindSpots.class);
			long started = System.nanoTime();
			generate(jdbc);
			System.out.printf("generated %,d entities and %,d assignments in %d ms%n", ENTITIES, ASSIGNMENTS,
					(System.nanoTime() - started) / 1_000_000);

			long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
			long district = jdbc.sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
			LocalDate today = LocalDate.now();
			for (DataScope scope : new DataScope[] { DataScope.unrestricted(city), new DataScope(DataScope.Kind.REGION, 1, district, null, null) }) {
				String who = scope.regionId() == city ? "city" : "district";
				report(who + ": summary", () -> blindSpots.summary(scope, today).entities());
				for (BlindSpots.Gap gap : BlindSpots.Gap.values()) {
					report(who + ": list " + gap, () -> blindSpots.list(scope, gap, null, null, today, 1, 20).total());
				}
			}
		}
	}

	/** Entities over every street and grid; two assignments each for nine in ten, inspectors on every other one. */
	private static void generate(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO supervised_entity (region_id, name, uscc, staff_count, status, social_function, industry,
				  supervision_types, supervision_level, created_at, updated_at)
				SELECT p.ids[1 + g % array_length(p.ids, 1)], '盲区基准单位' || g, '9137' || lpad(g::text, 14, '0'), g % 500,
				       'OPERATING', 'ENTERPRISE', 'IND' || lpad((1 + g % 82)::text, 3, '0'), '{TERRITORIAL}', 'DISTRICT', now(), now()
				FROM generate_series(1, :n) g,
				     (SELECT array_agg(id ORDER BY id) AS ids FROM region WHERE level IN ('STREET', 'GRID')) p
				""").param("n", ENTITIES).update();
		jdbc.sql("""
				WITH e AS (SELECT id, region_id, row_number() OVER (ORDER BY id) - 1 AS k FROM supervised_entity WHERE id % 10 <> 0),
				     n AS (SELECT count(*) AS c FROM e),
				     d AS (SELECT array_agg(id ORDER BY id) AS ids FROM department),
				     t AS (SELECT array_agg(code ORDER BY sort_order) AS codes FROM dict_item WHERE type = 'supervision_type')
				INSERT INTO entity_assignment (entity_id, region_id, department_id, supervision_type, started_at)
				SELECT e.id, e.region_id, d.ids[1 + (e.k + g / n.c) % array_length(d.ids, 1)], t.codes[1 + g / n.c], now()
				FROM generate_series(0, :n - 1) g CROSS JOIN n CROSS JOIN d CROSS JOIN t JOIN e ON e.k = g % n.c
				""").param("n", ASSIGNMENTS).update();
		jdbc.sql("""
				INSERT INTO entity_inspector (assignment_id, entity_id, region_id, user_id, started_at)
				SELECT a.id, a.entity_id, a.region_id, u.ids[1 + a.id % array_length(u.ids, 1)], now()
				FROM entity_assignment a, (SELECT array_agg(id ORDER BY id) AS ids FROM app_user WHERE department_id IS NOT NULL) u
				WHERE a.id % 2 = 0
				""").update();
		jdbc.sql("""
				UPDATE department_role_holder SET term_to = current_date - 1
				WHERE role = 'FIRST_RESPONSIBLE' AND department_id % 10 = 0
				""").update();
		jdbc.sql("ANALYZE").update();
	}

	private static void report(String name, Supplier<Long> query) {
		long rows = 0;
		for (int i = 0; i < WARM_UP; i++) {
			rows = query.get();
		}
		long[] micros = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			query.get();
			micros[i] = (System.nanoTime() - t) / 1000;
		}
		Arrays.sort(micros);
		System.out.printf("%-42s rows %,7d   p50 %8.1f ms   p95 %8.1f ms%n", name, rows, micros[RUNS / 2] / 1000.0,
				micros[RUNS * 95 / 100] / 1000.0);
	}
}
