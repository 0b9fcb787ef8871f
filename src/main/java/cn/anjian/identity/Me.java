package cn.anjian.identity;

import java.util.List;
import java.util.Set;

/** What the UI needs to know about the signed-in user. */
record Me(long id, String username, String displayName, List<AnjianUser.Role> roles, Set<String> permissions,
		Scope scope, boolean mustChangePassword, boolean demoMode) {

	record Scope(String kind, long regionId, String regionName, Long departmentId, String departmentName,
			Long entityId, String entityName, String label) {
	}
}
