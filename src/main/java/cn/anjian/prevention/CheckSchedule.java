package cn.anjian.prevention;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Generates the check instances due from the active check tasks, for the period of each frequency that contains a
 * day — idempotent, so running it twice or late does no harm. Periods (Asia/Shanghai): a shift is 24 h / shifts per
 * day from midnight; a day; a week from Monday; a calendar month; a calendar quarter. An instance is due at the end
 * of its period. Checks are due every calendar day, public holidays and weekends included: a plant runs on holidays,
 * so do its checks (and 应急厅〔2021〕12号 asks for more, not fewer, checks before holidays).
 */
@Component
class CheckSchedule {

	private final JdbcClient jdbc;

	CheckSchedule(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the instances whose period contains {@code day}; returns how many were new. */
	int generate(LocalDate day) {
		return jdbc.sql("""
				INSERT INTO check_instance (task_id, entity_id, region_id, period_start, shift_no, due_at)
				SELECT t.id, t.entity_id, t.region_id, p.start, s.n,
				  CASE WHEN t.frequency = 'SHIFT'
				       THEN (p.start + make_interval(hours => 24 * s.n / t.shifts_per_day)) AT TIME ZONE 'Asia/Shanghai'
				       ELSE (p.start + p.length) AT TIME ZONE 'Asia/Shanghai' END
				FROM check_task t
				JOIN risk_point rp ON rp.id = t.risk_point_id AND rp.active
				CROSS JOIN LATERAL (SELECT
				    CASE t.frequency WHEN 'WEEKLY' THEN date_trunc('week', CAST(:day AS timestamp))
				                     WHEN 'MONTHLY' THEN date_trunc('month', CAST(:day AS timestamp))
				                     WHEN 'QUARTERLY' THEN date_trunc('quarter', CAST(:day AS timestamp))
				                     ELSE CAST(:day AS timestamp) END AS start,
				    CASE t.frequency WHEN 'WEEKLY' THEN interval '7 days' WHEN 'MONTHLY' THEN interval '1 month'
				                     WHEN 'QUARTERLY' THEN interval '3 months' ELSE interval '1 day' END AS length) p
				CROSS JOIN LATERAL generate_series(CASE WHEN t.frequency = 'SHIFT' THEN 1 ELSE 0 END,
				                                   CASE WHEN t.frequency = 'SHIFT' THEN t.shifts_per_day ELSE 0 END) s(n)
				WHERE t.active AND t.starts_on <= :day
				ON CONFLICT (task_id, period_start, shift_no) DO NOTHING
				""").param("day", Date.valueOf(day)).update();
	}
}
