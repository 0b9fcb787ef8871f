package cn.anjian.assessment;

import cn.anjian.AnjianApplication;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.ApiClient;
import cn.anjian.support.Latency;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): what the 综合态势 screen asks of the statistics — its seven API calls, cold (the first
 * calls after the database started) and warm — and the statistics page's tables, over 200,000 entities, 180,000
 * assignments, 400,000 hazards (two years), 200,000 re-inspections and 100,000 warnings with 200,000 steps.
 * Run: {@code mvn -q -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.anjian.assessment.StatisticsBenchmark}; {@code -Dbench.reuse=true} measures the data of the last
 * run again (a database started afresh, so its cache is cold; drop the OS page cache before for a colder one).
 */
public class StatisticsBenchmark {

	static final Instant NOW = Instant.parse("2031-04-01T02:00:00Z");
	/** -Dbench.hazards=2000000 -Dbench.warningEvery=2 for a city's 2,000,000 hazards and 1,000,000 warnings. */
	static final int HAZARDS = Integer.getInteger("bench.hazards", 400_000);
	static final int WARNING_EVERY = Integer.getInteger("bench.warningEvery", 4);
	static final boolean REUSE = Boolean.getBoolean("bench.reuse");
	static final String DATA = "target/bench-pg";
	/** OverviewScreenPage.vue: SCREEN_FIGURES of the main call, TREND of each monthly point. */
	static final String SCREEN_FIGURES = "entities,entitiesSupervised,hazardsOpen,hazardsOverdue,hazardsRectified,"
			+ "hazardsRectifiedOnTime,warningsActive,warningsNoticed,accidents,accidentDeaths,preventionMandatory,preventionSetUp,"
			+ "preventionRunning,riskPoints";
	static final String TREND_FIGURES = "hazardsFound,hazardsRectified,warnings";

