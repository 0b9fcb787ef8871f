package cn.anjian.identity;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of accounts, always within a {@link DataScope}: a region subtree, or one department's staff. */
@Repository
class Users {

	record UserView(long id, String username, String displayName, String phone, List<AnjianUser.Role> roles,
			long regionId, String regionName, Long departmentId, String departmentName, Long officeId,
			String officeName, Long entityId, String entityName, boolean enabled, boolean locked,
			boolean mustChangePassword, Instant lastLoginAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Users(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Page<UserView> search(DataScope scope, String keyword, Long regionId, Long departmentId, int page, int size) {
		String where = " WHERE " + filter(scope) + """
				 AND (CAST(:keyword AS text) IS NULL OR u.username ILIKE '%' || :keyword || '%' OR u.display_name LIKE '%' || :keyword || '%')
				 AND (CAST(:regionId AS bigint) IS NULL OR u.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :regionId))
				 AND (CAST(:departmentId AS bigint) IS NULL OR u.department_id = :departmentId)
				""";
		String kw = keyword == null || keyword.isBlank() ? null : keyword.trim();
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM app_user u" + where))
			.param("keyword", kw).param("regionId", regionId).param("departmentId", departmentId)
			.query(Long.class).single();
		List<UserView> items = scope.bind(jdbc.sql(SELECT + where + " ORDER BY u.id LIMIT :size OFFSET :offset"))
			.param("keyword", kw).param("regionId", regionId).param("departmentId", departmentId)
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> map(rs))
			.list();
		return new Page<>(items, total);
	}

	Optional<UserView> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE u.id = :id AND " + filter(scope)))
			.param("id", id)
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, n) -> map(rs))
			.optional();
	}

	private static String filter(DataScope scope) {
		return scope.unitFilter("u.region_id", "u.department_id");
	}

	void replaceRoles(long userId, List<String> roleCodes) {
		jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", userId).update();
		for (String role : roleCodes) {
			jdbc.sql("INSERT INTO user_role (user_id, role_code, region_id) SELECT id, :role, region_id FROM app_user WHERE id = :id")
				.param("id", userId).param("role", role).update();
		}
	}

	List<String> permissionsOf(List<String> roleCodes) {
		return jdbc.sql("SELECT DISTINCT permission_code FROM role_permission WHERE role_code IN (:roles)")
			.param("roles", roleCodes).query(String.class).list();
	}

	long knownRoles(List<String> roleCodes) {
		return jdbc.sql("SELECT count(*) FROM app_role WHERE code IN (:roles)").param("roles", roleCodes)
			.query(Long.class).single();
	}

	private static UserView map(java.sql.ResultSet rs) throws java.sql.SQLException {
		String roles = rs.getString("roles");
		List<AnjianUser.Role> roleList = roles == null ? List.of() : Arrays.stream(roles.split(";"))
			.map(r -> r.split("=", 2)).map(r -> new AnjianUser.Role(r[0], r[1])).toList();
		return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("phone"), roleList, rs.getLong("region_id"), rs.getString("region_name"),
				(Long) rs.getObject("department_id"), rs.getString("department_name"), (Long) rs.getObject("office_id"),
				rs.getString("office_name"), (Long) rs.getObject("entity_id"), null, rs.getBoolean("enabled"),
				rs.getBoolean("locked"), rs.getBoolean("must_change_password"), Accounts.instant(rs.getTimestamp("last_login_at")));
	}

	static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.phone, u.region_id, r.name AS region_name, u.department_id,
			       d.name AS department_name, u.office_id, o.name AS office_name, u.entity_id, u.enabled,
			       (u.locked_until IS NOT NULL AND u.locked_until > :now) AS locked, u.must_change_password, u.last_login_at,
			       (SELECT string_agg(ar.code || '=' || ar.name, ';' ORDER BY ar.sort_order) FROM user_role ur
			        JOIN app_role ar ON ar.code = ur.role_code WHERE ur.user_id = u.id) AS roles
			FROM app_user u JOIN region r ON r.id = u.region_id
			LEFT JOIN department d ON d.id = u.department_id LEFT JOIN department_office o ON o.id = u.office_id
			""";
}
