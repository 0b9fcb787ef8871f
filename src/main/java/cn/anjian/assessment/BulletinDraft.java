package cn.anjian.assessment;

import cn.anjian.platform.scope.DataScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first draft of a quarterly bulletin, written from the quarter's records in the order seed 000 §八(二) lists
 * them: 生产安全事故；考评结果；安全检查情况；隐患排查治理情况；新近发现的重大事故隐患；推广典型经验做法 — plus the warnings that
 * escalated to a city-wide notice (seed 003 §六). Every section is plain text the office edits before issue.
 */
@Component
class BulletinDraft {

	record Section(String key, String heading, String text) {
	}

	private final JdbcClient jdbc;
	private final Statistics statistics;

	BulletinDraft(JdbcClient jdbc, Statistics statistics) {
		this.jdbc = jdbc;
		this.statistics = statistics;
	}

	static Statistics.Period quarter(int year, int quarter) {
		LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
		return new Statistics.Period(from, from.plusMonths(3).minusDays(1));
	}

	static String title(int year, int quarter) {
		return "关于" + year + "年第" + "一二三四".charAt(quarter - 1) + "季度全市安全生产工作情况的通报";
	}

	List<Section> write(long city, int year, int quarter) {
		Statistics.Period period = quarter(year, quarter);
		Statistics.Table table = statistics.table(DataScope.unrestricted(city), city, period); // the city's own notice
		Map<String, BigDecimal> t = table.total();
		List<Section> sections = new ArrayList<>();
		sections.add(new Section("accidents", "一、生产安全事故情况", accidents(city, period)));
		sections.add(new Section("assessment", "二、安全生产考评结果", assessment(year, quarter)));
		sections.add(new Section("inspections", "三、安全检查情况", "本季度全市纳入平台监管的生产经营单位" + n(t, "entities")
				+ "家，已明确监管部门" + n(t, "entitiesSupervised") + "家，监管责任覆盖率" + pct(t.get("supervisionCoverage"))
				+ "。各级各部门在检查中共发现隐患" + n(t, "hazardsFound") + "项，复查" + n(t, "reinspections") + "次，复查通过率"
				+ pct(t.get("reinspectionPassRate")) + "。"));
		sections.add(new Section("hazards", "四、隐患排查治理情况", hazards(table)));
		sections.add(new Section("majorHazards", "五、新近发现的重大事故隐患", majorHazards(city, period)));
		sections.add(new Section("warnings", "六、预警升级通报情况", warnings(city, period)));
		sections.add(new Section("goodPractice", "七、典型经验做法", "（请填写本季度值得推广的典型经验做法。）"));
		sections.add(new Section("requirements", "八、下一步工作要求", "各区县、各有关部门要对照通报问题，举一反三，限期整改；被通报单位于3个工作日内报送整改情况。"));
		return sections;
	}

	private String accidents(long city, Statistics.Period period) {
		List<String> lines = jdbc.sql("""
				SELECT to_char(a.occurred_at AT TIME ZONE 'Asia/Shanghai', 'MM月DD日') AS day, d.name AS district, a.place, a.level,
				  a.deaths, a.injuries, a.direct_loss
				FROM accident a
				LEFT JOIN region d ON d.parent_id = :city AND d.id IN (SELECT ancestor_id FROM region_closure WHERE descendant_id = a.region_id)
				WHERE a.occurred_at >= :start AND a.occurred_at < :end ORDER BY a.occurred_at""")
			.param("city", city).param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
			.query((rs, i) -> (i + 1) + ". " + rs.getString("day") + "，" + (rs.getString("district") == null ? "" : rs.getString("district"))
					+ rs.getString("place") + "发生" + AccidentLevel.valueOf(rs.getString("level")).label + "，死亡" + rs.getInt("deaths")
					+ "人、受伤" + rs.getInt("injuries") + "人，直接经济损失" + rs.getBigDecimal("direct_loss").stripTrailingZeros().toPlainString() + "万元。")
			.list();
		return lines.isEmpty() ? "本季度全市未发生生产安全事故。"
				: "本季度全市共发生生产安全事故" + lines.size() + "起：\n" + String.join("\n", lines);
	}

