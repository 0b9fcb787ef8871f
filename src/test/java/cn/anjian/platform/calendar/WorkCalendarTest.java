package cn.anjian.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Working days by the calendar (2026 as shipped, day by day as the State Council's notice): a weekend or holiday is
 * skipped and the deadline keeps its time of day; a 调休 Saturday or Sunday counts; the administrator's edits count at
 * once; a year not entered is counted Monday–Friday, and the status says so for the current and the next year.
 */
@AnjianTest
class WorkCalendarTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	/** 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025), every day it names. */
	@Test
	void the2026CalendarIsTheStateCouncilsArrangementDayByDay() {
		List<String> expected = new ArrayList<>();
		holidays(expected, "元旦", "2026-01-01", 3);
		holidays(expected, "春节", "2026-02-15", 9);
		holidays(expected, "清明节", "2026-04-04", 3);
		holidays(expected, "劳动节", "2026-05-01", 5);
		holidays(expected, "端午节", "2026-06-19", 3);
		holidays(expected, "中秋节", "2026-09-25", 3);
		holidays(expected, "国庆节", "2026-10-01", 7);
		for (String day : List.of("2026-01-04 元旦", "2026-02-14 春节", "2026-02-28 春节", "2026-05-09 劳动节", "2026-09-20 国庆节",
				"2026-10-10 国庆节")) {
			expected.add(day.replace(" ", " ADJUSTED_WORKDAY "));
		}
		List<String> shipped = jdbc.sql("""
				SELECT to_char(day, 'YYYY-MM-DD') || ' ' || kind || ' ' || name FROM work_calendar_day
				WHERE day >= '2026-01-01' AND day < '2027-01-01' ORDER BY day
				""").query(String.class).list();
		assertThat(shipped).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aYearNotEnteredCountsMondayToFriday() {
		assertThat(jdbc.sql("SELECT count(*) FROM work_calendar_day WHERE day >= '2027-01-01' AND day < '2028-01-01'")
			.query(Long.class).single()).as("the 2027 arrangement is not published yet").isZero();
		assertThat(plus("2027-09-30T10:00", 1)).as("Thursday + 1: 10.1 is a Friday like any other").isEqualTo("2027-10-01T10:00");
		assertThat(plus("2027-09-30T10:00", 3)).as("the weekend skipped").isEqualTo("2027-10-05T10:00");
		assertThat(plus("2026-12-31T10:00", 1)).as("into the year not entered").isEqualTo("2027-01-01T10:00");
	}

	@Test
	void theStatusWarnsWhileTheCurrentOrNextYearHasNoArrangement() {
		ApiClient admin = ApiClient.signedIn(port, "admin");
		ApiClient office = ApiClient.signedIn(port, "lixia_office");
		at("2026-12-04T02:00:00Z");
		JsonNode status = office.get("/api/work-calendar/status").expect(200).body();
		assertThat(status.get("today").asString()).isEqualTo("2026-12-04");
		assertThat(status.get("years").get(0).get("entered").asBoolean()).isTrue();
		assertThat(status.get("years").get(1).get("year").asInt()).isEqualTo(2027);
		assertThat(status.get("years").get(1).get("entered").asBoolean()).isFalse();
		assertThat(warnings(status)).containsExactly("尚未录入2027年节假日安排，按周一至周五计算工作日");

		at("2025-12-31T15:59:00Z"); // 23:59 on 31 December in Beijing: still 2025
		assertThat(warnings(office.get("/api/work-calendar/status").expect(200).body()))
			.containsExactly("尚未录入2025年节假日安排，按周一至周五计算工作日");
		at("2025-12-31T16:00:00Z"); // 1 January 2026 in Beijing
		assertThat(warnings(office.get("/api/work-calendar/status").expect(200).body()))
			.containsExactly("尚未录入2027年节假日安排，按周一至周五计算工作日");

		at("2026-12-04T02:00:00Z");
		admin.put("/api/work-calendar/2027-01-01", "{\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}").expect(200);
		try {
			assertThat(warnings(office.get("/api/work-calendar/status").expect(200).body())).as("2027 entered").isEmpty();
		}
		finally {
			admin.delete("/api/work-calendar/2027-01-01").expect(204);
		}
	}

	private void at(String instant) {
		((SimulatedClock) clock).freeze(Instant.parse(instant));
	}

	private static List<String> warnings(JsonNode status) {
		List<String> warnings = new ArrayList<>();
		status.get("warnings").forEach(w -> warnings.add(w.asString()));
		return warnings;
	}

	private static void holidays(List<String> days, String name, String first, int count) {
		java.time.LocalDate day = java.time.LocalDate.parse(first);
		for (int i = 0; i < count; i++) {
			days.add(day.plusDays(i) + " HOLIDAY " + name);
		}
	}

	@Test
	void aWeekendIsSkippedAndTheTimeOfDayKept() {
		assertThat(plus("2026-03-06T10:00", 1)).as("Friday + 1").isEqualTo("2026-03-09T10:00");
		assertThat(plus("2026-03-07T10:00", 1)).as("Saturday + 1").isEqualTo("2026-03-09T10:00");
		assertThat(plus("2026-03-06T23:30", 3)).as("Friday night + 3").isEqualTo("2026-03-11T23:30");
		assertThat(plus("2026-03-07T10:00", 0)).as("no delay").isEqualTo("2026-03-07T10:00");
	}

	@Test
	void aHolidayIsSkippedAndAnAdjustedSaturdayOrSundayCounts() {
		assertThat(plus("2026-09-30T10:00", 1)).as("国庆 10.1–10.7").isEqualTo("2026-10-08T10:00");
		assertThat(plus("2026-09-30T10:00", 2)).as("10.10 is a 调休 Saturday").isEqualTo("2026-10-09T10:00");
		assertThat(plus("2026-10-09T10:00", 1)).isEqualTo("2026-10-10T10:00");
		assertThat(plus("2026-09-18T09:00", 1)).as("9.20 is a 调休 Sunday").isEqualTo("2026-09-20T09:00");
		assertThat(plus("2026-02-13T09:00", 2)).as("2.14 调休, then 春节 2.15–2.23").isEqualTo("2026-02-24T09:00");
		assertThat(plus("2025-12-31T09:00", 1)).as("元旦 1.1–1.3, 1.4 调休 Sunday").isEqualTo("2026-01-04T09:00");
	}

	@Test
	void theAdministratorEditsTheCalendarAndOthersOnlyReadIt() {
		ApiClient admin = ApiClient.signedIn(port, "admin");
		ApiClient office = ApiClient.signedIn(port, "lixia_office");
		assertThat(office.get("/api/work-calendar?year=2026").expect(200).body()).hasSize(33 + 6);
		office.put("/api/work-calendar/2027-02-08", "{\"kind\":\"HOLIDAY\",\"name\":\"春节\"}").expect(403);
		admin.put("/api/work-calendar/2027-02-08", "{\"kind\":\"SOMETIMES\",\"name\":\"春节\"}").expect(400);
		assertThat(plus("2027-02-05T10:00", 1)).isEqualTo("2027-02-08T10:00");
		admin.put("/api/work-calendar/2027-02-08", "{\"kind\":\"HOLIDAY\",\"name\":\"春节\"}").expect(200);
		assertThat(plus("2027-02-05T10:00", 1)).isEqualTo("2027-02-09T10:00");
		admin.delete("/api/work-calendar/2027-02-08").expect(204);
		admin.delete("/api/work-calendar/2027-02-08").expect(404);
		assertThat(plus("2027-02-05T10:00", 1)).isEqualTo("2027-02-08T10:00");
	}

	/** Beijing local time plus n working days, as Beijing local time. */
	private String plus(String beijing, int n) {
		return jdbc.sql("""
				SELECT to_char(add_working_days(CAST(:t AS timestamp) AT TIME ZONE 'Asia/Shanghai', :n) AT TIME ZONE 'Asia/Shanghai',
				               'YYYY-MM-DD"T"HH24:MI')
				""").param("t", beijing).param("n", n).query(String.class).single();
	}
}
