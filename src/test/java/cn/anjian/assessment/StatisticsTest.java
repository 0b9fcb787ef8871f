package cn.anjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every figure of the catalogue on the hand-computed dataset of {@link StatsFixture}, and the scope of each. */
@AnjianTest
class StatisticsTest {

	static final Instant NOW = Instant.parse("2031-03-20T04:00:00Z");
	static final String PERIOD = "from=2031-03-01&to=2031-03-20";

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
		((SimulatedClock) clock).freeze(NOW);
		f = StatsFixture.in(jdbc);
		city = ApiClient.signedIn(port, "city_office");
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void everyFigureOfADistrictPerStreetMatchesTheHandCount() {
		JsonNode report = city.get("/api/statistics?" + PERIOD + "&regionId=" + f.district).expect(200).body();
		Map<String, BigDecimal> s1 = row(report.get("current"), f.street1);
		Map<String, BigDecimal> s2 = row(report.get("current"), f.street2);
		Map<String, BigDecimal> total = values(report.get("current").get("total"));

		assertThat(report.get("current").get("rows")).hasSize(2);
		expect(s1, "entities", 3, "entities.ENTERPRISE", 2, "entities.NINE_SMALL_PLACES", 1, "entitiesSupervised", 2);
		expect(s2, "entities", 1, "entitiesSupervised", 1);
		expect(total, "entities", 4, "entitiesSupervised", 3);
		assertThat(total.get("supervisionCoverage")).isEqualByComparingTo("0.75");
		assertThat(s1.get("supervisionCoverage")).isEqualByComparingTo("0.6667");

		expect(s1, "hazardsFound", 3, "hazardsFound.GENERAL", 2, "hazardsFound.MAJOR", 1, "majorHazardsFound.IND001", 1);
		expect(s2, "hazardsFound", 1, "hazardsRectified", 1, "hazardsRectifiedOnTime", 0, "hazardsOverdue", 0);
		expect(s1, "hazardsRectified", 2, "hazardsRectifiedOnTime", 1, "hazardsOverdue", 1, "hazardsOverdue.MAJOR", 1);
		expect(total, "hazardsFound", 4, "hazardsRectified", 3, "hazardsRectifiedOnTime", 1, "hazardsOverdue", 1);
		assertThat(s1.get("onTimeRate")).isEqualByComparingTo("0.5");
		assertThat(s2.get("onTimeRate")).isEqualByComparingTo("0");
		assertThat(total.get("onTimeRate")).isEqualByComparingTo("0.3333");

		expect(s1, "reinspections", 3, "reinspections.PASS_REINSPECTION", 2, "reinspections.FAIL_REINSPECTION", 1);
		expect(total, "reinspections", 4, "reinspections.PASS_REINSPECTION", 3);
		assertThat(total.get("reinspectionPassRate")).isEqualByComparingTo("0.75");
		assertThat(s2.get("reinspectionPassRate")).isEqualByComparingTo("1");

		expect(s1, "warnings", 1, "warnings.OVERDUE_HAZARD", 1, "warningsByStep.2", 1, "warningsNoticed", 0);
		expect(s2, "warnings", 2, "warnings.LICENCE_EXPIRED", 1, "warningsByStep.3", 1, "warningsByStep.1", 1, "warningsNoticed", 1);
		// handled in time: resolved before a second step (w4); w1 and w2 had climbed before they were resolved
		expect(s1, "warningsHandled", 0);
		expect(s2, "warningsHandled", 1, "warningsHandled.LEAD_UNHANDLED", 1);
		assertThat(total.get("warningHandledRate")).isEqualByComparingTo("0.3333");
		// the draw's task for e2 is not done yet: not an inspection
		expect(s1, "inspections", 1, "inspections.SUPERVISION", 1, "entitiesInspected", 1);
		assertThat(total.get("inspectionCoverage")).isEqualByComparingTo("0.25");
		expect(s1, "entitiesComplete", 2);
		expect(s2, "entitiesComplete", 1);
		assertThat(total.get("dataCompletenessRate")).isEqualByComparingTo("0.75");
		expect(total, "accidents", 1, "accidents.GENERAL", 1, "accidentDeaths", 1);
		// open now: h3 and h6 (never handled) in street 1, h4 in street 2; the warnings were all resolved on 03-19
		expect(s1, "hazardsOpen", 2, "hazardsOpen.SUSPECTED_MAJOR", 1, "hazardsOpen.MAJOR", 1);
		expect(s2, "hazardsOpen", 1);
		expect(total, "warningsActive", 0);
	}

