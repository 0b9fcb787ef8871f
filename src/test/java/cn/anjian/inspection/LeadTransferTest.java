package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.files.SampleFiles;
import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.warning.WarningEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 违法线索移交 over real HTTP: only the receiving department accepts or returns, the sender transfers again after a
 * return, a third district sees nothing; and ladder (十七) of seed 003 §六 counted from the transfer, pinned with the
 * clock, stopped by acceptance at any step.
 */
@AnjianTest
class LeadTransferTest {

	static final Instant T0 = Instant.parse("2032-03-01T02:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	WarningEngine engine;

	ApiClient street;
	ApiClient receiver;
	long entity;

	@BeforeEach
	void setUp() {
		at(T0);
		street = ApiClient.signedIn(port, "lixia_street");
		receiver = ApiClient.signedIn(port, "lixia_yj_inspector");
		entity = jdbc.sql("""
				SELECT min(e.id) FROM supervised_entity e WHERE e.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102001'))
				""").query(Long.class).single();
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void theReceivingDepartmentAcceptsAndNobodyElseCan() {
		long lead = transfer(street, "历下区应急管理局");
		assertThat(street.post(action(lead, "accept"), "{}").expect(403).code()).as("the sender").isEqualTo("FORBIDDEN");
		notFound(ApiClient.signedIn(port, "shizhong_yj_leader").post(action(lead, "accept"), "{}"));
		notFound(ApiClient.signedIn(port, "city_yj_leader").post(action(lead, "accept"), "{}"));

		var accepted = receiver.post(action(lead, "accept"), "{\"note\":\"已受理，安排执法检查\"}").expect(200).body();
		assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(receiver.post(action(lead, "return"), "{\"reason\":\"晚了\"}").expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");
		var detail = street.get("/api/leads/" + lead).expect(200).body();
		assertThat(detail.get("hops").get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
		assertThat(detail.get("hops").get(0).get("note").asString()).isEqualTo("已受理，安排执法检查");
	}

	@Test
	void aDepartmentThatSentALeadCannotAcceptItItself() {
		var sender = ApiClient.signedIn(port, "lixia_yj_leader");
		long lead = transfer(sender, "历下区住房和城乡建设局");
		assertThat(sender.post(action(lead, "accept"), "{}").expect(403).code()).isEqualTo("FORBIDDEN");
		assertThat(sender.get("/api/leads?box=SENT&size=500").expect(200).raw()).contains("\"id\":" + lead + ",");
	}

	@Test
	void theSenderSeesItsLeadTheReceiverItsInboxAndAThirdDistrictNothing() {
		long lead = transfer(street, "历下区应急管理局");
		assertThat(street.get("/api/leads?box=SENT&size=500").expect(200).raw()).contains("\"id\":" + lead + ",");
		assertThat(receiver.get("/api/leads?box=RECEIVED&state=TRANSFERRED&size=500").expect(200).raw()).contains("\"id\":" + lead + ",");
		assertThat(ApiClient.signedIn(port, "lixia_office").get("/api/leads?size=500").expect(200).raw()).contains("\"id\":" + lead + ",");
		var other = ApiClient.signedIn(port, "shizhong_office");
		notFound(other.get("/api/leads/" + lead));
		assertThat(other.get("/api/leads?size=500").expect(200).raw()).doesNotContain("\"id\":" + lead + ",");
		var otherDepartment = ApiClient.signedIn(port, "shizhong_yj_inspector");
		notFound(otherDepartment.get("/api/leads/" + lead));
		assertThat(otherDepartment.get("/api/leads?box=RECEIVED&size=500").expect(200).raw()).doesNotContain("\"id\":" + lead + ",");
	}

	@Test
	void aSenderCanNameOnlyDepartmentsWithinItsReach() {
		assertThat(street.get("/api/leads/receivers").expect(200).raw()).contains("历下区应急管理局").contains("市应急管理局")
			.doesNotContain("市中区");
		notFound(street.post("/api/leads", leadJson(entity, department("市中区应急管理局"))));
		long foreignEntity = jdbc.sql("""
				SELECT min(e.id) FROM supervised_entity e WHERE e.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				""").query(Long.class).single();
		notFound(street.post("/api/leads", leadJson(foreignEntity, department("历下区应急管理局"))));
		assertThat(ApiClient.signedIn(port, "city_office").get("/api/leads/receivers").expect(200).raw()).contains("市中区应急管理局");
	}

	@Test
	void anUnregisteredBusinessIsNamedWithAddressAndRegionAndEvidenceIsAttached() {
		long region = jdbc.sql("SELECT id FROM region WHERE code = '370102001'").query(Long.class).single();
		long lead = street.post("/api/leads", """
				{"subjectName":"无证小作坊","subjectAddress":"解放路 88 号","regionId":%d,"description":"无证生产烟花爆竹",
				 "legalBasis":"《烟花爆竹安全管理条例》第三十六条","receiverDepartmentId":%d}
				""".formatted(region, department("历下区应急管理局"))).expect(200).body().get("id").asLong();
		street.upload("/api/leads/" + lead + "/attachments", Map.of(), "现场.png", SampleFiles.png()).expect(200);
		var detail = receiver.get("/api/leads/" + lead).expect(200).body();
		assertThat(detail.get("lead").get("subjectName").asString()).isEqualTo("无证小作坊");
		assertThat(detail.get("attachments")).hasSize(1);
		long attachment = detail.get("attachments").get(0).get("id").asLong();
		receiver.get("/api/leads/" + lead + "/attachments/" + attachment + "/content").expect(200);
		notFound(ApiClient.signedIn(port, "shizhong_office").get("/api/leads/" + lead + "/attachments/" + attachment + "/content"));
	}

	@Test
	void aReturnNeedsAReasonGoesBackToTheSenderWhoTransfersAgainOnANewClock() {
		long lead = transfer(street, "历下区应急管理局");
		at(T0.plus(Duration.ofHours(100)));
		engine.sweep();
		assertThat(steps(lead)).containsExactly("1:1 DISTRICT SUPERVISE " + T0.plus(Duration.ofHours(72)));
		assertThat(receiver.post(action(lead, "return"), "{}").expect(400).code()).isEqualTo("VALIDATION_FAILED");
		var returned = receiver.post(action(lead, "return"), "{\"reason\":\"不属于本部门职责，属建筑施工领域\"}").expect(200).body();
		assertThat(returned.get("state").asString()).isEqualTo("RETURNED");
		assertThat(warningStates(lead)).containsExactly("RESOLVED");
		assertThat(receiver.post(action(lead, "transfer-again"), "{\"receiverDepartmentId\":%d}".formatted(department("历下区住房和城乡建设局")))
			.expect(403).code()).as("the receiver does not re-route").isEqualTo("FORBIDDEN");

		Instant again = T0.plus(Duration.ofHours(101));
		at(again);
		var moved = street.post(action(lead, "transfer-again"), "{\"receiverDepartmentId\":%d}".formatted(department("历下区住房和城乡建设局")))
			.expect(200).body();
		assertThat(moved.get("state").asString()).isEqualTo("TRANSFERRED");
		assertThat(moved.get("receiverDepartmentName").asString()).isEqualTo("历下区住房和城乡建设局");
		assertThat(receiver.post(action(lead, "accept"), "{}").expect(403).code()).as("the former receiver").isEqualTo("FORBIDDEN");
		assertThat(receiver.get("/api/leads/" + lead).expect(200).body().get("hops")).hasSize(2);

		at(again.plus(Duration.ofHours(71)).plus(Duration.ofMinutes(59)));
		engine.sweep();
		assertThat(warningStates(lead)).containsExactly("RESOLVED", "ACTIVE");
		assertThat(steps(lead)).as("the new clock has not reached 72 h").hasSize(1);
		at(again.plus(Duration.ofHours(72)));
		engine.sweep();
		assertThat(steps(lead)).last().isEqualTo("2:1 DISTRICT SUPERVISE " + again.plus(Duration.ofHours(72)));
	}

	@Test
	void aLeadFromAStreetClimbsTheDistrictLadderFromItsTransfer() {
		long lead = transfer(street, "历下区应急管理局");
		at(T0.plus(Duration.ofHours(71)).plus(Duration.ofMinutes(59)));
		engine.sweep();
		assertThat(steps(lead)).isEmpty();
		at(T0.plus(Duration.ofHours(72)));
		engine.sweep();
		assertThat(steps(lead)).containsExactly("1:1 DISTRICT SUPERVISE " + T0.plus(Duration.ofHours(72)));
		at(T0.plus(Duration.ofHours(143)).plus(Duration.ofMinutes(59)));
		engine.sweep();
		assertThat(steps(lead)).hasSize(1);
		at(T0.plus(Duration.ofHours(144)));
		engine.sweep();
		assertThat(steps(lead)).last().isEqualTo("1:2 CITY SUPERVISE " + T0.plus(Duration.ofHours(144)));
		at(T0.plus(Duration.ofHours(216)));
		engine.sweep();
		assertThat(steps(lead)).last().isEqualTo("1:3 CITY NOTICE " + T0.plus(Duration.ofHours(216)));
		at(T0.plus(Duration.ofDays(30)));
		engine.sweep();
		assertThat(steps(lead)).hasSize(3);
	}

	@Test
	void aLeadFromTheCityClimbsTheCityLadder() {
		var city = ApiClient.signedIn(port, "city_office");
		long lead = transfer(city, "市应急管理局");
		at(T0.plus(Duration.ofHours(71)).plus(Duration.ofMinutes(59)));
		engine.sweep();
		assertThat(steps(lead)).isEmpty();
		at(T0.plus(Duration.ofHours(72)));
		engine.sweep();
		assertThat(steps(lead)).containsExactly("1:1 CITY SUPERVISE " + T0.plus(Duration.ofHours(72)));
		at(T0.plus(Duration.ofHours(144)));
		engine.sweep();
		assertThat(steps(lead)).last().isEqualTo("1:2 CITY NOTICE " + T0.plus(Duration.ofHours(144)));
		at(T0.plus(Duration.ofDays(30)));
		engine.sweep();
		assertThat(steps(lead)).hasSize(2);
	}

	/** seed 003 §六(十七): the ladder follows who transferred the lead ("区县和街道移交的违法线索"), not who received it. */
	@Test
	void aStreetsLeadToACityDepartmentStillClimbsTheDistrictLadder() {
		long lead = transfer(street, "市应急管理局");
		at(T0.plus(Duration.ofHours(72)));
		engine.sweep();
		assertThat(steps(lead)).containsExactly("1:1 DISTRICT SUPERVISE " + T0.plus(Duration.ofHours(72)));
		var cityReceiver = ApiClient.signedIn(port, "city_yj_liaison");
		assertThat(cityReceiver.get("/api/warnings?kind=LEAD_UNHANDLED&size=500").expect(200).raw()).contains("\"subjectId\":" + lead + ",");
		cityReceiver.post(action(lead, "accept"), "{}").expect(200);
	}

	@Test
	void acceptanceAtAnyStepStopsTheClimb() {
		int[] stepHours = { 0, 72, 144, 216 };
		for (int reached = 0; reached < stepHours.length; reached++) {
			at(T0);
			long lead = transfer(street, "历下区应急管理局");
			Instant acceptedAt = T0.plus(Duration.ofHours(stepHours[reached])).plus(Duration.ofMinutes(1));
			at(acceptedAt);
			engine.sweep();
			receiver.post(action(lead, "accept"), "{}").expect(200);
			assertThat(warningStates(lead)).containsExactly("RESOLVED");
			at(T0.plus(Duration.ofDays(30)));
			engine.sweep();
			assertThat(steps(lead)).as("accepted after %d steps", reached).hasSize(reached);
		}
	}

	@Test
	void theSenderCorrectsALeadWhileItWaitsButNotOnceAcceptedAndNobodyElseMay() {
		long lead = transfer(street, "历下区应急管理局");
		String edit = "{\"description\":\"涉嫌未取得许可经营危险化学品（仓库在后院）\",\"legalBasis\":\"《危险化学品安全管理条例》第七十七条第一款\"}";
		assertThat(receiver.put("/api/leads/" + lead, edit).expect(403).code()).as("the receiver").isEqualTo("FORBIDDEN");
		notFound(ApiClient.signedIn(port, "shizhong_office").put("/api/leads/" + lead, edit));
		assertThat(street.put("/api/leads/" + lead, "{\"description\":\" \"}").expect(400).code()).isEqualTo("VALIDATION_FAILED");
		var edited = street.put("/api/leads/" + lead, edit).expect(200).body();
		assertThat(edited.get("description").asString()).isEqualTo("涉嫌未取得许可经营危险化学品（仓库在后院）");
		assertThat(edited.get("legalBasis").asString()).endsWith("第一款");
		assertThat(edited.get("state").asString()).isEqualTo("TRANSFERRED");
		assertThat(logged("LEAD_EDIT", lead)).isEqualTo(1);

		receiver.post(action(lead, "accept"), "{}").expect(200);
		assertThat(street.put("/api/leads/" + lead, edit).expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(street.post(action(lead, "withdraw"), "{\"reason\":\"晚了\"}").expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");

		long returned = transfer(street, "历下区应急管理局");
		receiver.post(action(returned, "return"), "{\"reason\":\"不属本部门\"}").expect(200);
		assertThat(street.put("/api/leads/" + returned, edit).expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(street.post(action(returned, "withdraw"), "{\"reason\":\"x\"}").expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void aWithdrawnLeadStopsItsWarningAndCanNoLongerBeAccepted() {
		long lead = transfer(street, "历下区应急管理局");
		at(T0.plus(Duration.ofHours(80)));
		engine.sweep();
		assertThat(steps(lead)).containsExactly("1:1 DISTRICT SUPERVISE " + T0.plus(Duration.ofHours(72)));
		assertThat(receiver.post(action(lead, "withdraw"), "{\"reason\":\"x\"}").expect(403).code()).as("the receiver").isEqualTo("FORBIDDEN");
		assertThat(street.post(action(lead, "withdraw"), "{}").expect(400).code()).isEqualTo("VALIDATION_FAILED");
		assertThat(warningStates(lead)).as("refusals change nothing").containsExactly("ACTIVE");

		var withdrawn = street.post(action(lead, "withdraw"), "{\"reason\":\"经核实线索有误\"}").expect(200).body();
		assertThat(withdrawn.get("state").asString()).isEqualTo("WITHDRAWN");
		assertThat(warningStates(lead)).containsExactly("RESOLVED");
		var hop = street.get("/api/leads/" + lead).expect(200).body().get("hops").get(0);
		assertThat(hop.get("outcome").asString() + " " + hop.get("note").asString()).isEqualTo("WITHDRAWN 经核实线索有误");
		assertThat(logged("LEAD_WITHDRAW", lead)).isEqualTo(1);
		assertThat(receiver.post(action(lead, "accept"), "{}").expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(street.post(action(lead, "withdraw"), "{\"reason\":\"再次\"}").expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");

		at(T0.plus(Duration.ofDays(30)));
		engine.sweep();
		assertThat(steps(lead)).as("no further step once withdrawn").hasSize(1);
	}

	private long logged(String action, long lead) {
		return jdbc.sql("SELECT count(*) FROM operation_log WHERE action = :a AND target_id = :id").param("a", action)
			.param("id", String.valueOf(lead)).query(Long.class).single();
	}

	private long transfer(ApiClient sender, String departmentName) {
		return sender.post("/api/leads", leadJson(entity, department(departmentName))).expect(200).body().get("id").asLong();
	}

	private static String leadJson(long entityId, long departmentId) {
		return """
				{"entityId":%d,"description":"涉嫌未取得许可从事危险化学品经营","legalBasis":"《危险化学品安全管理条例》第七十七条",
				 "receiverDepartmentId":%d}
				""".formatted(entityId, departmentId);
	}

	private long department(String name) {
		return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
	}

	private static String action(long lead, String action) {
		return "/api/leads/" + lead + "/actions/" + action;
	}

	private static void notFound(ApiClient.Response response) {
		assertThat(response.expect(404).code()).isEqualTo("NOT_FOUND");
	}

	/** "warning:step screen action due", the lead's warnings numbered from 1 in the order they were opened. */
	private List<String> steps(long lead) {
		return jdbc.sql("""
				SELECT dense_rank() OVER (ORDER BY w.id) || ':' || s.step_no || ' ' || s.screen_level || ' ' || s.action, s.due_at
				FROM warning_step s JOIN warning w ON w.id = s.warning_id
				WHERE w.subject_type = 'lead' AND w.subject_id = :s ORDER BY w.id, s.step_no
				""").param("s", lead)
			.query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant()).list();
	}

	private List<String> warningStates(long lead) {
		return jdbc.sql("SELECT state FROM warning WHERE subject_type = 'lead' AND subject_id = :s ORDER BY id")
			.param("s", lead).query(String.class).list();
	}

	private void at(Instant instant) {
		((SimulatedClock) clock).freeze(instant);
	}
}
