package cn.anjian.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 量化评估 (seed 004): a sheet adds up to 100 or is refused; a supervisor scores a business in its scope, each item at
 * most its points; the total is graded ≥ 90 蓝, ≥ 75 黄, ≥ 60 橙, else 红; the business reads its own, nobody else
 * outside the scope reads or scores it.
 */
@AnjianTest
class EvaluationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTotalIsGradedIntoFourColoursAtNinetySeventyFiveAndSixtyExactly() {
		assertThat(EvaluationGrading.grade(new BigDecimal("100"))).isEqualTo(RiskGrade.BLUE);
		assertThat(EvaluationGrading.grade(new BigDecimal("90"))).isEqualTo(RiskGrade.BLUE);
		assertThat(EvaluationGrading.grade(new BigDecimal("89.9"))).isEqualTo(RiskGrade.YELLOW);
		assertThat(EvaluationGrading.grade(new BigDecimal("75"))).isEqualTo(RiskGrade.YELLOW);
		assertThat(EvaluationGrading.grade(new BigDecimal("74.9"))).isEqualTo(RiskGrade.ORANGE);
		assertThat(EvaluationGrading.grade(new BigDecimal("60"))).isEqualTo(RiskGrade.ORANGE);
		assertThat(EvaluationGrading.grade(new BigDecimal("59.9"))).isEqualTo(RiskGrade.RED);
		assertThat(EvaluationGrading.grade(BigDecimal.ZERO)).isEqualTo(RiskGrade.RED);
	}

	@Test
	void theDefaultSheetsAddUpToOneHundredAndTheHazardousChemicalOneServesItsIndustries() {
		var office = ApiClient.signedIn(port, "lixia_office");
		JsonNode forChemicals = office.get("/api/prevention/evaluation-sheets?industry=IND001").expect(200).body();
		assertThat(forChemicals.get(0).get("code").asString()).isEqualTo("HAZCHEM");
		assertThat(forChemicals.findValuesAsString("code")).contains("GENERAL");
		for (JsonNode sheet : forChemicals) {
			assertThat(sheet.get("total").decimalValue()).isEqualByComparingTo("100");
		}
		assertThat(office.get("/api/prevention/evaluation-sheets?industry=IND017").expect(200).body()
			.findValuesAsString("code")).containsExactly("GENERAL");
	}

	@Test
	void aSheetNotAddingUpToOneHundredIsRefusedAndANewVersionKeepsTheOldOne() {
		var city = ApiClient.signedIn(port, "city_office");
		String code = "T" + System.nanoTime() % 1_000_000;
		var refused = city.put("/api/prevention/evaluation-sheets/" + code, sheet("测试表", 60, 35)).expect(400);
		assertThat(refused.raw()).contains("各评分项分值合计须为100分，当前合计95分");
		ApiClient.signedIn(port, "lixia_office").put("/api/prevention/evaluation-sheets/" + code, sheet("测试表", 60, 40)).expect(403);

		JsonNode first = city.put("/api/prevention/evaluation-sheets/" + code, sheet("测试表", 60, 40)).expect(200).body();
		assertThat(first.get("version").asInt()).isEqualTo(1);
		assertThat(first.get("total").decimalValue()).isEqualByComparingTo("100");
		JsonNode second = city.put("/api/prevention/evaluation-sheets/" + code, sheet("测试表（修订）", 70, 30)).expect(200).body();
		assertThat(second.get("version").asInt()).isEqualTo(2);
		JsonNode old = city.get("/api/prevention/evaluation-sheets/" + first.get("id").asLong()).expect(200).body();
		assertThat(old.get("current").asBoolean()).isFalse();
		assertThat(old.get("sections").get(0).get("items").get(0).get("maxPoints").decimalValue()).isEqualByComparingTo("60");
	}

	@Test
	void aDistrictScoresItsBusinessWhichReadsItAndNoOtherDistrictCan() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var business = ApiClient.signedIn(port, "lixia_biz");
		var otherOffice = ApiClient.signedIn(port, "shizhong_office");
		long entity = entityOf("lixia_biz");
		JsonNode sheet = office.get("/api/prevention/evaluation-sheets/" + sheetId("GENERAL")).expect(200).body();

		// 25 points lost: 75 exactly is 黄
		JsonNode created = office.post("/api/prevention/evaluations", evaluation(entity, sheet, 25, null)).expect(200).body();
		assertThat(created.get("evaluation").get("total").decimalValue()).isEqualByComparingTo("75");
		assertThat(created.get("evaluation").get("grade").asString()).isEqualTo("YELLOW");
		long id = created.get("evaluation").get("id").asLong();

		JsonNode own = business.get("/api/prevention/evaluations/" + id).expect(200).body();
		assertThat(own.get("scores")).hasSize(8);
		JsonNode ownList = business.get("/api/prevention/evaluations?size=100").expect(200).body();
		assertThat(ownList.get("items").findValuesAsString("entityName")).isNotEmpty().allMatch(name -> name.equals(ownList.get("items").get(0).get("entityName").asString()));
		business.post("/api/prevention/evaluations", evaluation(entity, sheet, 0, null)).expect(403);

		assertThat(otherOffice.get("/api/prevention/evaluations/" + id).expect(404).code()).isEqualTo("NOT_FOUND");
		assertThat(otherOffice.get("/api/prevention/evaluations?size=500").expect(200).raw()).doesNotContain("\"id\":" + id + ",");
		assertThat(otherOffice.post("/api/prevention/evaluations", evaluation(entity, sheet, 0, null)).expect(404).code())
			.isEqualTo("NOT_FOUND");

		// the latest evaluation decides the business's colour in the counts: 59.5 is 红
		long before = office.get("/api/prevention/evaluations").expect(200).body().get("counts").get("RED").asLong();
		office.post("/api/prevention/evaluations", evaluation(entity, sheet, 40.5, null)).expect(200);
		JsonNode counts = office.get("/api/prevention/evaluations").expect(200).body().get("counts");
		assertThat(counts.get("RED").asLong()).isEqualTo(before + 1);
	}

	@Test
	void aScoreAboveTheItemsPointsOrAMissingItemIsRefused() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityOf("lixia_biz");
		JsonNode sheet = office.get("/api/prevention/evaluation-sheets/" + sheetId("GENERAL")).expect(200).body();
		long count = jdbc.sql("SELECT count(*) FROM entity_evaluation").query(Long.class).single();
		assertThat(office.post("/api/prevention/evaluations", evaluation(entity, sheet, 0, "16")).expect(400).raw())
			.contains("第1项").contains("得分须在0至15分之间");
		String missing = evaluation(entity, sheet, 0, null).replaceFirst("\\{\"itemId\":\\d+,\"score\":[0-9.]+},", "");
		assertThat(office.post("/api/prevention/evaluations", missing).expect(400).raw()).contains("第1项").contains("未打分");
		assertThat(jdbc.sql("SELECT count(*) FROM entity_evaluation").query(Long.class).single()).isEqualTo(count);
	}

	/** A sheet of one section with two items worth {@code a} and {@code b} points. */
	private static String sheet(String name, int a, int b) {
		return """
				{"name":"%s","industries":["IND016"],"sections":[{"name":"安全管理","items":[
				  {"content":"责任制","maxPoints":%d,"guidance":"未建立全扣"},{"content":"培训","maxPoints":%d}]}]}
				""".formatted(name, a, b);
	}

	/** Full points on every item but {@code lost} points off the first ones; {@code firstScore} replaces the first score. */
	private static String evaluation(long entity, JsonNode sheet, double lost, String firstScore) {
		List<String> scores = new ArrayList<>();
		BigDecimal remaining = BigDecimal.valueOf(lost);
		for (JsonNode section : sheet.get("sections")) {
			for (JsonNode item : section.get("items")) {
				BigDecimal max = item.get("maxPoints").decimalValue();
				BigDecimal off = remaining.min(max);
				remaining = remaining.subtract(off);
				String score = scores.isEmpty() && firstScore != null ? firstScore : max.subtract(off).toPlainString();
				scores.add("{\"itemId\":" + item.get("id").asLong() + ",\"score\":" + score + "}");
			}
		}
		return "{\"entityId\":" + entity + ",\"sheetId\":" + sheet.get("id").asLong() + ",\"scores\":[" + String.join(",", scores) + "]}";
	}

	private long sheetId(String code) {
		return jdbc.sql("SELECT id FROM evaluation_sheet WHERE code = :c AND current").param("c", code).query(Long.class).single();
	}

	private long entityOf(String username) {
		return jdbc.sql("SELECT entity_id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
	}
}
