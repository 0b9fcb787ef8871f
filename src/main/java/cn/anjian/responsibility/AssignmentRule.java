package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may assign what (seed 003 §三(七), 逐一明确到部门、到处（科）室、到监管人员): the department must be the caller's
 * own (department staff) or in the caller's territory; the office and the named inspectors must be the department's
 * (enabled accounts); a city-level entity is assigned only from the city level. One rule for single, bulk and Excel
 * assignments: the caller's {@link Reach} is loaded once per request and every proposal is judged against it.
 */
@Component
class AssignmentRule {

	enum Refusal {
		DEPARTMENT_NOT_IN_SCOPE("departmentId", "监管部门不存在或无权访问"),
		CITY_LEVEL_ENTITY("entityId", "市级监管对象由市级进行分工"),
		OFFICE_NOT_OF_DEPARTMENT("officeId", "处（科）室不属于该部门"),
		INSPECTOR_NOT_OF_DEPARTMENT("inspectorIds", "监管人员须为该部门在用账号");

		final String field;
		final String message;

		Refusal(String field, String message) {
			this.field = field;
			this.message = message;
		}
	}

	record Department(long id, String name) {
	}

	record Office(long id, long departmentId, String name) {
	}

	record Inspector(long id, long departmentId, String username) {
	}

	/** The departments the caller may assign to, with their offices and enabled staff. */
	record Reach(boolean cityLevel, Map<Long, Department> departments, Map<Long, Office> offices,
			Map<Long, Inspector> inspectors) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	AssignmentRule(JdbcClient jdbc, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	Reach reach(DataScope scope) {
		String inScope = " JOIN department d ON d.id = x.department_id WHERE " + scope.unitFilter("d.region_id", "d.id");
		boolean cityLevel = scope.kind() != DataScope.Kind.ENTITY && jdbc.sql("SELECT level = 'CITY' FROM region WHERE id = :id")
			.param("id", scope.regionId()).query(Boolean.class).single();
		return new Reach(cityLevel,
				byId(scope.bind(jdbc.sql("SELECT d.id, d.name FROM department d WHERE " + scope.unitFilter("d.region_id", "d.id")))
					.query(Department.class).list(), Department::id),
				byId(scope.bind(jdbc.sql("SELECT x.id, x.department_id, x.name FROM department_office x" + inScope))
					.query(Office.class).list(), Office::id),
				byId(scope.bind(jdbc.sql("SELECT x.id, x.department_id, x.username FROM app_user x" + inScope + " AND x.enabled"))
					.query(Inspector.class).list(), Inspector::id));
	}

	/** Every reason the proposal is refused; none if it may be made. An unreachable department hides the rest. */
	static List<Refusal> judge(Reach reach, String entityLevel, long departmentId, Long officeId, List<Long> inspectorIds) {
		if (!reach.departments().containsKey(departmentId)) {
			return List.of(Refusal.DEPARTMENT_NOT_IN_SCOPE);
		}
		List<Refusal> refusals = new ArrayList<>();
		if ("CITY".equals(entityLevel) && !reach.cityLevel()) {
			refusals.add(Refusal.CITY_LEVEL_ENTITY);
		}
		Office office = officeId == null ? null : reach.offices().get(officeId);
		if (officeId != null && (office == null || office.departmentId() != departmentId)) {
			refusals.add(Refusal.OFFICE_NOT_OF_DEPARTMENT);
		}
		if (inspectorIds.stream().map(reach.inspectors()::get).anyMatch(i -> i == null || i.departmentId() != departmentId)) {
			refusals.add(Refusal.INSPECTOR_NOT_OF_DEPARTMENT);
		}
		return refusals;
	}

	/** Refuses the way the API always has: an unreachable department is "not found" (logged), a city entity 403. */
	void require(Reach reach, String entityLevel, long departmentId, Long officeId, List<Long> inspectorIds) {
		List<Refusal> refusals = judge(reach, entityLevel, departmentId, officeId, inspectorIds);
		if (refusals.isEmpty()) {
			return;
		}
		Refusal first = refusals.get(0);
		switch (first) {
			case DEPARTMENT_NOT_IN_SCOPE -> {
				operationLog.recordDenied("department", departmentId);
				throw ApiException.notFound("监管部门");
			}
			case CITY_LEVEL_ENTITY -> throw ApiException.forbidden(first.message);
			default -> throw ApiException.invalid(first.field, first.message);
		}
	}

	private static <T> Map<Long, T> byId(List<T> rows, java.util.function.ToLongFunction<T> id) {
		return rows.stream().collect(Collectors.toMap(id::applyAsLong, r -> r));
	}
}
