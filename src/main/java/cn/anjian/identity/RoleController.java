package cn.anjian.identity;

import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The roles and the permissions each grants (data in app_role / role_permission). Global reference data. */
@RestController
class RoleController {

	record Permission(String code, String name) {
	}

	record RoleView(String code, String name, String description, List<Permission> permissions) {
	}

	private final JdbcClient jdbc;

	RoleController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/roles")
	@PreAuthorize("hasAuthority('user:read')")
	List<RoleView> roles() {
		return jdbc.sql("""
				SELECT r.code, r.name, r.description,
				       (SELECT string_agg(p.code || '=' || p.name, ';' ORDER BY p.code) FROM role_permission rp
				        JOIN app_permission p ON p.code = rp.permission_code WHERE rp.role_code = r.code) AS permissions
				FROM app_role r ORDER BY r.sort_order
				""")
			.query((rs, n) -> new RoleView(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4) == null ? List.of() : Arrays.stream(rs.getString(4).split(";"))
						.map(p -> p.split("=", 2)).map(p -> new Permission(p[0], p[1])).toList()))
			.list();
	}
}
