package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.registry.Entities;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reporting a hazard (登记隐患): the one path every hazard enters the loop by — directly through the hazard API or
 * from a failed checklist item of an inspection. The row, its first transition, the event and the log entry.
 */
@Component
class ReportingHazard {

	record NewHazard(@NotNull(message = "请选择隐患所在单位") Long entityId, @NotBlank(message = "请描述隐患") String description,
			String location, String legalBasis, @NotNull(message = "请选择隐患等级") HazardLevel level,
			boolean reinspectionRequired, Long departmentId) {
	}

	private final Hazards hazards;
	private final Entities entities;
	private final RecordingTransition transitions;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	ReportingHazard(Hazards hazards, Entities entities, RecordingTransition transitions, JdbcClient jdbc,
			OperationLog operationLog, Clock clock) {
		this.hazards = hazards;
		this.entities = entities;
		this.transitions = transitions;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	/** {@code inspectionId}: the inspection that found it, or null when reported directly. */
	Hazards.HazardView report(DataScope scope, NewHazard form, Long inspectionId) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业自查隐患请在双重预防中登记");
		}
		entities.find(scope, form.entityId()).orElseThrow(() -> {
			operationLog.recordDenied("supervised_entity", form.entityId());
			return ApiException.notFound("监管对象");
		});
		Instant now = clock.instant();
		long id = hazards.insert(form.entityId(), responsibleDepartment(scope, form), originLevel(scope), scope.userId(),
				form.description().trim(), form.location(), form.legalBasis(), form.level(), form.reinspectionRequired(),
				inspectionId, now);
		Hazard hazard = hazards.lock(id).orElseThrow();
		transitions.record(hazard, hazard.reported(now), null, null);
		Hazards.HazardView created = hazards.find(scope, id, now).orElseThrow();
		operationLog.record("HAZARD_REPORT", "hazard", id, null, created);
		return created;
	}

	/** The department that follows the hazard up: the one named, else the finder's, else the entity's supervisor. */
	private Long responsibleDepartment(DataScope scope, NewHazard form) {
		if (form.departmentId() != null) {
			return form.departmentId();
		}
		if (scope.departmentId() != null) {
			return scope.departmentId();
		}
		return jdbc.sql("""
				SELECT department_id FROM entity_assignment WHERE entity_id = :e AND ended_at IS NULL
				ORDER BY (supervision_type = 'INDUSTRY_SUPERVISION') DESC, id LIMIT 1
				""").param("e", form.entityId()).query(Long.class).optional().orElse(null);
	}

	/** City-level finders (a city department, the city office) follow the city ladders; everyone else the district's. */
	private Hazard.OriginLevel originLevel(DataScope scope) {
		String level = scope.departmentId() != null
				? jdbc.sql("SELECT level FROM department WHERE id = :id").param("id", scope.departmentId()).query(String.class).single()
				: jdbc.sql("SELECT level FROM region WHERE id = :id").param("id", scope.regionId()).query(String.class).single();
		return "CITY".equals(level) ? Hazard.OriginLevel.CITY : Hazard.OriginLevel.DISTRICT;
	}
}
