package cn.anjian.warning;

import cn.anjian.platform.time.BusinessTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens, climbs and resolves warnings. Every step is one row of {@code warning_step} keyed by (warning, step), so a
 * step is recorded exactly once however many nodes sweep at once, however late a sweep runs, and after a crash:
 * a sweep locks the due warnings it takes ({@code FOR UPDATE SKIP LOCKED}), records their next step with the time it
 * was due by the rule, and commits batch by batch until nothing is due — catching up step by step.
 * <p>
 * The step's action is created by the same statement that records the step, from the step rows it actually inserted:
 * a 督办单 numbered from its issuing office's counter, a 通报 entry, or a confirmation task — so an action exists
 * exactly when its step does, on any number of nodes.
 */
@Component
public class WarningEngine {

	static final int BATCH = 5_000;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final int replyDays;

	WarningEngine(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager,
			@Value("${anjian.warning.supervision-reply-days:3}") int replyDays) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.replyDays = replyDays;
	}

	/**
	 * When the step after one due at {@code due} is due: N×24 hours later, or N working days later at the same time of
	 * day when the ladder counts in working days ({@code add_working_days}, the calendar of holidays and 调休).
	 */
	static String nextDue(String due, String rule, String step) {
		return ("CASE WHEN %2$s.delay_unit = 'WORKING_DAYS' THEN add_working_days(%1$s, %3$s.delay_hours / 24)"
				+ " ELSE %1$s + make_interval(hours => %3$s.delay_hours) END").formatted(due, rule, step);
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
				       'ACTIVE', %s, :now
				FROM warning_rule r JOIN warning_rule_step s ON s.rule_id = r.id AND s.step_no = 1
				WHERE r.trigger_kind = :kind AND r.origin_level = :origin AND r.active
				ON CONFLICT (trigger_kind, subject_type, subject_id) WHERE state = 'ACTIVE' DO NOTHING
				""".formatted(nextDue("CAST(:at AS timestamptz)", "r", "s")))
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
				WITH ended AS (
				  UPDATE warning SET state = 'RESOLVED', resolved_at = :at, next_step_due_at = NULL
				  WHERE trigger_kind = :kind AND subject_type = :subjectType AND subject_id = :subjectId AND state = 'ACTIVE'
				  RETURNING id
				), confirmed AS (
				  UPDATE confirmation_task t SET state = 'RESOLVED', resolved_at = :at
				  FROM ended e WHERE t.warning_id = e.id AND t.state <> 'RESOLVED'
				)
				SELECT count(*) FROM ended
				""")
			.param("kind", kind.name()).param("subjectType", subjectType).param("subjectId", subjectId)
			.param("at", Timestamp.from(at))
			.query(Integer.class).single();
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
	 * One round: each due warning (at most {@link #BATCH}) reaches its next step with the due time the rule gives,
	 * its following step is then due that long after this one's due time, and the step's action is created.
	 */
	int climb(Instant now, String onlySubject, String subjectType, Long subjectId) {
		int rounds = 0;
		int moved;
		do {
			moved = jdbc.sql("""
					WITH due AS (
					  SELECT w.id, w.rule_id, w.region_id, w.current_step + 1 AS step_no, w.next_step_due_at AS due_at,
					         w.entity_id, w.department_id, w.title
					  FROM warning w WHERE w.state = 'ACTIVE' AND w.next_step_due_at <= :now %s
					  ORDER BY w.next_step_due_at LIMIT :batch FOR UPDATE SKIP LOCKED
					), reached AS (
					  INSERT INTO warning_step (warning_id, step_no, region_id, due_at, reached_at, screen_level, action, acting_level)
					  SELECT d.id, d.step_no, d.region_id, d.due_at, :now, s.screen_level, s.action, s.acting_level
					  FROM due d JOIN warning_rule_step s ON s.rule_id = d.rule_id AND s.step_no = d.step_no
					  ON CONFLICT DO NOTHING
					  RETURNING warning_id, step_no, action, acting_level
					)%s
					UPDATE warning w SET current_step = d.step_no,
					  next_step_due_at = (SELECT %s FROM warning_rule_step n JOIN warning_rule r ON r.id = n.rule_id
					                      WHERE n.rule_id = d.rule_id AND n.step_no = d.step_no + 1)
					FROM due d WHERE w.id = d.id
					""".formatted(onlySubject, StepActions.SQL, nextDue("d.due_at", "r", "n")))
				.param("now", Timestamp.from(now)).param("batch", BATCH)
				.param("year", LocalDate.ofInstant(now, BusinessTime.ZONE).getYear()).param("replyDays", replyDays)
				.param("subjectType", subjectType).param("subjectId", subjectId)
				.update();
			rounds += moved;
		}
		while (moved > 0 && !onlySubject.isEmpty());
		return rounds;
	}
}
