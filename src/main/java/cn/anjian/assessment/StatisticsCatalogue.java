package cn.anjian.assessment;

import static cn.anjian.assessment.SummarisedFigures.Source.ENTITY;
import static cn.anjian.assessment.SummarisedFigures.Source.HAZARD;
import static cn.anjian.assessment.SummarisedFigures.Source.HAZARD_TRANSITION;
import static cn.anjian.assessment.SummarisedFigures.Source.WARNING;

import cn.anjian.platform.scope.DataScope;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every figure the statistics, the assessment and the bulletin can read, one row each. A count is a SQL fragment
 * answering {@code (group_id, dim, n)} for the rows of a period — {@code :start}/{@code :end} bound the period,
 * {@code :asOf} is the moment a snapshot is taken (the period's end, or now if that is earlier) and the table
 * {@code grp(region_id, group_id)} maps each region of the chosen subtree to the row it is counted in. A rate is
 * the quotient of two counts (or of a count's dimension), computed after the counts are summed, so a district's
 * rate and the city's are both exact. A new figure (inspections, cases, dual prevention …) is one more row.
 * The figures of the register, the hazards and the warnings — the ones over millions of records — have their rules in
 * {@code R__statistics_facts.sql} and are read from the summary the records' own transactions keep
 * ({@link SummarisedFigures}); the others are counted from their records here.
 */
final class StatisticsCatalogue {

	enum Unit {
		COUNT, RATE
	}

	/** A figure counted by SQL: its fragment takes the caller's scope, which it must apply. */
	record Count(String code, String name, String dimension, Function<DataScope, String> sql) {
	}

	/** A figure derived from two others, {@code numerator / denominator}, null when the denominator is zero. */
	record Rate(String code, String name, String numerator, String denominator) {
	}

	record Figure(String code, String name, Unit unit, String dimension) {
	}

	/** The Beijing dates of the period, for records kept by day. */
	private static final String DAY_START = "CAST(CAST(:start AS timestamptz) AT TIME ZONE 'Asia/Shanghai' AS date)";
	private static final String DAY_END = "CAST(CAST(:end AS timestamptz) AT TIME ZONE 'Asia/Shanghai' AS date)";

	/** A business has set up dual prevention when it has an active check task created by the snapshot. */
	private static final String PREVENTION_SET_UP = "EXISTS (SELECT 1 FROM check_task t WHERE t.entity_id = e.id AND t.active AND t.created_at < :asOf)";

	static final List<Count> COUNTS = List.of(
			// the register's, the hazards' and the warnings' figures: their rules are in R__statistics_facts.sql (SummarisedFigures)
			new Count("entities", "监管对象数", "social_function", SummarisedFigures.snapshot(ENTITY, "entities")),
			new Count("entitiesSupervised", "已明确监管部门的对象数", "social_function", SummarisedFigures.snapshot(ENTITY, "entitiesSupervised")),
			new Count("entitiesComplete", "基础数据完整的对象数", "social_function", SummarisedFigures.snapshot(ENTITY, "entitiesComplete")),
			new Count("hazardsFound", "发现隐患数", "hazard_level", SummarisedFigures.period(HAZARD, "hazardsFound")),
			new Count("majorHazardsFound", "发现重大（含疑似）隐患数", "industry", s -> """
					SELECT g.group_id, e.industry AS dim, count(*) AS n FROM hazard h JOIN grp g ON g.region_id = h.region_id
					JOIN supervised_entity e ON e.id = h.entity_id
					WHERE h.found_at >= :start AND h.found_at < :end AND h.level IN ('MAJOR', 'SUSPECTED_MAJOR') AND %s
					GROUP BY 1, 2""".formatted(hazards(s))),
			new Count("hazardsRectified", "整改销号隐患数", "hazard_level", SummarisedFigures.period(HAZARD, "hazardsRectified")),
			new Count("hazardsRectifiedOnTime", "按期整改隐患数", "hazard_level", SummarisedFigures.period(HAZARD, "hazardsRectifiedOnTime")),
			new Count("hazardsOverdue", "逾期未整改隐患数", "hazard_level", SummarisedFigures.overdue()),
			new Count("hazardsOpen", "未销号隐患数", "hazard_level", SummarisedFigures.snapshot(HAZARD, "hazardsOpen")),
			new Count("reinspections", "复查次数", "reinspection", SummarisedFigures.period(HAZARD_TRANSITION, "reinspections")),
			new Count("warnings", "启动预警数", "trigger_kind", SummarisedFigures.period(WARNING, "warnings")),
			new Count("warningsByStep", "预警最高升级步骤", "warning_step", SummarisedFigures.period(WARNING, "warningsByStep")),
			new Count("warningsActive", "进行中预警数", "warning_step", SummarisedFigures.snapshot(WARNING, "warningsActive")),
			new Count("warningsHandled", "及时处置的预警数（未升级即解除）", "trigger_kind", SummarisedFigures.period(WARNING, "warningsHandled")),
			new Count("warningsNoticed", "升级至通报的预警数", "trigger_kind", SummarisedFigures.period(WARNING, "warningsNoticed")),
			new Count("accidents", "生产安全事故起数", "accident_level", s -> """
					SELECT g.group_id, x.level AS dim, count(*) AS n FROM accident x JOIN grp g ON g.region_id = x.region_id
					WHERE x.occurred_at >= :start AND x.occurred_at < :end AND %s GROUP BY 1, 2""".formatted(accidents(s))),
			new Count("accidentDeaths", "事故死亡人数", "industry", s -> """
					SELECT g.group_id, x.industry AS dim, sum(x.deaths) AS n FROM accident x JOIN grp g ON g.region_id = x.region_id
					WHERE x.occurred_at >= :start AND x.occurred_at < :end AND %s GROUP BY 1, 2""".formatted(accidents(s))),
			// 量 of seed 003 §九: inspections recorded and the entities they reached (an inspection's day is a Beijing date;
			// a task generated from a 双随机 draw counts once it has its result)
			new Count("inspections", "检查次数", "inspection_type", s -> """
					SELECT g.group_id, i.type AS dim, count(*) AS n FROM inspection i JOIN grp g ON g.region_id = i.region_id
					WHERE i.inspected_on >= %s AND i.inspected_on < %s AND (i.draw_id IS NULL OR i.result IS NOT NULL) AND %s
					GROUP BY 1, 2"""
				.formatted(DAY_START, DAY_END, s.entityRecordFilter("i.entity_id", "i.region_id", "i.department_id"))),
			new Count("entitiesInspected", "检查覆盖对象数", "social_function", s -> """
					SELECT g.group_id, e.social_function AS dim, count(DISTINCT i.entity_id) AS n FROM inspection i
					JOIN grp g ON g.region_id = i.region_id JOIN supervised_entity e ON e.id = i.entity_id
					WHERE i.inspected_on >= %s AND i.inspected_on < %s AND (i.draw_id IS NULL OR i.result IS NOT NULL) AND %s
					GROUP BY 1, 2"""
				.formatted(DAY_START, DAY_END, s.entityRecordFilter("i.entity_id", "i.region_id", "i.department_id"))),
			new Count("casesFiled", "立案数", "case_state", s -> """
					SELECT g.group_id, c.state AS dim, count(*) AS n FROM enforcement_case c JOIN grp g ON g.region_id = c.region_id
					WHERE c.filed_at >= :start AND c.filed_at < :end AND %s GROUP BY 1, 2"""
				.formatted(s.entityRecordFilter("c.entity_id", "c.region_id", "c.department_id"))),
			// fines by the amount in force (after hearings or reconsideration), of the cases decided in the period
			new Count("finesDecided", "罚款金额（元）", "case_state", s -> """
					SELECT g.group_id, c.state AS dim, sum(p.current_amount) AS n FROM case_penalty p
					JOIN enforcement_case c ON c.id = p.case_id JOIN grp g ON g.region_id = c.region_id
					WHERE p.kind = 'FINE' AND c.decided_at >= :start AND c.decided_at < :end AND %s GROUP BY 1, 2"""
				.formatted(s.entityRecordFilter("c.entity_id", "c.region_id", "c.department_id"))),
			// 双重预防 (seed 003 §五, DOMAIN.md §2.4), at the snapshot: the businesses that must run it, those that have set it
			// up (an active check task by then) and, of those, the ones running normally: no stoppage of the (十九) rule open —
			// a stoppage ends with its resumed day, which is known once that day has passed
			new Count("preventionMandatory", "应建双重预防机制单位数", "industry", SummarisedFigures.snapshot(ENTITY, "preventionMandatory")),
			new Count("preventionSetUp", "已建双重预防机制单位数（应建）", "industry", s -> """
					SELECT g.group_id, e.industry AS dim, count(*) AS n FROM supervised_entity e JOIN grp g ON g.region_id = e.region_id
					WHERE e.dual_prevention_mandatory AND e.created_at < :asOf AND %s AND %s GROUP BY 1, 2"""
				.formatted(s.entityFilter("e.id", "e.region_id"), PREVENTION_SET_UP)),
			new Count("preventionRunning", "双重预防正常运行单位数（应建）", "industry", s -> """
					SELECT g.group_id, e.industry AS dim, count(*) AS n FROM supervised_entity e JOIN grp g ON g.region_id = e.region_id
					WHERE e.dual_prevention_mandatory AND e.created_at < :asOf AND %s AND %s
					  AND NOT EXISTS (SELECT 1 FROM prevention_stoppage p WHERE p.entity_id = e.id AND p.triggered_at <= :asOf
					    AND (p.resumed_on IS NULL OR p.resumed_on >= CAST(CAST(:asOf AS timestamptz) AT TIME ZONE 'Asia/Shanghai' AS date)))
					GROUP BY 1, 2""".formatted(s.entityFilter("e.id", "e.region_id"), PREVENTION_SET_UP)),
			// 四色: the risk points in use, by their current grade (a point takes the highest grade of its hazards)
			new Count("riskPoints", "风险点数（四色）", "risk_grade", s -> """
					SELECT g.group_id, coalesce(p.grade, 'UNGRADED') AS dim, count(*) AS n FROM risk_point p
					JOIN grp g ON g.region_id = p.region_id
					WHERE p.active AND p.created_at < :asOf AND %s GROUP BY 1, 2""".formatted(s.entityFilter("p.entity_id", "p.region_id"))),
			// 督办单 issued in the period, by whether the reply came by its deadline (as of the snapshot)
			new Count("supervisionOrders", "督办单数", "reply", s -> """
					SELECT g.group_id, CASE WHEN o.replied_at IS NOT NULL AND o.replied_at <= :asOf
					  THEN CASE WHEN o.replied_at <= o.reply_due_at THEN 'ON_TIME' ELSE 'LATE' END ELSE 'OPEN' END AS dim,
					  count(*) AS n FROM supervision_order o JOIN grp g ON g.region_id = o.region_id
					WHERE o.issued_at >= :start AND o.issued_at < :end AND %s GROUP BY 1, 2"""
				.formatted(s.entityRecordFilter("o.entity_id", "o.region_id", "o.addressee_department_id"))));


	static final List<Rate> RATES = List.of(
			new Rate("supervisionCoverage", "监管责任覆盖率", "entitiesSupervised", "entities"),
			new Rate("dataCompletenessRate", "基础数据完整率", "entitiesComplete", "entities"),
			new Rate("warningHandledRate", "预警及时处置率", "warningsHandled", "warnings"),
			new Rate("onTimeRate", "隐患按期整改率", "hazardsRectifiedOnTime", "hazardsRectified"),
			new Rate("reinspectionPassRate", "复查通过率", "reinspections.PASS_REINSPECTION", "reinspections"),
			new Rate("inspectionCoverage", "检查覆盖率", "entitiesInspected", "entities"),
			new Rate("supervisionReplyOnTimeRate", "督办按期回复率", "supervisionOrders.ON_TIME", "supervisionOrders"),
			new Rate("preventionSetUpRate", "双重预防建设率", "preventionSetUp", "preventionMandatory"),
			new Rate("preventionRunningRate", "双重预防正常运行率", "preventionRunning", "preventionSetUp"));

	static List<Figure> figures() {
		var counts = COUNTS.stream().map(c -> new Figure(c.code(), c.name(), Unit.COUNT, c.dimension()));
		var rates = RATES.stream().map(r -> new Figure(r.code(), r.name(), Unit.RATE, null));
		return java.util.stream.Stream.concat(counts, rates).toList();
	}

	/** Labels of the fixed dimensions; social function and industry come from the dictionaries. */
	static final Map<String, Map<String, String>> LABELS = Map.of(
			"hazard_level", Map.of("GENERAL", "一般隐患", "SUSPECTED_MAJOR", "疑似重大隐患", "MAJOR", "重大隐患"),
			"reinspection", Map.of("PASS_REINSPECTION", "复查通过", "FAIL_REINSPECTION", "复查不通过"),
			"trigger_kind", Map.of("OVERDUE_HAZARD", "隐患逾期", "SUSPECTED_MAJOR_HAZARD", "疑似重大隐患", "LEAD_UNHANDLED",
					"线索未处理", "LICENCE_EXPIRED", "证照过期", "PREVENTION_NOT_RUNNING", "双重预防未运行", "DISPATCH_REPORT_LATE", "调度报告逾期",
					"INTERVIEW_FOLLOW_UP_OVERDUE", "约谈整改逾期"),
			"warning_step", Map.of("0", "未升级", "1", "第一步", "2", "第二步", "3", "第三步"),
			"inspection_type", Map.of("ENFORCEMENT", "执法检查", "SUPERVISION", "监督检查", "ROUTINE", "日常检查", "SPECIAL",
					"专项检查", "INSPECTION_TOUR", "督查", "RE_INSPECTION", "复查"),
			"case_state", Map.of("FILED", "已立案", "DECIDED", "已决定", "EXECUTED", "已执行", "CLOSED", "已结案",
					"NOT_PENALIZED", "不予处罚", "WITHDRAWN", "已撤案"),
			"risk_grade", Map.of("RED", "重大风险", "ORANGE", "较大风险", "YELLOW", "一般风险", "BLUE", "低风险", "UNGRADED", "未评价"),
			"reply", Map.of("ON_TIME", "按期回复", "LATE", "逾期回复", "OPEN", "未回复"),
			"accident_level", Map.of("GENERAL", "一般事故", "LARGER", "较大事故", "MAJOR", "重大事故", "ESPECIALLY_MAJOR", "特别重大事故"));

	/** The scope of records about a hazard {@code h}: its entity's, or its department's. */
	static String hazards(DataScope s) {
		return s.entityRecordFilter("h.entity_id", "h.region_id", "h.department_id");
	}

	private static String accidents(DataScope s) {
		// a department sees the accidents of the entities it supervises; offices their territory
		return s.kind() == DataScope.Kind.DEPARTMENT ? "x.entity_id IS NOT NULL AND " + s.entityFilter("x.entity_id", "x.region_id")
				: s.regionFilter("x.region_id");
	}

	private StatisticsCatalogue() {
	}
}
