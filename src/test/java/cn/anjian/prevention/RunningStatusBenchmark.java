package cn.anjian.prevention;

import cn.anjian.AnjianApplication;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): the daily running-status computation for 20,000 businesses with 100,000 daily check tasks
 * and 2,000,000 check instances (20 days). Per day: generating the day's 100,000 instances, then computing the day
 * (the status statement, recoveries and new stoppages — whose events open ladder (十九) warnings). One business in
 * twenty does few of its checks, so it stops running after 7 days. Its own embedded database in target/bench-pg.
 * Run: {@code mvn -q -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.anjian.prevention.RunningStatusBenchmark}
 */
public class RunningStatusBenchmark {

	private static final int ENTITIES = 20_000;
	private static final int TASKS_PER_ENTITY = 5;
	private static final int DAYS = 20;
	private static final LocalDate FIRST = LocalDate.of(2030, 3, 1);

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AnjianApplication.class)
			.run("--anjian.db.embedded.data-dir=target/bench-pg", "--anjian.db.embedded.clean=true", "--anjian.demo=true",
					"--anjian.demo.entities=0", "--db-scheduler.enabled=false", "--server.port=0", "--logging.level.root=WARN",
					"--logging.structured.format.console=", "--spring.jdbc.template.query-timeout=600s")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			CheckSchedule schedule = context.getBean(CheckSchedule.class);
			RunningStatus status = context.getBean(RunningStatus.class);
			long t = System.nanoTime();
			setUp(jdbc);
			System.out.printf("set up %,d businesses with %,d tasks in %d ms%n", ENTITIES, ENTITIES * TASKS_PER_ENTITY, ms(t));
			long generateTotal = 0;
			for (int d = 0; d < DAYS; d++) {
				t = System.nanoTime();
				schedule.generate(FIRST.plusDays(d));
				generateTotal += ms(t);
				doChecks(jdbc, FIRST.plusDays(d));
			}
			jdbc.sql("ANALYZE").update();
			long instances = jdbc.sql("SELECT count(*) FROM check_instance").query(Long.class).single();
			System.out.printf("generated %,d check instances over %d days: %d ms per day on average%n", instances, DAYS,
					generateTotal / DAYS);
			long max = 0;
			long total = 0;
			for (int d = 0; d < DAYS; d++) {
				t = System.nanoTime();
				int computed = status.compute(FIRST.plusDays(d));
				long took = ms(t);
				total += took;
				max = Math.max(max, took);
				System.out.printf("day %s: %,d businesses computed in %d ms%n", FIRST.plusDays(d), computed, took);
			}
			System.out.printf("compute: %d ms per day on average, %d ms at most; %,d stoppages, %,d warnings%n", total / DAYS, max,
					jdbc.sql("SELECT count(*) FROM prevention_stoppage").query(Long.class).single(),
					jdbc.sql("SELECT count(*) FROM warning WHERE trigger_kind = 'PREVENTION_NOT_RUNNING'").query(Long.class).single());
		}
	}

	private static void setUp(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO supervised_entity (region_id, name, uscc, staff_count, status, social_function, industry,
				  supervision_types, supervision_level, dual_prevention_mandatory, created_at, updated_at)
				SELECT p.ids[1 + g % array_length(p.ids, 1)], '双预防基准单位' || g, '9137' || lpad(g::text, 14, '0'), 50,
				       'OPERATING', 'ENTERPRISE', 'IND00' || (1 + g % 9), '{TERRITORIAL}', CASE WHEN g % 10 = 0 THEN 'CITY' ELSE 'DISTRICT' END,
				       g % 2 = 0, now(), now()
				FROM generate_series(1, :n) g, (SELECT array_agg(id ORDER BY id) AS ids FROM region WHERE level = 'STREET') p
				""").param("n", ENTITIES).update();
		jdbc.sql("""
				INSERT INTO risk_point (entity_id, region_id, name, kind, grade, control_level, last_assessed_on, reassess_due_on, created_at, updated_at)
				SELECT id, region_id, '基准风险点', 'SITE', (ARRAY['RED','ORANGE','YELLOW','BLUE'])[1 + id % 4], 'TEAM',
				       :first, CAST(:first AS date) + 365, now(), now() FROM supervised_entity
				""").param("first", Date.valueOf(FIRST)).update();
		jdbc.sql("""
				INSERT INTO control_measure (risk_point_id, entity_id, region_id, category, content, control_level, owner_name, created_at)
				SELECT id, entity_id, region_id, 'MANAGEMENT', '基准措施', 'TEAM', '张三', now() FROM risk_point
				""").update();
		jdbc.sql("""
				INSERT INTO check_task (measure_id, risk_point_id, entity_id, region_id, name, frequency, assignee_name, starts_on, created_at)
				SELECT m.id, m.risk_point_id, m.entity_id, m.region_id, '基准任务' || k, 'DAILY', '张三', :first, now()
				FROM control_measure m CROSS JOIN generate_series(1, :k) k
				""").param("first", Date.valueOf(FIRST)).param("k", TASKS_PER_ENTITY).update();
	}

	/** Nearly every check on time; one business in twenty does one check in three. */
	private static void doChecks(JdbcClient jdbc, LocalDate day) {
		jdbc.sql("""
				UPDATE check_instance SET done_at = due_at - interval '3 hours', result = 'OK'
				WHERE period_start = :day AND due_at > :from AND due_at <= :to
				  AND ((entity_id % 20 <> 0 AND id % 50 <> 0) OR (entity_id % 20 = 0 AND id % 3 = 0))
				""").param("day", Date.valueOf(day)).param("from", java.sql.Timestamp.from(RunningStatus.startOf(day)))
			.param("to", java.sql.Timestamp.from(RunningStatus.startOf(day.plusDays(1)))).update();
	}

	private static long ms(long since) {
		return (System.nanoTime() - since) / 1_000_000;
	}
}
