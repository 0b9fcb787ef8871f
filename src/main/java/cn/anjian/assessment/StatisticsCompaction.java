package cn.anjian.assessment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the statistics' deltas (appended by the records' transactions) into the summary's days and months every
 * minute, on one node at a time (db-scheduler). Readers add the deltas not yet folded, so this keeps reads short, not
 * figures right.
 */
@Component
class StatisticsCompaction {

	private final JdbcClient jdbc;

	StatisticsCompaction(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The number of deltas folded. */
	@Transactional
	public long run() {
		return jdbc.sql("SELECT stat_compact()").query(Long.class).single();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> statisticsCompactionTask(StatisticsCompaction compaction) {
			return Tasks.recurring("statistics-compaction", FixedDelay.ofMinutes(1)).execute((instance, context) -> compaction.run());
		}
	}
}
