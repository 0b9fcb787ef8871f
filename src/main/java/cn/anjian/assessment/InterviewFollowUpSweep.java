package cn.anjian.assessment;

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
 * Finds 约谈 follow-up items not done by the end of their deadline day and publishes {@link InterviewFollowUpOverdue}
 * once per item (marked in {@code overdue_announced} in the same transaction, so several nodes or a late run
 * announce it once). The warning module turns each into a warning on the follow-up ladder.
 */
@Component
class InterviewFollowUpSweep {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	InterviewFollowUpSweep(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public int run() {
		List<InterviewFollowUpOverdue> overdue = jdbc.sql("""
				UPDATE interview_follow_up f SET overdue_announced = true
				FROM interview i JOIN region r ON r.id = i.region_id
				WHERE i.id = f.interview_id AND NOT f.overdue_announced AND f.done_at IS NULL AND i.state <> 'ARCHIVED'
				  AND CAST(f.deadline + 1 AS timestamp) AT TIME ZONE 'Asia/Shanghai' <= :now
				RETURNING f.id, f.interview_id, i.region_id, r.parent_id IS NULL AS city, i.target_unit, f.content, f.deadline,
				          CAST(f.deadline + 1 AS timestamp) AT TIME ZONE 'Asia/Shanghai' AS overdue_since
				""")
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> new InterviewFollowUpOverdue(rs.getLong("id"), rs.getLong("interview_id"), rs.getLong("region_id"),
					rs.getBoolean("city") ? InterviewFollowUpOverdue.OrganizerLevel.CITY : InterviewFollowUpOverdue.OrganizerLevel.DISTRICT,
					rs.getString("target_unit"), rs.getString("content"), rs.getObject("deadline", java.time.LocalDate.class),
					rs.getTimestamp("overdue_since").toInstant()))
			.list();
		overdue.forEach(events::publishEvent);
		return overdue.size();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> interviewFollowUpSweepTask(InterviewFollowUpSweep sweep) {
			return Tasks.recurring("interview-follow-up-sweep", FixedDelay.ofMinutes(5)).execute((instance, context) -> sweep.run());
		}
	}
}
