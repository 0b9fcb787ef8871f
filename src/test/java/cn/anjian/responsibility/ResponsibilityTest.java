package cn.anjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.files.SampleFiles;
import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.registry.UsccSamples;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Responsibility: history answers "who on date D", the blind-spot report, bulk assignment within scope, rules. */
@AnjianTest
class ResponsibilityTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void theHistoryAnswersWhoWasResponsibleAtAnyInstant() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entity(office, "历下责任史测试有限公司", region("370102001001"), "IND016", "DISTRICT");
		long department = id("SELECT id FROM department WHERE name = '历下区应急管理局'");
		long first = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector'");
		long second = user(office, "lx_yj_second", department);

		Instant t1 = Instant.parse("2030-05-01T02:00:00Z");
		((SimulatedClock) clock).freeze(t1);
		long assignment = office.post("/api/responsibility/assignments", """
				{"entityId":%d,"departmentId":%d,"supervisionType":"INDUSTRY_SUPERVISION","inspectorIds":[%d]}
				""".formatted(entity, department, first)).expect(200).body().get("id").asLong();
		Instant t2 = t1.plus(Duration.ofDays(30));
		((SimulatedClock) clock).freeze(t2);
		var handover = office.post("/api/responsibility/handover", "{\"fromUserId\":%d,\"toUserId\":%d,\"reason\":\"调岗\"}"
			.formatted(first, second)).expect(200).body();
		assertThat(handover.get("moved").asInt()).isPositive();

		assertThat(responsible(office, entity, t1.minusSeconds(1))).isEmpty();
		assertThat(responsible(office, entity, t1)).containsExactly("历下区应急局 钱监管员");
		assertThat(responsible(office, entity, t2.minusSeconds(1))).containsExactly("历下区应急局 钱监管员");
		assertThat(responsible(office, entity, t2)).containsExactly("接替人");
		var history = office.get("/api/responsibility/entities/" + entity + "/assignments").expect(200).body();
		assertThat(history.get(0).get("id").asLong()).isEqualTo(assignment);
		assertThat(history.get(0).get("inspectors")).hasSize(2);
	}

	@Test
	void aHandoverAlsoPassesTheOpenHazardsAndUnfinishedInspectionsButNotTheClosedHazards() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var inspector = ApiClient.signedIn(port, "lixia_yj_inspector");
		long department = id("SELECT id FROM department WHERE name = '历下区应急管理局'");
		long leaving = id("SELECT id FROM app_user WHERE username = 'lixia_yj_inspector'");
		long entity = entity(office, "历下移交隐患测试有限公司", region("370102001001"), "IND016", "DISTRICT");
		assign(office, entity, department, "[" + leaving + "]").expect(200);
		long open = report(inspector, entity);
		long closed = report(inspector, entity);
		inspector.upload("/api/hazards/" + closed + "/attachments", Map.of("kind", "EVIDENCE"), "done.png", SampleFiles.png())
			.expect(200);
		inspector.post("/api/hazards/" + closed + "/actions/rectify-on-the-spot", "{}").expect(200);
		long unfinished = inspector.post("/api/inspections", "{\"type\":\"ROUTINE\",\"entityId\":%d,\"inspectorIds\":[%d],\"inspectedOn\":\"%s\"}"
			.formatted(entity, leaving, java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")))))
			.expect(200).body().get("inspection").get("id").asLong();
		long successor = user(office, "lx_yj_successor", department);

		office.post("/api/responsibility/handover", "{\"fromUserId\":%d,\"toUserId\":%d,\"reason\":\"退休\"}"
			.formatted(leaving, successor)).expect(200);

		assertThat(followUp(office, open)).isEqualTo("接替人");
		assertThat(followUp(office, closed)).as("a closed hazard keeps its history").isEqualTo("历下区应急局 钱监管员");
		assertThat(jdbc.sql("SELECT user_id FROM inspection_inspector WHERE inspection_id = :id").param("id", unfinished)
			.query(Long.class).list()).as("an unfinished inspection").containsExactly(successor);
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'HAZARD_FOLLOW_UP_HANDOVER' AND target_id = :id")
			.param("id", String.valueOf(open)).query(Long.class).single()).isEqualTo(1);
	}

	private long report(ApiClient inspector, long entity) {
		return inspector.post("/api/hazards", "{\"entityId\":%d,\"description\":\"移交测试隐患\",\"level\":\"GENERAL\",\"reinspectionRequired\":true}"
			.formatted(entity)).expect(200).body().get("id").asLong();
	}

	private static String followUp(ApiClient client, long hazard) {
		return client.get("/api/hazards/" + hazard).expect(200).body().get("hazard").get("followUpByName").asString();
	}

	@Test
	void theBlindSpotReportFindsEachKindOfGapAndNothingElse() {
		var office = ApiClient.signedIn(port, "shizhong_office");
		long street = office.post("/api/regions", "{\"parentId\":%d,\"code\":\"370103088\",\"name\":\"盲区测试街道\",\"kind\":\"STREET\",\"sortOrder\":88}"
			.formatted(region("370103"))).expect(200).body().get("id").asLong();
		long grid = office.post("/api/regions", """
				{"parentId":%d,"code":"370103088001","name":"实名网格","kind":"GRID","sortOrder":1,"gridInspectorName":"孙网格"}
				""".formatted(street)).expect(200).body().get("id").asLong();
		long staffed = id("SELECT id FROM department WHERE name = '市中区应急管理局'");
		long leaderless = office.post("/api/departments", "{\"regionId\":%d,\"name\":\"市中区无负责人局\",\"sortOrder\":9}"
			.formatted(region("370103"))).expect(200).body().get("id").asLong();
		long inspector = id("SELECT id FROM app_user WHERE username = 'shizhong_yj_inspector'");

		long unassignedInStreet = entity(office, "盲区甲", street, "IND016", "DISTRICT");
		long complete = entity(office, "盲区乙", grid, "IND016", "DISTRICT");
		assign(office, complete, staffed, "[" + inspector + "]");
		long noInspector = entity(office, "盲区丙", grid, "IND016", "DISTRICT");
		assign(office, noInspector, staffed, "[]");
		long noLeader = entity(office, "盲区丁", grid, "IND016", "DISTRICT");
		assign(office, noLeader, leaderless, "[]");

		var rows = office.get("/api/responsibility/gaps?size=100&regionId=" + street).expect(200).body().get("items");
		Map<Long, String> gaps = new HashMap<>();
		rows.forEach(r -> gaps.put(r.get("entityId").asLong(), flags(r)));
		assertThat(gaps).containsOnlyKeys(unassignedInStreet, noInspector, noLeader);
		assertThat(gaps.get(unassignedInStreet)).isEqualTo("NO_DEPARTMENT NO_TERRITORIAL_OWNER");
		assertThat(gaps.get(noInspector)).isEqualTo("NO_INSPECTOR");
		assertThat(gaps.get(noLeader)).isEqualTo("NO_INSPECTOR DEPARTMENT_WITHOUT_LEADER");
		assertThat(office.get("/api/responsibility/gaps?kind=DEPARTMENT_WITHOUT_LEADER&size=100&regionId=" + street).body()
			.get("total").asLong()).isEqualTo(1);

		var summary = office.get("/api/responsibility/gaps/summary").expect(200).body();
		assertThat(summary.get("byRegion").toString()).contains("盲区测试街道");
		assertThat(summary.get("noDepartment").asLong()).isPositive();
		var departments = office.get("/api/responsibility/gaps/departments").expect(200).body();
		assertThat(departments.toString()).contains("市中区无负责人局").doesNotContain("历下区");
	}

	@Test
	void bulkAssignmentTouchesOnlyTheCallersEntities() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long department = id("SELECT id FROM department WHERE name = '历下区市场监督管理局'");
		var result = office.post("/api/responsibility/assignments/bulk", """
				{"filter":{"socialFunction":"NINE_SMALL_PLACES"},"departmentId":%d,"supervisionType":"SPECIAL_SUPERVISION"}
				""".formatted(department)).expect(200).body();
		long expected = jdbc.sql("""
				SELECT count(*) FROM supervised_entity WHERE social_function = 'NINE_SMALL_PLACES' AND supervision_level <> 'CITY'
				AND region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
				""").query(Long.class).single();
		assertThat(result.get("assigned").asLong()).isEqualTo(expected).isPositive();
		long outside = jdbc.sql("""
				SELECT count(*) FROM entity_assignment a WHERE a.department_id = :d AND a.region_id NOT IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
				""").param("d", department).query(Long.class).single();
		assertThat(outside).isZero();
		assertThat(office.post("/api/responsibility/assignments/bulk", """
				{"filter":{"socialFunction":"NINE_SMALL_PLACES"},"departmentId":%d,"supervisionType":"SPECIAL_SUPERVISION"}
				""".formatted(department)).expect(200).body().get("assigned").asInt()).as("nothing twice").isZero();
	}

	@Test
	void aDistrictOfficeCannotAssignACityLevelEntityOrToACityDepartment() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long cityLevel = entity(office, "历下市级对象有限公司", region("370102001"), "IND001", "CITY");
		long district = id("SELECT id FROM department WHERE name = '历下区应急管理局'");
		long city = id("SELECT id FROM department WHERE name = '市应急管理局'");
		assertThat(assign(office, cityLevel, district, "[]").expect(403).code()).isEqualTo("FORBIDDEN");
		long ordinary = entity(office, "历下区级对象有限公司", region("370102001"), "IND001", "DISTRICT");
		assign(office, ordinary, city, "[]").expect(404);
		assertThat(jdbc.sql("SELECT count(*) FROM entity_assignment WHERE entity_id IN (:a, :b)").param("a", cityLevel)
			.param("b", ordinary).query(Long.class).single()).isZero();
		assign(ApiClient.signedIn(port, "city_office"), cityLevel, city, "[]").expect(200);
	}

	@Test
	void rulesProposeTheCompetentDepartmentAndShowContradictions() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long building = entity(office, "历下规则建筑工程有限公司", region("370102002"), "IND017", "DISTRICT");
		var proposals = office.get("/api/responsibility/proposals?size=500").expect(200).body().get("items");
		assertThat(proposals.toString()).contains("历下规则建筑工程有限公司").contains("历下区住房和城乡建设局");
		office.post("/api/responsibility/proposals/apply", "{\"entityIds\":[" + building + "]}").expect(200);
		assertThat(jdbc.sql("""
				SELECT d.name FROM entity_assignment a JOIN department d ON d.id = a.department_id WHERE a.entity_id = :e
				""").param("e", building).query(String.class).list()).containsExactly("历下区住房和城乡建设局");

		long misassigned = entity(office, "历下错配建筑有限公司", region("370102002"), "IND017", "DISTRICT");
		assign(office, misassigned, id("SELECT id FROM department WHERE name = '历下区应急管理局'"), "[]").expect(200);
		assertThat(office.get("/api/responsibility/contradictions?size=500").expect(200).body().toString())
			.contains("历下错配建筑有限公司").doesNotContain("历下规则建筑工程有限公司");
		office.post("/api/responsibility/division-rules",
				"{\"industry\":\"IND017\",\"level\":\"DISTRICT\",\"departmentKind\":\"EMERGENCY\",\"supervisionType\":\"INDUSTRY_SUPERVISION\"}")
			.expect(403);
	}

	@Test
	void anInspectorSeesTheEntitiesNamedOnThem() {
		var inspector = ApiClient.signedIn(port, "lixia_yj_inspector");
		var mine = inspector.get("/api/responsibility/my-entities?of=inspector&size=500").expect(200).body();
		long named = jdbc.sql("""
				SELECT count(*) FROM entity_inspector i JOIN app_user u ON u.id = i.user_id
				WHERE u.username = 'lixia_yj_inspector' AND i.ended_at IS NULL
				""").query(Long.class).single();
		assertThat(mine.get("total").asLong()).isEqualTo(named);
		assertThat(inspector.get("/api/responsibility/my-entities?of=department&size=1").body().get("total").asLong())
			.isGreaterThanOrEqualTo(named);
	}

	private java.util.List<String> responsible(ApiClient client, long entity, Instant at) {
		JsonNode body = client.get("/api/responsibility/entities/" + entity + "/responsible?at=" + at).expect(200).body();
		java.util.List<String> names = new java.util.ArrayList<>();
		body.get("assignments").forEach(a -> a.get("inspectors").forEach(i -> names.add(i.get("name").asString())));
		return names;
	}

	private static String flags(JsonNode row) {
		return String.join(" ", java.util.stream.Stream.of("NO_DEPARTMENT", "NO_TERRITORIAL_OWNER", "NO_INSPECTOR",
				"DEPARTMENT_WITHOUT_LEADER").filter(k -> row.get(camel(k)).asBoolean()).toList());
	}

	private static String camel(String constant) {
		String[] parts = constant.toLowerCase().split("_");
		StringBuilder out = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
		}
		return out.toString();
	}

	private ApiClient.Response assign(ApiClient client, long entity, long department, String inspectors) {
		return client.post("/api/responsibility/assignments", """
				{"entityId":%d,"departmentId":%d,"supervisionType":"INDUSTRY_SUPERVISION","inspectorIds":%s}
				""".formatted(entity, department, inspectors));
	}

	private long entity(ApiClient client, String name, long regionId, String industry, String level) {
		return client.post("/api/entities", """
				{"name":"%s","uscc":"%s","regionId":%d,"socialFunction":"ENTERPRISE","industry":"%s",
				 "supervisionTypes":["INDUSTRY_SUPERVISION"],"supervisionLevel":"%s","staffCount":20}
				""".formatted(name, UsccSamples.next(), regionId, industry, level)).expect(200).body().get("id").asLong();
	}

	private long user(ApiClient office, String username, long department) {
		return office.post("/api/users", """
				{"username":"%s","displayName":"接替人","roleCodes":["DEPARTMENT_INSPECTOR"],"regionId":%d,"departmentId":%d,
				 "initialPassword":"Initial#Pass2026"}
				""".formatted(username, region("370102"), department)).expect(200).body().get("id").asLong();
	}

	private long region(String code) {
		return id("SELECT id FROM region WHERE code = '" + code + "'");
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
