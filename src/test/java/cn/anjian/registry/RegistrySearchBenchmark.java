package cn.anjian.registry;

import cn.anjian.AnjianApplication;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.support.Latency;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): search latency over 200,000 supervised entities (with 60,000 licences) — a Chinese name
 * substring, a multi-axis filter, and the expired-licence filter, for the whole city and for one district.
 * Run: {@code mvn -q -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.anjian.registry.RegistrySearchBenchmark}
 */
public class RegistrySearchBenchmark {

	private static final int ENTITIES = 200_000;
	private static final int RUNS = 200;

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AnjianApplication.class)
			.run("--anjian.db.embedded.data-dir=target/bench-pg", "--anjian.db.embedded.clean=true", "--anjian.demo=true",
					"--anjian.demo.entities=0", "--db-scheduler.enabled=false", "--server.port=0", "--logging.level.root=WARN",
					"--logging.structured.format.console=")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Entities entities = context.getBean(Entities.class);
			long started = System.nanoTime();
			generate(jdbc);
			System.out.printf("generated %,d entities in %d ms%n", ENTITIES, (System.nanoTime() - started) / 1_000_000);

			long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
			long district = jdbc.sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
			DataScope cityScope = DataScope.unrestricted(city);
			DataScope districtScope = new DataScope(DataScope.Kind.REGION, 1, district, null, null);
			EntitySearch byName = search("精细化工", null, null, null, null);
			EntitySearch byShortName = search("恒泰", null, null, null, null);
			EntitySearch multiAxis = search(null, "IND001", "ENTERPRISE", true, null);
			EntitySearch expired = search(null, null, null, null, "EXPIRED");
			for (var scope : new DataScope[] { cityScope, districtScope }) {
				String who = scope == cityScope ? "city" : "district";
				Latency.report(who + ": name substring (4 chars)", 20, RUNS, () -> entities.search(scope, byName, 1, 20).total());
				Latency.report(who + ": name substring (2 chars)", 20, RUNS, () -> entities.search(scope, byShortName, 1, 20).total());
				Latency.report(who + ": industry+function+high-risk", 20, RUNS, () -> entities.search(scope, multiAxis, 1, 20).total());
				Latency.report(who + ": licence expired", 20, RUNS, () -> entities.search(scope, expired, 1, 20).total());
			}
		}
	}

	private static EntitySearch search(String keyword, String industry, String socialFunction, Boolean highRisk,
			String licenceState) {
		return new EntitySearch(keyword, null, socialFunction, industry, null, null, null, highRisk, null, null, null, null,
				null, licenceState, "updatedAt", "desc");
	}

	/** Synthetic entities spread over every street and grid, one in ten with a safety licence (some expired). */
	private static void generate(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO supervised_entity (region_id, name, uscc, staff_count, status, social_function, industry,
				  supervision_types, supervision_level, high_risk, created_at, updated_at)
				SELECT p.ids[1 + g % array_length(p.ids, 1)],
				       (ARRAY['历下','市中','槐荫','天桥','历城'])[1 + g % 5] || (ARRAY['恒泰','鲁信','泉城','华源','金泽','瑞丰','盛达','鼎新'])[1 + g % 8]
				         || (ARRAY['精细化工','机械制造','商贸','物流','建筑工程','餐饮管理','物业服务'])[1 + (g / 8) % 7] || '有限公司' || g,
				       '9137' || lpad(g::text, 14, '0'), g % 500,
				       'OPERATING', (ARRAY['ENTERPRISE','ENTERPRISE','ENTERPRISE','NINE_SMALL_PLACES','PUBLIC_INSTITUTION'])[1 + g % 5],
				       'IND' || lpad((1 + g % 82)::text, 3, '0'), '{TERRITORIAL}', 'DISTRICT', g % 7 = 0, now(), now() - (g || ' seconds')::interval
				FROM generate_series(1, :n) g,
				     (SELECT array_agg(id ORDER BY id) AS ids FROM region WHERE level IN ('STREET', 'GRID')) p
				""").param("n", ENTITIES).update();
		jdbc.sql("""
				INSERT INTO entity_licence (entity_id, region_id, type, number, valid_to, created_at, updated_at)
				SELECT id, region_id, 'SAFETY_PRODUCTION', 'L' || id, current_date + CAST(id % 900 - 60 AS int), now(), now()
				FROM supervised_entity WHERE id % 10 < 3
				""").update();
		jdbc.sql("UPDATE supervised_entity e SET safety_licence_valid_to = l.valid_to FROM entity_licence l WHERE l.entity_id = e.id")
			.update();
		jdbc.sql("ANALYZE").update();
	}
}
