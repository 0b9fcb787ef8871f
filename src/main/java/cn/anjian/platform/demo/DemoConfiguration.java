package cn.anjian.platform.demo;

import cn.anjian.platform.db.DatabaseConfiguration.DatabaseProperties;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

	@Bean
	DemoMode demoMode(@Value("${anjian.demo:auto}") String demo, DatabaseProperties database) {
		return new DemoMode(switch (demo) {
			case "true" -> true;
			case "false" -> false;
			default -> !database.external();
		});
	}

	/**
	 * Start-up data: the demo seeds in demo mode, otherwise the first-run steps of a new installation. Several nodes
	 * may start at once: one does the work under the lock, the others wait and then find it done.
	 */
	@Bean
	ApplicationRunner startUpData(DemoMode demoMode, List<DemoSeed> seeds, List<FirstRun> firstRuns,
			TransactionTemplate transactions, JdbcClient jdbc) {
		return args -> {
			if (demoMode.enabled()) {
				seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).forEach(seed -> {
					locked(transactions, jdbc, seed::seed);
					log.info("Demo seed {} done", seed.getClass().getSimpleName());
				});
			}
			else {
				firstRuns.stream().sorted(Comparator.comparingInt(FirstRun::order))
					.forEach(step -> locked(transactions, jdbc, step::apply));
			}
		};
	}

	private static void locked(TransactionTemplate transactions, JdbcClient jdbc, Runnable work) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('anjian-demo-seed'))").query().singleRow();
			work.run();
		});
	}
}
