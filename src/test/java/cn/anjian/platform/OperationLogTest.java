package cn.anjian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operation log: complete (a write without an entry is undone), with before/after, append-only. */
@AnjianTest
@Import(OperationLogTest.TestEndpoints.class)
class OperationLogTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TestConfiguration
	static class TestEndpoints {

		@RestController
		static class Writes {

			private final JdbcClient jdbc;
			private final OperationLog log;

			Writes(JdbcClient jdbc, OperationLog log) {
				this.jdbc = jdbc;
				this.log = log;
			}

			@PostMapping("/api/test/write-without-log")
			@PreAuthorize("isAuthenticated()")
			Map<String, String> forgetful() {
				jdbc.sql("UPDATE dict_item SET label = 'changed without log' WHERE type = 'entity_status' AND code = 'OPERATING'").update();
				return Map.of("ok", "yes");
			}

			@PostMapping("/api/test/write-with-log")
			@PreAuthorize("isAuthenticated()")
			Map<String, String> dutiful() {
				jdbc.sql("UPDATE dict_item SET label = '在营' WHERE type = 'entity_status' AND code = 'OPERATING'").update();
				log.record("UPDATE", "dict_item", "entity_status/OPERATING", Map.of("label", "在营"), Map.of("label", "在营"));
				return Map.of("ok", "yes");
			}
		}
	}

	@Test
	void aWriteThatRecordsNoLogEntryIsRolledBackAndRefused() {
		var admin = ApiClient.signedIn(port, "admin");
		assertThat(admin.post("/api/test/write-without-log", null).expect(500).code()).isEqualTo("OPERATION_LOG_MISSING");
		assertThat(label()).isEqualTo("在营");
		admin.post("/api/test/write-with-log", null).expect(200);
	}

	@Test
	void aChangeIsLoggedWithActorRoleIpAndBeforeAfterValues() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long street = jdbc.sql("SELECT id FROM region WHERE code = '370102003'").query(Long.class).single();
		office.put("/api/regions/" + street, "{\"code\":\"370102003\",\"name\":\"泉城路街道\",\"kind\":\"STREET\",\"sortOrder\":7}")
			.expect(200);
		var entry = jdbc.sql("""
				SELECT actor_name, actor_role, client_ip, action, before ->> 'sortOrder' AS before_order,
				       after ->> 'sortOrder' AS after_order, request_id
				FROM operation_log WHERE target_type = 'region' AND target_id = :id ORDER BY id DESC LIMIT 1
				""").param("id", String.valueOf(street)).query().singleRow();
		assertThat(entry).containsEntry("actor_name", "历下区安委办 刘主任").containsEntry("actor_role", "区县安委办")
			.containsEntry("action", "UPDATE").containsEntry("before_order", "3").containsEntry("after_order", "7");
		assertThat((String) entry.get("client_ip")).isNotBlank();
		assertThat((String) entry.get("request_id")).isNotBlank();
	}

	@Test
	void aFailedWriteChangesNothing() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long department = jdbc.sql("SELECT id FROM department WHERE name = '历下区应急管理局'").query(Long.class).single();
		office.post("/api/departments/" + department + "/liaisons", "{\"name\":\"一号\"}").expect(200);
		office.post("/api/departments/" + department + "/liaisons", "{\"name\":\"二号\"}").expect(200);
		assertThat(office.post("/api/departments/" + department + "/liaisons", "{\"name\":\"三号\"}").expect(409).code())
			.isEqualTo("TOO_MANY_LIAISONS");
		assertThat(jdbc.sql("SELECT count(*) FROM department_liaison WHERE department_id = :d").param("d", department)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theLogIsAppendOnly() {
		assertThatThrownBy(() -> jdbc.sql("UPDATE operation_log SET actor_name = 'x'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM operation_log").update()).hasMessageContaining("append-only");
	}

	@Test
	void aRefusedCrossScopeReadIsLogged() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long other = jdbc.sql("SELECT id FROM region WHERE code = '370104'").query(Long.class).single();
		office.get("/api/regions/" + other).expect(404);
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'SCOPE_DENIED' AND target_id = :id")
			.param("id", String.valueOf(other)).query(Long.class).single()).isPositive();
	}

	@Test
	void exportingTheLogIsItselfLogged() {
		var admin = ApiClient.signedIn(port, "admin");
		long before = jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'EXPORT'").query(Long.class).single();
		admin.get("/api/oplog/export?action=LOGIN").expect(200);
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'EXPORT'").query(Long.class).single())
			.isEqualTo(before + 1);
	}

	private String label() {
		return jdbc.sql("SELECT label FROM dict_item WHERE type = 'entity_status' AND code = 'OPERATING'").query(String.class).single();
	}
}
