package cn.anjian.registry;

import cn.anjian.platform.time.BusinessTime;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

/**
 * Finds safety licences whose last valid day has passed and publishes {@link LicenceExpired} once per validity
 * period (marked in {@code expiry_announced_for}, in the same transaction). Runs every few minutes on one node
 * (db-scheduler); a late run still reports each licence with the instant it really expired.
 */
@Component
public class LicenceExpirySweep {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	LicenceExpirySweep(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public int run() {
		LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
		List<LicenceExpired> expired = jdbc.sql("""
				UPDATE entity_licence l SET expiry_announced_for = l.valid_to
				FROM supervised_entity e
				WHERE e.id = l.entity_id AND l.type IN (:types) AND l.valid_to < :today
				  AND l.expiry_announced_for IS DISTINCT FROM l.valid_to
				RETURNING l.id, l.entity_id, l.region_id, l.type, l.valid_to
				""")
			.param("types", List.copyOf(EntityRules.SAFETY_LICENCE_TYPES))
			.param("today", Date.valueOf(today))
			.query((rs, n) -> {
				LocalDate validTo = rs.getObject("valid_to", LocalDate.class);
				return new LicenceExpired(rs.getLong("id"), rs.getLong("entity_id"), rs.getLong("region_id"),
						rs.getString("type"), validTo, validTo.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
			})
			.list();
		expired.forEach(events::publishEvent);
		return expired.size();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> licenceExpirySweepTask(LicenceExpirySweep sweep) {
			return Tasks.recurring("licence-expiry-sweep", FixedDelay.ofMinutes(5)).execute((instance, context) -> sweep.run());
		}
	}
}
