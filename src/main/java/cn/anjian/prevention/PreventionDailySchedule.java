package cn.anjian.prevention;

import cn.anjian.platform.time.BusinessTime;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shortly after midnight (Asia/Shanghai), on whichever node db-scheduler picks: generate today's check instances, then
 * compute the running status of the day that just ended (and any missed day of the last week).
 */
@Configuration(proxyBeanMethods = false)
class PreventionDailySchedule {

	@Bean
	RecurringTask<Void> preventionDailyTask(CheckSchedule checks, RunningStatus status, Clock clock) {
		return Tasks.recurring("prevention-daily", new Daily(BusinessTime.ZONE, LocalTime.of(0, 5)))
			.execute((instance, context) -> {
				checks.generate(LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE));
				status.runDaily();
			});
	}
}
