package cn.anjian.assessment;

import cn.anjian.platform.demo.DemoSeed;
import cn.anjian.platform.time.BusinessTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo accidents (one 一般 accident this year in 历下区, so its veto shows; others last year for 同比), the year's
 * targets, and this year's assessment scheme, scored and waiting for the city office's approval.
 */
@Component
class AssessmentDemoSeed implements DemoSeed {

	private final JdbcClient jdbc;
	private final AssessmentScoring scoring;
	private final Clock clock;

	AssessmentDemoSeed(JdbcClient jdbc, AssessmentScoring scoring, Clock clock) {
		this.jdbc = jdbc;
		this.scoring = scoring;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM assessment_scheme").query(Long.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		int year = LocalDate.ofInstant(now, BusinessTime.ZONE).getYear();
		long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
		accident("370102", now.minus(Duration.ofDays(40)), "某商业综合体地下车库", "IND016", "GENERAL", 1, 2, "85.5",
				"施工人员在有限空间作业时未落实通风检测，发生中毒窒息。");
		accident("370104", now.minus(Duration.ofDays(400)), "某物流园区仓库", "IND016", "GENERAL", 1, 0, "40",
				"叉车作业时撞倒货架，造成一人死亡。");
		accident("370105", now.minus(Duration.ofDays(430)), "某建筑工地", "IND017", "LARGER", 3, 1, "620",
				"塔吊顶升作业违规操作导致倾覆。");
		target(city, year, "ALL", "DEATHS", "REDUCE_PCT", "10", "全市生产安全事故死亡人数同比下降10%");
		target(city, year, "IND017", "DEATHS", "AT_MOST", "1", "建筑施工领域死亡人数不超过1人");
		target(city, year, "IND001", "ACCIDENTS", "AT_MOST", "0", "危险化学品生产领域杜绝生产安全事故");

		long scheme = jdbc.sql("""
				INSERT INTO assessment_scheme (region_id, year, name, excellent_threshold, pass_threshold, state, created_at)
				VALUES (:city, :year, :name, 90, 60, 'DRAFT', :now) RETURNING id""").param("city", city).param("year", year)
			.param("name", year + "年度全市安全生产考评方案").param("now", Timestamp.from(now)).query(Long.class).single();
		List<Object[]> elements = List.of(
				new Object[] { "COVERAGE", "监管责任落实（监管责任覆盖率 80%→100%）", 20, "AUTO", "supervisionCoverage", "0.8", "1" },
				new Object[] { "ONTIME", "隐患按期整改（按期整改率 60%→100%）", 25, "AUTO", "onTimeRate", "0.6", "1" },
				new Object[] { "REINSPECT", "复查闭环（复查通过率 50%→100%）", 15, "AUTO", "reinspectionPassRate", "0.5", "1" },
				new Object[] { "OVERDUE", "逾期未整改隐患（20项及以上不得分，0项满分）", 10, "AUTO", "hazardsOverdue", "20", "0" },
				new Object[] { "NOTICED", "预警升级至市级通报（10条及以上不得分）", 10, "AUTO", "warningsNoticed", "10", "0" },
				new Object[] { "PLATFORM", "平台管理和使用情况（人工评分，附佐证）", 20, "MANUAL", null, null, null });
		int order = 0;
		for (Object[] e : elements) {
			jdbc.sql("""
					INSERT INTO assessment_element (scheme_id, region_id, code, name, weight, kind, statistic, low, high, sort_order)
					VALUES (:s, :r, :code, :name, :weight, :kind, :statistic, CAST(:low AS numeric), CAST(:high AS numeric), :order)""")
				.param("s", scheme).param("r", city).param("code", e[0]).param("name", e[1]).param("weight", e[2]).param("kind", e[3])
				.param("statistic", e[4]).param("low", e[5]).param("high", e[6]).param("order", ++order).update();
		}
		jdbc.sql("""
				INSERT INTO assessment_manual_score (element_id, unit_type, unit_id, region_id, score, note, updated_at)
				SELECT e.id, 'DISTRICT', r.id, r.id, 14 + (r.sort_order % 6), '平台日常使用与联络员履职情况', :now
				FROM assessment_element e, region r WHERE e.scheme_id = :s AND e.code = 'PLATFORM' AND r.parent_id = :city""")
			.param("s", scheme).param("city", city).param("now", Timestamp.from(now)).update();
		scoring.score(scheme);
		jdbc.sql("UPDATE assessment_scheme SET state = 'SCORED', scored_at = :now WHERE id = :s").param("now", Timestamp.from(now))
			.param("s", scheme).update();
	}

	private void accident(String districtCode, Instant at, String place, String industry, String level, int deaths, int injuries,
			String loss, String summary) {
		jdbc.sql("""
				INSERT INTO accident (region_id, occurred_at, place, industry, level, deaths, injuries, direct_loss, summary, created_at, updated_at)
				SELECT r.id, :at, :place, :industry, :level, :deaths, :injuries, CAST(:loss AS numeric), :summary, :at, :at
				FROM region r WHERE r.parent_id = (SELECT id FROM region WHERE code = :code) ORDER BY r.sort_order, r.code LIMIT 1""")
			.param("code", districtCode).param("at", Timestamp.from(at)).param("place", place).param("industry", industry)
			.param("level", level).param("deaths", deaths).param("injuries", injuries).param("loss", loss).param("summary", summary)
			.update();
	}

	private void target(long city, int year, String industry, String metric, String kind, String value, String note) {
		jdbc.sql("""
				INSERT INTO safety_target (region_id, year, industry, metric, kind, value, note)
				VALUES (:city, :year, :industry, :metric, :kind, CAST(:value AS numeric), :note)""").param("city", city)
			.param("year", year).param("industry", industry).param("metric", metric).param("kind", kind).param("value", value)
			.param("note", note).update();
	}
}
