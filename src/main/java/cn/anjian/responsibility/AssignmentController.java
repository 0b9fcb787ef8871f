package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.registry.Entities;
import cn.anjian.registry.EntitySearch;
import cn.anjian.registry.EntityView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Assigning supervision: entity → department → office → named inspectors, per supervision type; one by one, in
 * bulk by filter, and an inspector's hand-over. Who was responsible at any instant stays answerable.
 */
@RestController
@RequestMapping("/api/responsibility")
class AssignmentController {

	record AssignmentForm(@NotNull(message = "请选择监管对象") Long entityId, @NotNull(message = "请选择监管部门") Long departmentId,
			Long officeId, @NotBlank(message = "请选择监管类型") String supervisionType, List<Long> inspectorIds) {
	}

	record Staffing(Long officeId, List<Long> inspectorIds, String reason) {
	}

	record Ending(String reason) {
	}

	record BulkForm(EntitySearch filter, @NotNull(message = "请选择监管部门") Long departmentId, Long officeId,
			@NotBlank(message = "请选择监管类型") String supervisionType, List<Long> inspectorIds) {
	}

	record HandOver(@NotNull Long fromUserId, @NotNull(message = "请选择接替人员") Long toUserId, String reason) {
	}

	record Responsible(Instant at, long entityId, String entityName, String territorial, String gridInspector,
			List<Assignments.Assignment> assignments) {
	}

	private static final int BULK_LIMIT = 50_000;

	private final Assignments assignments;
	private final AssignmentRule rule;
	private final Entities entities;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	private final ApplicationEventPublisher events;

