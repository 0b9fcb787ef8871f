package cn.anjian.platform.scope;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that a single record the caller names lies within the caller's scope. Outside it, the answer is the
 * same 404 as for a record that does not exist, and the attempt is written to the operation log.
 */
@Component
public class ScopeChecks {

	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	ScopeChecks(JdbcClient jdbc, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	public boolean covers(DataScope scope, long regionId) {
		return scope.bind(jdbc.sql("SELECT EXISTS (SELECT 1 FROM region r WHERE r.id = :regionId AND "
				+ scope.regionFilter("r.id") + ")"))
			.param("regionId", regionId)
			.query(Boolean.class)
			.single();
	}

	/** Refuses (404, logged) unless {@code regionId} is in the caller's territory. */
	public void requireRegion(DataScope scope, long regionId, String targetType, Object targetId, String what) {
		if (!covers(scope, regionId)) {
			operationLog.recordDenied(targetType, targetId);
			throw ApiException.notFound(what);
		}
	}
}