	@Test
	void casesFinesAndSupervisionOrdersRepliedOnTimeMatchTheHandCount() {
		JsonNode report = city.get("/api/statistics?" + PERIOD + "&regionId=" + f.district).expect(200).body();
		Map<String, BigDecimal> s1 = row(report.get("current"), f.street1);
		Map<String, BigDecimal> s2 = row(report.get("current"), f.street2);
		Map<String, BigDecimal> total = values(report.get("current").get("total"));
		// filed in March: c1 (decided since) and c3; c2 was filed in February
		expect(s1, "casesFiled", 2, "casesFiled.DECIDED", 1, "casesFiled.FILED", 1);
		expect(s2, "casesFiled", 0);
		// decided in March: c1's fine as reduced after the hearing (its suspension is no fine), c2's fine
		expect(s1, "finesDecided", 15000, "finesDecided.DECIDED", 15000);
		expect(s2, "finesDecided", 5000, "finesDecided.EXECUTED", 5000);
		expect(total, "casesFiled", 2, "finesDecided", 20000);
		// o1 replied on time, o2 a day late, o3 not yet replied on 03-20 (its reply of 03-25 is after the snapshot)
		expect(s1, "supervisionOrders", 1, "supervisionOrders.ON_TIME", 1);
		expect(s2, "supervisionOrders", 2, "supervisionOrders.LATE", 1, "supervisionOrders.OPEN", 1, "supervisionOrders.ON_TIME", 0);
		expect(total, "supervisionOrders", 3, "supervisionOrders.ON_TIME", 1);
		assertThat(s1.get("supervisionReplyOnTimeRate")).isEqualByComparingTo("1");
		assertThat(s2.get("supervisionReplyOnTimeRate")).isEqualByComparingTo("0");
		assertThat(total.get("supervisionReplyOnTimeRate")).isEqualByComparingTo("0.3333");

		expect(values(report.get("previous").get("total")), "casesFiled", 1, "finesDecided", 0, "supervisionOrders", 0);
		expect(values(report.get("lastYear").get("total")), "casesFiled", 0, "finesDecided", 0, "supervisionOrders", 0);
		// the emergency department: c1, c3 and o1, which concern its entities e1 and e2
		Map<String, BigDecimal> emergency = values(ApiClient.signedIn(port, "city_yj_leader")
			.get("/api/statistics?" + PERIOD + "&regionId=" + f.district).expect(200).body().get("current").get("total"));
		expect(emergency, "casesFiled", 2, "finesDecided", 15000, "supervisionOrders", 1, "supervisionOrders.ON_TIME", 1);
	}

