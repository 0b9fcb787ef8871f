package cn.anjian.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** 风险分布地图: a business is drawn in the highest grade of its active points, only within the caller's scope. */
@AnjianTest
class RiskMapTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long entity;

	/** A 历下区 business without risk points gets a yellow, a blue, an ungraded and an inactive red one. */
	@BeforeEach
	void aBusinessWithPoints() {
		entity = jdbc.sql("""
				SELECT e.id FROM supervised_entity e JOIN region_closure c ON c.descendant_id = e.region_id
				JOIN region d ON d.id = c.ancestor_id AND d.code = '370102'
				WHERE NOT EXISTS (SELECT 1 FROM risk_point p WHERE p.entity_id = e.id) ORDER BY e.id LIMIT 1
				""").query(Long.class).optional().orElseGet(() -> jdbc.sql("""
				SELECT p.entity_id FROM risk_point p WHERE p.name = '地图测试黄' LIMIT 1""").query(Long.class).single());
		if (jdbc.sql("SELECT count(*) FROM risk_point WHERE entity_id = :e").param("e", entity).query(Long.class).single() == 0) {
			point("地图测试黄", "YELLOW", true);
			point("地图测试蓝", "BLUE", true);
			point("地图测试未评价", null, true);
			point("地图测试停用红", "RED", false);
		}
		locate(36.66, 117.02);
	}

	@Test
	void aBusinessTakesTheHighestGradeOfItsActivePoints() {
		JsonNode business = find(ApiClient.signedIn(port, "lixia_office").get("/api/prevention/map/businesses?limit=5000")
			.expect(200).body().get("located"));
		assertThat(business).as("located in 历下区").isNotNull();
		assertThat(business.get("grade").asString()).as("the inactive red point does not count").isEqualTo("YELLOW");
		assertThat(business.get("yellow").asLong()).isEqualTo(1);
		assertThat(business.get("blue").asLong()).isEqualTo(1);
		assertThat(business.get("ungraded").asLong()).isEqualTo(1);
		assertThat(business.get("red").asLong()).isZero();
		assertThat(business.get("district").asString()).isEqualTo("历下区");
		assertThat(business.get("latitude").decimalValue()).isEqualByComparingTo("36.66");
	}

	@Test
	void anotherDistrictOrBusinessDoesNotSeeIt() {
		ApiClient other = ApiClient.signedIn(port, "shizhong_office");
		JsonNode view = other.get("/api/prevention/map/businesses?limit=5000").expect(200).body();
		assertThat(find(view.get("located"))).isNull();
		assertThat(find(view.get("unlocated"))).isNull();
		assertThat(find(ApiClient.signedIn(port, "lixia_biz").get("/api/prevention/map/businesses").expect(200).body().get("located")))
			.isNull();
		assertThat(find(ApiClient.signedIn(port, "city_office").get("/api/prevention/map/businesses?limit=5000").expect(200).body()
			.get("located"))).as("the city sees every district").isNotNull();
	}

	@Test
	void theBoundingBoxTheGradeAndTheCapNarrowTheAnswer() {
		ApiClient office = ApiClient.signedIn(port, "lixia_office");
		assertThat(find(office.get("/api/prevention/map/businesses?bbox=117.0,36.6,117.1,36.7").expect(200).body().get("located"))).isNotNull();
		assertThat(find(office.get("/api/prevention/map/businesses?bbox=116.0,35.0,116.5,35.5").expect(200).body().get("located"))).isNull();
		assertThat(find(office.get("/api/prevention/map/businesses?grade=RED&limit=5000").expect(200).body().get("located"))).isNull();
		assertThat(office.get("/api/prevention/map/businesses?bbox=a,b").expect(400).code()).isEqualTo("VALIDATION_FAILED");
		JsonNode capped = office.get("/api/prevention/map/businesses?limit=1").expect(200).body();
		assertThat(capped.get("located")).hasSize(1);
		assertThat(capped.get("truncated").asBoolean()).isEqualTo(capped.get("locatedTotal").asLong() > 1);
		assertThat(capped.get("located").get(0).get("grade").asString()).as("the highest grades first").isIn("RED", "ORANGE", "YELLOW");
	}

	@Test
	void aBusinessWithoutCoordinatesIsListedBesideTheMap() {
		locate(null, null);
		JsonNode view = ApiClient.signedIn(port, "lixia_office").get("/api/prevention/map/businesses?grade=YELLOW").expect(200).body();
		assertThat(find(view.get("located"))).isNull();
		assertThat(find(view.get("unlocated"))).isNotNull();
		assertThat(view.get("unlocatedTotal").asLong()).isPositive();
	}

	@Test
	void withoutATileUrlTheMapIsDrawnOffline() {
		JsonNode config = ApiClient.signedIn(port, "lixia_office").get("/api/prevention/map/config").expect(200).body();
		assertThat(config.get("tileUrl").isNull()).isTrue();
	}

	private void point(String name, String grade, boolean active) {
		jdbc.sql("""
				INSERT INTO risk_point (entity_id, region_id, name, kind, grade, active, created_at, updated_at)
				SELECT e.id, e.region_id, :name, 'SITE', :grade, :active, now(), now() FROM supervised_entity e WHERE e.id = :e
				""").param("e", entity).param("name", name).param("grade", grade).param("active", active).update();
	}

	private void locate(Double latitude, Double longitude) {
		jdbc.sql("UPDATE supervised_entity SET latitude = :lat, longitude = :lng WHERE id = :e").param("e", entity)
			.param("lat", latitude, java.sql.Types.NUMERIC).param("lng", longitude, java.sql.Types.NUMERIC).update();
	}

	private JsonNode find(JsonNode list) {
		for (JsonNode b : list) {
			if (b.get("entityId").asLong() == entity) {
				return b;
			}
		}
		return null;
	}
}
