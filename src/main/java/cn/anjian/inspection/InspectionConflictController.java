package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.registry.Entities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recorded conflicts of interest (回避): an inspector who must never be drawn for an entity. */
@RestController
@RequestMapping("/api/inspection-conflicts")
class InspectionConflictController {

	record Conflict(long id, long userId, String userName, long entityId, String entityName, String reason,
			Instant recordedAt) {
	}

	record NewConflict(@NotNull(message = "请选择检查人员") Long userId, @NotNull(message = "请选择监管对象") Long entityId,
			@NotBlank(message = "请填写回避原因") @Size(max = 300, message = "原因不超过300字") String reason) {
	}

	private final JdbcClient jdbc;
	private final Entities entities;
	private final InspectionStaff staff;
	private final OperationLog operationLog;
	private final Clock clock;

	InspectionConflictController(JdbcClient jdbc, Entities entities, InspectionStaff staff, OperationLog operationLog,
			Clock clock) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.staff = staff;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('inspection:read')")
	List<Conflict> list(@RequestParam(required = false) Long entityId, DataScope scope) {
		return scope.bind(jdbc.sql(SELECT + " WHERE " + filter(scope)
				+ " AND (CAST(:entity AS bigint) IS NULL OR c.entity_id = :entity) ORDER BY c.id DESC LIMIT 500"))
			.param("entity", entityId).query(Conflict.class).list();
	}

	@PostMapping
	@PreAuthorize("hasAuthority('inspection:plan')")
	Conflict record(@Valid @RequestBody NewConflict form, DataScope scope) {
		entities.find(scope, form.entityId()).orElseThrow(() -> {
			operationLog.recordDenied("supervised_entity", form.entityId());
			return ApiException.notFound("监管对象");
		});
		staff.require(scope, List.of(form.userId()), "userId");
		Long id = jdbc.sql("""
				INSERT INTO inspection_conflict (user_id, entity_id, region_id, reason, recorded_by, recorded_at)
				SELECT :user, e.id, e.region_id, :reason, :by, :now FROM supervised_entity e WHERE e.id = :entity
				ON CONFLICT (user_id, entity_id) DO NOTHING RETURNING id
				""").param("user", form.userId()).param("entity", form.entityId()).param("reason", form.reason().trim())
			.param("by", scope.userId()).param("now", Timestamp.from(clock.instant())).query(Long.class).optional()
			.orElseThrow(() -> ApiException.conflict("CONFLICT_EXISTS", "已登记该检查人员对该单位回避"));
		Conflict created = find(scope, id);
		operationLog.record("INSPECTION_CONFLICT_CREATE", "inspection_conflict", id, null, created);
		return created;
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('inspection:plan')")
	ResponseEntity<Void> delete(@PathVariable long id, DataScope scope) {
		Conflict before = find(scope, id);
		jdbc.sql("DELETE FROM inspection_conflict WHERE id = :id").param("id", id).update();
		operationLog.record("INSPECTION_CONFLICT_DELETE", "inspection_conflict", id, before, null);
		return ResponseEntity.noContent().build();
	}

	private Conflict find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE c.id = :id AND " + filter(scope))).param("id", id)
			.query(Conflict.class).optional().orElseThrow(() -> {
				operationLog.recordDenied("inspection_conflict", id);
				return ApiException.notFound("回避记录");
			});
	}

	private static String filter(DataScope scope) {
		return scope.entityFilter("c.entity_id", "c.region_id");
	}

	private static final String SELECT = """
			SELECT c.id, c.user_id, u.display_name AS user_name, c.entity_id, e.name AS entity_name, c.reason, c.recorded_at
			FROM inspection_conflict c JOIN app_user u ON u.id = c.user_id JOIN supervised_entity e ON e.id = c.entity_id
			""";
}
