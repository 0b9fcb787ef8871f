package cn.anjian.prevention;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finding one of this module's records within the caller's scope, or answering 404 (logged as a refusal). Every
 * record carries its entity and region, so one scope filter serves every table. Writes are the business's own: the
 * caller must be the business's staff (scope ENTITY), which the scope filter then confines to its own entity.
 */
@Component
class OwnRecords {

	/** Where a record belongs. */
	record Owner(long id, long entityId, long regionId) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	OwnRecords(JdbcClient jdbc, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	/** The record of {@code table} with this id, if the caller may read it. {@code table} is one of this module's. */
	Owner readable(DataScope scope, String table, long id, String what) {
		return scope.bind(jdbc.sql("SELECT id, entity_id, region_id FROM " + table + " t WHERE t.id = :id AND "
				+ scope.entityFilter("t.entity_id", "t.region_id")))
			.param("id", id)
			.query(Owner.class).optional().orElseThrow(() -> {
				operationLog.recordDenied(table, id);
				return ApiException.notFound(what);
			});
	}

	/** The record, if it is the calling business's own. */
	Owner writable(DataScope scope, String table, long id, String what) {
		requireBusiness(scope);
		return readable(scope, table, id, what);
	}

	static void requireBusiness(DataScope scope) {
		if (scope.kind() != DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("双重预防由企业自行维护");
		}
	}
}
