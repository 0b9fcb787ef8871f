package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.responsibility.InspectorHandedOver;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An inspector leaves (人员移交): with their entities go, in the same transaction, the open hazards they follow up,
 * the inspections they have not finished and their places in this year's and later inspection plans. Closed hazards
 * and finished inspections keep the names of who did them.
 */
@Component
class InspectorHandover {

	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	InspectorHandover(JdbcClient jdbc, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	@EventListener
	void on(InspectorHandedOver e) {
		List<Long> hazards = jdbc.sql("""
				UPDATE hazard SET follow_up_by = :to, updated_at = :at
				WHERE coalesce(follow_up_by, found_by) = :from AND state <> 'CLOSED' RETURNING id
				""")
			.param("from", e.fromUserId()).param("to", e.toUserId()).param("at", Timestamp.from(e.at()))
			.query(Long.class).list();
		record("HAZARD_FOLLOW_UP_HANDOVER", "hazard", hazards, e);

		List<Long> inspections = jdbc.sql("""
				UPDATE inspection_inspector ii SET user_id = :to
				FROM inspection i WHERE i.id = ii.inspection_id AND i.result IS NULL AND ii.user_id = :from
				  AND NOT EXISTS (SELECT 1 FROM inspection_inspector o WHERE o.inspection_id = ii.inspection_id AND o.user_id = :to)
				RETURNING ii.inspection_id
				""")
			.param("from", e.fromUserId()).param("to", e.toUserId()).query(Long.class).list();
		record("INSPECTION_INSPECTOR_HANDOVER", "inspection", inspections, e);

		List<Long> planned = jdbc.sql("""
				UPDATE inspection_plan_entity pe
				SET inspector_ids = CASE WHEN :to = ANY (pe.inspector_ids) THEN array_remove(pe.inspector_ids, :from)
				                         ELSE array_replace(pe.inspector_ids, :from, :to) END
				FROM inspection_plan p WHERE p.id = pe.plan_id AND p.year >= :year AND :from = ANY (pe.inspector_ids)
				RETURNING pe.id
				""")
			.param("from", e.fromUserId()).param("to", e.toUserId())
			.param("year", e.at().atZone(BusinessTime.ZONE).getYear()).query(Long.class).list();
		record("PLAN_INSPECTOR_HANDOVER", "inspection_plan_entity", planned, e);
	}

	private void record(String action, String targetType, List<Long> ids, InspectorHandedOver e) {
		operationLog.recordAll(action, targetType, ids.stream()
			.map(id -> new OperationLog.Change(id, Map.of("userId", e.fromUserId()),
					Map.of("userId", e.toUserId(), "reason", e.reason())))
			.toList());
	}
}
