package cn.anjian.prevention;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 管控措施 and the 排查任务 derived from them. A measure is owned at a level by a named person (for a major hazard
 * source also by its 包保 principal, technical and operational leads); a task says how often it is checked and by whom.
 */
@RestController
@RequestMapping("/api/prevention")
class ControlMeasureController {

	enum Category {
		ENGINEERING, MANAGEMENT, TRAINING, PPE, EMERGENCY
	}

	enum Frequency {
		SHIFT, DAILY, WEEKLY, MONTHLY, QUARTERLY
	}

	/** {@code controlLevel} empty: the level the point's grade implies. */
	record MeasureForm(Long riskFactorId, @NotNull(message = "请选择措施类别") Category category,
			@NotBlank(message = "请填写措施内容") String content, RiskGrade.ControlLevel controlLevel,
			@NotBlank(message = "请填写管控责任人") String ownerName, String principalName, String technicalName,
			String operationalName, Boolean active) {
	}

	record TaskForm(@NotBlank(message = "请填写任务名称") String name, List<String> items,
			@NotNull(message = "请选择排查频次") Frequency frequency, Integer shiftsPerDay, Long assigneeId,
			@NotBlank(message = "请填写排查人") String assigneeName, LocalDate startsOn, Boolean active) {
	}

	private final JdbcClient jdbc;
	private final OwnRecords records;
	private final RiskPoints points;
	private final OperationLog operationLog;
	private final Clock clock;

	ControlMeasureController(JdbcClient jdbc, OwnRecords records, RiskPoints points, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.points = points;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@PostMapping("/points/{id}/measures")
	@PreAuthorize("hasAuthority('prevention:write')")
	RiskPoints.Measure addMeasure(@PathVariable long id, @Valid @RequestBody MeasureForm form, DataScope scope) {
		records.writable(scope, "risk_point", id, "风险点");
		requireFactorOf(id, form.riskFactorId());
		long measureId = jdbc.sql("""
				INSERT INTO control_measure (risk_point_id, risk_factor_id, entity_id, region_id, category, content,
				  control_level, owner_name, principal_name, technical_name, operational_name, created_at)
				SELECT p.id, :factor, p.entity_id, p.region_id, :category, :content, coalesce(:level, p.control_level, 'POST'),
				  :owner, :principal, :technical, :operational, :now FROM risk_point p WHERE p.id = :point RETURNING id
				""").param("point", id).param("factor", form.riskFactorId()).param("category", form.category().name())
			.param("content", form.content().trim()).param("level", form.controlLevel() == null ? null : form.controlLevel().name())
			.param("owner", form.ownerName().trim()).param("principal", form.principalName())
			.param("technical", form.technicalName()).param("operational", form.operationalName())
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		RiskPoints.Measure created = points.measure(measureId);
		operationLog.record("CONTROL_MEASURE_CREATE", "control_measure", measureId, null, created);
		return created;
	}

	@PutMapping("/measures/{id}")
	@PreAuthorize("hasAuthority('prevention:write')")
	RiskPoints.Measure updateMeasure(@PathVariable long id, @Valid @RequestBody MeasureForm form, DataScope scope) {
		records.writable(scope, "control_measure", id, "管控措施");
		RiskPoints.Measure before = points.measure(id);
		requireFactorOf(before.riskPointId(), form.riskFactorId());
		jdbc.sql("""
				UPDATE control_measure SET risk_factor_id = :factor, category = :category, content = :content,
				  control_level = coalesce(:level, control_level), owner_name = :owner, principal_name = :principal,
				  technical_name = :technical, operational_name = :operational, active = coalesce(:active, active)
				WHERE id = :id
				""").param("id", id).param("factor", form.riskFactorId()).param("category", form.category().name())
			.param("content", form.content().trim()).param("level", form.controlLevel() == null ? null : form.controlLevel().name())
			.param("owner", form.ownerName().trim()).param("principal", form.principalName())
			.param("technical", form.technicalName()).param("operational", form.operationalName())
			.param("active", form.active()).update();
		RiskPoints.Measure after = points.measure(id);
		operationLog.record("CONTROL_MEASURE_UPDATE", "control_measure", id, before, after);
		return after;
	}

	@GetMapping("/tasks")
	@PreAuthorize("hasAuthority('prevention:read')")
	Page<RiskPoints.Task> tasks(@RequestParam(required = false) Long entityId, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "50") int size, DataScope scope) {
		return points.tasks(scope, entityId, page, size);
	}

