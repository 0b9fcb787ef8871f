package cn.anjian.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.warning.Trigger.Kind;
import cn.anjian.warning.Trigger.OriginLevel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 批量转办 / 批量回复: several 督办单 routed or answered in one call, all or nothing — one order that cannot be handled
 * (wrong state, out of scope, not the caller's) leaves every order as it was and is named with its code and message.
 */
@AnjianTest
class SupervisionBulkTest {

	static final Instant T0 = Instant.parse("2037-06-01T02:00:00Z");
	static final AtomicLong SUBJECTS = new AtomicLong(6_000_000);

	@LocalServerPort
	int port;

	@Autowired
	WarningEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ApiClient liaison;
	long lixiaEmergency;
	long office;

	@BeforeEach
	void setUp() {
		((SimulatedClock) clock).freeze(T0);
		liaison = ApiClient.signedIn(port, "lixia_yj_liaison");
		lixiaEmergency = id("SELECT id FROM department WHERE name = '历下区应急管理局'");
		office = id("SELECT min(id) FROM department_office WHERE department_id = " + lixiaEmergency);
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void severalOrdersAreRoutedAndRepliedInOneCallEachLoggedAsASingleCall() {
		long first = order("370102", lixiaEmergency);
		long second = order("370102", lixiaEmergency);
		long logBefore = id("SELECT max(id) FROM operation_log");

		JsonNode routed = liaison.post("/api/supervision-orders/bulk-route", "{\"orderIds\":[" + second + "," + first + "],\"officeId\":" + office + "}")
			.expect(200).body();
		assertThat(routed).hasSize(2);
		assertThat(officeOf(first)).isEqualTo(office);
		assertThat(officeOf(second)).isEqualTo(office);
		JsonNode replied = liaison.post("/api/supervision-orders/bulk-reply", "{\"orderIds\":[" + first + "," + second + "],\"replyText\":\"已责令整改\"}")
			.expect(200).body();
		replied.forEach(o -> assertThat(o.get("state").asString()).isEqualTo("REPLIED"));
		assertThat(stateOf(first)).isEqualTo("REPLIED");
		assertThat(stateOf(second)).isEqualTo("REPLIED");

		assertThat(jdbc.sql("""
				SELECT action || ' ' || target_id FROM operation_log WHERE id > :id AND target_type = 'supervision_order' ORDER BY id
				""").param("id", logBefore).query(String.class).list())
			.containsExactly("SUPERVISION_ROUTE " + first, "SUPERVISION_ROUTE " + second, "SUPERVISION_REPLY " + first,
					"SUPERVISION_REPLY " + second);
	}

	@Test
	void oneOrderInTheWrongStateRefusesTheWholeCallAndNamesIt() {
		long open = order("370102", lixiaEmergency);
		long answered = order("370102", lixiaEmergency);
		liaison.post("/api/supervision-orders/" + answered + "/reply", "{\"replyText\":\"先答\"}").expect(200);
		long logBefore = id("SELECT max(id) FROM operation_log");

		ApiClient.Response refused = liaison.post("/api/supervision-orders/bulk-reply",
				"{\"orderIds\":[" + open + "," + answered + "],\"replyText\":\"批量答复\"}").expect(409);
		assertThat(refused.code()).isEqualTo("BULK_REFUSED");
		JsonNode failures = refused.body().get("failures");
		assertThat(failures).hasSize(1);
		assertThat(failures.get(0).get("orderId").asLong()).isEqualTo(answered);
		assertThat(failures.get(0).get("code").asString()).isEqualTo("ORDER_STATE");
		assertThat(failures.get(0).get("message").asString()).contains("已答复");
		assertThat(stateOf(open)).as("nothing changed").isEqualTo("OPEN");
		assertThat(id("SELECT count(*) FROM operation_log WHERE id > " + logBefore + " AND target_type = 'supervision_order' AND action LIKE 'SUPERVISION_%'"))
			.isZero();
		liaison.post("/api/supervision-orders/bulk-reply", "{\"orderIds\":[" + open + "],\"replyText\":\" \"}").expect(400);
		liaison.post("/api/supervision-orders/bulk-reply", "{\"orderIds\":[],\"replyText\":\"空\"}").expect(400);
	}

	@Test
	void anOrderOutOfScopeOrNotTheCallersIsRefusedAndNothingChanges() {
		long own = order("370102", lixiaEmergency);
		long otherDistrict = order("370103", id("SELECT id FROM department WHERE name = '市中区应急管理局'"));
		long otherDepartment = order("370102", id("SELECT id FROM department WHERE name = '历下区住房和城乡建设局'"));

		ApiClient.Response refused = liaison.post("/api/supervision-orders/bulk-route",
				"{\"orderIds\":[" + own + "," + otherDistrict + "," + otherDepartment + "],\"officeId\":" + office + "}").expect(409);
		List<String> failures = new ArrayList<>();
		refused.body().get("failures").forEach(f -> failures.add(f.get("orderId").asLong() + " " + f.get("code").asString()));
		assertThat(failures).containsExactlyInAnyOrder(otherDistrict + " NOT_FOUND", otherDepartment + " NOT_FOUND");
		assertThat(refused.raw()).as("nothing of the other orders is told").doesNotContain("市中区").doesNotContain("住房");
		assertThat(officeOf(own)).as("nothing changed").isZero();

		ApiClient.signedIn(port, "lixia_office").post("/api/supervision-orders/bulk-reply",
				"{\"orderIds\":[" + own + "],\"replyText\":\"代答\"}").expect(403); // an office does not answer for the addressee
		assertThat(stateOf(own)).isEqualTo("OPEN");
	}

	private long order(String districtCode, long department) {
		long subject = SUBJECTS.incrementAndGet();
		long region = id("SELECT id FROM region WHERE code = '" + districtCode + "'");
		engine.open(new Trigger(Kind.LICENCE_EXPIRED, OriginLevel.DISTRICT, "bulk-test", subject, null, region, department,
				"批量督办测试 " + subject, clock.instant()));
		return jdbc.sql("""
				SELECT o.id FROM supervision_order o JOIN warning w ON w.id = o.warning_id
				WHERE w.subject_type = 'bulk-test' AND w.subject_id = :s AND o.step_no = 1
				""").param("s", subject).query(Long.class).single();
	}

	/** The office the order was routed to, 0 for none. */
	private long officeOf(long order) {
		return jdbc.sql("SELECT coalesce(office_id, 0) FROM supervision_order WHERE id = :o").param("o", order).query(Long.class).single();
	}

	private String stateOf(long order) {
		return jdbc.sql("SELECT state FROM supervision_order WHERE id = :o").param("o", order).query(String.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
