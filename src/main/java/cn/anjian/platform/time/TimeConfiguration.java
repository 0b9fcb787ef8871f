package cn.anjian.platform.time;

import cn.anjian.platform.demo.DemoMode;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one {@link Clock} all domain code uses. Business time zone: Asia/Shanghai. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(DemoMode demoMode, JdbcClient jdbc) {
		Clock system = Clock.system(BusinessTime.ZONE);
		return demoMode.enabled() ? new SimulatedClock(system, new ClockStore(jdbc)) : system;
	}
}