	@Test
	void dualPreventionCoverageRunningAndFourColoursAreCountedAtTheSnapshot() {
		JsonNode report = city.get("/api/statistics?" + PERIOD + "&regionId=" + f.district).expect(200).body();
		Map<String, BigDecimal> s1 = row(report.get("current"), f.street1);
		Map<String, BigDecimal> s2 = row(report.get("current"), f.street2);
		Map<String, BigDecimal> total = values(report.get("current").get("total"));
		// e3 runs it without having to: not counted; e2 has been stopped since its warning of 03-12
		expect(s1, "preventionMandatory", 2, "preventionSetUp", 2, "preventionRunning", 1, "preventionRunning.IND001", 1);
		expect(s2, "preventionMandatory", 1, "preventionSetUp", 0, "preventionRunning", 0);
		assertThat(total.get("preventionSetUpRate")).isEqualByComparingTo("0.6667");
		assertThat(total.get("preventionRunningRate")).isEqualByComparingTo("0.5");
		assertThat(s2.get("preventionRunningRate")).isNull();
		expect(s1, "riskPoints", 4, "riskPoints.RED", 1, "riskPoints.ORANGE", 1, "riskPoints.YELLOW", 1, "riskPoints.BLUE", 1);
		expect(s2, "riskPoints", 1, "riskPoints.UNGRADED", 1);

		// at the end of February e1 was stopped (resumed on 03-01, known only once that day had passed) and e2 ran
		Map<String, BigDecimal> february = values(report.get("previous").get("total"));
		expect(february, "preventionSetUp", 2, "preventionRunning", 1);
		Map<String, BigDecimal> februaryStreet1 = row(report.get("previous"), f.street1);
		expect(februaryStreet1, "preventionRunning.IND016", 1, "preventionRunning.IND001", 0);
		// a year before, nothing was set up yet
		expect(values(report.get("lastYear").get("total")), "preventionMandatory", 3, "preventionSetUp", 0, "riskPoints", 0);
	}

