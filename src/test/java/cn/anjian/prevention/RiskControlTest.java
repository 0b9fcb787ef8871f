package cn.anjian.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.files.SampleFiles;
import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A business grades its own risks and records its checks; nobody else can touch them, and a hazard found is 自查. */
@AnjianTest
class RiskControlTest {

	static final Instant NOW = Instant.parse("2031-05-10T02:00:00Z"); // 10:00 in Shanghai

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	CheckSchedule schedule;

	ApiClient business;
	ApiClient otherBusiness;
	ApiClient office;

	@BeforeEach
	void setUp() {
		((SimulatedClock) clock).freeze(NOW);
		business = ApiClient.signedIn(port, "lixia_biz");
		otherBusiness = ApiClient.signedIn(port, "shizhong_biz");
		office = ApiClient.signedIn(port, "lixia_office");
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void aPointTakesTheHighestGradeOfItsFactorsAndTheControlLevelFollows() {
		long point = point("反应釜区");
		long low = factor(point, "搅拌电机漏电", "ELECTRIC_SHOCK");
		var first = business.post("/api/prevention/factors/" + low + "/assessments",
				"{\"method\":\"LEC\",\"likelihood\":1,\"exposure\":6,\"consequence\":7}").expect(200).body();
		assertThat(first.get("result").get("score").decimalValue()).isEqualByComparingTo("42");
		assertThat(first.get("point").get("grade").asText()).isEqualTo("BLUE");
		assertThat(first.get("point").get("controlLevel").asText()).isEqualTo("POST");

		long high = factor(point, "釜内超压", "VESSEL_EXPLOSION");
		var second = business.post("/api/prevention/factors/" + high + "/assessments",
				"{\"method\":\"LS\",\"likelihood\":4,\"severity\":5}").expect(200).body();
		assertThat(second.get("result").get("grade").asText()).isEqualTo("RED");
		assertThat(second.get("point").get("grade").asText()).isEqualTo("RED");
		assertThat(second.get("point").get("controlLevel").asText()).isEqualTo("COMPANY");
		assertThat(second.get("point").get("reassessDueOn").asText()).isEqualTo("2032-05-10");

		var residual = business.post("/api/prevention/factors/" + high + "/assessments",
				"{\"method\":\"LS\",\"residual\":true,\"likelihood\":3,\"severity\":5}").expect(200).body();
		assertThat(residual.get("factor").get("residualGrade").asText()).isEqualTo("ORANGE");
		assertThat(residual.get("point").get("grade").asText()).as("the point keeps its inherent grade").isEqualTo("RED");

		business.put("/api/prevention/points/" + point, "{\"name\":\"反应釜区\",\"kind\":\"SITE\",\"active\":true,\"changed\":true}").expect(200);
		assertThat(business.get("/api/prevention/points/" + point).expect(200).body().get("point").get("reassessmentDue").asBoolean())
			.as("a changed point is due for reassessment at once").isTrue();
	}

	@Test
	void aBusinessSeesOnlyItsOwnAndTheGovernmentOnlyReads() {
		long point = point("仓库");
		otherBusiness.get("/api/prevention/points/" + point).expect(404);
		otherBusiness.put("/api/prevention/points/" + point, "{\"name\":\"改\",\"kind\":\"SITE\",\"active\":true}").expect(404);
		otherBusiness.post("/api/prevention/points/" + point + "/factors", "{\"description\":\"x\"}").expect(404);
		assertThat(otherBusiness.get("/api/prevention/points?size=500").expect(200).raw()).doesNotContain("\"id\":" + point + ",");
		office.get("/api/prevention/points/" + point).expect(200);
		office.post("/api/prevention/points", "{\"name\":\"越权\",\"kind\":\"SITE\"}").expect(403);
		ApiClient.signedIn(port, "shizhong_office").get("/api/prevention/points/" + point).expect(404);
	}

	@Test
	void aCheckIsRecordedOnceAndAHazardFoundEntersTheHazardLoopAsSelfCheck() {
		long point = point("装卸站台");
		long measure = business.post("/api/prevention/points/" + point + "/measures", """
				{"category":"MANAGEMENT","content":"装卸作业专人监护","ownerName":"王班长"}
				""").expect(200).body().get("id").asLong();
		long task = business.post("/api/prevention/measures/" + measure + "/tasks", """
				{"name":"站台每日巡查","items":["静电接地完好","消防器材到位"],"frequency":"DAILY","assigneeName":"王班长"}
				""").expect(200).body().get("id").asLong();
		schedule.generate(LocalDate.of(2031, 5, 10));
		var checks = business.get("/api/prevention/checks?day=2031-05-10&state=OPEN").expect(200).body();
		long check = -1;
		for (var c : checks.get("items")) {
			if (c.get("taskId").asLong() == task) {
				check = c.get("id").asLong();
			}
		}
		assertThat(check).isPositive();
		otherBusiness.post("/api/prevention/checks/" + check + "/record", "{\"items\":[]}").expect(404);
		business.upload("/api/prevention/checks/" + check + "/photo", Map.of(), "site.png", SampleFiles.png()).expect(200);
		business.post("/api/prevention/checks/" + check + "/record", """
				{"items":[{"item":"静电接地完好","ok":false},{"item":"消防器材到位","ok":true}]}
				""").expect(400);
		var recorded = business.post("/api/prevention/checks/" + check + "/record", """
				{"items":[{"item":"静电接地完好","ok":false},{"item":"消防器材到位","ok":true}],"hazardDescription":"静电接地线断开"}
				""").expect(200).body();
		assertThat(recorded.get("state").asText()).isEqualTo("DONE");
		long hazard = recorded.get("hazardId").asLong();
		assertThat(jdbc.sql("SELECT source || ' ' || state || ' ' || level FROM hazard WHERE id = :id").param("id", hazard)
			.query(String.class).single()).isEqualTo("SELF_CHECK REPORTED GENERAL");
		assertThat(jdbc.sql("SELECT count(*) FROM hazard_attachment WHERE hazard_id = :id AND kind = 'FINDING'").param("id", hazard)
			.query(Long.class).single()).as("the check's photo is the hazard's finding").isEqualTo(1);
		office.get("/api/hazards/" + hazard).expect(200);
		assertThat(business.post("/api/prevention/checks/" + check + "/record", "{\"items\":[]}").expect(409).code())
			.isEqualTo("ALREADY_RECORDED");
	}

	private long point(String name) {
		return business.post("/api/prevention/points", "{\"name\":\"%s\",\"kind\":\"SITE\",\"area\":\"二车间\"}".formatted(name))
			.expect(200).body().get("id").asLong();
	}

	private long factor(long point, String description, String type) {
		return business.post("/api/prevention/points/" + point + "/factors",
				"{\"description\":\"%s\",\"accidentTypes\":[\"%s\"]}".formatted(description, type)).expect(200).body().get("id").asLong();
	}
}
