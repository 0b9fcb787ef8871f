package cn.anjian.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Working days by the calendar (2026 as shipped): a weekend or holiday is skipped and the deadline keeps its time of
 * day; a 调休 Saturday or Sunday counts; the administrator's edits count at once.
 */
@AnjianTest
class WorkCalendarTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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