	private String assessment(int year, int quarter) {
		int of = quarter == 1 ? year - 1 : year;
		List<String> lines = jdbc.sql("""
				SELECT r.unit_name, r.total, r.grade, r.vetoed FROM assessment_result r JOIN assessment_scheme s ON s.id = r.scheme_id
				WHERE s.year = :year AND s.state = 'PUBLISHED' AND r.unit_type = 'DISTRICT' ORDER BY r.total DESC""").param("year", of)
			.query((rs, i) -> rs.getString("unit_name") + " " + rs.getBigDecimal("total").toPlainString() + "分 "
					+ AssessmentGrading.Grade.valueOf(rs.getString("grade")).label + (rs.getBoolean("vetoed") ? "（一票否决）" : ""))
			.list();
		return lines.isEmpty() ? of + "年度考评结果尚未审定发布。" : of + "年度区县安全生产考评结果：" + String.join("；", lines) + "。";
	}

	private static String hazards(Statistics.Table table) {
		Map<String, BigDecimal> t = table.total();
		StringBuilder text = new StringBuilder("本季度全市发现隐患" + n(t, "hazardsFound") + "项（重大及疑似重大" + n(t, "majorHazardsFound")
				+ "项），整改销号" + n(t, "hazardsRectified") + "项，其中按期整改" + n(t, "hazardsRectifiedOnTime") + "项，按期整改率"
				+ pct(t.get("onTimeRate")) + "；截至季末逾期未整改" + n(t, "hazardsOverdue") + "项。分区县情况：");
		List<String> parts = new ArrayList<>();
		for (Statistics.Row row : table.rows()) {
			parts.add(row.regionName() + "发现" + n(row.values(), "hazardsFound") + "项、销号" + n(row.values(), "hazardsRectified")
					+ "项、逾期" + n(row.values(), "hazardsOverdue") + "项");
		}
		return text.append(String.join("；", parts)).append("。").toString();
	}

	private String majorHazards(long city, Statistics.Period period) {
		List<String> lines = jdbc.sql("""
				SELECT d.name AS district, e.name AS entity, h.description, h.level, h.state
				FROM hazard h JOIN supervised_entity e ON e.id = h.entity_id
				LEFT JOIN region d ON d.parent_id = :city AND d.id IN (SELECT ancestor_id FROM region_closure WHERE descendant_id = h.region_id)
				WHERE h.level IN ('MAJOR', 'SUSPECTED_MAJOR') AND h.found_at >= :start AND h.found_at < :end
				ORDER BY h.found_at LIMIT 50""")
			.param("city", city).param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
			.query((rs, i) -> (i + 1) + ". " + (rs.getString("district") == null ? "" : rs.getString("district") + " ") + rs.getString("entity")
					+ "：" + rs.getString("description") + "（" + (rs.getString("level").equals("MAJOR") ? "重大事故隐患" : "疑似重大事故隐患")
					+ (rs.getString("state").equals("CLOSED") ? "，已整改销号" : "，正在整改") + "）")
			.list();
		return lines.isEmpty() ? "本季度未发现重大事故隐患。" : String.join("\n", lines);
	}

	private String warnings(long city, Statistics.Period period) {
		List<String> lines = jdbc.sql("""
				SELECT d.name AS district, w.title, to_char(s.reached_at AT TIME ZONE 'Asia/Shanghai', 'MM月DD日') AS day
				FROM warning w JOIN warning_step s ON s.warning_id = w.id AND s.action = 'NOTICE'
				LEFT JOIN region d ON d.parent_id = :city AND d.id IN (SELECT ancestor_id FROM region_closure WHERE descendant_id = w.region_id)
				WHERE s.reached_at >= :start AND s.reached_at < :end ORDER BY s.reached_at LIMIT 50""")
			.param("city", city).param("start", Timestamp.from(period.start())).param("end", Timestamp.from(period.end()))
			.query((rs, i) -> (i + 1) + ". " + (rs.getString("district") == null ? "" : rs.getString("district") + " ") + rs.getString("title")
					+ "（" + rs.getString("day") + "升级至市级通报）")
			.list();
		return lines.isEmpty() ? "本季度无升级至市级通报的预警。"
				: "本季度以下" + lines.size() + "条预警经区、市两级督办仍未处置，升级至市级通报：\n" + String.join("\n", lines);
	}

	private static String n(Map<String, BigDecimal> values, String code) {
		return values.getOrDefault(code, BigDecimal.ZERO).stripTrailingZeros().toPlainString();
	}

	private static String pct(BigDecimal rate) {
		return rate == null ? "—" : rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}
}
