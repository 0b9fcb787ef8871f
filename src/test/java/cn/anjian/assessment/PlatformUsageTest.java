package cn.anjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The platform usage score table of seed 003 (二十三) on the hand-computed dataset of {@link StatsFixture}. */
@AnjianTest
class PlatformUsageTest {

	static final String PERIOD = "from=2031-03-01&to=2031-03-20";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	StatsFixture f;

	@BeforeEach
	void dataset() {
		((SimulatedClock) clock).freeze(StatisticsTest.NOW);
		f = StatsFixture.in(jdbc);
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void aRateScoresLinearlyBetweenItsBoundsAndNothingToHandleScoresFull() {
		var element = PlatformUsage.ELEMENTS.get(0); // data completeness: 0.6 → 0 points, 1.0 → 30
		assertThat(PlatformUsage.score(element, Map.of("dataCompletenessRate", new BigDecimal("0.6"))).score()).isEqualByComparingTo("0");
		assertThat(PlatformUsage.score(element, Map.of("dataCompletenessRate", new BigDecimal("0.59"))).score()).isEqualByComparingTo("0");
		assertThat(PlatformUsage.score(element, Map.of("dataCompletenessRate", new BigDecimal("0.8"))).score()).isEqualByComparingTo("15");
		assertThat(PlatformUsage.score(element, Map.of("dataCompletenessRate", BigDecimal.ONE)).score()).isEqualByComparingTo("30");
		var nothing = PlatformUsage.score(PlatformUsage.ELEMENTS.get(3), Map.of());
		assertThat(nothing.score()).isEqualByComparingTo("20");
		assertThat(nothing.note()).contains("无应处置事项");
		assertThat(PlatformUsage.ELEMENTS.stream().map(PlatformUsage.Element::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("100");
	}

	@Test
	void theCityScoresEveryDistrictAndDepartmentFromTheirOwnFigures() {
		JsonNode table = ApiClient.signedIn(port, "city_office").get("/api/assessment/usage?" + PERIOD).expect(200).body();
		JsonNode ours = unit(table, "DISTRICT", f.district);
		// completeness 3 of 4 = 0.75 → 30 × 0.15/0.4 = 11.25; 1 of 4 inspected = 0.25 → 25 × 0.25/0.5 = 12.5 (the draw's
		// unfinished task does not count); 1 of 3 warnings handled (below 0.5) → 0; 1 of 3 督办单 answered on time → 0
		assertThat(ours.get("total").decimalValue()).isEqualByComparingTo("23.75");
		assertThat(element(ours, "inspectionCoverage").get("score").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(element(ours, "dataCompleteness").get("value").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(element(ours, "dataCompleteness").get("score").decimalValue()).isEqualByComparingTo("11.25");
		assertThat(element(ours, "warningHandling").get("value").decimalValue()).isEqualByComparingTo("0.3333");
		assertThat(element(ours, "supervisionReply").get("value").decimalValue()).isEqualByComparingTo("0.3333");
		assertThat(element(ours, "supervisionReply").get("score").decimalValue()).isEqualByComparingTo("0");
		assertThat(unit(table, "DEPARTMENT", f.emergency)).isNotNull();
		long districts = jdbc.sql("SELECT count(*) FROM region WHERE parent_id = (SELECT id FROM region WHERE parent_id IS NULL)")
			.query(Long.class).single();
		long departments = jdbc.sql("SELECT count(*) FROM department WHERE region_id = (SELECT id FROM region WHERE parent_id IS NULL)")
			.query(Long.class).single();
		assertThat(table.get("rows")).hasSize((int) (districts + departments));
		// ranked by total, highest first; equal totals share a rank
		JsonNode rows = table.get("rows");
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).get("total").decimalValue()).isLessThanOrEqualTo(rows.get(i - 1).get("total").decimalValue());
			boolean tie = rows.get(i).get("total").decimalValue().compareTo(rows.get(i - 1).get("total").decimalValue()) == 0;
			assertThat(rows.get(i).get("rank").asInt()).isEqualTo(tie ? rows.get(i - 1).get("rank").asInt() : i + 1);
		}
	}

	@Test
	void aDistrictSeesItsOwnRowADepartmentItselfAndABusinessNothing() {
		JsonNode lixia = ApiClient.signedIn(port, "lixia_office").get("/api/assessment/usage?" + PERIOD).expect(200).body();
		assertThat(lixia.get("rows")).hasSize(1);
		assertThat(lixia.get("rows").get(0).get("unitName").asString()).isEqualTo("历下区");
		JsonNode emergency = ApiClient.signedIn(port, "city_yj_leader").get("/api/assessment/usage?" + PERIOD).expect(200).body();
		assertThat(emergency.get("rows")).hasSize(1);
		assertThat(emergency.get("rows").get(0).get("unitId").asLong()).isEqualTo(f.emergency);
		ApiClient.signedIn(port, "lixia_biz").get("/api/assessment/usage?" + PERIOD).expect(403);
		ApiClient.signedIn(port, "city_office").get("/api/assessment/usage?from=2031-03-20&to=2031-03-01").expect(400);
	}

	private static JsonNode unit(JsonNode table, String type, long id) {
		for (JsonNode row : table.get("rows")) {
			if (row.get("unitType").asString().equals(type) && row.get("unitId").asLong() == id) {
				return row;
			}
		}
		throw new AssertionError("no " + type + " " + id + " in " + table);
	}

	private static JsonNode element(JsonNode row, String code) {
		for (JsonNode e : row.get("elements")) {
			if (e.get("code").asString().equals(code)) {
				return e;
			}
		}
		throw new AssertionError("no element " + code);
	}
}
