package cn.anjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.ApiClient;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * With demo mode off (the default for an external database): no demo data, the real clock, no clock endpoint — and a
 * first run that leaves exactly the city and one administrator who must change the initial password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "anjian.demo=false", "anjian.admin.initial-password=Prod#Start2026" })
@ActiveProfiles("test")
class ProductionModeTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void nothingButTheCityAndItsAdministratorIsSeededAndTheClockIsReal() {
		assertThat(jdbc.sql("SELECT username || ':' || must_change_password FROM app_user").query(String.class).list())
			.containsExactly("admin:true");
		assertThat(jdbc.sql("SELECT code || name || level FROM region").query(String.class).list()).containsExactly("370100济南市CITY");
		assertThat(jdbc.sql("SELECT count(*) FROM supervised_entity").query(Long.class).single()).isZero();
		assertThat(clock).isNotInstanceOf(SimulatedClock.class);
		assertThat(jdbc.sql("SELECT count(*) FROM dict_item WHERE type = 'industry'").query(Long.class).single())
			.as("the default dictionaries ship with the schema").isGreaterThan(50);
	}

	@Test
	void theFirstAdministratorMustChangeThePasswordAndFindsNoClockEndpoint() {
		var client = new ApiClient(port);
		client.login("admin", "Prod#Start2026").expect(200);
		client.get("/api/users").expect(403);
		client.post("/api/auth/password", "{\"oldPassword\":\"Prod#Start2026\",\"newPassword\":\"Changed#Pass2026\"}").expect(204);
		client.get("/api/users").expect(200);
		assertThat(client.get("/api/auth/me").expect(200).body().get("demoMode").asBoolean()).isFalse();
		client.get("/api/dev/clock").expect(404);
		client.post("/api/dev/clock", "{\"advanceHours\":72}").expect(404);
	}
}
