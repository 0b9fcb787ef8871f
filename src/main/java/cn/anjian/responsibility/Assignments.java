package cn.anjian.responsibility;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Supervision assignments and their named inspectors. Nothing is overwritten: a change ends the current row
 * ({@code ended_at}) and starts a new one, so every past responsibility stays answerable.
 */
@Repository
class Assignments {

	record Inspector(long userId, String name, String phone, Instant startedAt, Instant endedAt) {
	}

	record Assignment(long id, long entityId, long departmentId, String departmentName, Long officeId,
			String officeName, String supervisionType, String supervisionTypeLabel, Instant startedAt, Instant endedAt,
			String endReason, List<Inspector> inspectors) {
	}

	private final JdbcClient jdbc;

	Assignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Assignments of an entity active at {@code at} (all of them, current and past, if null), with inspectors then. */
	List<Assignment> of(long entityId, Instant at) {
		Timestamp when = at == null ? null : Timestamp.from(at);
		return jdbc.sql("""
				SELECT a.id, a.entity_id, a.department_id, d.name AS department_name, a.office_id, o.name AS office_name,
				       a.supervision_type, t.label AS supervision_type_label, a.started_at, a.ended_at, a.end_reason
				FROM entity_assignment a JOIN department d ON d.id = a.department_id
				LEFT JOIN department_office o ON o.id = a.office_id
				LEFT JOIN dict_item t ON t.type = 'supervision_type' AND t.code = a.supervision_type
				WHERE a.entity_id = :entityId
				  AND (CAST(:at AS timestamptz) IS NULL OR (a.started_at <= :at AND (a.ended_at IS NULL OR a.ended_at > :at)))
				ORDER BY a.ended_at IS NOT NULL, a.started_at DESC, a.id DESC
				""")
			.param("entityId", entityId).param("at", when)
			.query((rs, n) -> new Assignment(rs.getLong("id"), rs.getLong("entity_id"), rs.getLong("department_id"),
					rs.getString("department_name"), (Long) rs.getObject("office_id"), rs.getString("office_name"),
					rs.getString("supervision_type"), rs.getString("supervision_type_label"),
					rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("ended_at")),
					rs.getString("end_reason"), inspectors(rs.getLong("id"), when)))
			.list();
	}

	private List<Inspector> inspectors(long assignmentId, Timestamp at) {
		return jdbc.sql("""
				SELECT i.user_id, u.display_name AS name, u.phone, i.started_at, i.ended_at
				FROM entity_inspector i JOIN app_user u ON u.id = i.user_id
				WHERE i.assignment_id = :id
				  AND (CAST(:at AS timestamptz) IS NULL OR (i.started_at <= :at AND (i.ended_at IS NULL OR i.ended_at > :at)))
				ORDER BY i.ended_at IS NOT NULL, i.started_at, i.id
				""")
			.param("id", assignmentId).param("at", at)
			.query((rs, n) -> new Inspector(rs.getLong("user_id"), rs.getString("name"), rs.getString("phone"),
					rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("ended_at"))))
			.list();
	}

	long start(long entityId, long departmentId, Long officeId, String supervisionType, Instant now) {
		return jdbc.sql("""
				INSERT INTO entity_assignment (entity_id, region_id, department_id, office_id, supervision_type, started_at)
				SELECT e.id, e.region_id, :departmentId, :officeId, :type, :now FROM supervised_entity e WHERE e.id = :entityId
				RETURNING id
				""")
			.param("entityId", entityId).param("departmentId", departmentId).param("officeId", officeId)
			.param("type", supervisionType).param("now", Timestamp.from(now))
			.query(Long.class).single();
	}

	/** Sets the office and the named inspectors: inspectors no longer named end, new ones start, the rest stay. */
	void staff(long assignmentId, Long officeId, List<Long> inspectorIds, Instant now, String reason) {
		jdbc.sql("UPDATE entity_assignment SET office_id = :officeId WHERE id = :id")
			.param("id", assignmentId).param("officeId", officeId).update();
		jdbc.sql("""
				UPDATE entity_inspector SET ended_at = :now, end_reason = :reason
				WHERE assignment_id = :id AND ended_at IS NULL AND NOT (user_id = ANY (CAST(:users AS bigint[])))
				""")
			.param("id", assignmentId).param("now", Timestamp.from(now)).param("reason", reason)
			.param("users", inspectorIds.toArray(Long[]::new)).update();
		jdbc.sql("""
				INSERT INTO entity_inspector (assignment_id, entity_id, region_id, user_id, started_at)
				SELECT a.id, a.entity_id, a.region_id, u, :now FROM entity_assignment a, unnest(CAST(:users AS bigint[])) u
				WHERE a.id = :id AND NOT EXISTS (SELECT 1 FROM entity_inspector i WHERE i.assignment_id = a.id
				                                  AND i.user_id = u AND i.ended_at IS NULL)
				""")
			.param("id", assignmentId).param("now", Timestamp.from(now)).param("users", inspectorIds.toArray(Long[]::new))
			.update();
	}

	void end(long assignmentId, Instant now, String reason) {
		jdbc.sql("UPDATE entity_inspector SET ended_at = :now, end_reason = :reason WHERE assignment_id = :id AND ended_at IS NULL")
			.param("id", assignmentId).param("now", Timestamp.from(now)).param("reason", reason).update();
		jdbc.sql("UPDATE entity_assignment SET ended_at = :now, end_reason = :reason WHERE id = :id AND ended_at IS NULL")
			.param("id", assignmentId).param("now", Timestamp.from(now)).param("reason", reason).update();
	}

	/** Everything {@code from} is named on passes to {@code to} at once (an inspector leaves). Returns how many. */
	int handOver(long from, long to, Instant now, String reason) {
		List<Long> assignments = jdbc.sql("""
				UPDATE entity_inspector SET ended_at = :now, end_reason = :reason
				WHERE user_id = :from AND ended_at IS NULL RETURNING assignment_id
				""")
			.param("from", from).param("now", Timestamp.from(now)).param("reason", reason)
			.query(Long.class).list();
		jdbc.sql("""
				INSERT INTO entity_inspector (assignment_id, entity_id, region_id, user_id, started_at)
				SELECT a.id, a.entity_id, a.region_id, :to, :now FROM entity_assignment a
				WHERE a.id IN (:ids) AND NOT EXISTS (SELECT 1 FROM entity_inspector i WHERE i.assignment_id = a.id
				                                     AND i.user_id = :to AND i.ended_at IS NULL)
				""")
			.param("to", to).param("now", Timestamp.from(now)).param("ids", assignments.isEmpty() ? List.of(-1L) : assignments)
			.update();
		return assignments.size();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
