package cn.anjian.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The region tree and departments: levels, closure, scope-limited trees, limits on liaisons. */
@AnjianTest
class OrganizationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCityOfficeSeesTheWholeCityWithDistrictsCountiesAndFunctionalZones() {
		var tree = ApiClient.signedIn(port, "city_office").get("/api/regions/tree").expect(200).body();
		assertThat(tree).hasSize(1);
		assertThat(tree.get(0).get("name").asString()).isEqualTo("济南市");
		// the 15 districts, counties and zones of the demo city (other tests may add districts of their own)
		assertThat(tree.get(0).get("children").size()).isEqualTo(jdbc.sql("SELECT count(*) FROM region WHERE level = 'DISTRICT'")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(15);
		assertThat(tree.get(0).get("children").toString()).contains("平阴县", "高新区", "起步区", "南部山区", "功能区");
	}

	@Test
	void aStreetUserSeesOnlyItsStreetAndItsGrids() {
		var tree = ApiClient.signedIn(port, "lixia_street").get("/api/regions/tree").expect(200).body();
		assertThat(tree).hasSize(1);
		assertThat(tree.get(0).get("name").asString()).isEqualTo("解放路街道");
		assertThat(tree.get(0).get("children")).extracting(g -> g.get("gridInspectorName").asString()).allMatch(n -> !n.isBlank());
	}

	@Test
	void aNewRegionJoinsTheClosureSoItsAncestorsScopesCoverIt() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long street = regionId("370102002");
		long grid = office.post("/api/regions", """
				{"parentId":%d,"code":"370102002009","name":"新建网格","kind":"GRID","sortOrder":9,
				 "gridInspectorName":"赵网格","gridInspectorPhone":"13800000009"}
				""".formatted(street)).expect(200).body().get("id").asLong();
		assertThat(jdbc.sql("SELECT count(*) FROM region_closure WHERE descendant_id = :id").param("id", grid)
			.query(Long.class).single()).isEqualTo(4); // self, street, district, city
		assertThat(ApiClient.signedIn(port, "lixia_office").get("/api/regions/" + grid).expect(200).body()
			.get("gridInspectorName").asString()).isEqualTo("赵网格");
		ApiClient.signedIn(port, "shizhong_office").get("/api/regions/" + grid).expect(404);
	}

	@Test
	void aRegionMustSitAtTheLevelBelowItsParent() {
		var office = ApiClient.signedIn(port, "lixia_office");
		var wrong = office.post("/api/regions", """
				{"parentId":%d,"code":"370102099","name":"错层街道","kind":"STREET","sortOrder":1}
				""".formatted(regionId("370102001"))).expect(400);
		assertThat(wrong.body().get("details").get(0).get("field").asString()).isEqualTo("kind");
	}

	@Test
	void aDistrictOfficeCannotRenameItsOwnDistrict() {
		var office = ApiClient.signedIn(port, "lixia_office");
		office.put("/api/regions/" + regionId("370102"), """
				{"code":"370102","name":"历下新区","kind":"DISTRICT","sortOrder":1}
				""").expect(403);
		assertThat(jdbc.sql("SELECT name FROM region WHERE code = '370102'").query(String.class).single()).isEqualTo("历下区");
	}

	@Test
	void aDistrictOfficeCannotCreateACityDepartment() {
		var office = ApiClient.signedIn(port, "lixia_office");
		office.post("/api/departments", "{\"regionId\":%d,\"name\":\"市某局\",\"sortOrder\":1}".formatted(regionId("370100")))
			.expect(404);
		var created = office.post("/api/departments", "{\"regionId\":%d,\"name\":\"历下区交通运输局\",\"sortOrder\":5}"
			.formatted(regionId("370102"))).expect(200).body();
		assertThat(created.get("level").asString()).isEqualTo("DISTRICT");
	}

	@Test
	void departmentDetailListsOfficesLeadersAndStaff() {
		var office = ApiClient.signedIn(port, "city_office");
		long id = jdbc.sql("SELECT id FROM department WHERE name = '市应急管理局'").query(Long.class).single();
		var detail = office.get("/api/departments/" + id).expect(200).body();
		assertThat(detail.get("offices").toString()).contains("危险化学品安全监督管理处");
		assertThat(detail.get("roleHolders").get(0).get("roleLabel").asString()).isEqualTo("安全生产第一责任人");
		assertThat(detail.get("staff").toString()).contains("city_yj_inspector");
	}

	@Test
	void aDepartmentUserSeesDepartmentsOfItsRegionOnly() {
		var list = ApiClient.signedIn(port, "lixia_yj_leader").get("/api/departments").expect(200).raw();
		assertThat(list).contains("历下区应急管理局").doesNotContain("市应急管理局").doesNotContain("市中区");
	}

	private long regionId(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = :code").param("code", code).query(Long.class).single();
	}
}
