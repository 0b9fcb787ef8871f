package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Deleting an inspection entered by mistake (unfinished, no hazard) or a plan nothing was done under — by its owner. */
@AnjianTest
class InspectionDeletionTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient inspector;
	ApiClient leader;
	long entity;
	long self;
	String yesterday;

	@BeforeEach
	void accounts() {
		inspector = ApiClient.signedIn(port, "lixia_yj_inspector");
		leader = ApiClient.signedIn(port, "lixia_yj_leader");
		entity = jdbc.sql("""
				SELECT min(a.entity_id) FROM entity_assignment a WHERE a.ended_at IS NULL
				AND a.department_id = (SELECT id FROM department WHERE name = '历下区应急管理局')
				""").query(Long.class).single();
		self = jdbc.sql("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector'").query(Long.class).single();
		yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
	}

	@Test
	void anUnfinishedInspectionWithoutHazardsIsDeletedByItsDepartmentAndTheLogKeepsItAsItWas() {
		long id = inspection();
		notFound(ApiClient.signedIn(port, "shizhong_yj_inspector").delete("/api/inspections/" + id));
		assertThat(ApiClient.signedIn(port, "lixia_office").delete("/api/inspections/" + id).expect(403).code())
			.as("the district office sees it but did not record it").isEqualTo("FORBIDDEN");
		assertThat(ApiClient.signedIn(port, "lixia_yj_inspector2").delete("/api/inspections/" + id).expect(204).status()).isEqualTo(204);
		notFound(inspector.get("/api/inspections/" + id));
		var logged = jdbc.sql("""
				SELECT before->'inspection'->>'entityId' AS entity, before::text AS text FROM operation_log
				WHERE action = 'INSPECTION_DELETE' AND target_id = :id
				""").param("id", String.valueOf(id)).query().singleRow();
		assertThat(logged.get("entity")).isEqualTo(String.valueOf(entity));
		assertThat((String) logged.get("text")).contains("钱监管员");
		notFound(inspector.delete("/api/inspections/" + id));
	}

	@Test
	void aFinishedInspectionOrOneThatRecordedAHazardIsKept() {
		long finished = inspection();
		inspector.put("/api/inspections/" + finished, "{\"findings\":\"未发现问题\",\"result\":\"PASSED\"}").expect(200);
		assertThat(inspector.delete("/api/inspections/" + finished).expect(409).code()).isEqualTo("INSPECTION_FINISHED");

		long withHazard = inspection();
		long item = inspector.get("/api/inspections/" + withHazard).expect(200).body().get("items").get(0).get("id").asLong();
		inspector.put("/api/inspections/" + withHazard, "{\"items\":[{\"id\":%d,\"outcome\":\"FAIL\"}]}".formatted(item)).expect(200);
		inspector.post("/api/inspections/" + withHazard + "/items/" + item + "/hazard", "{\"level\":\"GENERAL\"}").expect(200);
		assertThat(inspector.delete("/api/inspections/" + withHazard).expect(409).code()).isEqualTo("INSPECTION_HAS_HAZARDS");
		inspector.get("/api/inspections/" + withHazard).expect(200);
		inspector.get("/api/inspections/" + finished).expect(200);
	}

	@Test
	void aPlanIsDeletedOnlyWhileNoInspectionWasCarriedOutUnderIt() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		JsonNode plan = leader.post("/api/inspection-plans", "{\"name\":\"误建的计划\",\"year\":%d}".formatted(year)).expect(200).body();
		long unused = plan.get("plan").get("id").asLong();
		long used = leader.post("/api/inspection-plans", "{\"name\":\"已执行的计划\",\"year\":%d}".formatted(year)).expect(200).body()
			.get("plan").get("id").asLong();
		long planned = plan.get("entities").get(0).get("entityId").asLong();
		inspector.post("/api/inspections", """
				{"type":"ROUTINE","entityId":%d,"inspectorIds":[%d],"inspectedOn":"%s","planId":%d}
				""".formatted(planned, self, yesterday, used)).expect(200);

		notFound(ApiClient.signedIn(port, "shizhong_yj_leader").delete("/api/inspection-plans/" + unused));
		assertThat(leader.delete("/api/inspection-plans/" + used).expect(409).code()).isEqualTo("PLAN_HAS_INSPECTIONS");
		leader.get("/api/inspection-plans/" + used).expect(200);
		leader.delete("/api/inspection-plans/" + unused).expect(204);
		notFound(leader.get("/api/inspection-plans/" + unused));
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_plan_entity WHERE plan_id = :p").param("p", unused).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT before->'plan'->>'name' FROM operation_log WHERE action = 'INSPECTION_PLAN_DELETE' AND target_id = :id")
			.param("id", String.valueOf(unused)).query(String.class).single()).isEqualTo("误建的计划");
	}

	private long inspection() {
		long template = inspector.get("/api/checklist-templates").expect(200).body().get(0).get("id").asLong();
		return inspector.post("/api/inspections", """
				{"type":"SUPERVISION","entityId":%d,"inspectorIds":[%d],"inspectedOn":"%s","templateId":%d}
				""".formatted(entity, self, yesterday, template)).expect(200).body().get("inspection").get("id").asLong();
	}

	private static void notFound(ApiClient.Response response) {
		assertThat(response.expect(404).code()).isEqualTo("NOT_FOUND");
	}
}
