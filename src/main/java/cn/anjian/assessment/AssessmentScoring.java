package cn.anjian.assessment;

import cn.anjian.assessment.AssessmentGrading.Grade;
import cn.anjian.platform.scope.DataScope;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 考评 (yearly, or for a quarter): scores every unit the scheme's office assesses — the city its districts and city
 * departments, a district its streets (towns) and district departments — on the scheme's elements (AUTO elements
 * read the year's statistics, MANUAL ones the score entered with its evidence), grades the total, and applies the
 * one-vote veto. A district is vetoed by an accident in its territory; a department by an accident at an entity it
 * supervises.
 */
@Component
class AssessmentScoring {

	record Element(long id, String code, String name, BigDecimal weight, String kind, String statistic, BigDecimal low,
			BigDecimal high) {
	}

	record ElementScore(String code, String name, BigDecimal weight, String kind, String statistic, BigDecimal value,
			BigDecimal score, String note) {
	}

	record Unit(String type, long id, String name, long regionId) {
	}

	private final JdbcClient jdbc;
	private final Statistics statistics;
	private final JsonMapper json;

	AssessmentScoring(JdbcClient jdbc, Statistics statistics, JsonMapper json) {
		this.jdbc = jdbc;
		this.statistics = statistics;
		this.json = json;
	}

	/** Replaces the scheme's results with a fresh scoring of every unit; returns how many units were scored. */
	int score(long schemeId) {
		var scheme = jdbc.sql("SELECT year, quarter, excellent_threshold, pass_threshold, region_id FROM assessment_scheme WHERE id = :id")
			.param("id", schemeId).query().singleRow();
		int year = ((Number) scheme.get("year")).intValue();
		Integer quarter = (Integer) scheme.get("quarter");
		long region = ((Number) scheme.get("region_id")).longValue();
		BigDecimal excellent = (BigDecimal) scheme.get("excellent_threshold");
		BigDecimal pass = (BigDecimal) scheme.get("pass_threshold");
		List<Element> elements = jdbc.sql("""
				SELECT id, code, name, weight, kind, statistic, low, high FROM assessment_element WHERE scheme_id = :id
				ORDER BY sort_order, id""").param("id", schemeId).query(Element.class).list();
		LocalDate from = quarter == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 3 * quarter - 2, 1);
		Statistics.Period period = new Statistics.Period(from, from.plusMonths(quarter == null ? 12 : 3).minusDays(1));
		// the assessment is the office's own work over every unit below it
		DataScope wholeRegion = DataScope.unrestricted(region);
		Map<Long, Map<String, BigDecimal>> regionFigures = statistics.table(wholeRegion, region, period).rows().stream()
			.collect(Collectors.toMap(Statistics.Row::regionId, Statistics.Row::values));

		jdbc.sql("DELETE FROM assessment_result WHERE scheme_id = :id").param("id", schemeId).update();
		List<Unit> units = units(region);
		for (Unit unit : units) {
			Map<String, BigDecimal> figures = !unit.type().equals("DEPARTMENT") ? regionFigures.getOrDefault(unit.id(), Map.of())
					: statistics.totals(new DataScope(DataScope.Kind.DEPARTMENT, 0, region, unit.id(), null), region, period);
			List<ElementScore> scores = new ArrayList<>();
			for (Element e : elements) {
				scores.add(score(e, unit, figures));
			}
			BigDecimal total = scores.stream().map(ElementScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
			Grade byScore = AssessmentGrading.grade(total, excellent, pass);
			List<String> accidents = vetoingAccidents(unit, period);
			String reason = accidents.isEmpty() ? null
					: "一票否决：" + period.from().getYear() + "年" + (quarter == null ? "度" : "第" + quarter + "季度")
							+ "发生一般及以上生产安全事故 " + accidents.size() + " 起（"
							+ String.join("；", accidents) + "），等次定为不合格";
			jdbc.sql("""
					INSERT INTO assessment_result (scheme_id, unit_type, unit_id, unit_name, region_id, total, score_grade, grade,
					  vetoed, veto_reason, elements)
					VALUES (:scheme, :type, :unit, :name, :region, :total, :scoreGrade, :grade, :vetoed, :reason, CAST(:elements AS jsonb))
					""").param("scheme", schemeId).param("type", unit.type()).param("unit", unit.id()).param("name", unit.name())
				.param("region", unit.regionId()).param("total", total).param("scoreGrade", byScore.name())
				.param("grade", reason == null ? byScore.name() : Grade.FAIL.name()).param("vetoed", reason != null)
				.param("reason", reason).param("elements", json.writeValueAsString(scores)).update();
		}
		return units.size();
	}

