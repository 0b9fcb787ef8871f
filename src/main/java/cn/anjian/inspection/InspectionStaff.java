package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may be named as an inspector by the caller (执法检查人员): enabled accounts allowed to record inspections, of
 * the caller's own department — or, for a region office, street or grid, of the government side of its region
 * subtree (no department). Nobody can name a person outside it.
 */
@Component
class InspectionStaff {

	record Person(long id, String displayName, String departmentName, String regionName) {
	}

	private final JdbcClient jdbc;

	InspectionStaff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Person> of(DataScope scope) {
		return scope.bind(jdbc.sql("""
				SELECT u.id, u.display_name, d.name AS department_name, r.name AS region_name
				FROM app_user u JOIN region r ON r.id = u.region_id LEFT JOIN department d ON d.id = u.department_id
				WHERE %s ORDER BY u.id
				""".formatted(filter(scope)))).query(Person.class).list();
	}

	List<Long> ids(DataScope scope) {
		return of(scope).stream().map(Person::id).toList();
	}

	/** Refuses (400) any id that is not the caller's staff; answers them distinct, in the order given. */
	List<Long> require(DataScope scope, Collection<Long> ids, String field) {
		if (ids == null || ids.isEmpty()) {
			throw ApiException.invalid(field, "请至少选择一名检查人员");
		}
		var staff = new HashSet<>(ids(scope));
		List<Long> distinct = ids.stream().distinct().toList();
		if (!staff.containsAll(distinct)) {
			throw ApiException.invalid(field, "检查人员须为本部门（本辖区）在岗的检查人员");
		}
		return distinct;
	}

	private static String filter(DataScope scope) {
		String permitted = """
				u.enabled AND u.entity_id IS NULL AND EXISTS (SELECT 1 FROM user_role ur JOIN role_permission rp
				  ON rp.role_code = ur.role_code WHERE ur.user_id = u.id AND rp.permission_code = 'inspection:write')
				""";
		return switch (scope.kind()) {
			case DEPARTMENT -> permitted + " AND " + scope.unitFilter("u.region_id", "u.department_id");
			case REGION -> permitted + " AND u.department_id IS NULL AND " + scope.regionFilter("u.region_id");
			case ENTITY -> "FALSE";
		};
	}
}
