package cn.anjian.warning;

import cn.anjian.platform.oplog.OperationLog;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 通知确认: the competent department is asked to confirm (a suspected major hazard, seed 003 §六(十六)). The task ends
 * when the hazard is confirmed or downgraded (the warning resolves) or when the department answers here.
 */
@RestController
@RequestMapping("/api/confirmation-tasks")
class ConfirmationTaskController {

	record TaskRow(long id, long warningId, String subjectType, long subjectId, String content, String regionPath,
			String entityName, String departmentName, String issuerName, Instant createdAt, String state, String answerText,
			Instant answeredAt, Instant resolvedAt) {
	}

	record AnswerForm(String answerText) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	ConfirmationTaskController(JdbcClient jdbc, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('supervision:read')")
	Page<TaskRow> list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		String where = " WHERE " + visible(scope) + " AND (CAST(:state AS text) IS NULL OR t.state = :state)";
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM confirmation_task t" + where)).param("state", state)
			.query(Long.class).single();
		List<TaskRow> rows = scope.bind(jdbc.sql(SELECT + where + " ORDER BY t.created_at DESC, t.id DESC LIMIT :size OFFSET :offset"))
			.param("state", state).param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(TaskRow.class).list();
		return new Page<>(rows, total);
	}

	@PostMapping("/{id}/answer")
	@PreAuthorize("hasAuthority('supervision:reply')")
	TaskRow answer(@PathVariable long id, @RequestBody AnswerForm form, DataScope scope) {
		TaskRow before = find(scope, id);
		if (scope.kind() != DataScope.Kind.DEPARTMENT) {
			throw ApiException.forbidden("通知确认由主管部门答复");
		}
		if (form.answerText() == null || form.answerText().isBlank() || form.answerText().length() > 2000) {
			throw ApiException.invalid("answerText", "请填写答复内容（不超过2000字）");
		}
		int changed = jdbc.sql("""
				UPDATE confirmation_task SET state = 'ANSWERED', answer_text = :text, answered_at = :now, answered_by = :user
				WHERE id = :id AND state = 'OPEN'
				""").param("id", id).param("text", form.answerText().trim()).param("now", Timestamp.from(clock.instant()))
			.param("user", scope.userId()).update();
		if (changed == 0) {
			throw ApiException.conflict("TASK_STATE", "该确认任务已答复或已办结");
		}
		TaskRow after = find(scope, id);
		operationLog.record("CONFIRMATION_ANSWER", "confirmation_task", id, before, after);
		return after;
	}

	private TaskRow find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE t.id = :id AND " + visible(scope))).param("id", id)
			.query(TaskRow.class).optional().orElseThrow(() -> {
				operationLog.recordDenied("confirmation_task", id);
				return ApiException.notFound("确认任务");
			});
	}

	/** Offices see their territory's tasks, a department those addressed to it, a business none. */
	private static String visible(DataScope scope) {
		return scope.unitFilter("t.region_id", "t.department_id");
	}

	private static final String SELECT = """
			SELECT t.id, t.warning_id, w.subject_type, w.subject_id, t.content, %s AS region_path, e.name AS entity_name,
			       d.name AS department_name, ir.name || '安全生产委员会办公室' AS issuer_name, t.created_at, t.state, t.answer_text,
			       t.answered_at, t.resolved_at
			FROM confirmation_task t JOIN warning w ON w.id = t.warning_id JOIN region ir ON ir.id = t.issuer_region_id
			LEFT JOIN supervised_entity e ON e.id = t.entity_id LEFT JOIN department d ON d.id = t.department_id
			""".formatted(WarningSql.regionPath("t.region_id"));
}
