package cn.anjian.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens, climbs and resolves warnings. Every step is one row of {@code warning_step} keyed by (warning, step), so a
 * step is recorded exactly once however many nodes sweep at once, however late a sweep runs, and after a crash:
 * a sweep locks the due warnings it takes ({@code FOR UPDATE SKIP LOCKED}), records their next step with the time it
 * was due by the rule, and commits batch by batch until nothing is due — catching up step by step.
 */
@Component
public class WarningEngine {

	static final int BATCH = 5_000;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate transactions;

	WarningEngine(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Starts a warning under the current version of its ladder (no second one while one is active for the same
	 * subject), then records whatever steps are already due. Returns whether a warning was opened.
	 */
	public boolean open(Trigger t) {
		int opened = jdbc.sql("""
				INSERT INTO warning (rule_id, trigger_kind, subject_type, subject_id, entity_id, region_id, department_id,
				                     title, triggered_at, state, next_step_due_at, created_at)
				SELECT r.id, r.trigger_kind, :subjectType, :subjectId, :entityId, :regionId, :departmentId, :title, :at,
				       'ACTIVE', CAST(:at AS timestamptz) + make_interval(hours => s.delay_hours), :now
				FROM warning_rule r JOIN warning_rule_step s ON s.rule_id = r.id AND s.step_no = 1
				WHERE r.trigger_kind = :kind AND r.origin_level = :origin AND r.active
				ON CONFLICT (trigger_kind, subject_type, subject_id) WHERE state = 'ACTIVE' DO NOTHING
				""")
			.param("kind", t.kind().name()).param("origin", t.originLevel().name()).param("subjectType", t.subjectType())
			.param("subjectId", t.subjectId()).param("entityId", t.entityId()).param("regionId", t.regionId())
			.param("departmentId", t.departmentId()).param("title", t.title())
			.param("at", Timestamp.from(t.triggeredAt())).param("now", Timestamp.from(clock.instant()))
			.update();
		if (opened > 0) {
			climb(clock.instant(), "AND w.trigger_kind = '" + t.kind().name() + "' AND w.subject_type = :subjectType AND w.subject_id = :subjectId",
					t.subjectType(), t.subjectId());
		}
		return opened > 0;
	}

	/** The cause ended: the warning stops climbing at once; its steps stay. */
	public int resolve(Trigger.Kind kind, String subjectType, long subjectId, Instant at) {
		return jdbc.sql("""
				UPDATE warning SET state = 'RESOLVED', resolved_at = :at, next_step_due_at = NULL
				WHERE trigger_kind = :kind AND subject_type = :subjectType AND subject_id = :subjectId AND state = 'ACTIVE'
				""")
			.param("kind", kind.name()).param("subjectType", subjectType).param("subjectId", subjectId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Records every step due by now, in batches of its own transactions. Returns the number of steps recorded. */
	public int sweep() {
		Instant now = clock.instant();
		int total = 0;
		int batch;
		do {
			batch = transactions.execute(status -> climb(now, "", null, null));
			total += batch;
		}
		while (batch > 0);
		return total;
	}

	/**
	 * One round: each due warning (at most {@link #BATCH}) reaches its next step with the due time the rule gives;
	 * its following step is then due that many hours after this one's due time.
	 */
	int climb(Instant now, String onlySubject, String subjectType, Long subjectId) {
		int rounds = 0;
		int moved;
		do {
			moved = jdbc.sql("""
					WITH due AS (
					  SELECT w.id, w.rule_id, w.region_id, w.current_step + 1 AS step_no, w.next_step_due_at AS due_at
					  FROM warning w WHERE w.state = 'ACTIVE' AND w.next_step_due_at <= :now %s
					  ORDER BY w.next_step_due_at LIMIT :batch FOR UPDATE SKIP LOCKED
					), reached AS (
					  INSERT INTO warning_step (warning_id, step_no, region_id, due_at, reached_at, screen_level, action, acting_level)
					  SELECT d.id, d.step_no, d.region_id, d.due_at, :now, s.screen_level, s.action, s.acting_level
					  FROM due d JOIN warning_rule_step s ON s.rule_id = d.rule_id AND s.step_no = d.step_no
					  ON CONFLICT DO NOTHING
					)
					UPDATE warning w SET current_step = d.step_no,
					  next_step_due_at = d.due_at + (SELECT make_interval(hours => n.delay_hours) FROM warning_rule_step n
					                                 WHERE n.rule_id = d.rule_id AND n.step_no = d.step_no + 1)
					FROM due d WHERE w.id = d.id
					""".formatted(onlySubject))
				.param("now", Timestamp.from(now)).param("batch", BATCH)
				.param("subjectType", subjectType).param("subjectId", subjectId)
				.update();
			rounds += moved;
		}
		while (moved > 0 && !onlySubject.isEmpty());
		return rounds;
	}
}
