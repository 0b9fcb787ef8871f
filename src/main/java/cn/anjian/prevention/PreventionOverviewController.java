package cn.anjian.prevention;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The government's view of dual prevention (运行监测), within the caller's scope: mandatory coverage (seed 003 §十二),
 * the four-colour risk distribution (seed 001 §16) by district or industry, and the businesses not running it
 * normally. Running normally means set up and not stopped under {@link RunningStatus}'s rule.
 */
@RestController
@RequestMapping("/api/prevention")
class PreventionOverviewController {

	enum By {
		DISTRICT, INDUSTRY
	}

	record CoverageRow(String key, String label, long mandatory, long mandatorySetUp, long mandatoryRunning,
			long voluntarySetUp, long stopped) {
	}

	record DistributionRow(String key, String label, long red, long orange, long yellow, long blue, long ungraded) {
	}

	record NotRunning(long entityId, String entityName, String district, String industry, boolean mandatory,
			LocalDate since, int days, boolean warned, long dueLast7Days, long onTimeLast7Days, long missedLast7Days,
			int unassessedPoints) {
	}

	private final JdbcClient jdbc;

	PreventionOverviewController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/coverage")
	@PreAuthorize("hasAuthority('prevention:read')")
	List<CoverageRow> coverage(@RequestParam(defaultValue = "DISTRICT") By by, DataScope scope) {
		return scope.bind(jdbc.sql("""
				WITH x AS (
				  SELECT %s AS key, e.dual_prevention_mandatory AS mandatory,
				    EXISTS (SELECT 1 FROM check_task t WHERE t.entity_id = e.id AND t.active) AS set_up,
				    EXISTS (SELECT 1 FROM prevention_stoppage s WHERE s.entity_id = e.id AND s.resumed_on IS NULL) AS stopped
				  FROM supervised_entity e WHERE %s
				)
				SELECT x.key, coalesce(%s, x.key, '未知') AS label,
				  count(*) FILTER (WHERE mandatory) AS mandatory,
				  count(*) FILTER (WHERE mandatory AND set_up) AS mandatory_set_up,
				  count(*) FILTER (WHERE mandatory AND set_up AND NOT stopped) AS mandatory_running,
				  count(*) FILTER (WHERE NOT mandatory AND set_up) AS voluntary_set_up,
				  count(*) FILTER (WHERE stopped) AS stopped
				FROM x GROUP BY x.key HAVING count(*) FILTER (WHERE mandatory OR set_up) > 0 ORDER BY x.key
				""".formatted(key(by), scope.entityFilter("e.id", "e.region_id"), label(by))))
			.query(CoverageRow.class).list();
	}

	@GetMapping("/distribution")
	@PreAuthorize("hasAuthority('prevention:read')")
	List<DistributionRow> distribution(@RequestParam(defaultValue = "DISTRICT") By by, DataScope scope) {
		return scope.bind(jdbc.sql("""
				WITH x AS (
				  SELECT %s AS key, p.grade FROM risk_point p JOIN supervised_entity e ON e.id = p.entity_id
				  WHERE p.active AND %s
				)
				SELECT x.key, coalesce(%s, x.key, '未知') AS label,
				  count(*) FILTER (WHERE grade = 'RED') AS red, count(*) FILTER (WHERE grade = 'ORANGE') AS orange,
				  count(*) FILTER (WHERE grade = 'YELLOW') AS yellow, count(*) FILTER (WHERE grade = 'BLUE') AS blue,
				  count(*) FILTER (WHERE grade IS NULL) AS ungraded
				FROM x GROUP BY x.key ORDER BY x.key
				""".formatted(key(by), scope.entityFilter("p.entity_id", "p.region_id"), label(by))))
			.query(DistributionRow.class).list();
	}

	/** The businesses whose last computed day did not run normally, the longest streak first. */
	@GetMapping("/not-running")
	@PreAuthorize("hasAuthority('prevention:read')")
	Page<NotRunning> notRunning(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size,
			DataScope scope) {
		String where = " NOT d.running AND " + scope.entityFilter("d.entity_id", "d.region_id");
		long total = scope.bind(jdbc.sql("""
				SELECT count(*) FROM prevention_daily_status d
				WHERE d.day = (SELECT max(day) FROM prevention_daily_status) AND """ + where)).query(Long.class).single();
		List<NotRunning> items = scope.bind(jdbc.sql("""
				SELECT e.id AS entity_id, e.name AS entity_name, %s AS district,
				  (SELECT i.label FROM dict_item i WHERE i.type = 'industry' AND i.code = e.industry) AS industry,
				  e.dual_prevention_mandatory AS mandatory, x.since, (latest.day - x.since + 1) AS days,
				  EXISTS (SELECT 1 FROM prevention_stoppage s WHERE s.entity_id = e.id AND s.resumed_on IS NULL) AS warned,
				  w.due AS due_last7_days, w.on_time AS on_time_last7_days, w.missed AS missed_last7_days, d.unassessed_points
				FROM prevention_daily_status d
				JOIN (SELECT max(day) AS day FROM prevention_daily_status) latest ON d.day = latest.day
				JOIN supervised_entity e ON e.id = d.entity_id
				CROSS JOIN LATERAL (SELECT coalesce(max(r.day) FILTER (WHERE r.running) + 1, min(r.day)) AS since
				                    FROM prevention_daily_status r WHERE r.entity_id = e.id AND r.day <= latest.day) x
				CROSS JOIN LATERAL (SELECT sum(r.due_count) AS due, sum(r.on_time_count) AS on_time, sum(r.missed_count) AS missed
				                    FROM prevention_daily_status r
				                    WHERE r.entity_id = e.id AND r.day > latest.day - 7 AND r.day <= latest.day) w
				WHERE %s ORDER BY days DESC, e.id LIMIT :size OFFSET :offset
				""".formatted(key(By.DISTRICT), where)))
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query(NotRunning.class).list();
		return new Page<>(items, total);
	}

	private static String key(By by) {
		return by == By.INDUSTRY ? "e.industry" : """
				(SELECT a.name FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				 WHERE c.descendant_id = e.region_id AND a.level = 'DISTRICT')""";
	}

	private static String label(By by) {
		return by == By.INDUSTRY ? "(SELECT i.label FROM dict_item i WHERE i.type = 'industry' AND i.code = x.key)" : "x.key";
	}
}
