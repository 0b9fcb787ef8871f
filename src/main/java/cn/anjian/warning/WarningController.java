package cn.anjian.warning;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import java.sql.Timestamp;
import java.time.Clock;
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

	record ScreenActions(long supervisionAwaitingReply, long supervisionOverdue, long noticePending, long confirmationOpen) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	WarningController(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
				  %s AS region_path, w.triggered_at, w.state, w.current_step, s.screen_level, s.action, w.next_step_due_at, w.resolved_at
				FROM warning w""".formatted(WarningSql.regionPath("w.region_id")) + LAST_STEP + where + " ORDER BY w.triggered_at DESC, w.id DESC LIMIT :size OFFSET :offset"))
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

	/**
	 * The actions a big screen of a level counts: 督办单 its offices issued still awaiting a reply (and of them, past the
	 * reply deadline), 通报 entries its offices have not yet compiled, and confirmation tasks still open.
	 */
	@GetMapping("/screen/actions")
	@PreAuthorize("hasAuthority('warning:read')")
	ScreenActions screenActions(@RequestParam String level, DataScope scope) {
		if (!level.equals("DISTRICT") && !level.equals("CITY")) {
			throw ApiException.invalid("level", "大屏层级只能是 DISTRICT 或 CITY");
		}
		return scope.bind(jdbc.sql("""
				SELECT
				  (SELECT count(*) FROM supervision_order o JOIN region i ON i.id = o.issuer_region_id
				   WHERE o.state IN ('OPEN', 'REJECTED') AND i.level = :level AND %1$s) AS supervision_awaiting_reply,
				  (SELECT count(*) FROM supervision_order o JOIN region i ON i.id = o.issuer_region_id
				   WHERE o.state IN ('OPEN', 'REJECTED') AND o.reply_due_at < :now AND i.level = :level AND %1$s) AS supervision_overdue,
				  (SELECT count(*) FROM notice_entry e JOIN region i ON i.id = e.issuer_region_id
				   WHERE e.notice_id IS NULL AND i.level = :level AND %2$s) AS notice_pending,
				  (SELECT count(*) FROM confirmation_task t JOIN region i ON i.id = t.issuer_region_id
				   WHERE t.state = 'OPEN' AND i.level = :level AND %3$s) AS confirmation_open
				""".formatted(SupervisionOrderController.visible(scope),
						scope.entityRecordFilter("e.entity_id", "e.region_id", "e.department_id"),
						scope.unitFilter("t.region_id", "t.department_id"))))
			.param("level", level).param("now", Timestamp.from(clock.instant())).query(ScreenActions.class).single();
	}

	private static String filter(DataScope scope) {
		return scope.entityRecordFilter("w.entity_id", "w.region_id", "w.department_id");
	}

	private static final String LAST_STEP = " LEFT JOIN warning_step s ON s.warning_id = w.id AND s.step_no = w.current_step";
}
