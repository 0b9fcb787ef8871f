package cn.anjian.prevention;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check instances as the people doing them see them: what is due, by when, done or not, and how it went. */
@Repository
class Checks {

	/** {@code state}: OPEN (not done, not yet due), MISSED (not done, past due), DONE (on time), LATE (done after due). */
	record CheckView(long id, long taskId, long entityId, String entityName, String taskName, String riskPointName,
			String riskGrade, String frequency, List<String> items, LocalDate periodStart, int shiftNo, Instant dueAt,
			Instant doneAt, String doneByName, String result, String itemResults, String note, Long hazardId,
			String assigneeName, String photoSha256, String photoName, String photoType, Long photoSize, String state) {
	}

	private static CheckView map(ResultSet rs) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new CheckView(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("entity_id"), rs.getString("entity_name"),
				rs.getString("task_name"), rs.getString("risk_point_name"), rs.getString("risk_grade"),
				rs.getString("frequency"), Arrays.asList((String[]) rs.getArray("items").getArray()),
				rs.getDate("period_start").toLocalDate(), rs.getInt("shift_no"), rs.getTimestamp("due_at").toInstant(),
				done == null ? null : done.toInstant(), rs.getString("done_by_name"), rs.getString("result"),
				rs.getString("item_results"), rs.getString("note"), (Long) rs.getObject("hazard_id"),
				rs.getString("assignee_name"), rs.getString("photo_sha256"), rs.getString("photo_name"),
				rs.getString("photo_type"), (Long) rs.getObject("photo_size"), rs.getString("state"));
	}

	private final JdbcClient jdbc;

	Checks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<CheckView> search(DataScope scope, LocalDate day, Long entityId, String state, Instant now, int page, int size) {
		String where = " WHERE " + scope.entityFilter("c.entity_id", "c.region_id") + """
				 AND c.period_start <= :day AND c.due_at > :dayStart
				 AND (CAST(:entityId AS bigint) IS NULL OR c.entity_id = :entityId)
				""";
		String outer = "SELECT * FROM (" + SELECT + where + ") x WHERE (CAST(:state AS text) IS NULL OR x.state = :state)";
		var count = bind(scope, "SELECT count(*) FROM (" + outer + ") y", day, entityId, state, now).query(Long.class).single();
		List<CheckView> items = bind(scope, outer + " ORDER BY x.due_at, x.id LIMIT :size OFFSET :offset", day, entityId, state, now)
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query((rs, n) -> map(rs)).list();
		return new Page<>(items, count);
	}

	CheckView find(DataScope scope, long id, Instant now) {
		return scope.bind(jdbc.sql(SELECT + " WHERE c.id = :id AND " + scope.entityFilter("c.entity_id", "c.region_id")))
			.param("id", id).param("now", Timestamp.from(now)).query((rs, n) -> map(rs)).single();
	}

	private JdbcClient.StatementSpec bind(DataScope scope, String sql, LocalDate day, Long entityId, String state, Instant now) {
		return scope.bind(jdbc.sql(sql)).param("day", Date.valueOf(day))
			.param("dayStart", Timestamp.from(RunningStatus.startOf(day))).param("entityId", entityId).param("state", state)
			.param("now", Timestamp.from(now));
	}

	private static final String SELECT = """
			SELECT c.id, c.task_id, c.entity_id, e.name AS entity_name, t.name AS task_name, p.name AS risk_point_name,
			  p.grade AS risk_grade, t.frequency, t.items, c.period_start, c.shift_no, c.due_at, c.done_at, c.done_by_name,
			  c.result, CAST(c.item_results AS text) AS item_results, c.note, c.hazard_id, t.assignee_name, c.photo_sha256,
			  c.photo_name, c.photo_type, c.photo_size,
			  CASE WHEN c.done_at IS NULL THEN (CASE WHEN c.due_at <= :now THEN 'MISSED' ELSE 'OPEN' END)
			       WHEN c.done_at <= c.due_at THEN 'DONE' ELSE 'LATE' END AS state
			FROM check_instance c JOIN check_task t ON t.id = c.task_id JOIN risk_point p ON p.id = t.risk_point_id
			JOIN supervised_entity e ON e.id = c.entity_id
			""";
}
