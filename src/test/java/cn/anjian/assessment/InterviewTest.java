package cn.anjian.assessment;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 约谈: each step needs what the procedure says it needs, an archived case no longer changes, and a follow-up item not
 * done by its deadline climbs the warning ladder until it is.
 */
@AnjianTest
class InterviewTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInterviewGoesFromProposalThroughNoticeMinutesAndFollowUpToTheArchive() {
		var city = ApiClient.signedIn(port, "city_office");
		StatsFixture f = StatsFixture.in(jdbc);
		long accident = jdbc.sql("SELECT id FROM accident WHERE place = '统计测试地点' AND level = 'GENERAL'").query(Long.class).single();
		String base = "\"targetUnit\":\"统计测试区人民政府\",\"targetLeaders\":\"区长、分管副区长\",\"reason\":\"发生一般生产安全事故\","
				+ "\"links\":[{\"type\":\"ACCIDENT\",\"id\":" + accident + "}],\"regionId\":" + f.district;
		JsonNode proposed = city.post("/api/interviews", "{" + base + "}").expect(200).body();
		long id = proposed.get("id").asLong();
		assertThat(proposed.get("state").asString()).isEqualTo("PROPOSED");
		assertThat(act(city, id, "notify").expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");
		act(city, id, "approve").expect(200);
		assertThat(act(city, id, "notify").expect(400).raw()).contains("书面通知");
		city.put("/api/interviews/" + id, "{" + base + ",\"notice\":\"定于4月10日上午9时在市应急局约谈\",\"scheduledAt\":\"2031-04-10T01:00:00Z\","
				+ "\"place\":\"市应急局三楼会议室\"}").expect(200);
		act(city, id, "notify").expect(200);
		assertThat(act(city, id, "hold").expect(400).raw()).contains("纪要");
		city.put("/api/interviews/" + id, "{" + base + ",\"notice\":\"定于4月10日上午9时在市应急局约谈\",\"scheduledAt\":\"2031-04-10T01:00:00Z\","
				+ "\"materials\":\"事故情况汇报\",\"minutes\":\"责令限期整改并作出书面检查\"}").expect(200);
		act(city, id, "hold").expect(200);
		act(city, id, "follow-up").expect(400);
		JsonNode withItem = city.post("/api/interviews/" + id + "/follow-ups", "{\"content\":\"开展有限空间作业专项整治\",\"deadline\":\"2031-05-10\"}")
			.expect(200).body();
		long item = withItem.get("followUps").get(0).get("id").asLong();
		act(city, id, "follow-up").expect(200);
		assertThat(act(city, id, "archive").expect(400).raw()).contains("全部落实");
		city.post("/api/interviews/" + id + "/follow-ups/" + item + "/done", "{\"result\":\"已完成整治并报送报告\"}").expect(200);
		JsonNode archived = act(city, id, "archive").expect(200).body();
		assertThat(archived.get("state").asString()).isEqualTo("ARCHIVED");
		assertThat(archived.get("links").get(0).get("id").asLong()).isEqualTo(accident);
		assertThat(city.put("/api/interviews/" + id, "{" + base + "}").expect(409).code()).isEqualTo("INTERVIEW_ARCHIVED");
	}

	@Test
	void aDistrictCannotLinkOrSeeAnotherDistrictsRecords() {
		var lixia = ApiClient.signedIn(port, "lixia_office");
		long hazardB = jdbc.sql("""
				SELECT min(h.id) FROM hazard h WHERE h.region_id IN (SELECT descendant_id FROM region_closure
				WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))""").query(Long.class).single();
		lixia.post("/api/interviews", "{\"targetUnit\":\"某公司\",\"targetLeaders\":\"总经理\",\"reason\":\"重大隐患未消除\","
				+ "\"links\":[{\"type\":\"HAZARD\",\"id\":" + hazardB + "}]}").expect(404);
		var shizhong = ApiClient.signedIn(port, "shizhong_office");
		long theirs = shizhong.post("/api/interviews", "{\"targetUnit\":\"某公司\",\"targetLeaders\":\"总经理\",\"reason\":\"重大隐患未消除\","
				+ "\"links\":[{\"type\":\"HAZARD\",\"id\":" + hazardB + "}]}").expect(200).body().get("id").asLong();
		lixia.get("/api/interviews/" + theirs).expect(404);
		lixia.post("/api/interviews/" + theirs + "/actions/approve", null).expect(404);
	}

	@Autowired
	Clock clock;

	@Autowired
	InterviewFollowUpSweep sweep;

