package cn.anjian.inspection;

import cn.anjian.AnjianApplication;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.support.Latency;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): the hazard list ({@link Hazards#search}, the query {@code GET /api/hazards} runs) over
 * 2,000,000 hazards of 200,000 entities — city-wide first page, a district with a state filter, overdue only, a
 * keyword, one entity's hazards — and the whole city's statistics for one quarter ({@link HazardStatistics}).
 * Run: {@code mvn -q -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.anjian.inspection.HazardListBenchmark}
 */
public class HazardListBenchmark {

	private static final int ENTITIES = 200_000;
	private static final int HAZARDS = 2_000_000;
	private static final int RUNS = 50;
	/** "Now" of the benchmark: hazards were found over the two years before it. */
	static final Instant NOW = Instant.parse("2031-01-01T00:00:00Z");

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AnjianApplication.class)
			.run("--anjian.db.embedded.data-dir=target/bench-pg", "--anjian.db.embedded.clean=true", "--anjian.demo=true",
					"--anjian.demo.entities=0", "--db-scheduler.enabled=false", "--server.port=0", "--logging.level.root=WARN",
					"--logging.structured.format.console=", "--spring.jdbc.template.query-timeout=0")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Hazards hazards = context.getBean(Hazards.class);
			HazardStatistics statistics = context.getBean(HazardStatistics.class);
			long started = System.nanoTime();
			generate(jdbc);
			System.out.printf("generated %,d entities and %,d hazards in %d ms%n", ENTITIES, HAZARDS,
					(System.nanoTime() - started) / 1_000_000);

			long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
			long district = jdbc.sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
			long entity = jdbc.sql("SELECT entity_id FROM hazard ORDER BY id LIMIT 1 OFFSET 12345").query(Long.class).single();
			DataScope cityScope = DataScope.unrestricted(city);
			DataScope districtScope = new DataScope(DataScope.Kind.REGION, 1, district, null, null);
			Latency.report("city: first page", 5, RUNS,
					() -> hazards.search(cityScope, filter(null, null, null, null), NOW, 1, 20).total());
			Latency.report("district: state=RECTIFYING", 5, RUNS,
					() -> hazards.search(districtScope, filter(HazardState.RECTIFYING, null, null, null), NOW, 1, 20).total());
			Latency.report("city: overdue=true", 5, RUNS,
					() -> hazards.search(cityScope, filter(null, null, true, null), NOW, 1, 20).total());
			Latency.report("city: keyword 配电箱", 5, RUNS,
					() -> hazards.search(cityScope, filter(null, null, null, "配电箱"), NOW, 1, 20).total());
			Latency.report("district: keyword 配电箱", 5, RUNS,
					() -> hazards.search(districtScope, filter(null, null, null, "配电箱"), NOW, 1, 20).total());
			Latency.report("city: keyword matching one hazard", 5, RUNS,
					() -> hazards.search(cityScope, filter(null, null, null, "（1234567）"), NOW, 1, 20).total());
			Latency.report("city: one entity", 5, RUNS,
					() -> hazards.search(cityScope, filter(null, entity, null, null), NOW, 1, 20).total());
			Instant q3 = Instant.parse("2030-06-30T16:00:00Z");
			Instant q4 = Instant.parse("2030-09-30T16:00:00Z");
			Latency.report("city: statistics 2030 Q3 by district", 3, 20,
					() -> (long) statistics.byDistrict(cityScope, q3, q4, NOW).stream().mapToLong(HazardStatistics.DistrictRow::found).sum());
		}
	}

	private static Hazards.Filter filter(HazardState state, Long entityId, Boolean overdue, String keyword) {
		return new Hazards.Filter(state, null, entityId, null, overdue, keyword, null);
	}

	/**
	 * 200,000 entities over every street and grid; ten hazards each, found over two years: 60 % closed (some after
	 * their deadline), 20 % being rectified (recent ones, a part past the deadline), 10 % awaiting re-inspection,
	 * 10 % just reported; one in 40 suspected major, one in 100 major.
	 */
	private static void generate(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO supervised_entity (region_id, name, uscc, staff_count, status, social_function, industry,
				  supervision_types, supervision_level, high_risk, created_at, updated_at)
				SELECT p.ids[1 + g % array_length(p.ids, 1)], '基准单位' || g, '9137' || lpad(g::text, 14, '0'), g % 500,
				       'OPERATING', 'ENTERPRISE', 'IND' || lpad((1 + g % 82)::text, 3, '0'), '{TERRITORIAL}', 'DISTRICT',
				       g % 7 = 0, now(), now()
				FROM generate_series(1, :n) g,
				     (SELECT array_agg(id ORDER BY id) AS ids FROM region WHERE level IN ('STREET', 'GRID')) p
				""").param("n", ENTITIES).update();
		for (int from = 1; from <= HAZARDS; from += 250_000) {
			jdbc.sql("""
				INSERT INTO hazard (entity_id, region_id, department_id, origin_level, found_at, description, location, level,
				                    state, reinspection_required, rectification_type, original_deadline, deadline, closed_at,
				                    updated_at)
				SELECT e.id, e.region_id, NULL, CASE WHEN g % 5 = 0 THEN 'CITY' ELSE 'DISTRICT' END, x.found,
				       (ARRAY['消防通道堆放杂物','液化气瓶未固定','配电箱未接地','安全出口指示灯损坏','危化品仓库通风不良',
				              '特种作业人员无证上岗','粉尘清扫不及时','有限空间作业未审批','应急预案未演练','灭火器过期'])[1 + (g / 7) % 10]
				         || '（' || g || '）', '现场',
				       CASE WHEN g % 40 = 0 THEN 'SUSPECTED_MAJOR' WHEN g % 100 = 1 THEN 'MAJOR' ELSE 'GENERAL' END,
				       x.state, g % 4 > 0, CASE WHEN x.state <> 'REPORTED' THEN 'DEADLINE' END,
				       CASE WHEN x.state <> 'REPORTED' THEN x.found + interval '15 days' END,
				       CASE WHEN x.state <> 'REPORTED' THEN x.found + interval '15 days' END,
				       CASE WHEN x.state = 'CLOSED' THEN x.found + make_interval(days => 1 + g % 20) END, x.found
				FROM generate_series(:from, :to) g
				JOIN supervised_entity e ON e.id = (SELECT min(id) FROM supervised_entity) + g % :entities
				CROSS JOIN LATERAL (SELECT
				  CASE WHEN g % 10 < 6 THEN 'CLOSED' WHEN g % 10 < 8 THEN 'RECTIFYING' WHEN g % 10 = 8 THEN 'SUBMITTED' ELSE 'REPORTED' END AS state,
				  CAST(:now AS timestamptz) - CASE WHEN g % 10 BETWEEN 6 AND 9 THEN make_interval(mins => g % (60 * 24 * 40))
				                                   ELSE make_interval(mins => g % (60 * 24 * 730)) END AS found) x
				""").param("from", from).param("to", from + 249_999).param("entities", ENTITIES).param("now", Timestamp.from(NOW))
				.update();
		}
		jdbc.sql("ANALYZE").update();
	}
}
