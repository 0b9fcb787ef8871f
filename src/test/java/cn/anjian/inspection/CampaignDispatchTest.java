package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.warning.WarningEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 定期调度 (seed 003 §四(十)) over real HTTP: 历下区's office deploys a campaign with a weekly report due Friday 17:00
 * (Asia/Shanghai); its emergency bureau files. On time raises nothing; no report one minute after the due time is
 * MISSING and starts the dispatch-report ladder; a report after the due time is LATE and ends the warning.
 */
@AnjianTest
class CampaignDispatchTest {

	/** Monday 2030-03-04 09:00 in Shanghai; the Fridays of March 2030 are the 8th, 15th, 22nd and 29th. */
	static final Instant T0 = Instant.parse("2030-03-04T01:00:00Z");
	static final Instant FIRST_DUE = Instant.parse("2030-03-08T09:00:00Z");
	static final Instant SECOND_DUE = Instant.parse("2030-03-15T09:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	DispatchLateSweep sweep;

	@Autowired
	DispatchSlots slots;

	@Autowired
	WarningEngine warnings;

	ApiClient office;
	ApiClient bureau;
	long emergency;
	long construction;

	@BeforeEach
	void accounts() {
		at(T0);
		office = ApiClient.signedIn(port, "lixia_office");
		bureau = ApiClient.signedIn(port, "lixia_yj_leader");
		emergency = department("历下区应急管理局");
		construction = department("历下区住房和城乡建设局");
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void aWeeklyScheduleLaysOutOneSlotPerDepartmentAndFridayInBusinessTime() {
		long id = create(weekly());
		List<Instant> due = jdbc.sql("SELECT DISTINCT due_at FROM dispatch_slot WHERE campaign_id = :c ORDER BY 1").param("c", id)
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
		assertThat(due).containsExactly(FIRST_DUE, SECOND_DUE, Instant.parse("2030-03-22T09:00:00Z"),
				Instant.parse("2030-03-29T09:00:00Z"));
		assertThat(count("SELECT count(*) FROM dispatch_slot WHERE campaign_id = " + id)).isEqualTo(8);
		slots.generate(null);
		assertThat(count("SELECT count(*) FROM dispatch_slot WHERE campaign_id = " + id)).as("generation is idempotent").isEqualTo(8);
		JsonNode first = slot(id, emergency, FIRST_DUE);
		assertThat(first.get("opensAt").asString()).as("the first period opens at the campaign's start")
			.isEqualTo("2030-03-03T16:00:00Z");
		assertThat(slot(id, emergency, SECOND_DUE).get("opensAt").asString()).isEqualTo(FIRST_DUE.toString());
	}

	@Test
	void aMonthlyDayPastTheEndOfAShortMonthFallsOnItsLastDay() {
		long id = create(campaign("2030-02-01", "2030-04-30", "{\"kind\":\"MONTHLY\",\"dayOfMonth\":31,\"time\":\"12:00\"}"));
		List<Instant> due = jdbc.sql("SELECT DISTINCT due_at FROM dispatch_slot WHERE campaign_id = :c ORDER BY 1").param("c", id)
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
		assertThat(due).containsExactly(Instant.parse("2030-02-28T04:00:00Z"), Instant.parse("2030-03-31T04:00:00Z"),
				Instant.parse("2030-04-30T04:00:00Z"));
	}

	@Test
	void aReportOnTimeRaisesNothing() {
		long id = create(weekly());
		long slot = slot(id, emergency, FIRST_DUE).get("id").asLong();
		at(FIRST_DUE);
		JsonNode filed = file(slot).expect(200).body();
		assertThat(filed.get("status").asString()).as("filed at the due instant itself").isEqualTo("ON_TIME");
		at(FIRST_DUE.plus(Duration.ofMinutes(1)));
		sweep.run();
		assertThat(warningSteps(slot)).isEmpty();
		assertThat(file(slot).expect(409).code()).isEqualTo("DISPATCH_ALREADY_FILED");
	}

	@Test
	void noReportOneMinuteAfterTheDueTimeIsMissingAndReachesTheDistrictScreenThenTheCity() {
		long id = create(weekly());
		long slot = slot(id, emergency, FIRST_DUE).get("id").asLong();
		at(FIRST_DUE);
		sweep.run();
		assertThat(warningSteps(slot)).as("not yet: a report at the due instant is still on time").isEmpty();
		at(FIRST_DUE.plus(Duration.ofMinutes(1)));
		sweep.run();
		assertThat(slot(id, emergency, FIRST_DUE).get("status").asString()).isEqualTo("MISSING");
		assertThat(office.get("/api/dispatch-slots?status=MISSING&campaignId=" + id).expect(200).body().get("total").asLong())
			.as("both departments' first reports are listed as missing").isEqualTo(2);
		assertThat(warningSteps(slot)).containsExactly("1 DISTRICT SUPERVISE " + FIRST_DUE);
		assertThat(jdbc.sql("SELECT triggered_at FROM warning WHERE subject_type = 'dispatch_report' AND subject_id = :s")
			.param("s", slot).query((rs, n) -> rs.getTimestamp(1).toInstant()).single()).isEqualTo(FIRST_DUE);
		assertThat(sweep.run()).as("announced once").isZero();

		at(FIRST_DUE.plus(Duration.ofDays(3)));
		warnings.sweep();
		assertThat(warningSteps(slot)).containsExactly("1 DISTRICT SUPERVISE " + FIRST_DUE,
				"2 CITY SUPERVISE " + FIRST_DUE.plus(Duration.ofDays(3)));
	}

	@Test
	void aReportAfterTheDueTimeIsLateAndEndsTheWarning() {
		long id = create(weekly());
		long slot = slot(id, emergency, FIRST_DUE).get("id").asLong();
		at(FIRST_DUE.plus(Duration.ofHours(2)));
		sweep.run();
		assertThat(warningSteps(slot)).hasSize(1);
		at(FIRST_DUE.plus(Duration.ofHours(20)));
		assertThat(file(slot).expect(200).body().get("status").asString()).isEqualTo("LATE");
		assertThat(jdbc.sql("SELECT state FROM warning WHERE subject_type = 'dispatch_report' AND subject_id = :s")
			.param("s", slot).query(String.class).single()).isEqualTo("RESOLVED");
		at(FIRST_DUE.plus(Duration.ofDays(10)));
		warnings.sweep();
		assertThat(warningSteps(slot)).as("a resolved warning climbs no further").hasSize(1);
	}

	@Test
	void aPeriodCannotBeReportedBeforeItOpens() {
		long id = create(weekly());
		long second = slot(id, emergency, SECOND_DUE).get("id").asLong();
		assertThat(file(second).expect(409).code()).isEqualTo("DISPATCH_NOT_OPEN");
	}

	@Test
	void theProgressTableCountsEachDepartmentsReportsAndTasks() {
		long id = create(weekly());
		at(FIRST_DUE.minus(Duration.ofHours(1)));
		file(slot(id, emergency, FIRST_DUE).get("id").asLong()).expect(200);
		at(SECOND_DUE.plus(Duration.ofHours(1)));
		file(slot(id, emergency, SECOND_DUE).get("id").asLong()).expect(200);
		long task = office.get("/api/campaigns/" + id).expect(200).body().get("tasks").get(0).get("id").asLong();
		bureau.post("/api/campaigns/" + id + "/tasks/" + task + "/complete", "{\"note\":\"已完成排查\"}").expect(200);

		JsonNode progress = office.get("/api/campaigns/" + id + "/progress").expect(200).body();
		JsonNode em = row(progress, emergency);
		assertThat(List.of(em.get("slotsDue").asLong(), em.get("onTime").asLong(), em.get("late").asLong(),
				em.get("missing").asLong(), em.get("upcoming").asLong())).containsExactly(2L, 1L, 1L, 0L, 2L);
		assertThat(em.get("entitiesChecked").asLong()).isEqualTo(24);
		assertThat(em.get("hazardsFound").asLong()).isEqualTo(10);
		assertThat(em.get("tasksDone").asLong()).isEqualTo(1);
		JsonNode co = row(progress, construction);
		assertThat(List.of(co.get("slotsDue").asLong(), co.get("missing").asLong(), co.get("tasksOverdue").asLong()))
			.as("the construction bureau filed nothing and its task (due 3-10) is overdue").containsExactly(2L, 2L, 1L);
		assertThat(bureau.get("/api/campaigns/" + id + "/progress").expect(200).body().get("departments"))
			.as("a participant department sees its own row").hasSize(1);
	}

	@Test
	void onlyTheOrganiserItsSuperiorsAndParticipantsSeeACampaign() {
		long id = create(weekly());
		long slot = slot(id, emergency, FIRST_DUE).get("id").asLong();
		var otherDistrict = ApiClient.signedIn(port, "shizhong_office");
		assertThat(otherDistrict.get("/api/campaigns/" + id).expect(404).code()).isEqualTo("NOT_FOUND");
		assertThat(otherDistrict.get("/api/campaigns?size=500").expect(200).raw()).doesNotContain("\"id\":" + id + ",");
		assertThat(otherDistrict.get("/api/dispatch-slots?campaignId=" + id).expect(200).body().get("total").asLong()).isZero();
		assertThat(ApiClient.signedIn(port, "shizhong_yj_leader").post("/api/dispatch-slots/" + slot + "/report", REPORT)
			.expect(404).code()).isEqualTo("NOT_FOUND");
		ApiClient.signedIn(port, "city_yj_leader").get("/api/campaigns/" + id).expect(404);
		ApiClient.signedIn(port, "city_office").get("/api/campaigns/" + id).expect(200);
		bureau.get("/api/campaigns/" + id).expect(200);
		assertThat(bureau.get("/api/dispatch-slots?campaignId=" + id).expect(200).body().get("total").asLong())
			.as("a department sees its own slots only").isEqualTo(4);
		assertThat(office.post("/api/dispatch-slots/" + slot + "/report", REPORT).expect(403).code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void anOfficeCannotReachBeyondItsTerritory() {
		long foreignDepartment = department("市中区应急管理局");
		long foreignRegion = count("SELECT id FROM region WHERE code = '370103'");
		String base = weekly();
		office.post("/api/campaigns", base.replace("[" + emergency, "[" + foreignDepartment + "," + emergency)).expect(404);
		office.post("/api/campaigns", base.replace("\"regionIds\":[]", "\"regionIds\":[" + foreignRegion + "]")).expect(404);
		ApiClient.signedIn(port, "lixia_yj_leader").post("/api/campaigns", base).expect(403);
		assertThat(office.post("/api/campaigns", base.replace("IND016", "NOPE")).expect(400).code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void theOrganiserEditsARunningCampaignAndTheNewScheduleAppliesToFutureSlotsOnly() {
		long id = create(weekly());
		at(FIRST_DUE.minus(Duration.ofHours(1)));
		long filed = slot(id, emergency, FIRST_DUE).get("id").asLong();
		file(filed).expect(200);
		at(FIRST_DUE.plus(Duration.ofDays(1)));
		JsonNode tasks = office.get("/api/campaigns/" + id).expect(200).body().get("tasks");
		long kept = tasks.get(0).get("id").asLong();
		String taskRows = """
				[{"id":%d,"content":"摸清餐饮场所燃气使用底数","departmentId":%d,"dueDate":"2030-04-10"},
				 {"content":"排查老旧小区燃气管道","departmentId":%d,"dueDate":"2030-04-05"}]
				""".formatted(kept, emergency, construction);
		String wednesdays = "{\"kind\":\"WEEKLY\",\"weekday\":\"WEDNESDAY\",\"time\":\"12:00\"}";
		JsonNode after = office.put("/api/campaigns/" + id,
				edit("城镇燃气安全专项整治（延长）", "2030-03-04", "2030-04-10", List.of(emergency, construction), taskRows, wednesdays))
			.expect(200).body();
		assertThat(after.get("campaign").get("name").asString()).isEqualTo("城镇燃气安全专项整治（延长）");
		assertThat(after.get("campaign").get("schedule").get("weekday").asString()).isEqualTo("WEDNESDAY");
		assertThat(after.get("tasks")).hasSize(2);
		assertThat(after.get("tasks").get(0).get("id").asLong()).isEqualTo(kept);
		assertThat(after.get("tasks").get(1).get("content").asString()).isEqualTo("排查老旧小区燃气管道");

		List<Instant> wednesdayNoons = List.of(Instant.parse("2030-03-13T04:00:00Z"), Instant.parse("2030-03-20T04:00:00Z"),
				Instant.parse("2030-03-27T04:00:00Z"), Instant.parse("2030-04-03T04:00:00Z"), Instant.parse("2030-04-10T04:00:00Z"));
		for (long department : List.of(emergency, construction)) {
			List<Instant> due = jdbc.sql("SELECT due_at FROM dispatch_slot WHERE campaign_id = :c AND department_id = :d ORDER BY 1")
				.param("c", id).param("d", department).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
			assertThat(due).as("the Friday already due stays, the Wednesday before the edit is not back-filled")
				.first().isEqualTo(FIRST_DUE);
			assertThat(due.subList(1, due.size())).containsExactlyElementsOf(wednesdayNoons);
		}
		assertThat(slot(id, emergency, FIRST_DUE).get("id").asLong()).as("the filed slot is the same row").isEqualTo(filed);
		assertThat(slot(id, emergency, FIRST_DUE).get("status").asString()).isEqualTo("ON_TIME");
		assertThat(slot(id, construction, FIRST_DUE).get("status").asString()).isEqualTo("MISSING");
		assertThat(slot(id, emergency, wednesdayNoons.get(0)).get("opensAt").asString())
			.as("the first new period opens where the last kept one ended").isEqualTo(FIRST_DUE.toString());
		slots.generate(null);
		assertThat(count("SELECT count(*) FROM dispatch_slot WHERE campaign_id = " + id))
			.as("the daily run adds no past slot of the new schedule").isEqualTo(12);

		List<String> log = jdbc.sql("SELECT before ->> 'campaign', after ->> 'campaign' FROM operation_log WHERE action = 'CAMPAIGN_UPDATE' AND target_id = :id")
			.param("id", String.valueOf(id)).query((rs, n) -> rs.getString(1) + " -> " + rs.getString(2)).list();
		assertThat(log).singleElement().asString().contains("\"name\": \"城镇燃气安全专项整治\"").contains("城镇燃气安全专项整治（延长）")
			.contains("FRIDAY").contains("WEDNESDAY");
	}

	@Test
	void whatIsOnRecordCannotBeEditedAwayAndOnlyTheOrganiserEdits() {
		long id = create(weekly());
		at(FIRST_DUE.minus(Duration.ofHours(1)));
		file(slot(id, emergency, FIRST_DUE).get("id").asLong()).expect(200);
		JsonNode tasks = office.get("/api/campaigns/" + id).expect(200).body().get("tasks");
		long first = tasks.get(0).get("id").asLong();
		long second = tasks.get(1).get("id").asLong();
		bureau.post("/api/campaigns/" + id + "/tasks/" + first + "/complete", "{\"note\":\"已完成\"}").expect(200);
		String friday = "{\"kind\":\"WEEKLY\",\"weekday\":\"FRIDAY\",\"time\":\"17:00\"}";
		String both = """
				[{"id":%d,"content":"摸清餐饮场所燃气使用底数","departmentId":%d,"dueDate":"2030-03-31"},
				 {"id":%d,"content":"排查在建工地临时用气","departmentId":%d,"dueDate":"2030-03-10"}]
				""".formatted(first, emergency, second, construction);
		String unchanged = edit("城镇燃气安全专项整治", "2030-03-04", "2030-03-31", List.of(emergency, construction), both, friday);

		assertThat(office.put("/api/campaigns/" + id, unchanged.replace("\"startDate\":\"2030-03-04\"", "\"startDate\":\"2030-03-05\""))
			.expect(409).code()).isEqualTo("CAMPAIGN_STARTED");
		String withoutEmergency = edit("城镇燃气安全专项整治", "2030-03-04", "2030-03-31", List.of(construction),
				"[{\"id\":%d,\"content\":\"排查在建工地临时用气\",\"departmentId\":%d,\"dueDate\":\"2030-03-10\"}]".formatted(second, construction), friday);
		String refused = office.put("/api/campaigns/" + id, withoutEmergency).expect(409).raw();
		assertThat(refused).contains("DEPARTMENT_HAS_REPORTS").contains("历下区应急管理局");
		assertThat(office.put("/api/campaigns/" + id, unchanged.replace("摸清餐饮场所燃气使用底数", "摸清底数")).expect(409).code())
			.isEqualTo("TASK_DONE");
		String secondOnly = "[{\"id\":%d,\"content\":\"排查在建工地临时用气\",\"departmentId\":%d,\"dueDate\":\"2030-03-10\"}]"
			.formatted(second, construction);
		assertThat(office.put("/api/campaigns/" + id, edit("城镇燃气安全专项整治", "2030-03-04", "2030-03-31",
				List.of(emergency, construction), secondOnly, friday)).expect(409).code()).isEqualTo("TASK_DONE");

		bureau.put("/api/campaigns/" + id, unchanged).expect(403);
		assertThat(ApiClient.signedIn(port, "city_office").put("/api/campaigns/" + id, unchanged).expect(403).code())
			.as("the city sees the district's campaign but does not edit it").isEqualTo("FORBIDDEN");
		assertThat(ApiClient.signedIn(port, "shizhong_office").put("/api/campaigns/" + id, unchanged).expect(404).code())
			.isEqualTo("NOT_FOUND");

		String withoutConstruction = edit("城镇燃气安全专项整治", "2030-03-04", "2030-03-31", List.of(emergency),
				"[{\"id\":%d,\"content\":\"摸清餐饮场所燃气使用底数\",\"departmentId\":%d,\"dueDate\":\"2030-03-31\"}]".formatted(first, emergency), friday);
		JsonNode after = office.put("/api/campaigns/" + id, withoutConstruction).expect(200).body();
		assertThat(after.get("departments")).hasSize(1);
		assertThat(count("SELECT count(*) FROM dispatch_slot WHERE campaign_id = " + id + " AND department_id = " + construction))
			.as("a department that filed nothing and leaves before any due time keeps no slot").isZero();

		at(Instant.parse("2030-04-01T01:00:00Z"));
		assertThat(office.put("/api/campaigns/" + id, withoutConstruction).expect(409).code()).isEqualTo("CAMPAIGN_ENDED");
	}

	static final String REPORT = "{\"entitiesChecked\":12,\"hazardsFound\":5,\"hazardsRectified\":3,\"cases\":1,\"content\":\"本周检查燃气用户\"}";

	private String weekly() {
		return campaign("2030-03-04", "2030-03-31", "{\"kind\":\"WEEKLY\",\"weekday\":\"FRIDAY\",\"time\":\"17:00\"}");
	}

	private String campaign(String start, String end, String schedule) {
		return """
				{"name":"城镇燃气安全专项整治","type":"SPECIAL_RECTIFICATION","description":"全面排查燃气用户",
				 "regionIds":[],"industries":["IND016"],"startDate":"%s","endDate":"%s",
				 "departmentIds":[%d,%d],
				 "tasks":[{"content":"摸清餐饮场所燃气使用底数","departmentId":%d,"dueDate":"%s"},
				          {"content":"排查在建工地临时用气","departmentId":%d,"dueDate":"%s"}],
				 "schedule":%s}
				""".formatted(start, end, emergency, construction, emergency, end, construction,
				start.equals("2030-03-04") ? "2030-03-10" : end, schedule);
	}

	private String edit(String name, String start, String end, List<Long> departments, String tasks, String schedule) {
		return """
				{"name":"%s","type":"SPECIAL_RECTIFICATION","description":"全面排查燃气用户","regionIds":[],
				 "industries":["IND016"],"startDate":"%s","endDate":"%s","departmentIds":%s,"tasks":%s,"schedule":%s}
				""".formatted(name, start, end, departments, tasks, schedule);
	}

	private long create(String json) {
		return office.post("/api/campaigns", json).expect(200).body().get("campaign").get("id").asLong();
	}

	private ApiClient.Response file(long slot) {
		return bureau.post("/api/dispatch-slots/" + slot + "/report", REPORT);
	}

	private JsonNode slot(long campaign, long department, Instant due) {
		for (JsonNode s : office.get("/api/dispatch-slots?size=100&campaignId=" + campaign + "&departmentId=" + department)
			.expect(200).body().get("items")) {
			if (s.get("dueAt").asString().equals(due.toString())) {
				return s;
			}
		}
		throw new AssertionError("no slot due " + due);
	}

	private static JsonNode row(JsonNode progress, long department) {
		for (JsonNode r : progress.get("departments")) {
			if (r.get("departmentId").asLong() == department) {
				return r;
			}
		}
		throw new AssertionError("no row for " + department);
	}

	private List<String> warningSteps(long slot) {
		return jdbc.sql("""
				SELECT s.step_no || ' ' || s.screen_level || ' ' || s.action || ' ' || to_char(s.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
				FROM warning_step s JOIN warning w ON w.id = s.warning_id
				WHERE w.trigger_kind = 'DISPATCH_REPORT_LATE' AND w.subject_type = 'dispatch_report' AND w.subject_id = :s
				ORDER BY s.step_no
				""").param("s", slot).query(String.class).list();
	}

	private long department(String name) {
		return count("SELECT id FROM department WHERE name = '" + name + "'");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private void at(Instant instant) {
		((SimulatedClock) clock).freeze(instant);
	}
}
