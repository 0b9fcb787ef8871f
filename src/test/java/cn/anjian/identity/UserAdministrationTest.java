package cn.anjian.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Nobody creates or grants above or beside their own scope. */
@AnjianTest
class UserAdministrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDistrictOfficeCannotGrantARoleWithPermissionsItLacks() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var refused = office.post("/api/users", user("lx_admin", "SYSTEM_ADMIN", regionId("370102"), null)).expect(403);
		assertThat(refused.body().get("message").asString()).contains("超出本人权限");
		assertThat(count("lx_admin")).isZero();
	}

	@Test
	void aDistrictOfficeCreatesDepartmentStaffInItsDistrict() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long department = jdbc.sql("SELECT id FROM department WHERE name = '历下区市场监督管理局'").query(Long.class).single();
		var created = office.post("/api/users", user("lx_sc_inspector", "DEPARTMENT_INSPECTOR", regionId("370102"), department))
			.expect(200).body();
		assertThat(created.get("departmentName").asString()).isEqualTo("历下区市场监督管理局");
		assertThat(created.get("mustChangePassword").asBoolean()).isTrue();
	}

	@Test
	void departmentStaffMustSitInTheirDepartmentsRegion() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long department = jdbc.sql("SELECT id FROM department WHERE name = '历下区应急管理局'").query(Long.class).single();
		office.post("/api/users", user("lx_misplaced", "DEPARTMENT_INSPECTOR", regionId("370102001"), department)).expect(400);
		office.post("/api/users", user("lx_nodept", "DEPARTMENT_INSPECTOR", regionId("370102"), null)).expect(400);
		assertThat(count("lx_misplaced") + count("lx_nodept")).isZero();
	}

	@Test
	void aDepartmentLeaderSeesOnlyTheStaffOfTheirDepartment() {
		var list = ApiClient.signedIn(port, "lixia_yj_leader").get("/api/users?size=500").expect(200).raw();
		assertThat(list).contains("lixia_yj_inspector").doesNotContain("lixia_office").doesNotContain("lixia_street");
	}

	@Test
	void disablingAnAccountEndsItsSessionsAtOnce() {
		var grid = ApiClient.signedIn(port, "shizhong_grid");
		var office = ApiClient.signedIn(port, "shizhong_office");
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = 'shizhong_grid'").query(Long.class).single();
		office.put("/api/users/" + id, "{\"displayName\":\"网格员\",\"roleCodes\":[\"GRID_INSPECTOR\"],\"enabled\":false}").expect(200);
		grid.get("/api/auth/me").expect(401);
		new ApiClient(port).login("shizhong_grid", ApiClient.DEMO_PASSWORD).expect(401);
		office.put("/api/users/" + id, "{\"displayName\":\"网格员\",\"roleCodes\":[\"GRID_INSPECTOR\"],\"enabled\":true}").expect(200);
		new ApiClient(port).login("shizhong_grid", ApiClient.DEMO_PASSWORD).expect(200);
	}

	private static String user(String username, String role, long regionId, Long departmentId) {
		return """
				{"username":"%s","displayName":"测试","roleCodes":["%s"],"regionId":%d,"departmentId":%s,
				 "initialPassword":"Initial#Pass2026"}
				""".formatted(username, role, regionId, departmentId);
	}

	private long count(String username) {
		return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
	}

	private long regionId(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = :code").param("code", code).query(Long.class).single();
	}
}