	@Autowired
	WarningEngine warnings;

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void aFollowUpItemNotDoneByTheEndOfItsDeadlineClimbsTheDistrictLadderUntilItIsDone() {
		((SimulatedClock) clock).freeze(Instant.parse("2031-06-01T02:00:00Z"));
		var lixia = ApiClient.signedIn(port, "lixia_office");
		long id = lixia.post("/api/interviews", "{\"targetUnit\":\"某化工公司\",\"targetLeaders\":\"总经理\",\"reason\":\"重大隐患逾期未整改\"}")
			.expect(200).body().get("id").asLong();
		long item = lixia.post("/api/interviews/" + id + "/follow-ups", "{\"content\":\"完成液氨储罐区改造\",\"deadline\":\"2031-06-10\"}")
			.expect(200).body().get("followUps").get(0).get("id").asLong();
		// the deadline day ends at midnight in Beijing (16:00 UTC)
		Instant endOfDeadline = Instant.parse("2031-06-10T16:00:00Z");
		((SimulatedClock) clock).freeze(endOfDeadline.minusSeconds(1));
		sweep.run();
		assertThat(steps(item)).as("not yet: the deadline day is not over").isEmpty();

		((SimulatedClock) clock).freeze(endOfDeadline.plus(Duration.ofHours(2)));
		sweep.run();
		assertThat(steps(item)).containsExactly("1 DISTRICT SUPERVISE " + endOfDeadline);
		var warning = jdbc.sql("""
				SELECT w.title, r.name AS region, ru.origin_level,
				  (SELECT count(*) FROM supervision_order o WHERE o.warning_id = w.id) AS orders
				FROM warning w JOIN region r ON r.id = w.region_id JOIN warning_rule ru ON ru.id = w.rule_id
				WHERE w.subject_type = 'interview_follow_up' AND w.subject_id = :item""").param("item", item).query().singleRow();
		assertThat((String) warning.get("title")).contains("约谈整改事项逾期未落实", "某化工公司", "完成液氨储罐区改造", "2031-06-10");
		assertThat(warning.get("region")).isEqualTo("历下区");
		assertThat(warning.get("origin_level")).isEqualTo("DISTRICT");
		assertThat(((Number) warning.get("orders")).longValue()).as("the district office's 督办单").isEqualTo(1);
		sweep.run();
		assertThat(steps(item)).as("announced once").hasSize(1);

		((SimulatedClock) clock).freeze(endOfDeadline.plus(Duration.ofDays(3)));
		warnings.sweep();
		assertThat(steps(item)).containsExactly("1 DISTRICT SUPERVISE " + endOfDeadline,
				"2 CITY SUPERVISE " + endOfDeadline.plus(Duration.ofDays(3)));

		lixia = ApiClient.signedIn(port, "lixia_office");
		lixia.post("/api/interviews/" + id + "/follow-ups/" + item + "/done", "{\"result\":\"改造完成并通过验收\"}").expect(200);
		assertThat(jdbc.sql("SELECT state FROM warning WHERE subject_type = 'interview_follow_up' AND subject_id = :item")
			.param("item", item).query(String.class).single()).isEqualTo("RESOLVED");
		((SimulatedClock) clock).freeze(endOfDeadline.plus(Duration.ofDays(10)));
		warnings.sweep();
		assertThat(steps(item)).as("a resolved warning climbs no further").hasSize(2);
	}

	@Test
	void aFollowUpItemOfTheCitysOwnInterviewClimbsTheCityLadderAndADoneItemRaisesNothing() {
		((SimulatedClock) clock).freeze(Instant.parse("2031-07-01T02:00:00Z"));
		var city = ApiClient.signedIn(port, "city_office");
		long id = city.post("/api/interviews", "{\"targetUnit\":\"市某集团\",\"targetLeaders\":\"董事长\",\"reason\":\"发生较大事故\"}")
			.expect(200).body().get("id").asLong();
		long late = city.post("/api/interviews/" + id + "/follow-ups", "{\"content\":\"全面排查\",\"deadline\":\"2031-07-05\"}")
			.expect(200).body().get("followUps").get(0).get("id").asLong();
		JsonNode both = city.post("/api/interviews/" + id + "/follow-ups", "{\"content\":\"报送报告\",\"deadline\":\"2031-07-05\"}")
			.expect(200).body().get("followUps");
		long done = both.get(0).get("id").asLong() == late ? both.get(1).get("id").asLong() : both.get(0).get("id").asLong();
		city.post("/api/interviews/" + id + "/follow-ups/" + done + "/done", "{\"result\":\"已报送\"}").expect(200);

		Instant endOfDeadline = Instant.parse("2031-07-05T16:00:00Z");
		((SimulatedClock) clock).freeze(endOfDeadline.plus(Duration.ofHours(1)));
		sweep.run();
		assertThat(steps(late)).containsExactly("1 CITY SUPERVISE " + endOfDeadline);
		assertThat(steps(done)).isEmpty();
		((SimulatedClock) clock).freeze(endOfDeadline.plus(Duration.ofDays(3)));
		warnings.sweep();
		assertThat(steps(late)).containsExactly("1 CITY SUPERVISE " + endOfDeadline,
				"2 CITY NOTICE " + endOfDeadline.plus(Duration.ofDays(3)));
		city = ApiClient.signedIn(port, "city_office");
		city.post("/api/interviews/" + id + "/follow-ups/" + late + "/done", "{\"result\":\"已排查\"}").expect(200);
	}

	/** The steps a follow-up item's warning has reached: "step screen action due-at" (due by the ladder, however late noticed). */
	private List<String> steps(long item) {
		return jdbc.sql("""
				SELECT s.step_no || ' ' || s.screen_level || ' ' || s.action AS step, s.due_at FROM warning_step s
				JOIN warning w ON w.id = s.warning_id WHERE w.subject_type = 'interview_follow_up' AND w.subject_id = :item
				ORDER BY s.step_no""").param("item", item)
			.query((rs, n) -> rs.getString("step") + " " + rs.getTimestamp("due_at").toInstant()).list();
	}

	private static ApiClient.Response act(ApiClient client, long id, String action) {
		return client.post("/api/interviews/" + id + "/actions/" + action, null);
	}
}
