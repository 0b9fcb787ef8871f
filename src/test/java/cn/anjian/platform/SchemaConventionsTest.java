package cn.anjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema's conventions, checked on the migrated database so a new migration cannot skip them: every table and
 * column says in Chinese what it holds (COMMENT ON, for the DBA), and every business table carries {@code region_id}
 * (a province shards on it; scope filters use it).
 */
@AnjianTest
class SchemaConventionsTest {

	/**
	 * Tables that belong to no region: the region tree itself, city-wide code lists and rules (the division of work,
	 * the warning ladders, the checklist templates, the working-day calendar, the dual-prevention running rule — reference tables a sharded deployment
	 * replicates to every node), roles, sign-in throttling and framework tables.
	 */
	static final Set<String> NOT_REGIONAL = Set.of("flyway_schema_history", "spring_session", "spring_session_attributes",
			"scheduled_tasks", "simulated_clock", "login_attempt", "region", "region_closure", "dict_type", "dict_item",
			"app_permission", "app_role", "role_permission", "division_rule", "warning_rule", "warning_rule_step", "checklist_template", "checklist_template_item",
			"work_calendar_day", "prevention_rule", "evaluation_sheet", "evaluation_sheet_item");

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyTableAndColumnHasAChineseComment() {
		assertThat(jdbc.sql("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
				  AND coalesce(obj_description(c.oid, 'pg_class'), '') !~ '[一-龥]'
				ORDER BY 1
				""").query(String.class).list()).as("tables without a Chinese comment").isEmpty();
		assertThat(jdbc.sql("""
				SELECT c.relname || '.' || a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history'
				  AND coalesce(col_description(c.oid, a.attnum), '') !~ '[一-龥]'
				ORDER BY 1
				""").query(String.class).list()).as("columns without a Chinese comment").isEmpty();
	}

	@Test
	void everyBusinessTableCarriesItsRegion() {
		assertThat(jdbc.sql("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
				  AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'region_id' AND NOT a.attisdropped)
				ORDER BY 1
				""").query(String.class).list()).as("tables without region_id").isSubsetOf(NOT_REGIONAL);
	}
}
