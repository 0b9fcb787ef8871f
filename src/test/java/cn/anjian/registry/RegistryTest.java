package cn.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.support.DomainEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The register through its API: validation, duplicates, scope, derived duties, history, licences and their events. */
@AnjianTest
class RegistryTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	LicenceExpirySweep sweep;

	@Autowired
	DomainEvents events;

	static final Random RANDOM = new Random(7);

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	static String uscc() {
		return RegistryDemoSeed.uscc(RANDOM);
	}

	private String form(String name, String uscc, String streetCode, String industry, int staff, String extra) {
		return """
				{"name":"%s","uscc":"%s","regionId":%d,"socialFunction":"ENTERPRISE","industry":"%s",
				 "supervisionTypes":["INDUSTRY_SUPERVISION","TERRITORIAL"],"supervisionLevel":"DISTRICT","staffCount":%d%s}
				""".formatted(name, uscc, regionId(streetCode), industry, staff, extra);
	}

	private JsonNode create(ApiClient client, String name, String streetCode, String industry, int staff) {
		return client.post("/api/entities", form(name, uscc(), streetCode, industry, staff, "")).expect(200).body();
	}

	@Test
	void everyProblemOfAFormIsReportedInChinesePerField() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var response = office.post("/api/entities", """
				{"name":"","uscc":"91350100M000100Y44","regionId":%d,"socialFunction":"NOPE","industry":"IND001",
				 "supervisionLevel":"DISTRICT","staffCount":-1,"latitude":123}
				""".formatted(regionId("370102001"))).expect(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.body().get("details")).extracting(d -> d.get("field").asString())
			.contains("name", "uscc", "socialFunction", "staffCount", "latitude");
		assertThat(response.body().get("details").toString()).contains("校验位不正确", "不在字典中");
	}

	@Test
	void aUsccCanBeRegisteredOnlyOnce() {
		var office = ApiClient.signedIn(port, "lixia_office");
		String code = uscc();
		office.post("/api/entities", form("历下甲公司", code, "370102001", "IND016", 20, "")).expect(200);
		var again = ApiClient.signedIn(port, "shizhong_office")
			.post("/api/entities", form("市中乙公司", code, "370103001", "IND016", 20, "")).expect(409);
		assertThat(again.code()).isEqualTo("DUPLICATE_USCC");
	}

	@Test
	void derivedDutiesFollowStaffAndIndustry() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var chemical = create(office, "历下丙化工有限公司", "370102001", "IND001", 300);
		assertThat(chemical.get("highRisk").asBoolean()).isTrue();
		assertThat(chemical.get("safetyDirectorRequired").asBoolean()).isTrue();
		assertThat(chemical.get("safetyDirectorMissing").asBoolean()).isTrue();
		assertThat(chemical.get("dualPreventionMandatory").asBoolean()).isTrue();
		var shop = create(office, "历下丁商贸有限公司", "370102001", "IND037", 999);
		assertThat(shop.get("safetyDirectorRequired").asBoolean()).isFalse();
		assertThat(shop.get("dualPreventionMandatory").asBoolean()).isFalse();
		var missing = office.get("/api/entities?safetyDirectorMissing=true&size=500").expect(200).body();
		assertThat(missing.get("items").toString()).contains("历下丙化工有限公司").doesNotContain("历下丁商贸有限公司");
	}

	@Test
	void aStreetUserSeesOnlyItsStreet() {
		var office = ApiClient.signedIn(port, "lixia_office");
		create(office, "解放路测试一号有限公司", "370102001", "IND016", 10);
		var other = create(office, "千佛山测试二号有限公司", "370102002", "IND016", 10);
		var street = ApiClient.signedIn(port, "lixia_street");
		var page = street.get("/api/entities?keyword=测试&size=500").expect(200).body();
		assertThat(page.get("items").toString()).contains("解放路测试一号有限公司").doesNotContain("千佛山测试二号有限公司");
		long outside = jdbc.sql("""
				SELECT count(*) FROM supervised_entity e WHERE e.region_id NOT IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102001'))
				""").query(Long.class).single();
		assertThat(outside).isPositive();
		assertThat(street.get("/api/entities?size=500").body().get("total").asLong())
			.isEqualTo(count("370102001"));
		street.get("/api/entities/" + other.get("id").asLong()).expect(404);
	}

	@Test
	void aNameSubstringFindsTheEntity() {
		var office = ApiClient.signedIn(port, "shizhong_office");
		create(office, "市中区鑫源精细化工股份有限公司", "370103002", "IND001", 80);
		var found = office.get("/api/entities?keyword=精细化工").expect(200).body();
		assertThat(found.get("items").get(0).get("name").asString()).isEqualTo("市中区鑫源精细化工股份有限公司");
	}

	@Test
	void everyChangeIsKeptInTheHistoryWithWhoAndWhat() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var created = create(office, "历下戊制造有限公司", "370102003", "IND016", 50);
		long id = created.get("id").asLong();
		office.put("/api/entities/" + id, form("历下戊制造有限公司", created.get("uscc").asString(), "370102003", "IND016", 350,
				",\"version\":" + created.get("version").asInt())).expect(200);
		var history = office.get("/api/entities/" + id + "/history").expect(200).body();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("action").asString()).isEqualTo("UPDATE");
		assertThat(history.get(0).get("actorName").asString()).isEqualTo("历下区安委办 刘主任");
		assertThat(history.get(0).get("changes").toString()).contains("staffCount").contains("50").contains("350");
		assertThat(history.get(1).get("action").asString()).isEqualTo("CREATE");
	}

	@Test
	void aStaleEditIsRefusedAndChangesNothing() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var created = create(office, "历下己制造有限公司", "370102003", "IND016", 50);
		long id = created.get("id").asLong();
		String body = form("历下己制造有限公司", created.get("uscc").asString(), "370102003", "IND016", 60,
				",\"version\":" + created.get("version").asInt());
		office.put("/api/entities/" + id, body).expect(200);
		assertThat(office.put("/api/entities/" + id, body.replace("60", "70")).expect(409).code())
			.isEqualTo("CONCURRENT_MODIFICATION");
		assertThat(office.get("/api/entities/" + id).body().get("staffCount").asInt()).isEqualTo(60);
	}

	@Test
	void aBusinessUserSeesOnlyItsOwnEntityAndCannotReclassifyIt() {
		var business = ApiClient.signedIn(port, "lixia_biz");
		var me = business.get("/api/auth/me").expect(200).body();
		long own = me.get("scope").get("entityId").asLong();
		var page = business.get("/api/entities?size=500").expect(200).body();
		assertThat(page.get("total").asLong()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(own);
		long other = jdbc.sql("SELECT min(id) FROM supervised_entity WHERE id <> :id").param("id", own).query(Long.class).single();
		business.get("/api/entities/" + other).expect(404);
		var entity = business.get("/api/entities/" + own).body();
		String reclassified = form(entity.get("name").asString(), entity.get("uscc").asString(), "370102001", "IND075",
				entity.get("staffCount").asInt(), ",\"version\":" + entity.get("version").asInt())
			.replace("\"regionId\":" + regionId("370102001"), "\"regionId\":" + entity.get("regionId").asLong());
		business.put("/api/entities/" + own, reclassified).expect(403);
	}

	@Test
	void aDepartmentSeesTheEntitiesAssignedToIt() {
		var inspector = ApiClient.signedIn(port, "lixia_yj_inspector");
		long total = inspector.get("/api/entities?size=1").expect(200).body().get("total").asLong();
		long assigned = jdbc.sql("""
				SELECT count(DISTINCT a.entity_id) FROM entity_assignment a JOIN department d ON d.id = a.department_id
				WHERE d.name = '历下区应急管理局' AND a.ended_at IS NULL
				""").query(Long.class).single();
		assertThat(total).isEqualTo(assigned).isPositive();
	}

	@Test
	void theSummaryCountsEveryEntityInScopeOnceByDistrict() {
		var city = ApiClient.signedIn(port, "city_office");
		var pivot = city.get("/api/entities/summary?axis=social_function").expect(200).body();
		long all = jdbc.sql("SELECT count(*) FROM supervised_entity").query(Long.class).single();
		assertThat(pivot.get("total").asLong()).isEqualTo(all);
		assertThat(pivot.get("rows")).as("a row per district with entities").hasSize(jdbc.sql("""
				SELECT count(DISTINCT c.ancestor_id) FROM supervised_entity e JOIN region_closure c ON c.descendant_id = e.region_id
				JOIN region d ON d.id = c.ancestor_id AND d.level = 'DISTRICT'""").query(Integer.class).single());
		var lixia = ApiClient.signedIn(port, "lixia_office").get("/api/entities/summary?axis=industry").expect(200).body();
		assertThat(lixia.get("rows").get(0).get("regionName").asString()).endsWith("街道");
		assertThat(lixia.get("total").asLong()).isEqualTo(count("370102"));
	}

	@Test
	void anExpiredSafetyLicenceIsAnnouncedOnceWithTheInstantItExpired() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long id = create(office, "历下庚危化品经营有限公司", "370102004", "IND002", 40).get("id").asLong();
		((SimulatedClock) clock).freeze(Instant.parse("2031-03-10T04:00:00Z")); // 12:00 in Shanghai
		sweep.run(); // announce whatever the demo data has expired by then
		var licence = office.post("/api/entities/" + id + "/licences", """
				{"type":"HAZCHEM_OPERATION","number":"鲁危化经字[2031]001","issuer":"历下区应急局","validFrom":"2028-03-10","validTo":"2031-03-10"}
				""").expect(200).body();
		assertThat(licence.get("state").asString()).isEqualTo("EXPIRING");
		events.clear();
		assertThat(sweep.run()).isZero();

		((SimulatedClock) clock).freeze(Instant.parse("2031-03-10T15:59:59Z")); // 23:59:59 on the last valid day
		assertThat(sweep.run()).isZero();
		((SimulatedClock) clock).freeze(Instant.parse("2031-03-10T16:00:00Z")); // midnight: expired
		assertThat(sweep.run()).isEqualTo(1);
		var expired = events.of(LicenceExpired.class).toList();
		assertThat(expired).hasSize(1);
		assertThat(expired.get(0).entityId()).isEqualTo(id);
		assertThat(expired.get(0).expiredAt()).isEqualTo(Instant.parse("2031-03-10T16:00:00Z"));
		((SimulatedClock) clock).freeze(Instant.parse("2031-03-15T00:00:00Z"));
		assertThat(sweep.run()).as("announced once").isZero();
		assertThat(office.get("/api/licences?state=EXPIRED&size=500").body().toString()).contains("历下庚危化品经营有限公司");

		office.put("/api/entities/" + id + "/licences/" + licence.get("id").asLong(), """
				{"type":"HAZCHEM_OPERATION","number":"鲁危化经字[2031]001","issuer":"历下区应急局","validFrom":"2031-03-11","validTo":"2034-03-10"}
				""").expect(200);
		assertThat(events.of(LicenceRenewed.class).filter(e -> e.entityId() == id)).hasSize(1);
	}

	@Test
	void whenAnEntityMovesItsLicencesMoveWithIt() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var created = create(office, "历下辛搬迁有限公司", "370102001", "IND016", 30);
		long id = created.get("id").asLong();
		office.post("/api/entities/" + id + "/licences", "{\"type\":\"SAFETY_PRODUCTION\",\"number\":\"M1\",\"validTo\":\"2030-01-01\"}")
			.expect(200);
		office.put("/api/entities/" + id, form("历下辛搬迁有限公司", created.get("uscc").asString(), "370102002", "IND016", 30,
				",\"version\":" + created.get("version").asInt())).expect(200);
		assertThat(jdbc.sql("SELECT DISTINCT region_id FROM entity_licence WHERE entity_id = :id").param("id", id)
			.query(Long.class).list()).containsExactly(regionId("370102002"));
	}

	private long count(String regionCode) {
		return jdbc.sql("""
				SELECT count(*) FROM supervised_entity WHERE region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = :code))
				""").param("code", regionCode).query(Long.class).single();
	}

	private long regionId(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = :code").param("code", code).query(Long.class).single();
	}
}
