package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deleting what was entered by mistake, and only that: an inspection record still unfinished (no result yet) that
 * raised no hazard, and a plan under which no inspection was carried out — each by the unit that owns it (the
 * department, or for a region's own record a user of that region). Anything else is work done and stays; the log
 * keeps the deleted record as it was.
 */
@RestController
class InspectionDeletionController {

	private final Inspections inspections;
	private final InspectionPlans plans;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	InspectionDeletionController(Inspections inspections, InspectionPlans plans, JdbcClient jdbc, OperationLog operationLog) {
		this.inspections = inspections;
		this.plans = plans;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	@DeleteMapping("/api/inspections/{id}")
	@PreAuthorize("hasAuthority('inspection:write')")
	ResponseEntity<Void> deleteInspection(@PathVariable long id, DataScope scope) {
		Inspections.InspectionView view = inspections.find(scope, id).orElseThrow(() -> denied("inspection", id, "检查记录"));
		jdbc.sql("SELECT id FROM inspection WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		requireOwner(scope, view.departmentId(), "检查记录");
		if (view.result() != null) {
			throw ApiException.conflict("INSPECTION_FINISHED", "检查已完成（已有检查结果），不能删除");
		}
		if (jdbc.sql("SELECT count(*) FROM hazard WHERE inspection_id = :id").param("id", id).query(Long.class).single() > 0) {
			throw ApiException.conflict("INSPECTION_HAS_HAZARDS", "本次检查已登记隐患，不能删除");
		}
		Map<String, Object> before = Map.of("inspection", view, "inspectors", inspections.inspectors(id),
				"items", inspections.items(id), "photos", inspections.photos(id));
		for (String table : new String[] { "inspection_photo", "inspection_item", "inspection_inspector" }) {
			jdbc.sql("DELETE FROM " + table + " WHERE inspection_id = :id").param("id", id).update();
		}
		jdbc.sql("DELETE FROM inspection WHERE id = :id").param("id", id).update();
		operationLog.record("INSPECTION_DELETE", "inspection", id, before, null);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/inspection-plans/{id}")
	@PreAuthorize("hasAuthority('inspection:plan')")
	ResponseEntity<Void> deletePlan(@PathVariable long id, DataScope scope) {
		InspectionPlans.PlanView view = plans.find(scope, id).orElseThrow(() -> denied("inspection_plan", id, "检查计划"));
		jdbc.sql("SELECT id FROM inspection_plan WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		requireOwner(scope, view.departmentId(), "检查计划");
		if (jdbc.sql("SELECT count(*) FROM inspection WHERE plan_id = :id").param("id", id).query(Long.class).single() > 0) {
			throw ApiException.conflict("PLAN_HAS_INSPECTIONS", "该计划下已开展检查，不能删除");
		}
		Map<String, Object> before = Map.of("plan", view, "entities", plans.entities(id));
		jdbc.sql("DELETE FROM inspection_plan_entity WHERE plan_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM inspection_plan WHERE id = :id").param("id", id).update();
		operationLog.record("INSPECTION_PLAN_DELETE", "inspection_plan", id, before, null);
		return ResponseEntity.noContent().build();
	}

	/** A department's record only by that department; a region's own record only by a region user (scope covers it). */
	private static void requireOwner(DataScope scope, Long ownerDepartment, String what) {
		if (!Objects.equals(ownerDepartment, scope.departmentId()) || scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("只有制定或录入" + what + "的单位可以删除");
		}
	}

	private ApiException denied(String type, long id, String what) {
		operationLog.recordDenied(type, id);
		return ApiException.notFound(what);
	}
}
