package cn.anjian.inspection;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds hazards still being rectified at or after their current deadline and publishes {@link HazardBecameOverdue}
 * once per deadline (marked in {@code overdue_announced_for} in the same transaction); a new deadline (failed
 * re-inspection, approved extension) can become overdue again.
 */
@Component
public class HazardOverdueSweep {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	HazardOverdueSweep(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public int run() {
		List<HazardBecameOverdue> overdue = jdbc.sql("""
				UPDATE hazard SET overdue_announced_for = deadline
				WHERE state = 'RECTIFYING' AND deadline <= :now AND overdue_announced_for IS DISTINCT FROM deadline
				RETURNING id, entity_id, region_id, department_id, origin_level, level, reinspection_required, description, deadline
				""")
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> new HazardBecameOverdue(rs.getLong("id"), rs.getLong("entity_id"), rs.getLong("region_id"),
					(Long) rs.getObject("department_id"), Hazard.OriginLevel.valueOf(rs.getString("origin_level")),
					HazardLevel.valueOf(rs.getString("level")), rs.getBoolean("reinspection_required"),
					rs.getString("description"), rs.getTimestamp("deadline").toInstant()))
			.list();
		overdue.forEach(events::publishEvent);
		return overdue.size();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> hazardOverdueSweepTask(HazardOverdueSweep sweep) {
			return Tasks.recurring("hazard-overdue-sweep", FixedDelay.ofMinutes(1)).execute((instance, context) -> sweep.run());
		}
	}
}