	private ElementScore score(Element e, Unit unit, Map<String, BigDecimal> figures) {
		if (e.kind().equals("AUTO")) {
			BigDecimal value = figures.get(e.statistic());
			if (value == null && !isRate(e.statistic())) {
				value = BigDecimal.ZERO; // a count with nothing counted
			}
			BigDecimal score = AssessmentGrading.linear(value, e.low(), e.high(), e.weight());
			return new ElementScore(e.code(), e.name(), e.weight(), e.kind(), e.statistic(), value, score,
					value == null ? "无数据（比率的分母为0），不得分" : null);
		}
		var row = jdbc.sql("""
				SELECT score, note FROM assessment_manual_score WHERE element_id = :e AND unit_type = :t AND unit_id = :u
				""").param("e", e.id()).param("t", unit.type()).param("u", unit.id()).query().listOfRows();
		if (row.isEmpty()) {
			return new ElementScore(e.code(), e.name(), e.weight(), e.kind(), null, null, BigDecimal.ZERO.setScale(2), "未评分");
		}
		BigDecimal score = ((BigDecimal) row.get(0).get("score")).min(e.weight()).setScale(2);
		return new ElementScore(e.code(), e.name(), e.weight(), e.kind(), null, null, score, (String) row.get(0).get("note"));
	}

	private static boolean isRate(String code) {
		return StatisticsCatalogue.RATES.stream().anyMatch(r -> r.code().equals(code));
	}

	/** The accidents that veto the unit's grade, each described by date, place, unit and level. */
	private List<String> vetoingAccidents(Unit unit, Statistics.Period period) {
		String where = !unit.type().equals("DEPARTMENT")
				? "a.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :unit)"
				: "EXISTS (SELECT 1 FROM entity_assignment s WHERE s.entity_id = a.entity_id AND s.department_id = :unit"
						+ " AND s.started_at <= a.occurred_at AND (s.ended_at IS NULL OR s.ended_at > a.occurred_at))";
		Map<String, String> labels = new LinkedHashMap<>();
		for (AccidentLevel level : AccidentLevel.values()) {
			labels.put(level.name(), level.vetoes() ? level.label : null);
		}
		return jdbc.sql("""
				SELECT to_char(a.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, a.place, e.name AS entity, a.level,
				  a.deaths, a.injuries
				FROM accident a LEFT JOIN supervised_entity e ON e.id = a.entity_id
				WHERE a.occurred_at >= :start AND a.occurred_at < :end AND a.level IN (:levels) AND """ + " " + where
				+ " ORDER BY a.occurred_at, a.id")
			.param("unit", unit.id()).param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
			.param("levels", labels.entrySet().stream().filter(x -> x.getValue() != null).map(Map.Entry::getKey).toList())
			.query((rs, n) -> rs.getString("day") + " " + rs.getString("place")
					+ (rs.getString("entity") == null ? "" : " " + rs.getString("entity")) + " " + labels.get(rs.getString("level"))
					+ "（死亡" + rs.getInt("deaths") + "人、受伤" + rs.getInt("injuries") + "人）")
			.list();
	}

	/** The city assesses its districts and departments; a district its streets (towns) and its departments. */
	private List<Unit> units(long region) {
		return jdbc.sql("""
				SELECT CASE WHEN level = 'DISTRICT' THEN 'DISTRICT' ELSE 'STREET' END AS type, id, name, id AS region_id, sort_order,
				  code AS k FROM region WHERE parent_id = :region
				UNION ALL
				SELECT 'DEPARTMENT', id, name, region_id, 1000 + sort_order, name FROM department WHERE region_id = :region
				ORDER BY 5, 6""").param("region", region).query(Unit.class).list();
	}
}
