package cn.anjian.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.files.SampleFiles;
import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.warning.Trigger.Kind;
import cn.anjian.warning.Trigger.OriginLevel;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What each step sets in motion (seed 003 §六): a 督办单 for 督办, a 通报 entry for 通报, a confirmation task for 通知确认 —
 * each exactly once — and the work on them: the addressee answers, its liaison routes, the issuing office reviews, the
 * city office compiles the 通报. Nobody sees another territory's or another department's orders.
 */
@AnjianTest
class WarningActionsTest {

	static final Instant T0 = Instant.parse("2034-03-01T02:00:00Z");
	static final AtomicLong SUBJECTS = new AtomicLong(3_000_000);

	@LocalServerPort
	int port;

	@Autowired
	WarningEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long lixia;
	long lixiaEmergency;
	long lixiaEntity;

	@BeforeEach
	void setUp() {
		at(T0);
		lixia = id("SELECT id FROM region WHERE code = '370102'");
		lixiaEmergency = id("SELECT id FROM department WHERE name = '历下区应急管理局'");
		lixiaEntity = id("""
				SELECT min(id) FROM supervised_entity WHERE region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
				""");
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void eachSupervisionAndNoticeStepCreatesExactlyOneActionNumberedByItsOffice() {
		long warning = open(Kind.LICENCE_EXPIRED, lixiaEmergency);
		at(T0.plus(Duration.ofDays(10)));
		engine.sweep();
		engine.sweep();
		List<String> orders = jdbc.sql("SELECT step_no || ' ' || number FROM supervision_order WHERE warning_id = :w ORDER BY step_no")
			.param("w", warning).query(String.class).list();
		assertThat(orders).hasSize(2);
		assertThat(orders.get(0)).matches("1 历下安办督〔2034〕\\d+号");
		assertThat(orders.get(1)).matches("2 济安办督〔2034〕\\d+号");
		assertThat(count("SELECT count(*) FROM notice_entry WHERE warning_id = " + warning + " AND step_no = 3")).isOne();
		assertThat(count("SELECT count(*) FROM confirmation_task WHERE warning_id = " + warning)).isZero();
		assertThat(jdbc.sql("SELECT addressee_department_id FROM supervision_order WHERE warning_id = :w AND step_no = 1")
			.param("w", warning).query(Long.class).single()).as("addressed to the responsible department").isEqualTo(lixiaEmergency);
		assertThat(jdbc.sql("SELECT reply_due_at FROM supervision_order WHERE warning_id = :w AND step_no = 1").param("w", warning)
			.query(java.sql.Timestamp.class).single().toInstant()).as("three days to reply, from its issue at the step").isEqualTo(T0.plus(Duration.ofDays(3)));
	}

	@Test
	void aWarningWithoutADepartmentIsSupervisedAtItsEntity() {
		long warning = open(Kind.LICENCE_EXPIRED, null);
		assertThat(jdbc.sql("SELECT addressee_entity_id FROM supervision_order WHERE warning_id = :w").param("w", warning)
			.query(Long.class).single()).isEqualTo(lixiaEntity);
	}

	@Test
	void aConfirmStepAsksTheCompetentDepartmentAndEndsWhenTheCauseIsResolved() {
		long subject = SUBJECTS.incrementAndGet();
		long warning = open(Kind.SUSPECTED_MAJOR_HAZARD, lixiaEmergency, subject);
		assertThat(count("SELECT count(*) FROM confirmation_task WHERE warning_id = " + warning + " AND state = 'OPEN'")).isOne();
		ApiClient liaison = ApiClient.signedIn(port, "lixia_yj_liaison");
		JsonNode task = find(liaison.get("/api/confirmation-tasks?size=500").expect(200).body(), "warningId", warning);
		assertThat(task.get("departmentName").asString()).isEqualTo("历下区应急管理局");
		notFound(ApiClient.signedIn(port, "shizhong_yj_liaison").post("/api/confirmation-tasks/" + task.get("id").asLong() + "/answer",
				"{\"answerText\":\"越权\"}"));
		engine.resolve(Kind.SUSPECTED_MAJOR_HAZARD, "actions-test", subject, T0.plus(Duration.ofHours(1)));
		assertThat(jdbc.sql("SELECT state FROM confirmation_task WHERE warning_id = :w").param("w", warning).query(String.class).single())
			.isEqualTo("RESOLVED");
		assertThat(liaison.post("/api/confirmation-tasks/" + task.get("id").asLong() + "/answer", "{\"answerText\":\"已认定\"}")
			.expect(409).code()).isEqualTo("TASK_STATE");
	}

	@Test
	void theLiaisonRoutesTheDepartmentRepliesAndTheIssuingOfficeSendsBackThenAccepts() {
		long warning = open(Kind.LICENCE_EXPIRED, lixiaEmergency);
		long order = jdbc.sql("SELECT id FROM supervision_order WHERE warning_id = :w AND step_no = 1").param("w", warning)
			.query(Long.class).single();
		ApiClient liaison = ApiClient.signedIn(port, "lixia_yj_liaison");
		ApiClient inspector = ApiClient.signedIn(port, "lixia_yj_inspector");
		ApiClient office = ApiClient.signedIn(port, "lixia_office");
		assertThat(ids(liaison.get("/api/supervision-orders?box=INBOX&size=500").expect(200).body())).contains(order);
		assertThat(ids(office.get("/api/supervision-orders?box=ISSUED&size=500").expect(200).body())).contains(order);

		at(T0.plus(Duration.ofDays(3)).plusSeconds(60));
		assertThat(ids(office.get("/api/supervision-orders?box=ISSUED&overdue=true&size=500").expect(200).body()))
			.as("past its reply deadline").contains(order);

		long otherDepartmentsOffice = id("SELECT min(id) FROM department_office WHERE department_id <> " + lixiaEmergency);
		liaison.post("/api/supervision-orders/" + order + "/route", "{\"officeId\":" + otherDepartmentsOffice + "}").expect(400);
		long office1 = id("SELECT min(id) FROM department_office WHERE department_id = " + lixiaEmergency);
		assertThat(liaison.post("/api/supervision-orders/" + order + "/route", "{\"officeId\":" + office1 + "}").expect(200).body()
			.get("officeId").asLong()).isEqualTo(office1);
		inspector.post("/api/supervision-orders/" + order + "/route", "{\"officeId\":" + office1 + "}").expect(403);
		office.post("/api/supervision-orders/" + order + "/reply", "{\"replyText\":\"代答\"}").expect(403);

		inspector.upload("/api/supervision-orders/" + order + "/attachments", Map.of(), "rectified.png", SampleFiles.png()).expect(200);
		JsonNode replied = inspector.post("/api/supervision-orders/" + order + "/reply", "{\"replyText\":\"已责令企业停业整改\"}").expect(200).body();
		assertThat(replied.get("state").asString()).isEqualTo("REPLIED");
		assertThat(replied.get("overdue").asBoolean()).isFalse();
		inspector.post("/api/supervision-orders/" + order + "/reply", "{\"replyText\":\"再答\"}").expect(409);

		ApiClient.signedIn(port, "city_office").post("/api/supervision-orders/" + order + "/review", "{\"accepted\":true}")
			.expect(403);
		office.post("/api/supervision-orders/" + order + "/review", "{\"accepted\":false}").expect(400);
		assertThat(office.post("/api/supervision-orders/" + order + "/review", "{\"accepted\":false,\"comment\":\"请附复查记录\"}")
			.expect(200).body().get("state").asString()).isEqualTo("REJECTED");
		inspector.post("/api/supervision-orders/" + order + "/reply", "{\"replyText\":\"已附复查记录\"}").expect(200);
		JsonNode accepted = office.post("/api/supervision-orders/" + order + "/review", "{\"accepted\":true}").expect(200).body();
		assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
		JsonNode detail = liaison.get("/api/supervision-orders/" + order).expect(200).body();
		assertThat(detail.get("attachments")).hasSize(1);
		liaison.get("/api/supervision-orders/" + order + "/attachments/" + detail.get("attachments").get(0).get("id").asLong()
				+ "/content").expect(200);
	}

	@Test
	void anotherDistrictOrAnotherDepartmentCannotSeeTheOrder() {
		long warning = open(Kind.LICENCE_EXPIRED, lixiaEmergency);
		long order = jdbc.sql("SELECT id FROM supervision_order WHERE warning_id = :w AND step_no = 1").param("w", warning)
			.query(Long.class).single();
		notFound(ApiClient.signedIn(port, "shizhong_office").get("/api/supervision-orders/" + order));
		notFound(ApiClient.signedIn(port, "shizhong_yj_liaison").post("/api/supervision-orders/" + order + "/reply", "{\"replyText\":\"x\"}"));
		assertThat(ids(ApiClient.signedIn(port, "shizhong_office").get("/api/supervision-orders?size=500").expect(200).body()))
			.doesNotContain(order);

		long housing = id("SELECT id FROM department WHERE name = '历下区住房和城乡建设局'");
		long housingWarning = open(Kind.LICENCE_EXPIRED, housing);
		long housingOrder = jdbc.sql("SELECT id FROM supervision_order WHERE warning_id = :w").param("w", housingWarning)
			.query(Long.class).single();
		ApiClient emergencyLiaison = ApiClient.signedIn(port, "lixia_yj_liaison");
		notFound(emergencyLiaison.get("/api/supervision-orders/" + housingOrder));
		for (JsonNode row : emergencyLiaison.get("/api/supervision-orders?size=500").expect(200).body().get("items")) {
			assertThat(row.get("addresseeDepartmentId").asLong()).as("only orders addressed to 历下区应急管理局").isEqualTo(lixiaEmergency);
		}
		assertThat(ids(ApiClient.signedIn(port, "lixia_office").get("/api/supervision-orders?size=500").expect(200).body()))
			.as("the district office sees both").contains(order, housingOrder);
	}

	@Test
	void theCityOfficeCompilesPendingEntriesIntoANumberedNoticeKeptAsIssued() throws Exception {
		long warning = open(Kind.LICENCE_EXPIRED, lixiaEmergency);
		at(T0.plus(Duration.ofDays(7)));
		engine.sweep();
		long entry = jdbc.sql("SELECT id FROM notice_entry WHERE warning_id = :w").param("w", warning).query(Long.class).single();
		ApiClient city = ApiClient.signedIn(port, "city_office");
		assertThat(ids(city.get("/api/notices/drafts").expect(200).body())).contains(entry);
		assertThat(ApiClient.signedIn(port, "lixia_office").post("/api/notices", "{\"entryIds\":[" + entry + "]}").expect(409).code())
			.as("a city entry is the city office's").isEqualTo("NOTICE_ENTRY_UNAVAILABLE");

		JsonNode notice = city.post("/api/notices", "{\"entryIds\":[" + entry + "],\"title\":\"关于证照过期未处置的通报\"}").expect(200).body();
		assertThat(notice.get("number").asString()).matches("济安办通〔2034〕\\d+号");
		assertThat(notice.get("issuer").asString()).isEqualTo("济南市安全生产委员会办公室");
		assertThat(notice.get("items")).hasSize(1);
		assertThat(notice.get("items").get(0).get("unitName").asString()).isNotBlank();
		assertThat(ids(city.get("/api/notices/drafts").expect(200).body())).doesNotContain(entry);
		long id = notice.get("id").asLong();

		JsonNode second = city.post("/api/notices", "{}").expect(200).body();
		int first = Integer.parseInt(notice.get("number").asString().replaceAll("\\D+", " ").trim().split(" ")[1]);
		assertThat(second.get("number").asString()).as("the next number").isEqualTo("济安办通〔2034〕" + (first + 1) + "号");
		assertThat(city.post("/api/notices", "{}").expect(409).code()).isEqualTo("NOTHING_TO_NOTICE");

		byte[] pdf = city.get("/api/notices/" + id + "/notice.pdf").expect(200).bytes();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(city.get("/api/notices/" + id + "/notice.xlsx").expect(200).bytes()))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(notice.get("number").asString());
		}
		ApiClient lixiaOffice = ApiClient.signedIn(port, "lixia_office");
		assertThat(lixiaOffice.get("/api/notices/" + id).expect(200).body().get("number").asString())
			.as("sent to the units it names").isEqualTo(notice.get("number").asString());
		notFound(ApiClient.signedIn(port, "shizhong_office").get("/api/notices/" + id));
		notFound(ApiClient.signedIn(port, "shizhong_office").get("/api/notices/" + id + "/notice.pdf"));
	}

	@Test
	void theBigScreenCountsOrdersAwaitingReplyAndPendingNotices() {
		ApiClient office = ApiClient.signedIn(port, "lixia_office");
		JsonNode before = office.get("/api/warnings/screen/actions?level=DISTRICT").expect(200).body();
		open(Kind.LICENCE_EXPIRED, lixiaEmergency);
		JsonNode after = office.get("/api/warnings/screen/actions?level=DISTRICT").expect(200).body();
		assertThat(after.get("supervisionAwaitingReply").asLong()).isEqualTo(before.get("supervisionAwaitingReply").asLong() + 1);
		JsonNode city = ApiClient.signedIn(port, "city_office").get("/api/warnings/screen/actions?level=CITY").expect(200).body();
		assertThat(city.get("noticePending").asLong()).isEqualTo(count("""
				SELECT count(*) FROM notice_entry e JOIN region i ON i.id = e.issuer_region_id WHERE e.notice_id IS NULL AND i.level = 'CITY'
				"""));
	}

	@Test
	void theDemoHazardsWarningsHaveProducedTheirActions() {
		assertThat(count("""
				SELECT count(*) FROM supervision_order o JOIN warning w ON w.id = o.warning_id WHERE w.subject_type = 'hazard'
				""")).as("督办单 of the demo hazards' warnings").isPositive();
		assertThat(count("""
				SELECT count(*) FROM confirmation_task t JOIN warning w ON w.id = t.warning_id WHERE w.subject_type = 'hazard'
				""")).as("confirmation tasks of the demo's suspected major hazards").isPositive();
	}

	private long open(Kind kind, Long department) {
		return open(kind, department, SUBJECTS.incrementAndGet());
	}

	private long open(Kind kind, Long department, long subject) {
		engine.open(new Trigger(kind, OriginLevel.DISTRICT, "actions-test", subject, lixiaEntity, lixia, department,
				"处置测试 " + subject, clock.instant()));
		return jdbc.sql("SELECT id FROM warning WHERE subject_type = 'actions-test' AND subject_id = :s").param("s", subject)
			.query(Long.class).single();
	}

	private static List<Long> ids(JsonNode body) {
		List<Long> ids = new ArrayList<>();
		(body.has("items") ? body.get("items") : body).forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	private static JsonNode find(JsonNode page, String field, long value) {
		for (JsonNode n : page.get("items")) {
			if (n.get(field).asLong() == value) {
				return n;
			}
		}
		throw new AssertionError("no row with " + field + " = " + value);
	}

	private static void notFound(ApiClient.Response response) {
		assertThat(response.expect(404).code()).isEqualTo("NOT_FOUND");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private void at(Instant instant) {
		((SimulatedClock) clock).freeze(instant);
	}
}
