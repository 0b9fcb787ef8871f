package cn.anjian.prevention;

import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether each business runs dual prevention normally (正常运行) — the one place the rule is written down
 * (seed 003 §六(十九), DOMAIN §2.4):
 * <ul>
 * <li>A business takes part once it has an active check task (it has set the programme up).</li>
 * <li>A day runs normally when at least {@code onTimeShare} (default 90 %) of the checks due that day — due at a
 * moment after 00:00 of the day and up to 00:00 of the next (Asia/Shanghai) — were done by their due time. A day with nothing due runs
 * normally (nothing was missed).</li>
 * <li>{@code consecutiveDays} (default 7) days in a row not running normally: {@link PreventionStoppedRunning} at the
 * end of the last of them. The first day running normally again: {@link PreventionResumed}.</li>
 * </ul>
 * Both parameters are data ({@code prevention_rule}, set by the city with PUT /api/prevention/rule). Risk points overdue for reassessment are counted and shown but do
 * not decide the day. Each day is computed by one set-based statement, then one each for stoppages and recoveries.
 */
@Component
public class RunningStatus {

	/** The thresholds, from {@code prevention_rule}. */
	public record Rule(BigDecimal onTimeShare, int consecutiveDays) {
	}

	/** The ranges a city may set: a share from 50 % to 100 %, a streak from 1 to 30 days. */
	static final BigDecimal MIN_SHARE = new BigDecimal("0.50");
	static final int MAX_DAYS = 30;

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RunningStatus(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public Rule rule() {
		return jdbc.sql("SELECT on_time_share, consecutive_days FROM prevention_rule WHERE id = 1").query(Rule.class).single();
	}

	/** Sets the thresholds (validated); days already computed keep their status, the next computation uses these. */
	@Transactional
	public Rule change(Rule rule) {
		if (rule.onTimeShare() == null || rule.onTimeShare().compareTo(MIN_SHARE) < 0
				|| rule.onTimeShare().compareTo(BigDecimal.ONE) > 0 || rule.onTimeShare().stripTrailingZeros().scale() > 3) {
			throw ApiException.invalid("onTimeShare", "按时完成比例须在50%至100%之间（最多精确到0.1%）");
		}
		if (rule.consecutiveDays() < 1 || rule.consecutiveDays() > MAX_DAYS) {
			throw ApiException.invalid("consecutiveDays", "连续天数须在1至30天之间");
		}
		jdbc.sql("UPDATE prevention_rule SET on_time_share = :share, consecutive_days = :days, updated_at = :now WHERE id = 1")
			.param("share", rule.onTimeShare()).param("days", rule.consecutiveDays())
			.param("now", Timestamp.from(clock.instant())).update();
		return rule();
	}

	/** Computes {@code day} (once it is over) for every business taking part; returns how many were computed. */
	@Transactional
	public int compute(LocalDate day) {
		Rule rule = rule();
		int computed = jdbc.sql("""
				INSERT INTO prevention_daily_status (entity_id, day, region_id, due_count, on_time_count, missed_count,
				                                     unassessed_points, running, computed_at)
				SELECT t.entity_id, :day, s.region_id, coalesce(c.due, 0), coalesce(c.on_time, 0),
				       coalesce(c.due - c.on_time, 0), coalesce(p.unassessed, 0),
				       coalesce(c.on_time, 0) >= :share * coalesce(c.due, 0), :now
				FROM (SELECT DISTINCT entity_id FROM check_task WHERE active AND starts_on <= :day) t
				JOIN supervised_entity s ON s.id = t.entity_id
				LEFT JOIN (SELECT entity_id, count(*) AS due, count(*) FILTER (WHERE done_at <= due_at) AS on_time
				           FROM check_instance WHERE due_at > :from AND due_at <= :to GROUP BY entity_id) c
				       ON c.entity_id = t.entity_id
				LEFT JOIN (SELECT entity_id, count(*) AS unassessed FROM risk_point
				           WHERE active AND (reassess_due_on IS NULL OR reassess_due_on <= :day) GROUP BY entity_id) p
				       ON p.entity_id = t.entity_id
				ON CONFLICT (entity_id, day) DO UPDATE SET region_id = EXCLUDED.region_id, due_count = EXCLUDED.due_count,
				  on_time_count = EXCLUDED.on_time_count, missed_count = EXCLUDED.missed_count,
				  unassessed_points = EXCLUDED.unassessed_points, running = EXCLUDED.running, computed_at = EXCLUDED.computed_at
				""").param("day", Date.valueOf(day)).param("share", rule.onTimeShare())
			.param("from", Timestamp.from(startOf(day))).param("to", Timestamp.from(startOf(day.plusDays(1))))
			.param("now", Timestamp.from(clock.instant())).update();
		resumed(day).forEach(events::publishEvent);
		stopped(day, rule.consecutiveDays()).forEach(events::publishEvent);
		return computed;
	}

	/** The day's daily work: today's check instances, then every finished day not yet computed (at most a week back). */
	public void runDaily() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
		LocalDate last = jdbc.sql("SELECT max(day) FROM prevention_daily_status").query(Date.class).optional()
			.map(Date::toLocalDate).orElse(today.minusDays(2));
		LocalDate from = last.isBefore(today.minusDays(7)) ? today.minusDays(7) : last.plusDays(1);
		for (LocalDate day = from; day.isBefore(today); day = day.plusDays(1)) {
			compute(day);
		}
	}

