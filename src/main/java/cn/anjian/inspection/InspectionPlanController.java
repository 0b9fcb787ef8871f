package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
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
 * Annual and monthly inspection plans (检查计划) of a department or a region office, generated from what the owner
 * supervises now, with coverage (planned vs supervised) and progress (planned entities inspected in the period).
 */
@RestController
@RequestMapping("/api/inspection-plans")
class InspectionPlanController {

	record NewPlan(@NotBlank(message = "请填写计划名称") String name,
			@NotNull(message = "请选择年度") @Min(value = 2000, message = "年度不正确") @Max(value = 2100, message = "年度不正确") Integer year,
			@Min(value = 1, message = "月份为1-12") @Max(value = 12, message = "月份为1-12") Integer month, String industry,
			Long regionId, @Min(value = 1, message = "检查次数至少为1") Integer timesPerPeriod, List<Long> inspectorIds) {
	}

	record EntityChange(@NotNull @Min(value = 1, message = "检查次数至少为1") Integer timesPerPeriod, List<Long> inspectorIds) {
	}

	record Detail(InspectionPlans.PlanView plan, List<InspectionPlans.PlanEntity> entities) {
	}

	private final InspectionPlans plans;
	private final InspectionStaff staff;
	private final ScopeChecks scopeChecks;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	InspectionPlanController(InspectionPlans plans, InspectionStaff staff, ScopeChecks scopeChecks, JdbcClient jdbc,
			OperationLog operationLog, Clock clock) {
		this.plans = plans;
		this.staff = staff;
		this.scopeChecks = scopeChecks;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('inspection:read')")
	Page<InspectionPlans.PlanView> search(@RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		return plans.search(scope, year, page, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('inspection:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		return new Detail(view(scope, id), plans.entities(id));
	}

	/** A department plans its own assigned entities; a region office the entities of its region (or a part of it). */
	@PostMapping
	@PreAuthorize("hasAuthority('inspection:plan')")
	Detail create(@Valid @RequestBody NewPlan form, DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业不能制定监管检查计划");
		}
		long region;
		if (scope.departmentId() != null) {
			region = jdbc.sql("SELECT region_id FROM department WHERE id = :id").param("id", scope.departmentId())
				.query(Long.class).single();
		}
		else {
			region = form.regionId() == null ? scope.regionId() : form.regionId();
			scopeChecks.requireRegion(scope, region, "region", region, "区划");
		}
		String industry = ChecklistController.blankToNull(form.industry());
		if (industry != null && jdbc.sql("SELECT count(*) FROM dict_item WHERE type = 'industry' AND code = :c")
			.param("c", industry).query(Long.class).single() == 0) {
			throw ApiException.invalid("industry", "未知的行业");
		}
		Long[] inspectors = form.inspectorIds() == null || form.inspectorIds().isEmpty() ? null
				: staff.require(scope, form.inspectorIds(), "inspectorIds").toArray(Long[]::new);
		long id = plans.insert(new InspectionPlans.NewPlan(region, scope.departmentId(), form.name().trim(), form.year(),
				form.month(), industry, form.timesPerPeriod() == null ? 1 : form.timesPerPeriod(), inspectors,
				scope.userId(), clock.instant()));
		Detail created = new Detail(view(scope, id), plans.entities(id));
		operationLog.record("INSPECTION_PLAN_CREATE", "inspection_plan", id, null, created.plan());
		return created;
	}

	@PutMapping("/{id}/entities/{rowId}")
	@PreAuthorize("hasAuthority('inspection:plan')")
	InspectionPlans.PlanEntity change(@PathVariable long id, @PathVariable long rowId,
			@Valid @RequestBody EntityChange form, DataScope scope) {
		view(scope, id);
		InspectionPlans.PlanEntity before = plans.entities(id).stream().filter(e -> e.id() == rowId).findFirst()
			.orElseThrow(() -> ApiException.notFound("计划检查对象"));
		Long[] inspectors = form.inspectorIds() == null || form.inspectorIds().isEmpty() ? new Long[0]
				: staff.require(scope, form.inspectorIds(), "inspectorIds").toArray(Long[]::new);
		plans.updateEntity(id, rowId, form.timesPerPeriod(), inspectors);
		InspectionPlans.PlanEntity after = plans.entities(id).stream().filter(e -> e.id() == rowId).findFirst().orElseThrow();
		operationLog.record("INSPECTION_PLAN_ENTITY", "inspection_plan", id, before, after);
		return after;
	}

	private InspectionPlans.PlanView view(DataScope scope, long id) {
		return plans.find(scope, id).orElseThrow(() -> {
			operationLog.recordDenied("inspection_plan", id);
			return ApiException.notFound("检查计划");
		});
	}
}