	public static void main(String[] args) throws java.io.IOException {
		if (!REUSE) {
			// deleted here, not by the embedded server's clean flag: that one deletes the data again when it stops
			org.springframework.util.FileSystemUtils.deleteRecursively(java.nio.file.Path.of(DATA));
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AnjianApplication.class)
			.run("--anjian.db.embedded.data-dir=" + DATA, "--anjian.db.embedded.clean=false", "--anjian.demo=true",
					"--anjian.demo.entities=0", "--anjian.demo.hazards=0", "--db-scheduler.enabled=false", "--server.port=0",
					"--logging.level.root=WARN", "--logging.structured.format.console=", "--spring.jdbc.template.query-timeout=0")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Statistics statistics = context.getBean(Statistics.class);
			((SimulatedClock) context.getBean(Clock.class)).freeze(NOW);
			if (!REUSE) {
				long t = System.nanoTime();
				generate(jdbc);
				System.out.printf("data generated in %,d ms%n", (System.nanoTime() - t) / 1_000_000);
			}
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			overviewScreen(ApiClient.signedIn(port, "city_office"));
			long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
			long district = jdbc.sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
			DataScope scope = DataScope.unrestricted(city);
			Statistics.Period quarter = new Statistics.Period(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 3, 31));
			for (StatisticsCatalogue.Count c : StatisticsCatalogue.COUNTS) {
				Latency.report("  figure " + c.code(), 1, 3, () -> (long) statistics.table(scope, city, quarter, List.of(c)).rows().size());
			}
			Latency.report("city quarter (1 table)", 2, 10, () -> (long) statistics.table(scope, city, quarter).rows().size());
			Latency.report("city quarter + 环比 + 同比 (3 tables)", 1, 5, () -> {
				statistics.table(scope, city, quarter);
				statistics.table(scope, city, quarter.previous());
				return (long) statistics.table(scope, city, quarter.lastYear()).rows().size();
			});
			Latency.report("district quarter (1 table, streets)", 2, 10, () -> (long) statistics.table(scope, district, quarter).rows().size());
			Latency.report("city: 6 monthly trend points", 1, 5, () -> {
				long n = 0;
				for (int m = 0; m < 6; m++) {
					LocalDate from = LocalDate.of(2030, 10, 1).plusMonths(m);
					n += statistics.table(scope, city, new Statistics.Period(from, from.plusMonths(1).minusDays(1))).rows().size();
				}
				return n;
			});
			List<String> screen = List.of(SCREEN_FIGURES.split(","));
			List<StatisticsCatalogue.Count> screenCounts = StatisticsCatalogue.COUNTS.stream().filter(c -> screen.contains(c.code())).toList();
			Latency.report("overview: city, quarter, the screen's 14 figures (its main call)", 1, 5,
					() -> (long) statistics.table(scope, city, quarter, screenCounts).rows().size());
			List<StatisticsCatalogue.Count> trendCounts = StatisticsCatalogue.COUNTS.stream()
				.filter(c -> List.of(TREND_FIGURES.split(",")).contains(c.code())).toList();
			Latency.report("city: 6 monthly trend points, 3 figures each (the screen's call)", 1, 5, () -> {
				long n = 0;
				for (int m = 0; m < 6; m++) {
					LocalDate from = LocalDate.of(2030, 10, 1).plusMonths(m);
					n += statistics.table(scope, city, new Statistics.Period(from, from.plusMonths(1).minusDays(1)), trendCounts).rows().size();
				}
				return n;
			});
			// the department supervising the most entities (a tenth of the city's)
			DataScope department = new DataScope(DataScope.Kind.DEPARTMENT, 0, city, jdbc.sql("""
					SELECT department_id FROM entity_assignment WHERE ended_at IS NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
					""").query(Long.class).single(), null);
			// "rows" here: the hazards found in the quarter that the view counts (the city's, then the department's share)
			Latency.report("city view, city quarter (hazards found)", 1, 5,
					() -> statistics.table(scope, city, quarter).total().get("hazardsFound").longValue());
			Latency.report("department view, city quarter (hazards found)", 1, 5,
					() -> statistics.table(department, city, quarter).total().get("hazardsFound").longValue());
			List<StatisticsCatalogue.Count> usageCounts = StatisticsCatalogue.COUNTS.stream().filter(c -> List.of("entities",
					"entitiesComplete", "entitiesInspected", "warnings", "warningsHandled", "supervisionOrders").contains(c.code())).toList();
			Latency.report("department view, the usage table's 6 counts", 1, 5,
					() -> (long) statistics.table(department, city, quarter, usageCounts).rows().size());
			PlatformUsage usage = context.getBean(PlatformUsage.class);
			Latency.report("platform usage table, city quarter (districts + departments)", 1, 3,
					() -> (long) usage.compute(quarter, scope).rows().size());
		}
	}

	/**
	 * The screen's calls as the page makes them (the year so far, then six months), first cold and one by one, then
	 * each call's p50/p95 warm.
	 */
	static void overviewScreen(ApiClient office) {
		String main = "/api/statistics?compare=false&figures=" + SCREEN_FIGURES;
		List<String> trend = new ArrayList<>();
		for (int m = 5; m >= 0; m--) {
			LocalDate from = LocalDate.of(2031, 4, 1).minusMonths(m).withDayOfMonth(1);
			LocalDate to = m == 0 ? LocalDate.of(2031, 4, 1) : from.plusMonths(1).minusDays(1);
			trend.add("/api/statistics?from=" + from + "&to=" + to + "&compare=false&figures=" + TREND_FIGURES);
		}
		long t = System.nanoTime();
		office.get(main).expect(200);
		long mainCold = System.nanoTime() - t;
		t = System.nanoTime();
		trend.forEach(url -> office.get(url).expect(200));
		System.out.printf("overview cold: main call %.1f ms, six trend points %.1f ms (one after another)%n", mainCold / 1e6,
				(System.nanoTime() - t) / 1e6);
		Latency.report("overview API: main call (year so far, 14 figures)", 2, 20,
				() -> (long) office.get(main).expect(200).body().get("current").get("rows").size());
		Latency.report("overview API: one trend point (a month, 3 figures)", 2, 20,
				() -> (long) office.get(trend.get(2)).expect(200).body().get("current").get("rows").size());
		Latency.report("overview API: the whole screen (7 calls)", 1, 10, () -> {
			office.get(main).expect(200);
			trend.forEach(url -> office.get(url).expect(200));
			return 7L;
		});
		Latency.report("statistics page API: quarter + 环比 + 同比", 1, 5,
				() -> (long) office.get("/api/statistics?from=2031-01-01&to=2031-03-31").expect(200).body().get("current").get("rows").size());
	}

	static void generate(JdbcClient jdbc) {
		Timestamp start = Timestamp.from(Instant.parse("2029-04-01T00:00:00Z"));
		jdbc.sql("""
				INSERT INTO supervised_entity (region_id, name, uscc, social_function, industry, supervision_level, created_at, updated_at)
				SELECT p.ids[1 + g % array_length(p.ids, 1)], 'bench ' || g, 'B' || lpad(g::text, 17, '0'),
				  (ARRAY['ENTERPRISE', 'ENTERPRISE', 'ENTERPRISE', 'NINE_SMALL_PLACES', 'PUBLIC_INSTITUTION'])[1 + g % 5],
				  'IND0' || lpad((1 + g % 80)::text, 2, '0'), 'STREET', :start, :start
				FROM generate_series(1, 200000) g, (SELECT array_agg(id) AS ids FROM region WHERE level IN ('STREET', 'GRID')) p
				""").param("start", start).update();
		jdbc.sql("""
				INSERT INTO entity_assignment (entity_id, region_id, department_id, supervision_type, started_at)
				SELECT e.id, e.region_id, d.ids[1 + e.id % array_length(d.ids, 1)], 'INDUSTRY_SUPERVISION', :start
				FROM supervised_entity e, (SELECT array_agg(id) AS ids FROM department WHERE level = 'CITY') d WHERE e.id % 10 <> 0
				""").param("start", start).update();
		jdbc.sql("""
				INSERT INTO hazard (entity_id, region_id, department_id, origin_level, found_at, description, level, state,
				  reinspection_required, deadline, closed_at, updated_at)
				SELECT e.id, e.region_id, NULL, 'DISTRICT', f.at, 'bench', CASE WHEN g % 20 = 0 THEN 'MAJOR' ELSE 'GENERAL' END,
				  CASE WHEN g % 4 = 0 THEN 'RECTIFYING' ELSE 'CLOSED' END, true, f.at + interval '15 days',
				  CASE WHEN g % 4 = 0 THEN NULL ELSE f.at + (g % 25) * interval '1 day' END, f.at
				FROM generate_series(1, :hazards) g
				JOIN supervised_entity e ON e.id = (SELECT min(id) FROM supervised_entity) + g % 200000
				CROSS JOIN LATERAL (SELECT CAST(:start AS timestamptz) + (g % 730) * interval '1 day' AS at) f
				""").param("start", start).param("hazards", HAZARDS).update();
		jdbc.sql("""
				INSERT INTO hazard_transition (hazard_id, region_id, transition, from_state, to_state, level, actor_name, at)
				SELECT h.id, h.region_id, CASE WHEN h.id % 5 = 0 THEN 'FAIL_REINSPECTION' ELSE 'PASS_REINSPECTION' END,
				  'SUBMITTED', 'CLOSED', h.level, 'bench', h.closed_at
				FROM hazard h WHERE h.closed_at IS NOT NULL AND h.id % 3 <> 0
				""").update();
		jdbc.sql("""
				INSERT INTO warning (rule_id, trigger_kind, subject_type, subject_id, entity_id, region_id, title, triggered_at, state,
				  current_step, created_at, resolved_at)
				SELECT r.id, r.trigger_kind, 'bench', h.id, h.entity_id, h.region_id, 'bench', h.deadline,
				  CASE WHEN (h.id / :every) % 2 = 0 THEN 'RESOLVED' ELSE 'ACTIVE' END, 2, h.deadline,
				  CASE WHEN (h.id / :every) % 2 = 0 THEN h.deadline + interval '5 days' END
				FROM hazard h, warning_rule r
				WHERE h.id % :every = 0 AND r.trigger_kind = 'OVERDUE_HAZARD' AND r.origin_level = 'DISTRICT' AND r.active
				""").param("every", WARNING_EVERY).update();
		jdbc.sql("""
				INSERT INTO warning_step (warning_id, step_no, region_id, due_at, reached_at, screen_level, action, acting_level)
				SELECT w.id, s.n, w.region_id, w.triggered_at + (s.n - 1) * interval '3 days', w.triggered_at + (s.n - 1) * interval '3 days',
				  'CITY', CASE WHEN s.n = 2 THEN 'NOTICE' ELSE 'SUPERVISE' END, 'CITY'
				FROM warning w, (VALUES (1), (2)) s(n) WHERE w.subject_type = 'bench'
				""").update();
		jdbc.sql("SELECT stat_compact()").query(Long.class).single(); // what StatisticsCompaction does every minute
		jdbc.sql("ANALYZE").update();
	}
}
