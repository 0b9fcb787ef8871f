package cn.anjian.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.warning.Trigger.Kind;
import cn.anjian.warning.Trigger.OriginLevel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Editing a ladder saves a new version: a warning keeps climbing by the version it started under, a new one follows
 * the new version — in calendar hours or, when the ladder says so, in working days by the calendar.
 */
@AnjianTest
class WarningRuleVersionTest {

	static final String ORIGINAL = """
			{"name":"移交的违法线索未处理（市级部门）","steps":[{"delayHours":72,"screenLevel":"CITY","action":"SUPERVISE","actingLevel":"CITY"},
			          {"delayHours":72,"screenLevel":"CITY","action":"NOTICE","actingLevel":"CITY"}]}""";
	static final String LICENCE_ORIGINAL = """
			{"name":"企业安全生产许可证照过期（市级部门监管）","steps":[{"delayHours":0,"screenLevel":"CITY","action":"SUPERVISE","actingLevel":"CITY"},
			          {"delayHours":72,"screenLevel":"CITY","action":"NOTICE","actingLevel":"CITY"}]}""";
	static final Instant T0 = Instant.parse("2035-05-07T02:00:00Z");
	static final AtomicLong SUBJECTS = new AtomicLong(4_000_000);

	@LocalServerPort
	int port;

	@Autowired
	WarningEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		admin = ApiClient.signedIn(port, "admin");
		at(T0);
	}

	@AfterEach
	void restore() {
		admin.put("/api/warnings/rules/LEAD_UNHANDLED/CITY", ORIGINAL).expect(200);
		admin.put("/api/warnings/rules/LICENCE_EXPIRED/CITY", LICENCE_ORIGINAL).expect(200);
		((SimulatedClock) clock).reset();
	}

	@Test
	void aWarningKeepsTheVersionItStartedUnderAndANewOneUsesTheNewVersion() {
		long underV1 = open(Kind.LEAD_UNHANDLED, T0);
		var saved = admin.put("/api/warnings/rules/LEAD_UNHANDLED/CITY", """
				{"name":"移交线索未处理（市级，缩短时限）","steps":[{"delayHours":24,"screenLevel":"CITY","action":"SUPERVISE","actingLevel":"CITY"},
				 {"delayHours":24,"screenLevel":"CITY","action":"NOTICE","actingLevel":"CITY"}]}""").expect(200).body();
		assertThat(saved.get(0).get("version").asInt()).isGreaterThan(1);
		long underV2 = open(Kind.LEAD_UNHANDLED, T0);
		assertThat(ruleOf(underV1)).isNotEqualTo(ruleOf(underV2));
		assertThat(admin.get("/api/warnings/rules").expect(200).raw()).contains("缩短时限");

		at(T0.plus(Duration.ofHours(48)));
		engine.sweep();
		assertThat(steps(underV1)).as("v1: first step after 72 h").isZero();
		assertThat(steps(underV2)).as("v2: 24 h + 24 h").isEqualTo(2);
		at(T0.plus(Duration.ofHours(72)));
		engine.sweep();
		assertThat(steps(underV1)).isOne();
		at(T0.plus(Duration.ofHours(144)));
		engine.sweep();
		assertThat(steps(underV1)).isEqualTo(2);
	}

	@Test
	void aLadderInWorkingDaysSkipsTheNationalDayHolidayAndKeepsTheTimeOfDay() {
		admin.put("/api/warnings/rules/LICENCE_EXPIRED/CITY", LICENCE_ORIGINAL.replace("\"steps\"",
				"\"delayUnit\":\"WORKING_DAYS\",\"steps\"")).expect(200);
		Instant tuesday = Instant.parse("2026-09-29T02:00:00Z"); // 10:00 in Beijing
		at(tuesday);
		long warning = open(Kind.LICENCE_EXPIRED, tuesday);
		// 3 working days: 9.30, (10.1–10.7 国庆), 10.8, 10.9 — at 10:00
		assertThat(jdbc.sql("SELECT next_step_due_at FROM warning WHERE id = :w").param("w", warning).query(Timestamp.class)
			.single().toInstant()).isEqualTo(Instant.parse("2026-10-09T02:00:00Z"));
	}

	@Test
	void anInvalidLadderIsRefusedAndOnlyTheAdministratorMayEditOne() {
		ApiClient.signedIn(port, "city_office").put("/api/warnings/rules/LEAD_UNHANDLED/CITY", ORIGINAL).expect(403);
		admin.put("/api/warnings/rules/LEAD_UNHANDLED/CITY", "{\"steps\":[]}").expect(400);
		admin.put("/api/warnings/rules/LEAD_UNHANDLED/CITY", ORIGINAL.replaceFirst("72", "-1")).expect(400);
		admin.put("/api/warnings/rules/LEAD_UNHANDLED/CITY", ORIGINAL.replaceFirst("NOTICE", "PUNISH")).expect(400);
		admin.put("/api/warnings/rules/LEAD_UNHANDLED/CITY", ORIGINAL.replaceFirst("\"CITY\"", "\"STREET\"")).expect(400);
		admin.put("/api/warnings/rules/LEAD_UNHANDLED/CITY", ORIGINAL.replaceFirst("72", "36")
			.replace("\"steps\"", "\"delayUnit\":\"WORKING_DAYS\",\"steps\"")).expect(400);
		admin.put("/api/warnings/rules/NO_SUCH_KIND/CITY", ORIGINAL).expect(404);
	}

	private long open(Kind kind, Instant at) {
		long subject = SUBJECTS.incrementAndGet();
		long region = jdbc.sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
		engine.open(new Trigger(kind, OriginLevel.CITY, "version-test", subject, null, region, null, "版本测试", at));
		return jdbc.sql("SELECT id FROM warning WHERE subject_type = 'version-test' AND subject_id = :s").param("s", subject)
			.query(Long.class).single();
	}

	private long ruleOf(long warning) {
		return jdbc.sql("SELECT rule_id FROM warning WHERE id = :w").param("w", warning).query(Long.class).single();
	}

	private long steps(long warning) {
		return jdbc.sql("SELECT count(*) FROM warning_step WHERE warning_id = :w").param("w", warning).query(Long.class).single();
	}

	private void at(Instant instant) {
		((SimulatedClock) clock).freeze(instant);
	}
}
