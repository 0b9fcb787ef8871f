package cn.anjian.assessment;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the register, the hazards and the warnings, whose rules are written once in
 * {@code R__statistics_facts.sql}: each record yields facts (figure, dimension, Beijing day, ±n), a period figure sums
 * the days of the period and a snapshot figure every day up to the moment asked. A region's office reads them from the
 * summary ({@code stat_monthly}, {@code stat_daily} and the deltas of {@code stat_delta} not yet folded into them),
 * which triggers keep in the transactions that change the records, so a quarter of a city is a few thousand summary
 * rows instead of millions of records. A department's view is no region: it counts the same facts straight from the
 * records it may see, into relations of the same shape ({@code stat_scope_*}), so both views follow the same rules by
 * construction.
 */
final class SummarisedFigures {

	/** The records a figure's facts come from (the functions of R__statistics_facts.sql). */
	enum Source {
		ENTITY, HAZARD, HAZARD_TRANSITION, WARNING;

		/** The caller's own summary of this source's facts, for a caller that is not a region's office. */
		String scopeRelation() {
			return "stat_scope_" + name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** Facts on the days of the period. */
	static Function<DataScope, String> period(Source source, String figure) {
		return s -> sum(s, source, figure, "period");
	}

	/** Facts up to the moment asked: every day before its day, and its day up to then (see {@link #overdue}). */
	static Function<DataScope, String> snapshot(Source source, String figure) {
		return s -> sum(s, source, figure, "snapshot");
	}

	/**
	 * 逾期未整改 at a moment inside a day: a deadline later that day is on the day's summary row but has not come yet.
	 * Those few hazards (a range of the still-rectifying deadlines' index) are taken back; at midnight the range is empty.
	 * Only a hazard being rectified has an overdue fact in the future: one reported has no deadline, one submitted none.
	 */
	static Function<DataScope, String> overdue() {
		return s -> sum(s, Source.HAZARD, "hazardsOverdue", "snapshot") + """
				
				UNION ALL
				SELECT g.group_id, f.dim, -f.n FROM hazard h JOIN grp g ON g.region_id = h.region_id
				CROSS JOIN LATERAL stat_hazard_facts(h.level, h.state, h.found_at, h.closed_at, h.deadline) f
				WHERE h.state = 'RECTIFYING' AND h.deadline > :asOf AND h.deadline <= :asOfDayEnd
				  AND f.figure = 'hazardsOverdue' AND f.at > :asOf AND %s""".formatted(StatisticsCatalogue.hazards(s));
	}

	/** "Before the period": its start, or the moment asked if that is earlier. */
	private static final String FINISHED_BEFORE = "least(CAST(:start AS timestamptz), CAST(:asOf AS timestamptz))";

	/**
	 * For a caller that is not a region's office, the statement's {@code stat_scope_*}: per source, the facts of the
	 * records in the caller's scope, summed like {@code stat_daily} (PostgreSQL computes only those a figure asked for
	 * reads); nothing for a region's office, who reads the summary itself. Records whose facts cannot reach the figures
	 * asked are left out before their facts are computed (R__statistics_facts.sql says where each fact lies):
	 * <ul>
	 * <li>a record finished before the period (or the moment asked, if earlier) — a hazard closed, a warning resolved —
	 * has all its facts before it, and they net to nothing from then on;</li>
	 * <li>without a snapshot figure of the hazards, only the hazards found or closed in the period count;</li>
	 * <li>without warnings in progress or noticed, only the warnings triggered in the period (their other facts lie at
	 * their triggering);</li>
	 * <li>without the supervised entities, an entity's assignments are not read.</li>
	 * </ul>
	 */
	static String scopeRelations(DataScope s, java.util.Collection<String> figures) {
		if (s.kind() == DataScope.Kind.REGION) {
			return "";
		}
		String facts = """
				, %s AS MATERIALIZED (
				  SELECT f.figure, x.region_id, f.dim, f.day, sum(f.n) AS n FROM %s
				  WHERE x.region_id IN (SELECT region_id FROM grp) AND %s
				  GROUP BY 1, 2, 3, 4)
				""";
		String hazardsNeeded = figures.contains("hazardsOpen") || figures.contains("hazardsOverdue")
				? "(x.closed_at IS NULL OR x.closed_at >= " + FINISHED_BEFORE + ")"
				: "(x.found_at >= :start AND x.found_at < :end OR x.closed_at >= :start AND x.closed_at < :end)";
		String warningsNeeded = figures.contains("warningsActive") || figures.contains("warningsNoticed")
				? "(x.resolved_at IS NULL OR greatest(x.triggered_at, x.resolved_at, st.last) >= " + FINISHED_BEFORE + ")"
				: "x.triggered_at >= :start AND x.triggered_at < :end";
		String assignments = figures.contains("entitiesSupervised") ? "a.started_at, a.ended_at" : "NULL, NULL";
		return facts.formatted(Source.HAZARD.scopeRelation(), """
				hazard x CROSS JOIN LATERAL stat_hazard_facts(x.level, x.state, x.found_at, x.closed_at, x.deadline) f""",
				hazardsNeeded + " AND " + s.entityRecordFilter("x.entity_id", "x.region_id", "x.department_id"))
				+ facts.formatted(Source.HAZARD_TRANSITION.scopeRelation(), """
						hazard_transition x JOIN hazard h ON h.id = x.hazard_id
						CROSS JOIN LATERAL stat_hazard_transition_facts(x.transition, x.at) f""",
						"x.at >= :start AND x.at < :end AND " + StatisticsCatalogue.hazards(s))
				+ facts.formatted(Source.WARNING.scopeRelation(), """
						warning x CROSS JOIN LATERAL (SELECT array_agg(ws.step_no ORDER BY ws.step_no) AS no,
						  array_agg(ws.reached_at ORDER BY ws.step_no) AS at, array_agg(ws.action ORDER BY ws.step_no) AS action,
						  max(ws.reached_at) AS last FROM warning_step ws WHERE ws.warning_id = x.id) st
						CROSS JOIN LATERAL stat_warning_facts(x.trigger_kind, x.state, x.triggered_at, x.resolved_at, st.no, st.at, st.action) f""",
						warningsNeeded + " AND " + s.entityRecordFilter("x.entity_id", "x.region_id", "x.department_id"))
				+ facts.formatted(Source.ENTITY.scopeRelation(), """
						supervised_entity x CROSS JOIN LATERAL (SELECT array_agg(a.started_at) AS started_at,
						  array_agg(a.ended_at) AS ended_at FROM entity_assignment a WHERE a.entity_id = x.id) a
						CROSS JOIN LATERAL stat_entity_facts(x, %s) f""".formatted(assignments), s.entityFilter("x.id", "x.region_id"));
	}

	/**
	 * The figure's facts on the days {@code [:<range>From, :<range>To)}, per region of the subtree. A region's office
	 * reads the summary's whole months and the days around them, and the deltas not yet folded into either; anyone
	 * else their own {@code stat_scope_*}, which hold only what they may see.
	 */
	private static String sum(DataScope s, Source source, String figure, String range) {
		if (s.kind() != DataScope.Kind.REGION) {
			return """
					SELECT g.group_id, s.dim, sum(s.n) AS n FROM %3$s s JOIN grp g ON g.region_id = s.region_id
					WHERE s.figure = '%1$s' AND s.day >= :%2$sFrom AND s.day < :%2$sTo GROUP BY 1, 2 HAVING sum(s.n) <> 0"""
				.formatted(figure, range, source.scopeRelation());
		}
		return """
				SELECT g.group_id, s.dim, sum(s.n) AS n FROM (
				  SELECT u.region_id, u.dim, sum(u.n) AS n FROM (
				    SELECT region_id, dim, n FROM stat_monthly WHERE figure = '%1$s' AND month >= :%2$sMonthFrom AND month < :%2$sMonthTo
				    UNION ALL
				    SELECT region_id, dim, n FROM stat_daily WHERE figure = '%1$s' AND day >= :%2$sFrom AND day < :%2$sMonthFrom
				    UNION ALL
				    SELECT region_id, dim, n FROM stat_daily WHERE figure = '%1$s' AND day >= :%2$sMonthTo AND day < :%2$sTo
				    UNION ALL
				    SELECT region_id, dim, n FROM stat_delta WHERE figure = '%1$s' AND day >= :%2$sFrom AND day < :%2$sTo) u
				  WHERE %3$s GROUP BY 1, 2) s
				JOIN grp g ON g.region_id = s.region_id GROUP BY 1, 2 HAVING sum(s.n) <> 0""".formatted(figure, range, s.regionFilter("u.region_id"));
	}

	/**
	 * Binds the days the summary is read for: the period's, and the snapshot's — every day up to the moment asked,
	 * whose own day is read whole (a moment inside a day sees that day's facts so far; {@link #overdue} takes back
	 * the deadlines still to come that day).
	 */
	static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, LocalDate from, LocalDate to, Instant asOf) {
		LocalDate asOfDay = asOf.minusNanos(1000).atZone(BusinessTime.ZONE).toLocalDate().plusDays(1);
		bind(statement, "period", from, to.plusDays(1));
		bind(statement, "snapshot", LocalDate.of(1900, 1, 1), asOfDay);
		return statement.param("asOfDayEnd", Timestamp.from(asOfDay.atStartOfDay(BusinessTime.ZONE).toInstant()));
	}

	/** {@code [from, to)} as the whole months inside it and the days before and after them. */
	private static void bind(JdbcClient.StatementSpec statement, String range, LocalDate from, LocalDate to) {
		LocalDate monthFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate monthTo = to.withDayOfMonth(1);
		if (!monthFrom.isBefore(monthTo)) {
			monthFrom = to; // no whole month: every day from the daily rows
			monthTo = to;
		}
		statement.param(range + "From", from).param(range + "To", to).param(range + "MonthFrom", monthFrom)
			.param(range + "MonthTo", monthTo);
	}

	private SummarisedFigures() {
	}
}
