package cn.anjian.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Many sweepers, one database: each step exactly once; a sweep that dies half way loses nothing. */
@AnjianTest
class WarningEngineConcurrencyTest {

	static final Instant T0 = Instant.parse("2032-03-01T00:00:00Z");

	@Autowired
	WarningEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void threeSweepersOverTenThousandDueWarningsRecordEachStepExactlyOnce() {
		due(10_000, "concurrent");
		((SimulatedClock) clock).freeze(T0.plus(Duration.ofDays(10)));
		CompletableFuture<?>[] sweepers = new CompletableFuture<?>[3];
		for (int i = 0; i < sweepers.length; i++) {
			sweepers[i] = CompletableFuture.supplyAsync(engine::sweep);
		}
		CompletableFuture.allOf(sweepers).join();
		assertThat(count("SELECT count(*) FROM warning_step s JOIN warning w ON w.id = s.warning_id WHERE w.subject_type = 'concurrent'"))
			.isEqualTo(30_000);
		assertThat(count("SELECT count(*) FROM warning WHERE subject_type = 'concurrent' AND current_step = 3 AND next_step_due_at IS NULL"))
			.isEqualTo(10_000);
		assertThat(count("""
				SELECT count(*) FROM warning_step s JOIN warning w ON w.id = s.warning_id WHERE w.subject_type = 'concurrent'
				AND s.due_at <> w.triggered_at + make_interval(hours => 72 * (s.step_no - 1))
				""")).as("every step keeps its own due time").isZero();
		assertThat(count("SELECT count(*) FROM supervision_order o JOIN warning w ON w.id = o.warning_id WHERE w.subject_type = 'concurrent'"))
			.as("a 督办单 for each of the two 督办 steps").isEqualTo(20_000);
		assertThat(count("SELECT count(*) FROM notice_entry e JOIN warning w ON w.id = e.warning_id WHERE w.subject_type = 'concurrent'"))
			.as("a 通报 entry for the third step").isEqualTo(10_000);
		assertThat(count("""
				SELECT count(*) FROM (SELECT issuer_region_id, number_year, max(number_seq) - count(*) AS gap, count(DISTINCT number) - count(*) AS dup
				                      FROM supervision_order GROUP BY 1, 2) n WHERE gap <> 0 OR dup <> 0
				""")).as("order numbers are 1..n per issuing office and year, each once").isZero();
		assertThat(count("""
				SELECT count(*) FROM (SELECT o.issuer_region_id, o.number_year FROM supervision_order o GROUP BY 1, 2) n
				JOIN document_number d ON d.kind = 'SUPERVISION_ORDER' AND d.region_id = n.issuer_region_id AND d.year = n.number_year
				WHERE d.last_no <> (SELECT count(*) FROM supervision_order x WHERE x.issuer_region_id = n.issuer_region_id AND x.number_year = n.number_year)
				""")).as("the counter stands at the last number issued").isZero();
	}

	@Test
	void aSweepKilledHalfWayLosesNothingAndTheNextOneFinishes() {
		due(2 * WarningEngine.BATCH, "killed");
		Instant now = T0.plus(Duration.ofDays(10));
		((SimulatedClock) clock).freeze(now);
		TransactionTemplate dying = new TransactionTemplate(transactions);
		dying.executeWithoutResult(status -> {
			assertThat(engine.climb(now, "", null, null)).isEqualTo(WarningEngine.BATCH);
			status.setRollbackOnly(); // the node dies before committing this batch
		});
		new TransactionTemplate(transactions).executeWithoutResult(status -> engine.climb(now, "", null, null));
		engine.sweep();
		assertThat(count("SELECT count(*) FROM warning_step s JOIN warning w ON w.id = s.warning_id WHERE w.subject_type = 'killed'"))
			.isEqualTo(3L * 2 * WarningEngine.BATCH);
		assertThat(count("SELECT count(*) FROM supervision_order o JOIN warning w ON w.id = o.warning_id WHERE w.subject_type = 'killed'"))
			.as("the rolled-back batch's orders went with it").isEqualTo(2L * 2 * WarningEngine.BATCH);
	}

	/** Warnings of the district (十五) ladder, triggered at T0, their first step due. */
	private void due(int n, String subjectType) {
		jdbc.sql("""
				INSERT INTO warning (rule_id, trigger_kind, subject_type, subject_id, region_id, title, triggered_at, state,
				                     next_step_due_at, created_at)
				SELECT r.id, r.trigger_kind, :type, g, (SELECT id FROM region WHERE code = '370102'), '并发测试', :t0, 'ACTIVE', :t0, :t0
				FROM warning_rule r, generate_series(1, :n) g
				WHERE r.trigger_kind = 'OVERDUE_HAZARD' AND r.origin_level = 'DISTRICT' AND r.active
				""").param("type", subjectType).param("t0", Timestamp.from(T0)).param("n", n).update();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
