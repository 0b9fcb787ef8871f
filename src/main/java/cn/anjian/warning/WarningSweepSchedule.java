package cn.anjian.warning;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's recurring sweep, on whichever node db-scheduler picks (every minute by default). */
@Configuration(proxyBeanMethods = false)
class WarningSweepSchedule {

	@Bean
	RecurringTask<Void> warningSweepTask(WarningEngine engine, @Value("${anjian.warning.sweep-interval:1m}") Duration every) {
		return Tasks.recurring("warning-sweep", FixedDelay.of(every)).execute((instance, context) -> engine.sweep());
	}
}
