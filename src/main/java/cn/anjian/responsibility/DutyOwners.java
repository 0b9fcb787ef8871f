package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a duty belongs to, and whether the caller may see or change it. A department's duties, its offices' and its
 * leaders' are in scope when the department is (its own staff, or the territory above it); a government's and its
 * leaders' when the region is. Only a region's own users (安委办) change what a government owes: a department's
 * staff may read their government's list but not rewrite it.
 */
@Component
class DutyOwners {

	enum Type {
		DEPARTMENT("部门", "department", "FROM department d WHERE d.id = :id"),
		OFFICE("处（科）室", "department_office",
				"FROM department_office o JOIN department d ON d.id = o.department_id WHERE o.id = :id"),
		ROLE_HOLDER("部门责任人", "department_role_holder",
				"FROM department_role_holder h JOIN department d ON d.id = h.department_id WHERE h.id = :id"),
		REGION("人民政府", "region", "FROM region r WHERE r.id = :id AND r.level <> 'GRID'"),
		REGION_ROLE_HOLDER("政府责任人", "region_role_holder",
				"FROM region_role_holder h JOIN region r ON r.id = h.region_id WHERE h.id = :id");

		private final String label;
		private final String table;
		private final String from;

		Type(String label, String table, String from) {
			this.label = label;
			this.table = table;
			this.from = from;
		}

		boolean government() {
			return this == REGION || this == REGION_ROLE_HOLDER;
		}

		String label() {
			return label;
		}

		String table() {
			return table;
		}

		static Type of(String name) {
			try {
				return valueOf(name);
			}
			catch (IllegalArgumentException | NullPointerException e) {
				throw ApiException.invalid("ownerType", "责任主体类型不正确");
			}
		}
	}

	/** The owner with the region and (for a department's own duties) the department it belongs to. */
	record Owner(Type type, long id, long regionId, Long departmentId) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	DutyOwners(JdbcClient jdbc, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	/** The owner if the caller may read it; otherwise 404, logged, as for one that does not exist. */
	Owner readable(DataScope scope, Type type, long id) {
		String select = type.government() ? "SELECT r.id AS region_id, CAST(NULL AS bigint) AS department_id "
				: "SELECT d.region_id, d.id AS department_id ";
		String filter = type.government() ? scope.regionFilter("r.id") : scope.unitFilter("d.region_id", "d.id");
		return scope.bind(jdbc.sql(select + type.from + " AND " + filter)).param("id", id)
			.query((rs, n) -> new Owner(type, id, rs.getLong("region_id"), (Long) rs.getObject("department_id")))
			.optional()
			.orElseThrow(() -> {
				operationLog.recordDenied(type.table(), id);
				return ApiException.notFound(type.label());
			});
	}

	/** The owner if the caller may change its duties (see the class comment for who may). */
	Owner writable(DataScope scope, Type type, long id) {
		Owner owner = readable(scope, type, id);
		if (type.government() && scope.kind() != DataScope.Kind.REGION) {
			throw ApiException.forbidden("人民政府的安全生产责任人和职责由本级或上级安委办维护");
		}
		return owner;
	}
}