	private List<PreventionStoppedRunning> stopped(LocalDate day, int days) {
		return jdbc.sql("""
				WITH bad AS (
				  SELECT d.entity_id, d.region_id FROM prevention_daily_status d
				  WHERE d.day > CAST(:day AS date) - :n AND d.day <= :day
				  GROUP BY d.entity_id, d.region_id HAVING count(*) FILTER (WHERE NOT d.running) = :n
				), fresh AS (
				  SELECT b.entity_id, b.region_id,
				    coalesce((SELECT max(r.day) + 1 FROM prevention_daily_status r
				              WHERE r.entity_id = b.entity_id AND r.running AND r.day <= :day),
				             (SELECT min(r.day) FROM prevention_daily_status r WHERE r.entity_id = b.entity_id)) AS since
				  FROM bad b
				  WHERE NOT EXISTS (SELECT 1 FROM prevention_stoppage s WHERE s.entity_id = b.entity_id AND s.resumed_on IS NULL)
				)
				INSERT INTO prevention_stoppage (entity_id, region_id, since, triggered_at)
				SELECT entity_id, region_id, since, CAST(since + :n AS timestamp) AT TIME ZONE 'Asia/Shanghai' FROM fresh
				ON CONFLICT (entity_id) WHERE resumed_on IS NULL DO NOTHING
				RETURNING entity_id, region_id, since, triggered_at
				""").param("day", Date.valueOf(day)).param("n", days)
			.query((rs, n) -> new PreventionStoppedRunning(rs.getLong("entity_id"), rs.getLong("region_id"),
					rs.getDate("since").toLocalDate(), rs.getTimestamp("triggered_at").toInstant()))
			.list();
	}

	private List<PreventionResumed> resumed(LocalDate day) {
		Instant at = startOf(day.plusDays(1));
		return jdbc.sql("""
				UPDATE prevention_stoppage s SET resumed_on = :day
				FROM prevention_daily_status d
				WHERE s.resumed_on IS NULL AND d.entity_id = s.entity_id AND d.day = :day AND d.running AND s.since <= :day
				RETURNING s.entity_id, s.region_id
				""").param("day", Date.valueOf(day))
			.query((rs, n) -> new PreventionResumed(rs.getLong("entity_id"), rs.getLong("region_id"), day, at)).list();
	}

	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(BusinessTime.ZONE).toInstant();
	}
}
