package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The progress dashboard of a campaign (seed 003 §四(十) 跟踪督办): per participating department the slots due so far,
 * filed on time, late and missing, the sums of what it reported, and its tasks done and overdue — one grouped query.
 * The organiser sees every department; a participant its own (a region office: the departments of its territory).
 */
@Repository
class CampaignProgress {

	record DepartmentRow(long departmentId, String departmentName, String level, long slotsDue, long onTime, long late,
			long missing, long upcoming, long entitiesChecked, long hazardsFound, long hazardsRectified, long cases,
			long tasks, long tasksDone, long tasksOverdue) {
	}

	record Progress(List<DepartmentRow> departments, List<Campaigns.Task> tasks) {
	}

	private final JdbcClient jdbc;

	CampaignProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Progress of(DataScope scope, long campaignId, Instant now, LocalDate today) {
		List<DepartmentRow> rows = scope.bind(jdbc.sql("""
				SELECT d.id AS department_id, d.name AS department_name, d.level,
				  count(s.id) FILTER (WHERE r.id IS NOT NULL OR s.due_at < :now) AS slots_due,
				  count(r.id) FILTER (WHERE NOT r.late) AS on_time,
				  count(r.id) FILTER (WHERE r.late) AS late,
				  count(s.id) FILTER (WHERE r.id IS NULL AND s.due_at < :now) AS missing,
				  count(s.id) FILTER (WHERE r.id IS NULL AND s.due_at >= :now) AS upcoming,
				  coalesce(sum(r.entities_checked), 0) AS entities_checked, coalesce(sum(r.hazards_found), 0) AS hazards_found,
				  coalesce(sum(r.hazards_rectified), 0) AS hazards_rectified, coalesce(sum(r.cases), 0) AS cases,
				  (SELECT count(*) FROM campaign_task t WHERE t.campaign_id = c.id AND t.department_id = d.id) AS tasks,
				  (SELECT count(*) FROM campaign_task t WHERE t.campaign_id = c.id AND t.department_id = d.id
				     AND t.done_at IS NOT NULL) AS tasks_done,
				  (SELECT count(*) FROM campaign_task t WHERE t.campaign_id = c.id AND t.department_id = d.id
				     AND t.done_at IS NULL AND t.due_date < :today) AS tasks_overdue
				FROM campaign c JOIN campaign_department p ON p.campaign_id = c.id JOIN department d ON d.id = p.department_id
				LEFT JOIN dispatch_slot s ON s.campaign_id = c.id AND s.department_id = p.department_id
				LEFT JOIN dispatch_report r ON r.slot_id = s.id
				WHERE c.id = :c AND\s""" + Campaigns.slotVisible(scope, "p", "c") + """

				GROUP BY c.id, d.id, d.name, d.level, d.region_id, d.sort_order
				ORDER BY d.level, d.region_id, d.sort_order, d.id
				"""))
			.param("c", campaignId).param("now", Timestamp.from(now)).param("today", today)
			.query(DepartmentRow.class).list();
		List<Long> shown = rows.stream().map(DepartmentRow::departmentId).toList();
		List<Campaigns.Task> tasks = jdbc.sql("""
				SELECT t.id, t.department_id, d.name AS department_name, t.content, t.due_date, t.done_at, t.done_note,
				""" + Campaigns.TASK_STATUS + """
				 AS status
				FROM campaign_task t JOIN department d ON d.id = t.department_id
				WHERE t.campaign_id = :c ORDER BY t.due_date, t.sort_order, t.id
				""").param("c", campaignId).param("today", today).query(Campaigns.Task.class).list()
			.stream().filter(t -> shown.contains(t.departmentId())).toList();
		return new Progress(rows, tasks);
	}
}
