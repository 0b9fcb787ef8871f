package cn.anjian.identity;

import cn.anjian.platform.demo.DemoMode;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds {@link Me}: names of the user's region path and department for the top bar. */
@Component
class MeView {

	private final JdbcClient jdbc;
	private final DemoMode demoMode;

	MeView(JdbcClient jdbc, DemoMode demoMode) {
		this.jdbc = jdbc;
		this.demoMode = demoMode;
	}

	Me of(AnjianUser user) {
		List<String> path = jdbc.sql("""
				SELECT r.name FROM region_closure c JOIN region r ON r.id = c.ancestor_id
				WHERE c.descendant_id = :id ORDER BY c.depth DESC
				""")
			.param("id", user.regionId())
			.query(String.class)
			.list();
		String department = user.departmentId() == null ? null
				: jdbc.sql("SELECT name FROM department WHERE id = :id").param("id", user.departmentId())
					.query(String.class).optional().orElse(null);
		String entity = user.entityId() == null ? null
				: jdbc.sql("SELECT name FROM supervised_entity WHERE id = :id").param("id", user.entityId())
					.query(String.class).optional().orElse(null);
		String label = String.join(" · ", path) + (department == null ? "" : " · " + department)
				+ (entity == null ? "" : " · " + entity);
		var scope = user.scope();
		return new Me(user.id(), user.username(), user.displayName(), user.roles(), user.permissions(),
				new Me.Scope(scope.kind().name(), user.regionId(), path.isEmpty() ? null : path.get(path.size() - 1),
						user.departmentId(), department, user.entityId(), entity, label),
				user.mustChangePassword(), demoMode.enabled());
	}
}
