package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** 立案/处罚 over real HTTP: the case's state machine, a fine's initial and current amount, the blacklist, scope. */
@AnjianTest
class CaseTest {

	static final Instant T0 = Instant.parse("2033-05-01T02:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ApiClient office;
	long entity;

	@BeforeEach
	void setUp() {
		((SimulatedClock) clock).freeze(T0);
		office = ApiClient.signedIn(port, "lixia_office");
		entity = ApiClient.signedIn(port, "lixia_biz").get("/api/auth/me").expect(200).body().get("scope").get("entityId").asLong();
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void aCaseGoesFiledDecidedExecutedClosedAndNoStepCanBeSkippedOrRepeated() {
		long id = file(office);
		assertThat(state(office.get("/api/cases/" + id).expect(200).body())).isEqualTo("FILED");
		illegal(office.post(action(id, "execute"), "{}"));
		illegal(office.post(action(id, "close"), "{}"));
		assertThat(office.post(action(id, "decide"), "{\"penalties\":[]}").expect(400).code()).isEqualTo("VALIDATION_FAILED");
		assertThat(office.post(action(id, "decide"), "{\"penalties\":[{\"kind\":\"FINE\"}]}").expect(400).code())
			.as("a fine without an amount").isEqualTo("VALIDATION_FAILED");
		assertThat(office.post(action(id, "decide"), "{\"penalties\":[{\"kind\":\"SUSPEND\",\"amount\":5}]}").expect(400).code())
			.as("an amount on a suspension").isEqualTo("VALIDATION_FAILED");

		var decided = office.post(action(id, "decide"), DECISION).expect(200).body();
		assertThat(state(decided)).isEqualTo("DECIDED");
		assertThat(decided.get("penalties")).hasSize(2);
		illegal(office.post(action(id, "decide"), DECISION));
		illegal(office.post(action(id, "close"), "{}"));
		assertThat(state(office.post(action(id, "execute"), "{\"note\":\"罚款已缴清\"}").expect(200).body())).isEqualTo("EXECUTED");
		illegal(office.post(action(id, "execute"), "{}"));
		var closed = office.post(action(id, "close"), "{}").expect(200).body();
		assertThat(state(closed)).isEqualTo("CLOSED");
		assertThat(closed.get("transitions")).extracting(t -> t.get("transition").asString())
			.containsExactly("FILE", "DECIDE", "EXECUTE", "CLOSE");
		illegal(office.post(action(id, "decide"), DECISION));
	}

	@Test
	void aFiledCaseEndsWithoutPenaltyByADecisionOfNoPenaltyWithItsBasisAndReasonAndNoBlacklistEntry() {
		long id = file(office);
		assertThat(office.post(action(id, "no-penalty"), "{\"reason\":\"首违且危害后果轻微并及时改正\"}").expect(400).code())
			.as("no legal basis").isEqualTo("VALIDATION_FAILED");
		assertThat(office.post(action(id, "no-penalty"), "{\"basis\":\"《中华人民共和国行政处罚法》第三十三条\"}").expect(400).code())
			.as("no reason").isEqualTo("VALIDATION_FAILED");
		assertThat(state(office.get("/api/cases/" + id).expect(200).body())).as("bad input changes nothing").isEqualTo("FILED");

		var ended = office.post(action(id, "no-penalty"), NO_PENALTY).expect(200).body();
		assertThat(state(ended)).isEqualTo("NOT_PENALIZED");
		assertThat(ended.get("caseFile").get("closingBasis").asString()).isEqualTo("《中华人民共和国行政处罚法》第三十三条");
		assertThat(ended.get("caseFile").get("closingReason").asString()).isEqualTo("首违且危害后果轻微并及时改正");
		assertThat(ended.get("caseFile").get("closedAt").asString()).isEqualTo(T0.toString());
		assertThat(ended.get("transitions")).extracting(t -> t.get("transition").asString() + " " + t.get("toState").asString())
			.containsExactly("FILE FILED", "NO_PENALTY NOT_PENALIZED");
		assertThat(ended.get("penalties")).isEmpty();
		String number = ended.get("caseFile").get("caseNumber").asString();
		assertThat(blacklist(office, "all")).doesNotContain(number);
		for (String next : new String[] { "decide", "execute", "close", "withdraw", "no-penalty" }) {
			illegal(office.post(action(id, next), next.equals("decide") ? DECISION : WITHDRAWAL));
		}
		assertThat(logged("CASE_NO_PENALTY", id)).isEqualTo(1);
	}

	@Test
	void aFiledCaseIsWithdrawnWithAReasonAndNothingFollowsNorCanADecidedCaseBeWithdrawn() {
		long id = file(office);
		assertThat(office.post(action(id, "withdraw"), "{\"reason\":\"  \"}").expect(400).code()).isEqualTo("VALIDATION_FAILED");
		var withdrawn = office.post(action(id, "withdraw"), WITHDRAWAL).expect(200).body();
		assertThat(state(withdrawn)).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.get("caseFile").get("closingReason").asString()).isEqualTo("经调查违法事实不成立");
		assertThat(withdrawn.get("transitions").get(1).get("note").asString()).isEqualTo("经调查违法事实不成立");
		illegal(office.post(action(id, "decide"), DECISION));
		illegal(office.post(action(id, "no-penalty"), NO_PENALTY));
		assertThat(logged("CASE_WITHDRAW", id)).isEqualTo(1);
		assertThat(office.get("/api/cases?state=WITHDRAWN&size=500").expect(200).raw())
			.contains(withdrawn.get("caseFile").get("caseNumber").asString());

		long decided = file(office);
		office.post(action(decided, "decide"), DECISION).expect(200);
		illegal(office.post(action(decided, "withdraw"), WITHDRAWAL));
		illegal(office.post(action(decided, "no-penalty"), NO_PENALTY));
		assertThat(office.post(action(decided, "forgive"), "{}").expect(404).code()).isEqualTo("NOT_FOUND");
		notFound(ApiClient.signedIn(port, "shizhong_office").post(action(file(office), "withdraw"), WITHDRAWAL));
	}

	@Test
	void aFineKeepsItsInitialAmountAndEveryChangeWithItsReason() {
		long id = file(office);
		var decided = office.post(action(id, "decide"), DECISION).expect(200).body();
		long fine = fineOf(decided).get("id").asLong();
		String path = "/api/cases/" + id + "/penalties/" + fine + "/amount";
		assertThat(office.post(path, "{\"amount\":30000}").expect(400).code()).as("no reason").isEqualTo("VALIDATION_FAILED");
		assertThat(office.post(path, "{\"amount\":-1,\"reason\":\"x\"}").expect(400).code()).isEqualTo("VALIDATION_FAILED");
		office.post(path, "{\"amount\":30000,\"reason\":\"听证后减轻处罚\"}").expect(200);
		var after = office.post(path, "{\"amount\":20000,\"reason\":\"行政复议决定变更\"}").expect(200).body();
		assertThat(fineOf(after).get("initialAmount").decimalValue()).isEqualByComparingTo("50000");
		assertThat(fineOf(after).get("currentAmount").decimalValue()).isEqualByComparingTo("20000");
		assertThat(after.get("amountChanges")).extracting(c -> c.get("fromAmount").decimalValue().intValue() + "→"
				+ c.get("toAmount").decimalValue().intValue() + " " + c.get("reason").asString())
			.containsExactly("50000→30000 听证后减轻处罚", "30000→20000 行政复议决定变更");

		office.post(action(id, "execute"), "{}").expect(200);
		illegal(office.post(path, "{\"amount\":10000,\"reason\":\"执行后\"}"));
	}

	@Test
	void aDecisionPutsTheEntityOnTheBlacklistAndCreditRepairKeepsItsHistory() {
		long id = file(office);
		String number = office.get("/api/cases/" + id).expect(200).body().get("caseFile").get("caseNumber").asString();
		assertThat(blacklist(office, "true")).doesNotContain(number);
		office.post(action(id, "decide"), DECISION).expect(200);
		JsonNode entry = entryOf(office, id);
		assertThat(entry.get("entityId").asLong()).isEqualTo(entity);
		assertThat(entry.get("listedAt").asString()).isEqualTo(T0.toString());
		assertThat(entry.get("reason").asString()).contains("罚款").contains("停产停业整顿").contains(number);

		long entryId = entry.get("id").asLong();
		notFound(ApiClient.signedIn(port, "shizhong_office").post("/api/blacklist/" + entryId + "/repair", "{\"reason\":\"越权\"}"));
		assertThat(office.post("/api/blacklist/" + entryId + "/repair", "{}").expect(400).code()).isEqualTo("VALIDATION_FAILED");
		var repaired = office.post("/api/blacklist/" + entryId + "/repair", "{\"reason\":\"整改完成，信用修复\"}").expect(200).body();
		assertThat(repaired.get("removalReason").asString()).isEqualTo("整改完成，信用修复");
		assertThat(blacklist(office, "true")).doesNotContain(number);
		assertThat(blacklist(office, "false")).contains(number);
		assertThat(office.post("/api/blacklist/" + entryId + "/repair", "{\"reason\":\"再次\"}").expect(409).code()).isEqualTo("ALREADY_REMOVED");
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'BLACKLIST_REPAIR' AND target_id = :id")
			.param("id", String.valueOf(entryId)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCaseFiledFromAHazardNamesTheHazardsEntityAndIsListedWithTheHazard() {
		var department = ApiClient.signedIn(port, "lixia_yj_inspector");
		long hazard = department.post("/api/hazards", """
				{"entityId":%d,"description":"有限空间作业未审批","level":"GENERAL","reinspectionRequired":true,
				 "legalBasis":"《工贸企业有限空间作业安全规定》第十条"}
				""".formatted(entity)).expect(200).body().get("id").asLong();
		assertThat(office.get("/api/cases?hazardId=" + hazard).expect(200).body().get("total").asLong()).isZero();
		var filed = department.post("/api/cases", """
				{"hazardId":%d,"legalBasis":"《工贸企业有限空间作业安全规定》第十条","facts":"有限空间作业未审批"}
				""".formatted(hazard)).expect(200).body().get("caseFile");
		assertThat(filed.get("hazardId").asLong()).isEqualTo(hazard);
		assertThat(filed.get("entityId").asLong()).isEqualTo(entity);
		var listed = office.get("/api/cases?hazardId=" + hazard).expect(200).body();
		assertThat(listed.get("items")).extracting(c -> c.get("id").asLong()).containsExactly(filed.get("id").asLong());
		assertThat(listed.get("items").get(0).get("entityName").asString()).isEqualTo(filed.get("entityName").asString());

		var other = ApiClient.signedIn(port, "shizhong_office");
		notFound(other.post("/api/cases", "{\"hazardId\":%d,\"legalBasis\":\"x\",\"facts\":\"x\"}".formatted(hazard)));
		assertThat(other.get("/api/cases?hazardId=" + hazard).expect(200).body().get("total").asLong()).isZero();
	}

	@Test
	void caseNumbersAreSequentialPerIssuingDepartmentAndYear() {
		var department = ApiClient.signedIn(port, "lixia_yj_leader");
		long hazard = department.post("/api/hazards", """
				{"entityId":%d,"description":"违规储存危险化学品","level":"GENERAL","reinspectionRequired":true}
				""".formatted(entity)).expect(200).body().get("id").asLong();
		String first = number(department.post("/api/cases", caseJson("\"hazardId\":" + hazard)).expect(200).body());
		String second = number(department.post("/api/cases", caseJson("\"hazardId\":" + hazard)).expect(200).body());
		assertThat(first).matches("历下应急立〔2033〕\\d+号");
		assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
		assertThat(number(office.post("/api/cases", caseJson("\"entityId\":" + entity)).expect(200).body())).startsWith("历下安委立〔2033〕");
	}

	@Test
	void theReceivingDepartmentFilesACaseOnALeadOnceItHasAcceptedIt() {
		var street = ApiClient.signedIn(port, "lixia_street");
		var receiver = ApiClient.signedIn(port, "lixia_yj_inspector");
		long department = jdbc.sql("SELECT id FROM department WHERE name = '历下区应急管理局'").query(Long.class).single();
		long lead = street.post("/api/leads", "{\"entityId\":%d,\"description\":\"涉嫌无证经营\",\"receiverDepartmentId\":%d}"
			.formatted(entity, department)).expect(200).body().get("id").asLong();
		assertThat(receiver.post("/api/cases", caseJson("\"leadId\":" + lead)).expect(409).code()).isEqualTo("LEAD_NOT_ACCEPTED");
		receiver.post("/api/leads/" + lead + "/actions/accept", "{}").expect(200);
		assertThat(office.post("/api/cases", caseJson("\"leadId\":" + lead)).expect(409).code()).as("not the receiver")
			.isEqualTo("LEAD_NOT_ACCEPTED");
		var filed = receiver.post("/api/cases", caseJson("\"leadId\":" + lead)).expect(200).body().get("caseFile");
		assertThat(filed.get("leadId").asLong()).isEqualTo(lead);
		assertThat(filed.get("entityId").asLong()).isEqualTo(entity);
		assertThat(filed.get("caseNumber").asString()).startsWith("历下应急立〔2033〕");
	}

	@Test
	void anotherDistrictSeesNoneOfTheCasesNorTheirBlacklistEntries() {
		long id = file(office);
		office.post(action(id, "decide"), DECISION).expect(200);
		String number = office.get("/api/cases/" + id).expect(200).body().get("caseFile").get("caseNumber").asString();
		var other = ApiClient.signedIn(port, "shizhong_office");
		notFound(other.get("/api/cases/" + id));
		notFound(other.post(action(id, "execute"), "{}"));
		notFound(other.post("/api/cases", caseJson("\"entityId\":" + entity)));
		assertThat(other.get("/api/cases?size=500").expect(200).raw()).doesNotContain(number);
		assertThat(blacklist(other, "all")).doesNotContain(number);
		assertThat(state(office.get("/api/cases/" + id).expect(200).body())).as("unchanged").isEqualTo("DECIDED");
	}

	static final String DECISION = """
			{"penalties":[{"kind":"FINE","amount":50000},{"kind":"SUSPEND","detail":"停产停业整顿30日"}],"note":"处罚决定书已送达"}
			""";

	static final String NO_PENALTY = """
			{"basis":"《中华人民共和国行政处罚法》第三十三条","reason":"首违且危害后果轻微并及时改正"}
			""";

	static final String WITHDRAWAL = "{\"reason\":\"经调查违法事实不成立\"}";

	private long logged(String action, long caseId) {
		return jdbc.sql("SELECT count(*) FROM operation_log WHERE action = :a AND target_id = :id").param("a", action)
			.param("id", String.valueOf(caseId)).query(Long.class).single();
	}

	private long file(ApiClient client) {
		return client.post("/api/cases", caseJson("\"entityId\":" + entity)).expect(200).body().get("caseFile").get("id").asLong();
	}

	private static String caseJson(String subject) {
		return "{" + subject + ",\"legalBasis\":\"《中华人民共和国安全生产法》第一百零二条\",\"facts\":\"未采取措施消除事故隐患\"}";
	}

	private static String action(long id, String action) {
		return "/api/cases/" + id + "/actions/" + action;
	}

	private static String state(JsonNode detail) {
		return detail.get("caseFile").get("state").asString();
	}

	private static String number(JsonNode detail) {
		return detail.get("caseFile").get("caseNumber").asString();
	}

	private static int sequence(String number) {
		return Integer.parseInt(number.substring(number.indexOf('〕') + 1, number.length() - 1));
	}

	private static JsonNode fineOf(JsonNode detail) {
		for (JsonNode p : detail.get("penalties")) {
			if (p.get("kind").asString().equals("FINE")) {
				return p;
			}
		}
		throw new AssertionError("no fine in " + detail);
	}

	private static JsonNode entryOf(ApiClient client, long caseId) {
		for (JsonNode e : client.get("/api/blacklist?size=500").expect(200).body().get("items")) {
			if (e.get("caseId").asLong() == caseId) {
				return e;
			}
		}
		throw new AssertionError("case " + caseId + " not on the blacklist");
	}

	private static String blacklist(ApiClient client, String active) {
		return client.get("/api/blacklist?size=500&active=" + active).expect(200).raw();
	}

	private static void illegal(ApiClient.Response response) {
		assertThat(response.expect(409).code()).isEqualTo("ILLEGAL_TRANSITION");
	}

	private static void notFound(ApiClient.Response response) {
		assertThat(response.expect(404).code()).isEqualTo("NOT_FOUND");
	}
}