	@Test
	void aChartAsksForItsFewFiguresAndGetsTheSameNumbersAndNothingElse() {
		JsonNode few = city.get("/api/statistics?" + PERIOD + "&regionId=" + f.district + "&compare=false&figures=hazardsFound,warnings")
			.expect(200).body();
		Map<String, BigDecimal> total = values(few.get("current").get("total"));
		expect(total, "hazardsFound", 4, "hazardsFound.MAJOR", 1, "warnings", 3);
		assertThat(total).doesNotContainKeys("entities", "hazardsRectified", "onTimeRate");
		assertThat(few.get("previous").isNull()).isTrue();
		assertThat(city.get("/api/statistics?figures=hazardsFound,onTimeRate").expect(400).code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void thePeriodBeforeAndTheSamePeriodLastYearAreCountedTheSameWay() {
		JsonNode report = city.get("/api/statistics?" + PERIOD + "&regionId=" + f.district).expect(200).body();
		JsonNode previous = report.get("previous");
		assertThat(previous.get("period").get("from").asString()).isEqualTo("2031-02-09");
		assertThat(previous.get("period").get("to").asString()).isEqualTo("2031-02-28");
		// h5 was found in February and still open at its end, past its deadline
		expect(values(previous.get("total")), "hazardsFound", 1, "hazardsRectified", 0, "hazardsOverdue", 1, "entities", 4,
				"entitiesSupervised", 3, "warnings", 0, "warningsActive", 1, "warningsActive.1", 1, "hazardsOpen", 2);

		JsonNode lastYear = report.get("lastYear");
		assertThat(lastYear.get("period").get("from").asString()).isEqualTo("2030-03-01");
		// e3 was still assigned in March 2030; its assignment ended in June
		expect(values(lastYear.get("total")), "entitiesSupervised", 4, "hazardsFound", 1, "hazardsFound.SUSPECTED_MAJOR", 1,
				"warnings", 1, "accidents", 1, "accidents.LARGER", 1, "accidentDeaths", 2);
	}

	@Test
	void theDistrictsOfTheCityAddUpToTheCityTotal() {
		JsonNode report = city.get("/api/statistics?" + PERIOD).expect(200).body();
		JsonNode current = report.get("current");
		Map<String, BigDecimal> sums = new HashMap<>();
		current.get("rows").forEach(r -> values(r.get("values")).forEach((k, v) -> sums.merge(k, v, BigDecimal::add)));
		Map<String, BigDecimal> total = values(current.get("total"));
		for (var figure : report.get("figures")) {
			if (figure.get("unit").asString().equals("COUNT")) {
				String code = figure.get("code").asString();
				assertThat(sums.getOrDefault(code, BigDecimal.ZERO)).as(code).isEqualByComparingTo(total.get(code));
			}
		}
		Map<String, BigDecimal> ours = row(current, f.district);
		Map<String, BigDecimal> alone = values(city.get("/api/statistics?" + PERIOD + "&regionId=" + f.district).expect(200)
			.body().get("current").get("total"));
		assertThat(ours).isEqualTo(alone);
	}

	@Test
	void aDistrictSeesItsOwnStreetsOnlyAndIsRefusedAnotherDistrict() {
		var lixia = ApiClient.signedIn(port, "lixia_office");
		JsonNode own = lixia.get("/api/statistics?" + PERIOD).expect(200).body();
		assertThat(own.get("regionName").asString()).isEqualTo("历下区");
		long lixiaId = own.get("regionId").asLong();
		for (JsonNode row : own.get("current").get("rows")) {
			long parent = jdbc.sql("SELECT coalesce(parent_id, 0) FROM region WHERE id = :id").param("id", row.get("regionId").asLong())
				.query(Long.class).single();
			assertThat(row.get("regionId").asLong() == lixiaId || parent == lixiaId).as(row.toString()).isTrue();
		}
		long shizhong = jdbc.sql("SELECT id FROM region WHERE code = '370103'").query(Long.class).single();
		assertThat(lixia.get("/api/statistics?" + PERIOD + "&regionId=" + shizhong).expect(404).code()).isEqualTo("NOT_FOUND");
		lixia.get("/api/statistics?" + PERIOD + "&regionId=" + f.district).expect(404);
		lixia.get("/api/statistics/export.xlsx?" + PERIOD + "&regionId=" + shizhong).expect(404);

		JsonNode cityRow = city.get("/api/statistics?" + PERIOD).expect(200).body();
		assertThat(values(own.get("current").get("total"))).isEqualTo(row(cityRow.get("current"), lixiaId));
	}

	@Test
	void aDepartmentSeesTheFiguresOfWhatItSupervises() {
		var emergency = ApiClient.signedIn(port, "city_yj_leader");
		Map<String, BigDecimal> total = values(emergency.get("/api/statistics?" + PERIOD + "&regionId=" + f.district).expect(200)
			.body().get("current").get("total"));
		// e1 and e2 are the emergency department's; e3 and e4 the market regulator's
		expect(total, "entities", 2, "entitiesSupervised", 2, "hazardsFound", 3, "hazardsRectified", 2, "warnings", 1,
				"accidents", 0);
	}

	@Test
	void theReportExportsAsAWorkbook() {
		var export = city.get("/api/statistics/export.xlsx?" + PERIOD + "&regionId=" + f.district).expect(200);
		assertThat(export.http().headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		assertThat(cn.anjian.support.Xlsx.class).isNotNull();
		assertThat(new String(export.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("PK");
	}

	static Map<String, BigDecimal> row(JsonNode table, long regionId) {
		for (JsonNode row : table.get("rows")) {
			if (row.get("regionId").asLong() == regionId) {
				return values(row.get("values"));
			}
		}
		throw new AssertionError("no row for region " + regionId + " in " + table);
	}

	static Map<String, BigDecimal> values(JsonNode node) {
		Map<String, BigDecimal> values = new HashMap<>();
		node.properties().forEach(e -> values.put(e.getKey(), e.getValue().decimalValue()));
		return values;
	}

	static void expect(Map<String, BigDecimal> values, Object... pairs) {
		for (int i = 0; i < pairs.length; i += 2) {
			String key = (String) pairs[i];
			assertThat(values.getOrDefault(key, BigDecimal.ZERO)).as(key).isEqualByComparingTo(BigDecimal.valueOf(((Number) pairs[i + 1]).longValue()));
		}
	}
}
