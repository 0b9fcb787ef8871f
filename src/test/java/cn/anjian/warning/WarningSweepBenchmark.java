package cn.anjian.warning;

import cn.anjian.AnjianApplication;
import cn.anjian.platform.time.SimulatedClock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): one engine sweep over 1,000,000 active warnings of which 100,000 are due (each step issuing
 * a numbered 督办单), against the bare
 * set-based SQL doing the same inserts and updates in one statement on the same data. The ratio is the figure we track.
 * Run: {@code mvn -q -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.anjian.warning.WarningSweepBenchmark}
 */
public class WarningSweepBenchmark {

	static final int ACTIVE = 1_000_000;
	static final int DUE = 100_000;
	static final Instant T0 = Instant.parse("2031-01-01T00:00:00Z");

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AnjianApplication.class)
			.run("--anjian.db.embedded.data-dir=target/bench-pg", "--anjian.db.embedded.clean=true", "--anjian.demo=true",
					"--anjian.demo.entities=0", "--db-scheduler.enabled=false", "--server.port=0", "--logging.level.root=WARN",
					"--logging.structured.format.console=", "--spring.jdbc.template.query-timeout=0")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			WarningEngine engine = context.getBean(WarningEngine.class);
			((SimulatedClock) context.getBean(Clock.class)).freeze(T0.plusSeconds(60));
			for (int round = 1; round <= 3; round++) {
				generate(jdbc);
				long t = System.nanoTime();
				int steps = engine.sweep();
				long engineMs = (System.nanoTime() - t) / 1_000_000;
				reset(jdbc);
				t = System.nanoTime();
				int bare = bareSql(jdbc, StepActions.SQL);
				long bareMs = (System.nanoTime() - t) / 1_000_000;
				reset(jdbc);
				t = System.nanoTime();
				bareSql(jdbc, "");
				long stepsOnlyMs = (System.nanoTime() - t) / 1_000_000;
				System.out.printf("round %d: engine sweep %,d steps in %,d ms; bare SQL %,d steps in %,d ms; ratio %.2f;"
						+ " bare SQL without the step actions %,d ms%n", round, steps, engineMs, bare, bareMs,
						(double) engineMs / bareMs, stepsOnlyMs);
			}
		}
	}

	/** 1,000,000 active warnings of the district (十五) ladder; the first 100,000 have their first step due. */
	static void generate(JdbcClient jdbc) {
		jdbc.sql("TRUNCATE supervision_order_attachment, supervision_order, notice_entry, confirmation_task, warning_step, warning").update();
		jdbc.sql("DELETE FROM document_number WHERE kind = 'SUPERVISION_ORDER'").update();
		jdbc.sql("""
				INSERT INTO warning (rule_id, trigger_kind, subject_type, subject_id, region_id, title, triggered_at, state,
				                     next_step_due_at, created_at)
				SELECT r.id, r.trigger_kind, 'bench', g, p.ids[1 + g % array_length(p.ids, 1)], 'bench', :t0, 'ACTIVE',
				       CASE WHEN g <= :due THEN CAST(:t0 AS timestamptz) ELSE CAST(:t0 AS timestamptz) + interval '30 days' END, :t0
				FROM warning_rule r, generate_series(1, :n) g,
				     (SELECT array_agg(id) AS ids FROM region WHERE level IN ('STREET', 'GRID')) p
				WHERE r.trigger_kind = 'OVERDUE_HAZARD' AND r.origin_level = 'DISTRICT' AND r.active
				""").param("t0", Timestamp.from(T0)).param("due", DUE).param("n", ACTIVE).update();
		jdbc.sql("ANALYZE warning").update();
	}

	static void reset(JdbcClient jdbc) {
		jdbc.sql("TRUNCATE supervision_order_attachment, supervision_order, notice_entry, confirmation_task, warning_step").update();
		jdbc.sql("DELETE FROM document_number WHERE kind = 'SUPERVISION_ORDER'").update();
		jdbc.sql("UPDATE warning SET current_step = 0, next_step_due_at = :t0 WHERE subject_id <= :due")
			.param("t0", Timestamp.from(T0)).param("due", DUE).update();
		jdbc.sql("VACUUM ANALYZE warning").update();
	}

	/**
	 * The same work as one plain statement: no batches, no row locks skipped, no catch-up loop (one step each) — but
	 * the same step actions ({@link StepActions}: 100,000 numbered 督办单), so the ratio measures the engine's overhead;
	 * without them ({@code stepActions} empty) it shows what the actions cost.
	 */
	static int bareSql(JdbcClient jdbc, String stepActions) {
		return jdbc.sql("""
				WITH due AS (
				  SELECT w.id, w.rule_id, w.region_id, w.current_step + 1 AS step_no, w.next_step_due_at AS due_at,
				         w.entity_id, w.department_id, w.title
				  FROM warning w WHERE w.state = 'ACTIVE' AND w.next_step_due_at <= :now
				), reached AS (
				  INSERT INTO warning_step (warning_id, step_no, region_id, due_at, reached_at, screen_level, action, acting_level)
				  SELECT d.id, d.step_no, d.region_id, d.due_at, :now, s.screen_level, s.action, s.acting_level
				  FROM due d JOIN warning_rule_step s ON s.rule_id = d.rule_id AND s.step_no = d.step_no
				  RETURNING warning_id, step_no, action, acting_level
				)""" + stepActions + """
				UPDATE warning w SET current_step = d.step_no, next_step_due_at = d.due_at + interval '72 hours'
				FROM due d WHERE w.id = d.id
				""").param("now", Timestamp.from(T0.plusSeconds(60))).param("year", 2031).param("replyDays", 3).update();
	}
}
