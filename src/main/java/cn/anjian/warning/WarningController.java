package cn.anjian.warning;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Warnings in the caller's scope, what each screen level shows, and the ladders in force. */
@RestController
@RequestMapping("/api/warnings")
class WarningController {

	record WarningRow(long id, String triggerKind, String subjectType, long subjectId, Long entityId, String title,
			String regionPath, Instant triggeredAt, String state, int currentStep, String screenLevel, String action,
			Instant nextStepDueAt, Instant resolvedAt) {
	}

	record ScreenCount(String triggerKind, int step, String action, long warnings) {
	}

	record RuleStep(long ruleId, String triggerKind, String originLevel, int version, String clause, String name, int stepNo,
			int delayHours, String screenLevel, String action, String actingLevel) {
	}

	private final JdbcClient jdbc;

	WarningController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('warning:read')")
	Page<WarningRow> list(@RequestParam(defaultValue = "ACTIVE") String state, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String screen, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		String where = " WHERE w.state = :state AND (CAST(:kind AS text) IS NULL OR w.trigger_kind = :kind)"
				+ " AND (CAST(:screen AS text) IS NULL OR s.screen_level = :screen) AND " + filter(scope);
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM warning w" + LAST_STEP + where))
			.param("state", state).param("kind", kind).param("screen", screen).query(Long.class).single();
		List<WarningRow> rows = scope.bind(jdbc.sql("""
				SELECT w.id, w.trigger_kind, w.subject_type, w.subject_id, w.entity_id, w.title,
				  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				   WHERE c.descendant_id = w.region_id AND a.parent_id IS NOT NULL) AS region_path,
				  w.triggered_at, w.state, w.current_step, s.screen_level, s.action, w.next_step_due_at, w.resolved_at
				FROM warning w""" + LAST_STEP + where + " ORDER BY w.triggered_at DESC, w.id DESC LIMIT :size OFFSET :offset"))
			.param("state", state).param("kind", kind).param("screen", screen)
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(WarningRow.class).list();
		return new Page<>(rows, total);
	}

	/** What a big screen of a level shows: active warnings whose latest step is on that screen, by kind and step. */
	@GetMapping("/screen")
	@PreAuthorize("hasAuthority('warning:read')")
	List<ScreenCount> screen(@RequestParam String level, DataScope scope) {
		if (!level.equals("DISTRICT") && !level.equals("CITY")) {
			throw ApiException.invalid("level", "大屏层级只能是 DISTRICT 或 CITY");
		}
		return scope.bind(jdbc.sql("SELECT w.trigger_kind, s.step_no AS step, s.action, count(*) AS warnings FROM warning w"
				+ LAST_STEP + " WHERE w.state = 'ACTIVE' AND s.screen_level = :level AND " + filter(scope)
				+ " GROUP BY 1, 2, 3 ORDER BY 1, 2"))
			.param("level", level).query(ScreenCount.class).list();
	}

	@GetMapping("/rules")
	@PreAuthorize("hasAuthority('warning:read')")
	List<RuleStep> rules() {
		return jdbc.sql("""
				SELECT r.id AS rule_id, r.trigger_kind, r.origin_level, r.version, r.clause, r.name, s.step_no, s.delay_hours,
				       s.screen_level, s.action, s.acting_level
				FROM warning_rule r JOIN warning_rule_step s ON s.rule_id = r.id WHERE r.active
				ORDER BY r.clause, r.origin_level DESC, s.step_no
				""").query(RuleStep.class).list();
	}

	private static String filter(DataScope scope) {
		return scope.entityRecordFilter("w.entity_id", "w.region_id", "w.department_id");
	}

	private static final String LAST_STEP = " LEFT JOIN warning_step s ON s.warning_id = w.id AND s.step_no = w.current_step";
}
