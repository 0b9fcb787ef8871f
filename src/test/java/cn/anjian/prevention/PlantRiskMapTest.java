package cn.anjian.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.files.SampleFiles;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import tools.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 风险四色图: a business places its own points on its own site plan; the government in scope only looks. */
@AnjianTest
class PlantRiskMapTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient business;
	ApiClient otherBusiness;
	ApiClient office;
	ApiClient otherOffice;

	@BeforeEach
	void setUp() {
		business = ApiClient.signedIn(port, "lixia_biz");
		otherBusiness = ApiClient.signedIn(port, "shizhong_biz");
		office = ApiClient.signedIn(port, "lixia_office");
		otherOffice = ApiClient.signedIn(port, "shizhong_office");
	}

	@Test
	void aBusinessUploadsItsPlanPlacesAPointAndReadsItBackInTheGradesColour() {
		var uploaded = business.upload("/api/prevention/site-plan", Map.of(), "厂区平面图.png", SampleFiles.png()).expect(200).body();
		long plan = uploaded.get("plan").get("id").asLong();
		long point = point("四色图储罐区");

		var placed = business.put("/api/prevention/points/" + point + "/placement", "{\"x\":0.25,\"y\":0.75}").expect(200).body();
		assertThat(placed.get("x").decimalValue()).isEqualByComparingTo("0.25");

		JsonNode map = business.get("/api/prevention/site-plan").expect(200).body();
		assertThat(map.get("plan").get("id").asLong()).isEqualTo(plan);
		JsonNode marker = find(map, point);
		assertThat(marker.get("x").decimalValue()).isEqualByComparingTo("0.25");
		assertThat(marker.get("y").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(business.get("/api/prevention/site-plans/" + plan + "/image").expect(200).bytes()).isEqualTo(SampleFiles.png());

		business.put("/api/prevention/points/" + point + "/placement", "{\"x\":1,\"y\":0}").expect(200);
		assertThat(find(business.get("/api/prevention/site-plan").expect(200).body(), point).get("x").decimalValue())
			.as("dragged to the right edge").isEqualByComparingTo("1");
		business.delete("/api/prevention/points/" + point + "/placement").expect(200);
		assertThat(find(business.get("/api/prevention/site-plan").expect(200).body(), point).get("x").isNull()).isTrue();
	}

	@Test
	void aPositionOutsideThePlanIsRefused() {
		business.upload("/api/prevention/site-plan", Map.of(), "plan.png", SampleFiles.png()).expect(200);
		long point = point("四色图越界点");
		for (String json : new String[] { "{\"x\":1.01,\"y\":0.5}", "{\"x\":0.5,\"y\":-0.1}", "{\"x\":0.5}" }) {
			assertThat(business.put("/api/prevention/points/" + point + "/placement", json).expect(400).raw()).as(json)
				.doesNotContain("\"x\":");
		}
		assertThat(find(business.get("/api/prevention/site-plan").expect(200).body(), point).get("x").isNull()).isTrue();
	}

	@Test
	void replacingThePlanKeepsTheOldOneAsHistoryAndOnlyImagesAreAccepted() {
		business.upload("/api/prevention/site-plan", Map.of(), "旧图.png", SampleFiles.png()).expect(200);
		var replaced = business.upload("/api/prevention/site-plan", Map.of(), "新图.jpg", SampleFiles.jpeg()).expect(200).body();
		assertThat(replaced.get("plan").get("fileName").asText()).isEqualTo("新图.jpg");
		assertThat(replaced.get("history").get(0).get("fileName").asText()).isEqualTo("旧图.png");
		assertThat(replaced.get("history").get(0).get("replacedAt").isNull()).isFalse();
		assertThat(business.upload("/api/prevention/site-plan", Map.of(), "图.pdf", SampleFiles.pdf("plan")).expect(400).code())
			.isEqualTo("SITE_PLAN_NOT_IMAGE");
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'SITE_PLAN_REPLACE'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void anotherBusinessOrDistrictCannotReadOrMoveTheMapAndTheGovernmentOnlyReads() {
		long plan = business.upload("/api/prevention/site-plan", Map.of(), "plan.png", SampleFiles.png()).expect(200).body()
			.get("plan").get("id").asLong();
		long point = point("四色图仓库");
		business.put("/api/prevention/points/" + point + "/placement", "{\"x\":0.5,\"y\":0.5}").expect(200);
		long entity = jdbc.sql("SELECT entity_id FROM app_user WHERE username = 'lixia_biz'").query(Long.class).single();

		otherBusiness.put("/api/prevention/points/" + point + "/placement", "{\"x\":0.1,\"y\":0.1}").expect(404);
		otherBusiness.delete("/api/prevention/points/" + point + "/placement").expect(404);
		otherBusiness.get("/api/prevention/site-plans/" + plan + "/image").expect(404);
		assertThat(otherBusiness.get("/api/prevention/site-plan?entityId=" + entity).expect(200).body().get("entityId").asLong())
			.as("a business always gets its own map").isNotEqualTo(entity);
		otherOffice.get("/api/prevention/site-plan?entityId=" + entity).expect(404);
		otherOffice.get("/api/prevention/site-plans/" + plan + "/image").expect(404);
		assertThat(otherOffice.get("/api/prevention/site-plans?size=100").expect(200).raw()).doesNotContain("\"entityId\":" + entity + ",");

		JsonNode seen = office.get("/api/prevention/site-plan?entityId=" + entity).expect(200).body();
		assertThat(find(seen, point).get("x").decimalValue()).isEqualByComparingTo("0.5");
		office.get("/api/prevention/site-plans/" + plan + "/image").expect(200);
		assertThat(office.get("/api/prevention/site-plans?size=100").expect(200).raw()).contains("\"entityId\":" + entity + ",");
		office.put("/api/prevention/points/" + point + "/placement", "{\"x\":0.1,\"y\":0.1}").expect(403);
		office.upload("/api/prevention/site-plan", Map.of(), "plan.png", SampleFiles.png()).expect(403);
		assertThat(find(business.get("/api/prevention/site-plan").expect(200).body(), point).get("x").decimalValue())
			.as("the refusals moved nothing").isEqualByComparingTo("0.5");
	}

	private long point(String name) {
		return business.post("/api/prevention/points", "{\"name\":\"%s\",\"kind\":\"SITE\",\"area\":\"罐区\"}".formatted(name))
			.expect(200).body().get("id").asLong();
	}

	private static JsonNode find(JsonNode map, long point) {
		for (JsonNode p : map.get("points")) {
			if (p.get("id").asLong() == point) {
				return p;
			}
		}
		throw new AssertionError("point " + point + " not on the map");
	}
}
