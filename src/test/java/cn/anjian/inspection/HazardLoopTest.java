package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.files.SampleFiles;
import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.support.DomainEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** One hazard through the loop with two accounts — the inspector's office and the business — over real HTTP. */
@AnjianTest
class HazardLoopTest {

	static final Instant T0 = Instant.parse("2030-06-01T01:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	DomainEvents events;

	ApiClient office;
	ApiClient business;
	long entity;

	@BeforeEach
	void accounts() {
		((SimulatedClock) clock).freeze(T0);
		office = ApiClient.signedIn(port, "lixia_office");
		business = ApiClient.signedIn(port, "lixia_biz");
		entity = business.get("/api/auth/me").expect(200).body().get("scope").get("entityId").asLong();
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void aGeneralHazardIsOrderedRectifiedFailedRectifiedAgainAndClosed() {
		long id = report("GENERAL", true);
		order(id, T0.plus(Duration.ofDays(15))).expect(200);
		assertThat(business.get("/api/hazards?state=RECTIFYING&size=100").expect(200).raw()).contains("消防通道堵塞");

		assertThat(business.post(action(id, "submit-rectification"), "{}").expect(400).body().toString()).contains("佐证");
		advance(Duration.ofMinutes(1));
		evidence(id);
		assertThat(state(business.post(action(id, "submit-rectification"), "{\"note\":\"已清理\"}").expect(200))).isEqualTo("SUBMITTED");

		Instant again = T0.plus(Duration.ofDays(20));
		advance(Duration.ofMinutes(1));
		var failed = office.post(action(id, "fail-reinspection"), "{\"deadline\":\"%s\",\"note\":\"仍有杂物\"}".formatted(again)).expect(200);
		assertThat(state(failed)).isEqualTo("RECTIFYING");
		assertThat(failed.body().get("deadline").asString()).isEqualTo(again.toString());
		assertThat(failed.body().get("originalDeadline").asString()).isEqualTo(T0.plus(Duration.ofDays(15)).toString());
		advance(Duration.ofMinutes(1));
		assertThat(business.post(action(id, "submit-rectification"), "{}").expect(400).code())
			.as("a resubmission needs new evidence").isEqualTo("VALIDATION_FAILED");
		advance(Duration.ofMinutes(1));
		evidence(id);
		business.post(action(id, "submit-rectification"), "{}").expect(200);
		assertThat(business.get("/api/hazards?open=true&size=500").expect(200).raw()).contains("\"id\":" + id + ",");
		assertThat(state(office.post(action(id, "pass-reinspection"), "{}").expect(200))).isEqualTo("CLOSED");
		assertThat(business.get("/api/hazards?open=true&size=500").expect(200).raw()).as("open = not yet closed")
			.doesNotContain("\"id\":" + id + ",");

		JsonNode detail = office.get("/api/hazards/" + id).expect(200).body();
		assertThat(detail.get("transitions")).extracting(t -> t.get("transition").asString()).containsExactly("REPORT",
				"ORDER_RECTIFICATION", "SUBMIT_RECTIFICATION", "FAIL_REINSPECTION", "SUBMIT_RECTIFICATION",
				"PASS_REINSPECTION");
		assertThat(detail.get("transitions").get(2).get("actorName").asString()).endsWith("安全员");
		assertThat(detail.get("attachments")).hasSize(2);
		assertThat(events.of(HazardTransitioned.class).filter(e -> e.hazardId() == id)).hasSize(6);
	}

	@Test
	void aSuspectedMajorHazardIsConfirmedBeforeItCanBeOrderedWithAFiveElementPlan() {
		long id = report("SUSPECTED_MAJOR", true);
		assertThat(order(id, T0.plus(Duration.ofDays(30))).expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(office.post(action(id, "confirm-major"), "{}").expect(200).body().get("level").asString()).isEqualTo("MAJOR");
		assertThat(order(id, T0.plus(Duration.ofDays(30))).expect(400).body().get("details").get(0).get("field").asString())
			.isEqualTo("plan");
		office.post(action(id, "order-rectification"), """
				{"type":"SUSPEND","deadline":"%s","plan":{"measures":"更换泄漏阀门","funds":"20万元","responsiblePerson":"张厂长","emergencyPlan":"泄漏处置方案"}}
				""".formatted(T0.plus(Duration.ofDays(30)))).expect(200);
	}

	@Test
	void aDowngradedSuspectedMajorHazardIsGeneral() {
		long id = report("SUSPECTED_MAJOR", false);
		assertThat(office.post(action(id, "downgrade"), "{}").expect(200).body().get("level").asString()).isEqualTo("GENERAL");
	}

	@Test
	void eachSideMayOnlyTakeItsOwnSteps() {
		long id = report("GENERAL", true);
		business.post(action(id, "order-rectification"), "{\"deadline\":\"%s\"}".formatted(T0.plus(Duration.ofDays(5)))).expect(403);
		order(id, T0.plus(Duration.ofDays(5))).expect(200);
		office.post(action(id, "submit-rectification"), "{}").expect(403);
		business.post(action(id, "pass-reinspection"), "{}").expect(403);
		business.post("/api/hazards", hazardJson("GENERAL", true)).expect(403);
		assertThat(jdbc.sql("SELECT state FROM hazard WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("RECTIFYING");
	}

	@Test
	void anApprovedExtensionMovesTheDeadlineAndKeepsTheOriginal() {
		long id = report("GENERAL", true);
		Instant due = T0.plus(Duration.ofDays(10));
		order(id, due).expect(200);
		Instant later = due.plus(Duration.ofDays(10));
		business.post(action(id, "apply-extension"), "{\"deadline\":\"%s\",\"reason\":\"设备采购周期长\"}".formatted(later)).expect(200);
		var approved = office.post(action(id, "approve-extension"), "{}").expect(200).body();
		assertThat(approved.get("deadline").asString()).isEqualTo(later.toString());
		assertThat(approved.get("originalDeadline").asString()).isEqualTo(due.toString());
		assertThat(approved.get("extensionReason").asString()).isEqualTo("设备采购周期长");
		assertThat(business.post(action(id, "apply-extension"), "{\"deadline\":\"%s\"}".formatted(later.plus(Duration.ofDays(5))))
			.expect(409).code()).isEqualTo("EXTENSION_ALREADY_USED");
	}

	@Test
	void anOverdueHazardIsListedAsSuchFromItsDeadline() {
		long id = report("GENERAL", true);
		Instant due = T0.plus(Duration.ofDays(3));
		order(id, due).expect(200);
		((SimulatedClock) clock).freeze(due.minusSeconds(1));
		assertThat(office.get("/api/hazards?overdue=true&size=500").expect(200).raw()).doesNotContain("\"id\":" + id + ",");
		((SimulatedClock) clock).freeze(due);
		assertThat(office.get("/api/hazards?overdue=true&size=500").expect(200).raw()).contains("\"id\":" + id + ",");
	}

	@Test
	void anotherDistrictNeitherSeesNorTouchesTheHazard() {
		long id = report("GENERAL", true);
		var other = ApiClient.signedIn(port, "shizhong_office");
		other.get("/api/hazards/" + id).expect(404);
		other.post(action(id, "order-rectification"), "{\"deadline\":\"%s\"}".formatted(T0.plus(Duration.ofDays(5)))).expect(404);
		assertThat(other.get("/api/hazards?size=500").expect(200).raw()).doesNotContain("消防通道堵塞");
		ApiClient.signedIn(port, "shizhong_biz").get("/api/hazards/" + id).expect(404);
	}

	private long report(String level, boolean reinspection) {
		return office.post("/api/hazards", hazardJson(level, reinspection)).expect(200).body().get("id").asLong();
	}

	private String hazardJson(String level, boolean reinspection) {
		return """
				{"entityId":%d,"description":"消防通道堵塞","location":"一号库房东侧","legalBasis":"《消防法》第二十八条",
				 "level":"%s","reinspectionRequired":%s}
				""".formatted(entity, level, reinspection);
	}

	private ApiClient.Response order(long id, Instant deadline) {
		return office.post(action(id, "order-rectification"), "{\"type\":\"DEADLINE\",\"deadline\":\"%s\"}".formatted(deadline));
	}

	private void evidence(long id) {
		business.upload("/api/hazards/" + id + "/attachments", Map.of("kind", "EVIDENCE"), "整改后.png", SampleFiles.png())
			.expect(200);
	}

	private void advance(Duration duration) {
		((SimulatedClock) clock).advance(duration);
	}

	private static String action(long id, String action) {
		return "/api/hazards/" + id + "/actions/" + action;
	}

	private static String state(ApiClient.Response response) {
		return response.body().get("state").asString();
	}
}
