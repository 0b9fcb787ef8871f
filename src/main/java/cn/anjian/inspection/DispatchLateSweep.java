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
 * Finds due report slots whose due time has passed with no report and publishes {@link DispatchReportLate} once per
 * slot (marked in {@code late_announced} in the same transaction, so several nodes or a late run announce it once).
 * A report filed exactly at the due instant is on time, so a slot is missing only after it.
 */
@Component
public class DispatchLateSweep {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	DispatchLateSweep(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public int run() {
		List<DispatchReportLate> late = jdbc.sql("""
				UPDATE dispatch_slot s SET late_announced = true
				FROM campaign c, department d
				WHERE c.id = s.campaign_id AND d.id = s.department_id AND NOT s.late_announced AND s.due_at < :now
				  AND NOT EXISTS (SELECT 1 FROM dispatch_report r WHERE r.slot_id = s.id)
				RETURNING s.id, s.campaign_id, c.name AS campaign_name, s.department_id, d.name AS department_name,
				          d.level, s.region_id, s.due_at
				""")
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> new DispatchReportLate(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("campaign_name"),
					rs.getLong("department_id"), rs.getString("department_name"),
					DispatchReportLate.DepartmentLevel.valueOf(rs.getString("level")), rs.getLong("region_id"),
					rs.getTimestamp("due_at").toInstant()))
			.list();
		late.forEach(events::publishEvent);
		return late.size();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> dispatchLateSweepTask(DispatchLateSweep sweep) {
			return Tasks.recurring("dispatch-late-sweep", FixedDelay.ofMinutes(1)).execute((instance, context) -> sweep.run());
		}
	}
}
