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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** With demo mode off (the default for an external database): no demo data, the real clock, no clock endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anjian.demo=false")
@ActiveProfiles("test")
class ProductionModeTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void nothingIsSeededAndTheClockIsReal() {
		assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM region").query(Long.class).single()).isZero();
		assertThat(clock).isNotInstanceOf(SimulatedClock.class);
		assertThat(jdbc.sql("SELECT count(*) FROM dict_item WHERE type = 'industry'").query(Long.class).single())
			.as("the default dictionaries ship with the schema").isGreaterThan(50);
	}

	@Test
	void theSimulatedClockEndpointDoesNotExist() {
		long city = jdbc.sql("INSERT INTO region (code, name, level, kind) VALUES ('370100', '济南市', 'CITY', 'CITY') RETURNING id")
			.query(Long.class).single();
		long admin = jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, region_id, must_change_password, created_at)
				VALUES ('root', :hash, '管理员', :city, false, now()) RETURNING id
				""").param("hash", passwords.encode("Prod#Admin2026")).param("city", city).query(Long.class).single();
		jdbc.sql("INSERT INTO user_role (user_id, role_code, region_id) VALUES (:id, 'SYSTEM_ADMIN', :city)")
			.param("id", admin).param("city", city).update();
		var client = new ApiClient(port);
		client.login("root", "Prod#Admin2026").expect(200);
		assertThat(client.get("/api/auth/me").expect(200).body().get("demoMode").asBoolean()).isFalse();
		client.get("/api/dev/clock").expect(404);
		client.post("/api/dev/clock", "{\"advanceHours\":72}").expect(404);
	}
}
