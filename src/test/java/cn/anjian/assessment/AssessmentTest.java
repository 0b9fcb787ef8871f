package cn.anjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.assessment.AssessmentGrading.Grade;
import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The yearly assessment: grade lines at their boundaries, the one-vote veto with its reason, results kept once published. */
@AnjianTest
class AssessmentTest {

	static final String SCHEME = """
			{"year":2031,"name":"2031年度安全生产考评方案","excellentThreshold":90,"passThreshold":60,"elements":[
			 {"code":"WORK","name":"重点工作落实","weight":90,"kind":"MANUAL"},
			 {"code":"ONTIME","name":"隐患按期整改率","weight":10,"kind":"AUTO","statistic":"onTimeRate","low":0,"high":1}]}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	StatsFixture f;
	ApiClient city;

	@BeforeEach
	void dataset() {
		((SimulatedClock) clock).freeze(StatisticsTest.NOW);
		f = StatsFixture.in(jdbc);
		city = ApiClient.signedIn(port, "city_office");
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void aTotalOnAGradeLineHasThatGradeAndOneHundredthBelowHasTheOneBelow() {
		BigDecimal excellent = new BigDecimal("90");
		BigDecimal pass = new BigDecimal("60");
		assertThat(AssessmentGrading.grade(new BigDecimal("90.00"), excellent, pass)).isEqualTo(Grade.EXCELLENT);
		assertThat(AssessmentGrading.grade(new BigDecimal("89.99"), excellent, pass)).isEqualTo(Grade.PASS);
		assertThat(AssessmentGrading.grade(new BigDecimal("60.00"), excellent, pass)).isEqualTo(Grade.PASS);
		assertThat(AssessmentGrading.grade(new BigDecimal("59.99"), excellent, pass)).isEqualTo(Grade.FAIL);
		assertThat(AssessmentGrading.linear(new BigDecimal("0.3333"), BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN))
			.isEqualByComparingTo("3.33");
		assertThat(AssessmentGrading.linear(new BigDecimal("2"), new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.TEN))
			.as("lower is better").isEqualByComparingTo("8.00");
		assertThat(AssessmentGrading.linear(null, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN)).isEqualByComparingTo("0");
	}

	@Test
	void districtsAreGradedOnTheLinesAnAccidentVetoesWithItsReasonAndPublishedResultsAreKept() {
		long scheme = city.post("/api/assessment/schemes", SCHEME).expect(200).body().get("scheme").get("id").asLong();
		long element = city.get("/api/assessment/schemes/" + scheme).expect(200).body().get("elements").get(0).get("id").asLong();
		manual(scheme, element, f.district, "90");
		manual(scheme, element, district("370102"), "90");
		manual(scheme, element, district("370103"), "89.99");
		manual(scheme, element, district("370104"), "60");
		manual(scheme, element, district("370105"), "59.99");
		city.post("/api/assessment/schemes/" + scheme + "/manual-scores?elementId=" + element + "&unitType=DISTRICT&unitId="
				+ f.district + "&score=90.01", null).expect(400);

		assertThat(city.post("/api/assessment/schemes/" + scheme + "/publish", null).expect(409).code()).isEqualTo("NOT_SCORED");
		city.post("/api/assessment/schemes/" + scheme + "/score", null).expect(200);
		Map<String, JsonNode> results = new HashMap<>();
		city.get("/api/assessment/schemes/" + scheme + "/results").expect(200).body()
			.forEach(r -> results.put(r.get("unitName").asString(), r));

		assertThat(grade(results, "历下区")).isEqualTo("EXCELLENT");
		assertThat(results.get("历下区").get("total").decimalValue()).isEqualByComparingTo("90.00");
		assertThat(grade(results, "市中区")).isEqualTo("PASS");
		assertThat(grade(results, "槐荫区")).isEqualTo("PASS");
		assertThat(grade(results, "天桥区")).isEqualTo("FAIL");

		JsonNode vetoed = results.get("统计测试区");
		// 90 manual + 10 × on-time rate 1/3 (h1 on time; h2 and h5 late)
		assertThat(vetoed.get("total").decimalValue()).isEqualByComparingTo("93.33");
		assertThat(vetoed.get("scoreGrade").asString()).isEqualTo("EXCELLENT");
		assertThat(vetoed.get("grade").asString()).isEqualTo("FAIL");
		assertThat(vetoed.get("vetoed").asBoolean()).isTrue();
		assertThat(vetoed.get("vetoReason").asString()).contains("一票否决").contains("2031-03-12").contains("统计测试地点")
			.contains("统计测试四厂").contains("一般事故").contains("死亡1人");
		// the market regulator supervises the entity of the accident; the emergency department does not
		assertThat(results.get("市市场监督管理局").get("vetoed").asBoolean()).isTrue();
		assertThat(results.get("市应急管理局").get("vetoed").asBoolean()).isFalse();

		var lixia = ApiClient.signedIn(port, "lixia_office");
		assertThat(lixia.get("/api/assessment/schemes/" + scheme + "/results").expect(200).body()).as("not yet published").isEmpty();
		city.post("/api/assessment/schemes/" + scheme + "/publish", null).expect(200);
		JsonNode own = lixia.get("/api/assessment/schemes/" + scheme + "/results").expect(200).body();
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("unitName").asString()).isEqualTo("历下区");

		assertThat(city.post("/api/assessment/schemes/" + scheme + "/score", null).expect(409).code()).isEqualTo("ASSESSMENT_PUBLISHED");
		city.put("/api/assessment/schemes/" + scheme, SCHEME).expect(409);
		city.post("/api/assessment/schemes/" + scheme + "/manual-scores?elementId=" + element + "&unitType=DISTRICT&unitId="
				+ f.district + "&score=1", null).expect(409);
		assertThat(jdbc.sql("SELECT total FROM assessment_result WHERE scheme_id = :s AND unit_id = :u AND unit_type = 'DISTRICT'")
			.param("s", scheme).param("u", f.district).query(BigDecimal.class).single()).isEqualByComparingTo("93.33");
	}

	@Autowired
	AssessmentScoring scoring;

	@Test
	void aDistrictAssessesItsStreetsForAQuarterAndOnlyTheQuartersAccidentsVeto() {
		// the dataset's district has no office account: its Q1 scheme is stored directly and scored as its office would
		long scheme = jdbc.sql("""
				INSERT INTO assessment_scheme (region_id, year, quarter, name, excellent_threshold, pass_threshold, state, created_at)
				VALUES (:r, 2031, 1, '统计测试区2031年第一季度考评', 9, 4, 'DRAFT', now()) RETURNING id""").param("r", f.district)
			.query(Long.class).single();
		jdbc.sql("""
				INSERT INTO assessment_element (scheme_id, region_id, code, name, weight, kind, statistic, low, high, sort_order)
				VALUES (:s, :r, 'ONTIME', '隐患按期整改率', 10, 'AUTO', 'onTimeRate', 0, 1, 1)""").param("s", scheme).param("r", f.district)
			.update();
		scoring.score(scheme);
		Map<String, JsonNode> results = new HashMap<>();
		jdbc.sql("SELECT unit_name, unit_type, total, grade, vetoed, veto_reason FROM assessment_result WHERE scheme_id = :s")
			.param("s", scheme).query((rs, n) -> results.put(rs.getString("unit_name"), tools.jackson.databind.json.JsonMapper.builder()
				.build().valueToTree(Map.of("type", rs.getString("unit_type"), "total", rs.getBigDecimal("total"),
						"grade", rs.getString("grade"), "vetoed", rs.getBoolean("vetoed"),
						"reason", String.valueOf(rs.getString("veto_reason"))))))
			.list();
		// its two streets (no department sits at its level); street 1: h1 on time, h2 late → 5.00 of 10
		assertThat(results).containsOnlyKeys("统计一街道", "统计二街道");
		assertThat(results.get("统计一街道").get("type").asString()).isEqualTo("STREET");
		assertThat(results.get("统计一街道").get("total").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(results.get("统计一街道").get("grade").asString()).isEqualTo("PASS");
		// a2 (较大, street 1) was in March 2030: not this quarter; a1 (一般, street 2, 2031-03-12) is
		assertThat(results.get("统计一街道").get("vetoed").asBoolean()).isFalse();
		assertThat(results.get("统计二街道").get("vetoed").asBoolean()).isTrue();
		assertThat(results.get("统计二街道").get("reason").asString()).contains("2031年第1季度").contains("2031-03-12");
	}

	@Test
	void aDistrictOfficeSetsItsOwnQuarterlySchemeForItsStreetsAndNobodyElseChangesIt() {
		var lixia = ApiClient.signedIn(port, "lixia_office");
		String quarterly = SCHEME.replace("\"year\":2031,", "\"year\":2033,\"quarter\":2,").replace("2031年度", "历下区2033年第二季度");
		JsonNode created = lixia.post("/api/assessment/schemes", quarterly).expect(200).body().get("scheme");
		long scheme = created.get("id").asLong();
		assertThat(created.get("quarter").asInt()).isEqualTo(2);
		assertThat(created.get("regionName").asString()).isEqualTo("历下区");
		assertThat(lixia.post("/api/assessment/schemes", quarterly).expect(409).code()).isEqualTo("SCHEME_EXISTS");
		lixia.post("/api/assessment/schemes", quarterly.replace("\"quarter\":2,", "\"quarter\":3,")).expect(200);
		lixia.post("/api/assessment/schemes", quarterly.replace("\"quarter\":2,", "\"quarter\":5,")).expect(400);

		// the city sees it but does not change it; another district does not even see it
		city.get("/api/assessment/schemes/" + scheme).expect(200);
		city.post("/api/assessment/schemes/" + scheme + "/score", null).expect(403);
		var shizhong = ApiClient.signedIn(port, "shizhong_office");
		shizhong.get("/api/assessment/schemes/" + scheme).expect(404);
		assertThat(shizhong.get("/api/assessment/schemes").expect(200).raw()).doesNotContain("历下区2033年第二季度");
		ApiClient.signedIn(port, "lixia_street").post("/api/assessment/schemes", quarterly).expect(403);

		lixia.post("/api/assessment/schemes/" + scheme + "/score", null).expect(200);
		JsonNode results = lixia.get("/api/assessment/schemes/" + scheme + "/results").expect(200).body();
		long streets = jdbc.sql("SELECT count(*) FROM region WHERE parent_id = :d").param("d", district("370102")).query(Long.class).single();
		long departments = jdbc.sql("SELECT count(*) FROM department WHERE region_id = :d").param("d", district("370102"))
			.query(Long.class).single();
		assertThat(results).hasSize((int) (streets + departments));
		assertThat(results.toString()).contains("\"unitType\":\"STREET\"").contains("历下区应急管理局").doesNotContain("市中区");
	}

	@Test
	void aTargetShowsTheYearsDeathsAgainstLastYear() {
		JsonNode target = city.post("/api/targets", """
				{"regionId":%d,"year":2031,"industry":"ALL","metric":"DEATHS","kind":"REDUCE_PCT","value":50}
				""".formatted(f.district)).expect(200).body();
		assertThat(target.get("actual").asLong()).isEqualTo(1);
		assertThat(target.get("lastYear").asLong()).isEqualTo(2);
		assertThat(target.get("lastYearToDate").asLong()).isEqualTo(2);
		assertThat(target.get("limit").decimalValue()).isEqualByComparingTo("1");
		assertThat(target.get("changePct").decimalValue()).isEqualByComparingTo("-50");
		assertThat(target.get("onTrack").asBoolean()).isTrue();
	}

	@Test
	void anAccidentRecordedThroughTheApiCountsAgainstItsSectorsTargetWithTheChangeOnLastYear() {
		((SimulatedClock) clock).freeze(java.time.Instant.parse("2032-06-01T02:00:00Z"));
		var office = ApiClient.signedIn(port, "city_office");
		String target = "{\"regionId\":%d,\"year\":2032,\"industry\":\"%s\",\"metric\":\"DEATHS\",\"kind\":\"REDUCE_PCT\",\"value\":10}";
		office.post("/api/targets", target.formatted(f.district, "IND016")).expect(200);
		office.post("/api/targets", target.formatted(f.district, "IND001")).expect(200);
		office.post("/api/accidents", """
				{"regionId":%d,"occurredAt":"2032-05-20T02:00:00Z","place":"统计测试目标地点","entityId":%d,"industry":"IND016",
				 "level":"GENERAL","deaths":3,"injuries":1,"directLoss":120}""".formatted(f.street2, f.e4)).expect(200);

		Map<String, JsonNode> targets = new HashMap<>();
		office.get("/api/targets?year=2032").expect(200).body().forEach(t -> {
			if (t.get("regionId").asLong() == f.district) {
				targets.put(t.get("industry").asString(), t);
			}
		});
		// IND016: 3 deaths this year against a1's 1 by this day last year (and in the whole of 2031): +200 %, over 0.9
		JsonNode sector = targets.get("IND016");
		assertThat(sector.get("actual").asLong()).isEqualTo(3);
		assertThat(sector.get("lastYearToDate").asLong()).isEqualTo(1);
		assertThat(sector.get("lastYear").asLong()).isEqualTo(1);
		assertThat(sector.get("limit").decimalValue()).isEqualByComparingTo("0.90");
		assertThat(sector.get("changePct").decimalValue()).isEqualByComparingTo("200.0");
		assertThat(sector.get("onTrack").asBoolean()).isFalse();
		// IND001 had no death in 2031 nor so far in 2032: no change to show, and within its limit of 0
		JsonNode other = targets.get("IND001");
		assertThat(other.get("actual").asLong()).isZero();
		assertThat(other.get("lastYear").asLong()).isZero();
		assertThat(other.get("changePct").isNull()).isTrue();
		assertThat(other.get("onTrack").asBoolean()).isTrue();
	}

	private void manual(long scheme, long element, long district, String score) {
		city.post("/api/assessment/schemes/" + scheme + "/manual-scores?elementId=" + element + "&unitType=DISTRICT&unitId="
				+ district + "&score=" + score + "&note=" + "依据", null).expect(200);
	}

	private static String grade(Map<String, JsonNode> results, String unit) {
		return results.get(unit).get("grade").asString();
	}

	private long district(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = :c").param("c", code).query(Long.class).single();
	}
}