	@PostMapping("/measures/{id}/tasks")
	@PreAuthorize("hasAuthority('prevention:write')")
	RiskPoints.Task addTask(@PathVariable long id, @Valid @RequestBody TaskForm form, DataScope scope) {
		var measure = records.writable(scope, "control_measure", id, "管控措施");
		requireAssignee(measure.entityId(), form.assigneeId());
		long taskId = jdbc.sql("""
				INSERT INTO check_task (measure_id, risk_point_id, entity_id, region_id, name, items, frequency, shifts_per_day,
				  assignee_id, assignee_name, starts_on, created_at)
				SELECT m.id, m.risk_point_id, m.entity_id, m.region_id, :name, CAST(:items AS varchar[]), :frequency, :shifts,
				  :assignee, :assigneeName, :startsOn, :now FROM control_measure m WHERE m.id = :measure RETURNING id
				""").param("measure", id).param("name", form.name().trim()).param("items", items(form))
			.param("frequency", form.frequency().name()).param("shifts", shifts(form)).param("assignee", form.assigneeId())
			.param("assigneeName", form.assigneeName().trim()).param("startsOn", Date.valueOf(startsOn(form)))
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		RiskPoints.Task created = points.task(taskId);
		operationLog.record("CHECK_TASK_CREATE", "check_task", taskId, null, created);
		return created;
	}

	/** Changes apply to check instances generated from now on; those already generated stay as they were. */
	@PutMapping("/tasks/{id}")
	@PreAuthorize("hasAuthority('prevention:write')")
	RiskPoints.Task updateTask(@PathVariable long id, @Valid @RequestBody TaskForm form, DataScope scope) {
		var task = records.writable(scope, "check_task", id, "排查任务");
		requireAssignee(task.entityId(), form.assigneeId());
		RiskPoints.Task before = points.task(id);
		jdbc.sql("""
				UPDATE check_task SET name = :name, items = CAST(:items AS varchar[]), frequency = :frequency,
				  shifts_per_day = :shifts, assignee_id = :assignee, assignee_name = :assigneeName,
				  starts_on = coalesce(:startsOn, starts_on), active = coalesce(:active, active) WHERE id = :id
				""").param("id", id).param("name", form.name().trim()).param("items", items(form))
			.param("frequency", form.frequency().name()).param("shifts", shifts(form)).param("assignee", form.assigneeId())
			.param("assigneeName", form.assigneeName().trim())
			.param("startsOn", form.startsOn() == null ? null : Date.valueOf(form.startsOn())).param("active", form.active())
			.update();
		RiskPoints.Task after = points.task(id);
		operationLog.record("CHECK_TASK_UPDATE", "check_task", id, before, after);
		return after;
	}

	private void requireFactorOf(long pointId, Long factorId) {
		if (factorId != null && jdbc.sql("SELECT count(*) FROM risk_factor WHERE id = :f AND risk_point_id = :p")
			.param("f", factorId).param("p", pointId).query(Long.class).single() == 0) {
			throw ApiException.invalid("riskFactorId", "危险源不属于该风险点");
		}
	}

	/** An assignee with an account must be the business's own staff. */
	private void requireAssignee(long entityId, Long assigneeId) {
		if (assigneeId != null && jdbc.sql("SELECT count(*) FROM app_user WHERE id = :u AND entity_id = :e")
			.param("u", assigneeId).param("e", entityId).query(Long.class).single() == 0) {
			throw ApiException.invalid("assigneeId", "排查人须为本单位人员");
		}
	}

	private static String items(TaskForm form) {
		List<String> items = form.items() == null ? List.of() : form.items().stream().map(String::trim)
			.filter(s -> !s.isEmpty()).toList();
		return "{" + String.join(",", items.stream().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
	}

	private static int shifts(TaskForm form) {
		int shifts = form.shiftsPerDay() == null ? 3 : form.shiftsPerDay();
		if (shifts < 1 || shifts > 4) {
			throw ApiException.invalid("shiftsPerDay", "每日班次数应为1至4");
		}
		return shifts;
	}

	private LocalDate startsOn(TaskForm form) {
		return form.startsOn() != null ? form.startsOn()
				: LocalDate.now(clock.withZone(cn.anjian.platform.time.BusinessTime.ZONE));
	}
}
