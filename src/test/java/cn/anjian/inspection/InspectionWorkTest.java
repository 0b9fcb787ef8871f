package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.files.SampleFiles;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Inspections over real HTTP: templates, a record with a failed item turned into a hazard, a plan's coverage, draws. */
@AnjianTest
class InspectionWorkTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ApiClient inspector;
	ApiClient leader;
	long department;
	String today;

	@BeforeEach
	void accounts() {
		inspector = ApiClient.signedIn(port, "lixia_yj_inspector");
		leader = ApiClient.signedIn(port, "lixia_yj_leader");
		department = id("SELECT id FROM department WHERE name = '历下区应急管理局'");
		today = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
	}

	@Test
	void templatesAreReadByEveryGovernmentUserAndEditedOnlyByTheCity() {
		var office = ApiClient.signedIn(port, "lixia_office");
		JsonNode list = office.get("/api/checklist-templates?industry=IND001").expect(200).body();
		assertThat(list.get(0).get("name").asString()).isEqualTo("危险化学品企业安全检查表");
		long id = list.get(0).get("id").asLong();
		assertThat(office.get("/api/checklist-templates/" + id).expect(200).raw()).contains("《中华人民共和国安全生产法》第二十七条");
		String form = "{\"name\":\"燃气经营检查表\",\"industries\":[\"IND021\"],\"items\":[{\"content\":\"气瓶充装前检查\",\"legalBasis\":\"《城镇燃气管理条例》第二十八条\"}]}";
		office.post("/api/checklist-templates", form).expect(403);
		var city = ApiClient.signedIn(port, "city_office");
		long created = city.post("/api/checklist-templates", form).expect(200).body().get("id").asLong();
		city.put("/api/checklist-templates/" + created, form.replace("气瓶充装前检查", "气瓶充装前逐只检查")).expect(200);
		assertThat(office.get("/api/checklist-templates/" + created).expect(200).raw()).contains("逐只检查");
		city.put("/api/checklist-templates/" + created, form.replace("IND021", "NO_SUCH")).expect(400);
	}

	@Test
	void anInspectorRecordsAnInspectionAndTurnsAFailedItemIntoAHazardInOneStep() {
		long entity = assignedEntity(0);
		long colleague = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector2'");
		long self = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector'");
		long template = inspector.get("/api/checklist-templates").expect(200).body().get(3).get("id").asLong();
		JsonNode created = inspector.post("/api/inspections", """
				{"type":"SUPERVISION","entityId":%d,"inspectorIds":[%d,%d],"inspectedOn":"%s","templateId":%d}
				""".formatted(entity, self, colleague, today, template)).expect(200).body();
		long id = created.get("inspection").get("id").asLong();
		JsonNode items = created.get("items");
		assertThat(items.size()).isGreaterThan(3);
		assertThat(created.get("inspection").get("inspectorNames").asString()).contains("钱监管员").contains("韩监管员");

		List<String> fills = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			fills.add("{\"id\":%d,\"outcome\":\"%s\"%s}".formatted(items.get(i).get("id").asLong(), i == 1 ? "FAIL" : i == 2 ? "NA" : "PASS",
					i == 1 ? ",\"note\":\"仓库门口堆放纸箱\"" : ""));
		}
		String fill = "{\"findings\":\"一处不符合\",\"representativeName\":\"王厂长\",\"result\":\"%s\",\"items\":[" + String.join(",", fills) + "]}";
		assertThat(inspector.put("/api/inspections/" + id, fill.formatted("PASSED")).expect(400).raw()).contains("不能为合格");
		inspector.put("/api/inspections/" + id, fill.formatted("RECTIFICATION_ORDERED")).expect(200);
		inspector.upload("/api/inspections/" + id + "/photos", Map.of("itemId", items.get(1).get("id").asString()), "现场.png",
				SampleFiles.png()).expect(200);

		long passed = items.get(0).get("id").asLong();
		assertThat(inspector.post("/api/inspections/" + id + "/items/" + passed + "/hazard", "{\"level\":\"GENERAL\"}").expect(409).code())
			.isEqualTo("ITEM_NOT_FAILED");
		long failed = items.get(1).get("id").asLong();
		JsonNode hazard = inspector.post("/api/inspections/" + id + "/items/" + failed + "/hazard",
				"{\"level\":\"GENERAL\",\"reinspectionRequired\":true}").expect(200).body();
		assertThat(hazard.get("inspectionId").asLong()).isEqualTo(id);
		assertThat(hazard.get("state").asString()).isEqualTo("REPORTED");
		assertThat(hazard.get("description").asString()).contains("仓库门口堆放纸箱");
		assertThat(hazard.get("legalBasis").asString()).isEqualTo(items.get(1).get("legalBasis").asString());
		long hazardId = hazard.get("id").asLong();
		assertThat(jdbc.sql("SELECT count(*) FROM hazard_transition WHERE hazard_id = :h AND transition = 'REPORT'")
			.param("h", hazardId).query(Long.class).single()).as("the same first transition as a hazard reported directly")
			.isEqualTo(jdbc.sql("SELECT count(*) FROM hazard_transition WHERE hazard_id = :h").param("h", hazardId).query(Long.class).single())
			.isEqualTo(1);
		assertThat(inspector.post("/api/inspections/" + id + "/items/" + failed + "/hazard", "{\"level\":\"GENERAL\"}").expect(409).code())
			.isEqualTo("ITEM_HAS_HAZARD");

		JsonNode detail = inspector.get("/api/inspections/" + id).expect(200).body();
		assertThat(detail.get("items").get(1).get("hazardId").asLong()).isEqualTo(hazardId);
		assertThat(detail.get("photos").size()).isEqualTo(1);
		assertThat(detail.get("inspection").get("hazardCount").asInt()).isEqualTo(1);
		assertThat(inspector.get("/api/inspections/" + id + "/hazards").expect(200).body().get(0).get("id").asLong()).isEqualTo(hazardId);
		assertThat(inspector.get("/api/hazards/" + hazardId).expect(200).body().get("hazard").get("inspectionId").asLong()).isEqualTo(id);
		assertThat(inspector.get("/api/inspections?entityId=" + entity).expect(200).raw()).contains("\"id\":" + id + ",");
		assertThat(inspector.put("/api/inspections/" + id, fill.formatted("RECTIFICATION_ORDERED").replace("\"FAIL\"", "\"PASS\"")).expect(409).code())
			.as("an item with a hazard stays failed").isEqualTo("ITEM_HAS_HAZARD");
	}

	@Test
	void onlyTheCallersOwnStaffCanBeNamedAsInspectorsAndOnlyEntitiesInScopeInspected() {
		long entity = assignedEntity(0);
		long foreign = id("SELECT id FROM app_user WHERE username = 'shizhong_yj_inspector'");
		inspector.post("/api/inspections", """
				{"type":"ROUTINE","entityId":%d,"inspectorIds":[%d],"inspectedOn":"%s"}
				""".formatted(entity, foreign, today)).expect(400);
		long entityB = id("SELECT min(entity_id) FROM entity_assignment WHERE department_id = (SELECT id FROM department WHERE name = '市中区应急管理局')");
		long self = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector'");
		inspector.post("/api/inspections", """
				{"type":"ROUTINE","entityId":%d,"inspectorIds":[%d],"inspectedOn":"%s"}
				""".formatted(entityB, self, today)).expect(404);
		assertThat(inspector.get("/api/inspections/staff").expect(200).raw()).contains("钱监管员").doesNotContain("市中区");
	}

	@Test
	void aPlanCoversTheDepartmentsAssignedEntitiesAndCountsThoseInspectedInItsPeriod() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		long supervised = jdbc.sql("""
				SELECT count(DISTINCT a.entity_id) FROM entity_assignment a JOIN supervised_entity e ON e.id = a.entity_id
				WHERE a.department_id = :d AND a.ended_at IS NULL AND e.status <> 'CANCELLED'
				""").param("d", department).query(Long.class).single();
		JsonNode plan = leader.post("/api/inspection-plans", "{\"name\":\"测试年度计划\",\"year\":%d,\"timesPerPeriod\":2}".formatted(year))
			.expect(200).body();
		long planId = plan.get("plan").get("id").asLong();
		assertThat(plan.get("plan").get("planned").asLong()).isEqualTo(supervised);
		assertThat(plan.get("plan").get("supervised").asLong()).isEqualTo(supervised);
		long doneBefore = plan.get("plan").get("done").asLong();
		JsonNode notYet = null;
		for (JsonNode e : plan.get("entities")) {
			if (e.get("inspections").asInt() == 0) {
				notYet = e;
				break;
			}
		}
		assertThat(notYet).isNotNull();
		long self = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector'");
		inspector.post("/api/inspections", """
				{"type":"ROUTINE","entityId":%d,"inspectorIds":[%d],"inspectedOn":"%s","planId":%d}
				""".formatted(notYet.get("entityId").asLong(), self, today, planId)).expect(200);
		JsonNode after = leader.get("/api/inspection-plans/" + planId).expect(200).body();
		assertThat(after.get("plan").get("done").asLong()).isEqualTo(doneBefore + 1);
		leader.put("/api/inspection-plans/" + planId + "/entities/" + notYet.get("id").asLong(),
				"{\"timesPerPeriod\":4,\"inspectorIds\":[%d]}".formatted(self)).expect(200);
		var other = ApiClient.signedIn(port, "shizhong_yj_leader");
		assertThat(other.get("/api/inspection-plans/" + planId).expect(404).code()).isEqualTo("NOT_FOUND");
		assertThat(other.get("/api/inspection-plans?size=500").expect(200).raw()).doesNotContain("测试年度计划");
	}

	@Test
	void aDrawIsReproducibleFromItsSeedAndNeverSendsAConflictedOrLastTimeInspector() {
		long entity = assignedEntity(1);
		long region = id("SELECT region_id FROM supervised_entity WHERE id = " + entity);
		long self = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector'");
		long second = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector2'");
		long conflicted = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector3'");
		inspector.post("/api/inspections", """
				{"type":"ENFORCEMENT","entityId":%d,"inspectorIds":[%d,%d],"inspectedOn":"%s"}
				""".formatted(entity, self, second, today)).expect(200);
		leader.post("/api/inspection-conflicts", "{\"userId\":%d,\"entityId\":%d,\"reason\":\"配偶在该单位任职\"}".formatted(conflicted, entity))
			.expect(200);
		leader.post("/api/inspection-conflicts", "{\"userId\":%d,\"entityId\":%d,\"reason\":\"重复\"}".formatted(conflicted, entity))
			.expect(409);
		int pool = leader.post("/api/draws", draw(region, 1, 2, 1L)).expect(200).body().get("draw").get("poolSize").asInt();
		assertThat(pool).isBetween(1, 100);

		JsonNode first = leader.post("/api/draws", draw(region, pool, 2, 7L)).expect(200).body();
		JsonNode again = leader.post("/api/draws", draw(region, pool, 2, 7L)).expect(200).body();
		assertThat(again.get("results").toString()).isEqualTo(first.get("results").toString());
		for (long seed = 100; seed < 120; seed++) {
			JsonNode results = leader.post("/api/draws", draw(region, pool, 2, seed)).expect(200).body().get("results");
			for (JsonNode r : results) {
				List<Long> ids = new ArrayList<>();
				r.get("inspectorIds").forEach(i -> ids.add(i.asLong()));
				assertThat(ids).hasSize(2).doesNotHaveDuplicates();
				if (r.get("entityId").asLong() == entity) {
					assertThat(ids).as("seed %d", seed).doesNotContain(conflicted, self, second);
				}
			}
		}
		String refused = leader.post("/api/draws", """
				{"name":"人员不足","regionId":%d,"entityCount":%d,"inspectorsPerEntity":2,"inspectorIds":[%d,%d,%d],"seed":1}
				""".formatted(region, pool, self, second, conflicted)).expect(409).raw();
		assertThat(refused).contains("NOT_ENOUGH_INSPECTORS").contains("回避");
		leader.post("/api/draws", draw(region, pool + 1, 2, 1L)).expect(409);
	}

	@Test
	void aPublishedDrawIsListedForTheTerritoryAndExported() {
		long region = id("SELECT id FROM region WHERE code = '370102'");
		long id = leader.post("/api/draws", draw(region, 2, 2, 99L)).expect(200).body().get("draw").get("id").asLong();
		var office = ApiClient.signedIn(port, "lixia_office");
		assertThat(office.get("/api/draws/published?size=50").expect(200).raw()).doesNotContain("\"id\":" + id + ",");
		leader.post("/api/draws/" + id + "/publish", null).expect(200);
		leader.post("/api/draws/" + id + "/publish", null).expect(409);
		assertThat(office.get("/api/draws/published?size=50").expect(200).raw()).contains("\"id\":" + id + ",");
		assertThat(ApiClient.signedIn(port, "shizhong_office").get("/api/draws/published?size=50").expect(200).raw())
			.doesNotContain("\"id\":" + id + ",");
		assertThat(leader.get("/api/draws/" + id + "/export.xlsx").expect(200).bytes().length).isGreaterThan(1000);
	}

	@Test
	void aPublishedDrawBecomesOneTaskPerEntityForItsPairedInspectorsOnlyOnceAndOnlyInItsOwnUnit() {
		long region = id("SELECT id FROM region WHERE code = '370102'");
		long id = leader.post("/api/draws", draw(region, 2, 2, 31L)).expect(200).body().get("draw").get("id").asLong();
		String planned = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(3).toString();
		String tasks = "{\"type\":\"SUPERVISION\",\"plannedOn\":\"%s\"}".formatted(planned);
		assertThat(leader.post("/api/draws/" + id + "/inspections", tasks).expect(409).code()).isEqualTo("DRAW_NOT_PUBLISHED");
		leader.post("/api/draws/" + id + "/publish", null).expect(200);
		inspector.post("/api/draws/" + id + "/inspections", tasks).expect(403);
		assertThat(ApiClient.signedIn(port, "shizhong_yj_leader").post("/api/draws/" + id + "/inspections", tasks)
			.expect(404).code()).isEqualTo("NOT_FOUND");
		leader.post("/api/draws/" + id + "/inspections", tasks.replace(planned, today)).expect(400);
		leader.post("/api/draws/" + id + "/inspections", tasks.replace("SUPERVISION", "RE_INSPECTION")).expect(400);

		JsonNode results = leader.post("/api/draws/" + id + "/inspections", tasks).expect(200).body().get("results");
		assertThat(results).hasSize(2);
		for (JsonNode r : results) {
			assertThat(r.get("inspectionResult").isNull()).isTrue();
			JsonNode task = leader.get("/api/inspections/" + r.get("inspectionId").asLong()).expect(200).body();
			assertThat(task.get("inspection").get("drawId").asLong()).isEqualTo(id);
			assertThat(task.get("inspection").get("entityId").asLong()).isEqualTo(r.get("entityId").asLong());
			assertThat(task.get("inspection").get("type").asString()).isEqualTo("SUPERVISION");
			assertThat(task.get("inspection").get("inspectedOn").asString()).isEqualTo(planned);
			assertThat(task.get("inspection").get("result").isNull()).isTrue();
			List<Long> inspectors = new ArrayList<>();
			task.get("inspectors").forEach(i -> inspectors.add(i.get("id").asLong()));
			List<Long> paired = new ArrayList<>();
			r.get("inspectorIds").forEach(i -> paired.add(i.asLong()));
			assertThat(inspectors).containsExactlyInAnyOrderElementsOf(paired);
		}
		assertThat(leader.get("/api/draws/" + id).expect(200).body().get("results").toString())
			.isEqualTo(results.toString());
		assertThat(leader.post("/api/draws/" + id + "/inspections", tasks).expect(409).code()).isEqualTo("DRAW_TASKS_EXIST");
		assertThat(id("SELECT count(*) FROM inspection WHERE draw_id = " + id)).isEqualTo(2);
		assertThat(id("SELECT count(*) FROM operation_log WHERE action = 'DRAW_INSPECTIONS_CREATE' AND target_id = '" + id + "'"))
			.isEqualTo(1);

		long firstTask = results.get(0).get("inspectionId").asLong();
		long assignee = results.get(0).get("inspectorIds").get(0).asLong();
		String mine = ApiClient.signedIn(port, username(assignee)).get("/api/inspections?mine=true&size=100").expect(200).raw();
		assertThat(mine).contains("\"id\":" + firstTask + ",");
		long notAssigned = id("SELECT u.id FROM app_user u WHERE u.username LIKE 'lixia_yj_inspector%' AND NOT EXISTS"
				+ " (SELECT 1 FROM inspection_inspector x WHERE x.inspection_id = " + firstTask + " AND x.user_id = u.id)"
				+ " ORDER BY u.id LIMIT 1");
		assertThat(ApiClient.signedIn(port, username(notAssigned)).get("/api/inspections?mine=true&size=100").expect(200).raw())
			.doesNotContain("\"id\":" + firstTask + ",");
	}

	String username(long userId) {
		return jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class).single();
	}

	static String draw(long region, int count, int per, long seed) {
		return "{\"name\":\"测试抽查\",\"regionId\":%d,\"entityCount\":%d,\"inspectorsPerEntity\":%d,\"seed\":%d}"
			.formatted(region, count, per, seed);
	}

	/** The n-th entity the department supervises (by id) that the demo did not inspect. */
	long assignedEntity(int n) {
		return jdbc.sql("""
				SELECT DISTINCT a.entity_id FROM entity_assignment a JOIN supervised_entity e ON e.id = a.entity_id
				WHERE a.department_id = :d AND a.ended_at IS NULL AND e.status <> 'CANCELLED'
				  AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.entity_id = a.entity_id)
				ORDER BY a.entity_id OFFSET :n LIMIT 1
				""").param("d", department).param("n", n).query(Long.class).single();
	}

	long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
