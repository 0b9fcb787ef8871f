package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.responsibility.InspectorHandedOver;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An inspector leaves: the open hazards they follow up pass to their successor with the entities (same transaction). */
@Component
class HazardFollowUpHandover {

	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	HazardFollowUpHandover(JdbcClient jdbc, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	@EventListener
	void on(InspectorHandedOver e) {
		List<Long> moved = jdbc.sql("""
				UPDATE hazard SET follow_up_by = :to, updated_at = :at
				WHERE coalesce(follow_up_by, found_by) = :from AND state <> 'CLOSED' RETURNING id
				""")
			.param("from", e.fromUserId()).param("to", e.toUserId()).param("at", Timestamp.from(e.at()))
			.query(Long.class).list();
		operationLog.recordAll("HAZARD_FOLLOW_UP_HANDOVER", "hazard", moved.stream()
			.map(id -> new OperationLog.Change(id, Map.of("followUpBy", e.fromUserId()),
					Map.of("followUpBy", e.toUserId(), "reason", e.reason())))
			.toList());
	}
}
