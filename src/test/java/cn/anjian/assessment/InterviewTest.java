package cn.anjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** 约谈: each step needs what the procedure says it needs, and an archived case no longer changes. */
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

	private static ApiClient.Response act(ApiClient client, long id, String action) {
		return client.post("/api/interviews/" + id + "/actions/" + action, null);
	}
}
