package cn.anjian.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.inspection.HazardOverdueSweep;
import cn.anjian.platform.files.SampleFiles;
import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.registry.LicenceExpirySweep;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The facts of hazards and licences open and resolve warnings, through the real API and sweeps. */
@AnjianTest
class WarningTriggersTest {

	static final Instant T0 = Instant.parse("2031-09-01T01:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	WarningEngine engine;

	@Autowired
	HazardOverdueSweep overdueSweep;

	@Autowired
	LicenceExpirySweep licenceSweep;

	ApiClient office;
	ApiClient business;
	long entity;

	@BeforeEach
	void setUp() {
		at(T0);
		licenceSweep.run(); // whatever the demo data has expired by then is announced before the tests look
		office = ApiClient.signedIn(port, "lixia_office");
		business = ApiClient.signedIn(port, "lixia_biz");
		entity = business.get("/api/auth/me").expect(200).body().get("scope").get("entityId").asLong();
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void anOverdueGeneralHazardClimbsFromItsDeadlineAndRectificationResolvesIt() {
		long hazard = report("GENERAL", true);
		Instant deadline = T0.plus(Duration.ofDays(15));
		office.post("/api/hazards/" + hazard + "/actions/order-rectification", "{\"deadline\":\"%s\"}".formatted(deadline)).expect(200);

		at(deadline.minusSeconds(60));
		overdueSweep.run();
		assertThat(steps("hazard", hazard)).isEmpty();
		at(deadline.plus(Duration.ofHours(5))); // the sweep runs late: the ladder still counts from the deadline
		overdueSweep.run();
		engine.sweep();
		assertThat(steps("hazard", hazard)).containsExactly("1 DISTRICT SUPERVISE " + deadline);
		at(deadline.plus(Duration.ofHours(72)));
		engine.sweep();
		assertThat(steps("hazard", hazard)).hasSize(2);

		business.upload("/api/hazards/" + hazard + "/attachments", Map.of("kind", "EVIDENCE"), "done.png", SampleFiles.png()).expect(200);
		business.post("/api/hazards/" + hazard + "/actions/submit-rectification", "{}").expect(200);
		assertThat(state("hazard", hazard)).isEqualTo("RESOLVED");
		at(deadline.plus(Duration.ofDays(10)));
		engine.sweep();
		assertThat(steps("hazard", hazard)).as("the climb stopped").hasSize(2);
	}

	@Test
	void aHazardWithoutReinspectionOrAMajorOneIsNotOnLadderFifteen() {
		long noReinspection = report("GENERAL", false);
		office.post("/api/hazards/" + noReinspection + "/actions/order-rectification", "{\"deadline\":\"%s\"}".formatted(T0.plus(Duration.ofDays(1)))).expect(200);
		at(T0.plus(Duration.ofDays(2)));
		overdueSweep.run();
		assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE subject_type = 'hazard' AND subject_id = :id").param("id", noReinspection)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aSuspectedMajorHazardIsOnTheDistrictScreenAtOnceAndConfirmationResolvesIt() {
		long hazard = report("SUSPECTED_MAJOR", true);
		assertThat(steps("hazard", hazard)).containsExactly("1 DISTRICT CONFIRM " + T0);
		at(T0.plus(Duration.ofHours(71)).plus(Duration.ofMinutes(59)));
		engine.sweep();
		assertThat(steps("hazard", hazard)).hasSize(1);
		at(T0.plus(Duration.ofHours(72)));
		engine.sweep();
		assertThat(steps("hazard", hazard)).last().isEqualTo("2 CITY SUPERVISE " + T0.plus(Duration.ofHours(72)));
		office.post("/api/hazards/" + hazard + "/actions/downgrade", "{}").expect(200);
		assertThat(state("hazard", hazard)).isEqualTo("RESOLVED");
	}

	@Test
	void anExpiredLicenceClimbsFromMidnightAndRenewalResolvesIt() {
		long licence = business.post("/api/entities/" + entity + "/licences", """
				{"type":"SAFETY_PRODUCTION","number":"预警测试证","validFrom":"2028-09-10","validTo":"2031-09-10"}
				""").expect(200).body().get("id").asLong();
		Instant midnight = Instant.parse("2031-09-10T16:00:00Z"); // 2031-09-11 00:00 in Shanghai
		at(midnight.plus(Duration.ofDays(1)));
		licenceSweep.run();
		engine.sweep();
		assertThat(steps("licence", licence)).containsExactly("1 DISTRICT SUPERVISE " + midnight);
		business.put("/api/entities/" + entity + "/licences/" + licence, """
				{"type":"SAFETY_PRODUCTION","number":"预警测试证","validFrom":"2031-09-11","validTo":"2034-09-10"}
				""").expect(200);
		assertThat(state("licence", licence)).isEqualTo("RESOLVED");
	}

	private long report(String level, boolean reinspection) {
		return office.post("/api/hazards", """
				{"entityId":%d,"description":"液化气瓶未固定","level":"%s","reinspectionRequired":%s}
				""".formatted(entity, level, reinspection)).expect(200).body().get("id").asLong();
	}

	private List<String> steps(String type, long subject) {
		return jdbc.sql("""
				SELECT s.step_no || ' ' || s.screen_level || ' ' || s.action, s.due_at FROM warning_step s
				JOIN warning w ON w.id = s.warning_id WHERE w.subject_type = :t AND w.subject_id = :s ORDER BY w.id, s.step_no
				""").param("t", type).param("s", subject)
			.query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant()).list();
	}

	private String state(String type, long subject) {
		return jdbc.sql("SELECT state FROM warning WHERE subject_type = :t AND subject_id = :s ORDER BY id DESC LIMIT 1")
			.param("t", type).param("s", subject).query(String.class).single();
	}

	private void at(Instant instant) {
		((SimulatedClock) clock).freeze(instant);
	}
}