	AssignmentController(Assignments assignments, AssignmentRule rule, Entities entities, JdbcClient jdbc,
			OperationLog operationLog, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.assignments = assignments;
		this.rule = rule;
		this.entities = entities;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	/** Current and past assignments of an entity. */
	@GetMapping("/entities/{entityId}/assignments")
	@PreAuthorize("hasAuthority('responsibility:read')")
	List<Assignments.Assignment> history(@PathVariable long entityId, DataScope scope) {
		entity(scope, entityId);
		return assignments.of(entityId, null);
	}

	/** Who was responsible for the entity at an instant (default now): departments, offices, inspectors, territory. */
	@GetMapping("/entities/{entityId}/responsible")
	@PreAuthorize("hasAuthority('responsibility:read')")
	Responsible responsible(@PathVariable long entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at, DataScope scope) {
		EntityView entity = entity(scope, entityId);
		Instant when = at == null ? clock.instant() : at;
		String inspector = jdbc.sql("SELECT grid_inspector_name FROM region WHERE id = :id AND level = 'GRID'")
			.param("id", entity.regionId()).query(String.class).optional().orElse(null);
		return new Responsible(when, entityId, entity.name(), entity.regionPath(), inspector, assignments.of(entityId, when));
	}

	@PostMapping("/assignments")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Assignments.Assignment assign(@Valid @RequestBody AssignmentForm form, DataScope scope) {
		EntityView entity = entity(scope, form.entityId());
		rule.require(rule.reach(scope), entity.supervisionLevel(), form.departmentId(), form.officeId(),
				inspectors(form.inspectorIds()));
		long id = assignments.start(entity.id(), form.departmentId(), form.officeId(), form.supervisionType(), clock.instant());
		assignments.staff(id, form.officeId(), inspectors(form.inspectorIds()), clock.instant(), null);
		Assignments.Assignment created = find(entity.id(), id);
		operationLog.record("ASSIGN", "supervised_entity", entity.id(), null, created);
		return created;
	}

	@PutMapping("/assignments/{id}/staff")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Assignments.Assignment staff(@PathVariable long id, @RequestBody Staffing form, DataScope scope) {
		Assignments.Assignment before = current(scope, id);
		rule.require(rule.reach(scope), entity(scope, before.entityId()).supervisionLevel(), before.departmentId(), form.officeId(),
				inspectors(form.inspectorIds()));
		assignments.staff(id, form.officeId(), inspectors(form.inspectorIds()), clock.instant(), form.reason());
		Assignments.Assignment after = find(before.entityId(), id);
		operationLog.record("ASSIGN_STAFF", "supervised_entity", before.entityId(), before, after);
		return after;
	}

	@PostMapping("/assignments/{id}/end")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Assignments.Assignment end(@PathVariable long id, @RequestBody Ending form, DataScope scope) {
		Assignments.Assignment before = current(scope, id);
		rule.require(rule.reach(scope), entity(scope, before.entityId()).supervisionLevel(), before.departmentId(), null, List.of());
		assignments.end(id, clock.instant(), form.reason());
		Assignments.Assignment after = find(before.entityId(), id);
		operationLog.record("ASSIGN_END", "supervised_entity", before.entityId(), before, after);
		return after;
	}

	/** Assigns every entity matching the filter (in the caller's scope, not yet so assigned) in one transaction. */
	@PostMapping("/assignments/bulk")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Map<String, Integer> bulk(@Valid @RequestBody BulkForm form, DataScope scope) {
		EntitySearch filter = form.filter() == null ? EntitySearch.all() : form.filter();
		List<EntityView> matches = new ArrayList<>();
		entities.forEach(scope, filter, matches::add);
		if (matches.size() > BULK_LIMIT) {
			throw ApiException.invalid("filter", "一次最多分配" + BULK_LIMIT + "个监管对象，请缩小筛选范围");
		}
		int assigned = 0;
		int skipped = 0;
		Instant now = clock.instant();
		AssignmentRule.Reach reach = rule.reach(scope);
		for (EntityView entity : matches) {
			rule.require(reach, entity.supervisionLevel(), form.departmentId(), form.officeId(), inspectors(form.inspectorIds()));
			if (alreadyAssigned(entity.id(), form.departmentId(), form.supervisionType())) {
				skipped++;
				continue;
			}
			long id = assignments.start(entity.id(), form.departmentId(), form.officeId(), form.supervisionType(), now);
			assignments.staff(id, form.officeId(), inspectors(form.inspectorIds()), now, null);
			operationLog.record("ASSIGN", "supervised_entity", entity.id(), null, Map.of("assignment", id,
					"departmentId", form.departmentId(), "supervisionType", form.supervisionType(), "bulk", true));
			assigned++;
		}
		if (assigned == 0) {
			operationLog.nothingChanged();
		}
		return Map.of("matched", matches.size(), "assigned", assigned, "skipped", skipped);
	}

	/** An inspector leaves: every entity they are named on passes to a colleague of the same department. */
	@PostMapping("/handover")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Map<String, Integer> handOver(@Valid @RequestBody HandOver form, DataScope scope) {
		Long department = departmentOf(scope, form.fromUserId());
		if (!department.equals(departmentOf(scope, form.toUserId()))) {
			throw ApiException.invalid("toUserId", "接替人员须与原监管人员同属一个部门");
		}
		int moved = assignments.handOver(form.fromUserId(), form.toUserId(), clock.instant(),
				form.reason() == null ? "人员调整移交" : form.reason());
		operationLog.record("HANDOVER", "user", form.fromUserId(), null, Map.of("toUserId", form.toUserId(), "assignments", moved));
		events.publishEvent(new InspectorHandedOver(form.fromUserId(), form.toUserId(), department,
				form.reason() == null ? "人员调整移交" : form.reason(), clock.instant()));
		return Map.of("moved", moved);
	}

	private boolean alreadyAssigned(long entityId, long departmentId, String type) {
		return jdbc.sql("""
				SELECT count(*) FROM entity_assignment WHERE entity_id = :e AND department_id = :d
				AND supervision_type = :t AND ended_at IS NULL
				""").param("e", entityId).param("d", departmentId).param("t", type).query(Long.class).single() > 0;
	}

	private Long departmentOf(DataScope scope, long userId) {
		return scope.bind(jdbc.sql("SELECT u.department_id FROM app_user u WHERE u.id = :id AND u.department_id IS NOT NULL AND "
				+ scope.unitFilter("u.region_id", "u.department_id")))
			.param("id", userId).query(Long.class).optional()
			.orElseThrow(() -> ApiException.notFound("监管人员"));
	}

	private Assignments.Assignment current(DataScope scope, long id) {
		Long entityId = jdbc.sql("SELECT entity_id FROM entity_assignment WHERE id = :id AND ended_at IS NULL")
			.param("id", id).query(Long.class).optional().orElseThrow(() -> ApiException.notFound("监管分工"));
		entity(scope, entityId);
		return find(entityId, id);
	}

	private Assignments.Assignment find(long entityId, long id) {
		return assignments.of(entityId, null).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	private EntityView entity(DataScope scope, long entityId) {
		return entities.find(scope, entityId).orElseThrow(() -> {
			operationLog.recordDenied("supervised_entity", entityId);
			return ApiException.notFound("监管对象");
		});
	}

	private static List<Long> inspectors(List<Long> ids) {
		return ids == null ? List.of() : ids.stream().distinct().toList();
	}
}
