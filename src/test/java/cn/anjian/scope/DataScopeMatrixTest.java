package cn.anjian.scope;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.registry.UsccSamples;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.support.EntitySheets;
import cn.anjian.support.Xlsx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The data-scope matrix. Every /api endpoint the application maps (discovered, so a new endpoint fails
 * {@link #everyApiEndpointIsClassified} until it is added here) is classified, and for each: a user of district
 * A (历下区) is refused district B's (市中区) records — 404 for a record, nothing of B in a list — and the
 * refusals change nothing; and each write endpoint, called properly, leaves an operation-log entry.
 */
@AnjianTest
class DataScopeMatrixTest {

	enum Kind {
		/** no sign-in needed, no data */
		PUBLIC,
		/** acts on the caller's own account only */
		SELF,
		/** city-wide reference data, the same for every scope (dictionaries, roles, the demo clock) */
		GLOBAL,
		/** a region's or department's records: scope-limited */
		SCOPED,
		/** exists only in the test context */
		TEST_ONLY
	}

	record Probe(Kind kind, Consumer<Ctx> foreign, Consumer<Ctx> own) {
	}

	/** District B's records and the signed-in clients the probes use. */
	record Ctx(ApiClient admin, ApiClient districtA, ApiClient districtB, long regionB, long streetB,
			long departmentB, long officeB, long liaisonB, long holderB, long userB, long tokenB, long entityB,
			long licenceB, JdbcClient jdbc, int port) {
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Ctx ctx;

	@BeforeEach
	void districtBHasRecords() {
		var admin = ApiClient.signedIn(port, "admin");
		long departmentB = id("SELECT id FROM department WHERE name = '市中区应急管理局'");
		long liaisonB = jdbc.sql("SELECT min(id) FROM department_liaison WHERE department_id = :d").param("d", departmentB)
			.query(Long.class).optional().orElseGet(() -> admin.post("/api/departments/" + departmentB + "/liaisons",
					"{\"name\":\"测试联络员\",\"phone\":\"1\"}").expect(200).body().get("id").asLong());
		long tokenB = admin.post("/api/tokens", "{\"name\":\"B\",\"username\":\"shizhong_office\"}").expect(200).body()
			.get("id").asLong();
		ctx = new Ctx(admin, ApiClient.signedIn(port, "lixia_office"), ApiClient.signedIn(port, "shizhong_office"),
				id("SELECT id FROM region WHERE code = '370103'"), id("SELECT id FROM region WHERE code = '370103001'"),
				departmentB, id("SELECT min(id) FROM department_office WHERE department_id = " + departmentB), liaisonB,
				id("SELECT min(id) FROM department_role_holder WHERE department_id = " + departmentB),
				id("SELECT id FROM app_user WHERE username = 'shizhong_street'"), tokenB, entityB(), licenceB(), jdbc, port);
		// a warning of district B on the district screen, whatever the engine has done so far
		ctx.districtB().post("/api/hazards", hazardJson(entityB()).replace("GENERAL", "SUSPECTED_MAJOR")).expect(200);
		if (jdbc.sql("SELECT count(*) FROM hazard_attachment WHERE hazard_id = :h").param("h", hazardB(ctx)).query(Long.class).single() == 0) {
			ctx.districtB().upload("/api/hazards/" + hazardB(ctx) + "/attachments", Map.of("kind", "FINDING"), "q.png",
					cn.anjian.platform.files.SampleFiles.png()).expect(200);
		}

		dutyListsOfB(departmentB);
	}

	static final Map<String, Probe> MATRIX = new TreeMap<>();

	static final String LICENCE = "{\"type\":\"SAFETY_PRODUCTION\",\"number\":\"测试证001\",\"validFrom\":\"2024-01-01\",\"validTo\":\"2027-01-01\"}";
	static final String DISPATCH_REPORT = "{\"entitiesChecked\":3,\"hazardsFound\":1,\"hazardsRectified\":1,\"cases\":0,\"content\":\"矩阵\"}";

	static final String RULE = "{\"industry\":\"IND080\",\"level\":\"DISTRICT\",\"departmentKind\":\"MARKET\",\"supervisionType\":\"OTHER\"}";

	static void probe(String endpoint, Kind kind, Consumer<Ctx> foreign, Consumer<Ctx> own) {
		MATRIX.put(endpoint, new Probe(kind, foreign, own));
	}

	static Consumer<Ctx> none() {
		return c -> {
		};
	}

	static void notFound(ApiClient.Response response) {
		assertThat(response.expect(404).code()).isEqualTo("NOT_FOUND");
	}

	static {
		probe("GET /api/auth/csrf", Kind.PUBLIC, none(), none());
		probe("POST /api/auth/login", Kind.PUBLIC, none(), c -> ApiClient.signedIn(c.port(), "lixia_street"));
		probe("GET /api/docs", Kind.PUBLIC, none(), none());
		probe("GET /api/docs.yaml", Kind.PUBLIC, none(), none());
		probe("GET /api/docs/swagger-config", Kind.PUBLIC, none(), none());
		probe("GET /api/auth/me", Kind.SELF, none(), none());
		probe("POST /api/auth/logout", Kind.SELF, none(),
				c -> ApiClient.signedIn(c.port(), "lixia_street").post("/api/auth/logout", null).expect(204));
		probe("POST /api/auth/logout-all", Kind.SELF, none(),
				c -> ApiClient.signedIn(c.port(), "lixia_grid").post("/api/auth/logout-all", null).expect(204));
		probe("POST /api/auth/password", Kind.SELF, none(), c -> {
			var user = ApiClient.signedIn(c.port(), "lixia_yj_liaison");
			user.post("/api/auth/password", "{\"oldPassword\":\"Anjian@2026\",\"newPassword\":\"Another#Pass2026\"}").expect(204);
			user.post("/api/auth/password", "{\"oldPassword\":\"Another#Pass2026\",\"newPassword\":\"Anjian@2026\"}").expect(204);
		});
		probe("GET /api/dev/clock", Kind.GLOBAL, none(), none());
		probe("POST /api/dev/clock", Kind.GLOBAL,
				c -> c.districtA().post("/api/dev/clock", "{\"advanceHours\":1}").expect(403),
				c -> c.admin().post("/api/dev/clock", "{\"reset\":true}").expect(200));
		probe("GET /api/roles", Kind.GLOBAL, none(), none());
		probe("GET /api/dict", Kind.GLOBAL, none(), none());
		probe("GET /api/dict/{type}", Kind.GLOBAL, none(), none());
		probe("POST /api/dict/{type}", Kind.GLOBAL,
				c -> c.districtA().post("/api/dict/industry", "{\"code\":\"X1\",\"label\":\"x\",\"sortOrder\":1,\"enabled\":true}").expect(403),
				c -> c.admin().post("/api/dict/industry", "{\"code\":\"T" + System.nanoTime() % 100000 + "\",\"label\":\"测试行业\",\"sortOrder\":999,\"enabled\":false}").expect(200));
		probe("PUT /api/dict/{type}/{id}", Kind.GLOBAL,
				c -> c.districtA().put("/api/dict/industry/1", "{\"label\":\"x\",\"sortOrder\":1,\"enabled\":true}").expect(403),
				c -> {
					long id = c.jdbc().sql("SELECT id FROM dict_item WHERE type = 'industry' AND code = 'IND082'").query(Long.class).single();
					c.admin().put("/api/dict/industry/" + id, "{\"label\":\"其他行业\",\"sortOrder\":82,\"enabled\":true}").expect(200);
				});

		probe("GET /api/regions/tree", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/regions/tree").expect(200).raw()).contains("历下区")
					.doesNotContain("市中区").doesNotContain("大观园街道").doesNotContain("济南市"),
				none());
		probe("GET /api/regions/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/regions/" + c.regionB())), none());
		probe("POST /api/regions", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/regions", "{\"parentId\":%d,\"code\":\"370103099\",\"name\":\"越权街道\",\"kind\":\"STREET\",\"sortOrder\":9}".formatted(c.regionB()))),
				c -> c.districtB().post("/api/regions", "{\"parentId\":%d,\"code\":\"370103001099\",\"name\":\"测试网格\",\"kind\":\"GRID\",\"sortOrder\":9}".formatted(c.streetB())).expect(200));
		probe("PUT /api/regions/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/regions/" + c.streetB(), "{\"code\":\"370103001\",\"name\":\"被改名\",\"kind\":\"STREET\",\"sortOrder\":1}")),
				c -> c.districtB().put("/api/regions/" + c.streetB(), "{\"code\":\"370103001\",\"name\":\"大观园街道\",\"kind\":\"STREET\",\"sortOrder\":1}").expect(200));

		probe("GET /api/departments", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/departments").expect(200).raw()).contains("历下区应急管理局")
					.doesNotContain("市中区").doesNotContain("市应急管理局"),
				none());
		probe("GET /api/departments/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/departments/" + c.departmentB())), none());
		probe("POST /api/departments", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/departments", "{\"regionId\":%d,\"name\":\"越权部门\",\"sortOrder\":1}".formatted(c.regionB()))),
				c -> c.districtB().post("/api/departments", "{\"regionId\":%d,\"name\":\"市中区测试局%d\",\"sortOrder\":9}".formatted(c.regionB(), System.nanoTime() % 100000)).expect(200));
		probe("PUT /api/departments/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/departments/" + c.departmentB(), "{\"name\":\"被改名\",\"sortOrder\":1}")),
				c -> c.districtB().put("/api/departments/" + c.departmentB(), "{\"name\":\"市中区应急管理局\",\"shortName\":\"市中区应急局\",\"sortOrder\":0}").expect(200));
		probe("POST /api/departments/{id}/offices", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/departments/" + c.departmentB() + "/offices", "{\"name\":\"越权科\",\"sortOrder\":1}")),
				c -> c.districtB().post("/api/departments/" + c.departmentB() + "/offices", "{\"name\":\"测试科%d\",\"sortOrder\":5}".formatted(System.nanoTime() % 100000)).expect(200));
		probe("PUT /api/departments/{id}/offices/{officeId}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/departments/" + c.departmentB() + "/offices/" + c.officeB(), "{\"name\":\"被改名\",\"sortOrder\":1}")),
				c -> c.districtB().put("/api/departments/" + c.departmentB() + "/offices/" + c.officeB(), "{\"name\":\"综合科\",\"sortOrder\":0}").expect(200));
		probe("POST /api/departments/{id}/liaisons", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/departments/" + c.departmentB() + "/liaisons", "{\"name\":\"越权\"}")),
				c -> {
					long dept = c.jdbc().sql("SELECT id FROM department WHERE name = '市中区住房和城乡建设局'").query(Long.class).single();
					c.districtB().post("/api/departments/" + dept + "/liaisons", "{\"name\":\"住建联络员\"}").expect(200);
				});
		probe("DELETE /api/departments/{id}/liaisons/{liaisonId}", Kind.SCOPED,
				c -> notFound(c.districtA().delete("/api/departments/" + c.departmentB() + "/liaisons/" + c.liaisonB())),
				c -> c.districtB().delete("/api/departments/" + c.departmentB() + "/liaisons/" + c.liaisonB()).expect(204));
		probe("POST /api/departments/{id}/role-holders", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/departments/" + c.departmentB() + "/role-holders", "{\"role\":\"IN_CHARGE\",\"name\":\"越权\"}")),
				c -> c.districtB().post("/api/departments/" + c.departmentB() + "/role-holders", "{\"role\":\"OTHER_IN_CHARGE\",\"name\":\"王五\",\"termFrom\":\"2026-01-01\"}").expect(200));
		probe("DELETE /api/departments/{id}/role-holders/{holderId}", Kind.SCOPED,
				c -> notFound(c.districtA().delete("/api/departments/" + c.departmentB() + "/role-holders/" + c.holderB())),
				c -> {
					long extra = c.districtB().post("/api/departments/" + c.departmentB() + "/role-holders", "{\"role\":\"OTHER_IN_CHARGE\",\"name\":\"临时\"}").expect(200).body().get("id").asLong();
					c.districtB().delete("/api/departments/" + c.departmentB() + "/role-holders/" + extra).expect(204);
				});

		probe("GET /api/users", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/users?size=500").expect(200).raw()).contains("lixia_street")
					.doesNotContain("shizhong").doesNotContain("\"admin\""),
				none());
		probe("GET /api/users/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/users/" + c.userB())), none());
		probe("POST /api/users", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/users", "{\"username\":\"sneaky\",\"displayName\":\"x\",\"roleCodes\":[\"STREET_STAFF\"],\"regionId\":%d,\"initialPassword\":\"Initial#Pass2026\"}".formatted(c.streetB()))),
				c -> c.districtB().post("/api/users", "{\"username\":\"sz_%d\",\"displayName\":\"新人\",\"roleCodes\":[\"STREET_STAFF\"],\"regionId\":%d,\"initialPassword\":\"Initial#Pass2026\"}".formatted(System.nanoTime() % 100000, c.streetB())).expect(200));
		probe("PUT /api/users/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/users/" + c.userB(), "{\"displayName\":\"被改名\",\"roleCodes\":[\"STREET_STAFF\"],\"enabled\":false}")),
				c -> c.districtB().put("/api/users/" + c.userB(), "{\"displayName\":\"大观园街道 杨干事\",\"phone\":\"13900000000\",\"roleCodes\":[\"STREET_STAFF\"],\"enabled\":true}").expect(200));
		probe("POST /api/users/{id}/reset-password", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/users/" + c.userB() + "/reset-password", "{\"newPassword\":\"Hijack#Pass2026\"}")),
				c -> {
					long id = c.districtB().post("/api/users", "{\"username\":\"sz_r%d\",\"displayName\":\"重置\",\"roleCodes\":[\"STREET_STAFF\"],\"regionId\":%d,\"initialPassword\":\"Initial#Pass2026\"}".formatted(System.nanoTime() % 100000, c.streetB())).expect(200).body().get("id").asLong();
					c.districtB().post("/api/users/" + id + "/reset-password", "{\"newPassword\":\"Reset#Pass2026x\"}").expect(204);
				});
		probe("POST /api/users/{id}/unlock", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/users/" + c.userB() + "/unlock", null)),
				c -> c.districtB().post("/api/users/" + c.userB() + "/unlock", null).expect(200));

		probe("GET /api/tokens", Kind.SCOPED, c -> c.districtA().get("/api/tokens").expect(403), none());
		probe("POST /api/tokens", Kind.SCOPED,
				c -> c.districtA().post("/api/tokens", "{\"name\":\"x\",\"username\":\"shizhong_office\"}").expect(403),
				c -> c.admin().post("/api/tokens", "{\"name\":\"对接\",\"username\":\"lixia_office\"}").expect(200));
		probe("DELETE /api/tokens/{id}", Kind.SCOPED,
				c -> c.districtA().delete("/api/tokens/" + c.tokenB()).expect(403),
				c -> c.admin().delete("/api/tokens/" + c.tokenB()).expect(204));

		// registry: entities and licences
		probe("GET /api/entities", Kind.SCOPED,
				c -> {
					var page = c.districtA().get("/api/entities?size=500").expect(200).body();
					assertThat(page.get("total").asLong()).isPositive();
					page.get("items").forEach(e -> assertThat(e.get("regionPath").asString()).startsWith("历下区"));
				}, none());
		probe("GET /api/entities/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/entities/" + c.entityB())), none());
		probe("GET /api/entities/{id}/history", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/entities/" + c.entityB() + "/history")), none());
		probe("GET /api/entities/summary", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/entities/summary").expect(200).raw()).doesNotContain("市中区").doesNotContain("大观园"),
				none());
		probe("POST /api/entities", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/entities", entityJson(c.streetB(), null))),
				c -> c.districtB().post("/api/entities", entityJson(c.streetB(), null)).expect(200));
		probe("PUT /api/entities/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/entities/" + c.entityB(), entityJson(c.streetB(), 0))),
				c -> {
					var entity = c.districtB().get("/api/entities/" + c.entityB()).expect(200).body();
					((tools.jackson.databind.node.ObjectNode) entity).put("address", "市中区测试路1号");
					c.districtB().put("/api/entities/" + c.entityB(), entity.toString()).expect(200);
				});
		probe("GET /api/entities/{entityId}/licences", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/entities/" + c.entityB() + "/licences")), none());
		probe("POST /api/entities/{entityId}/licences", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/entities/" + c.entityB() + "/licences", LICENCE)),
				c -> c.districtB().post("/api/entities/" + c.entityB() + "/licences", LICENCE).expect(200));
		probe("PUT /api/entities/{entityId}/licences/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/entities/" + c.entityB() + "/licences/" + c.licenceB(), LICENCE)),
				c -> c.districtB().put("/api/entities/" + c.entityB() + "/licences/" + c.licenceB(), LICENCE.replace("2027", "2029")).expect(200));
		probe("DELETE /api/entities/{entityId}/licences/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().delete("/api/entities/" + c.entityB() + "/licences/" + c.licenceB())),
				c -> {
					long extra = c.districtB().post("/api/entities/" + c.entityB() + "/licences", LICENCE).expect(200).body().get("id").asLong();
					c.districtB().delete("/api/entities/" + c.entityB() + "/licences/" + extra).expect(204);
				});
		probe("GET /api/licences", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/licences?state=EXPIRED&size=500").expect(200).raw()).doesNotContain("市中"),
				none());

		// responsibility: assignments, blind spots, task-division rules
		probe("GET /api/responsibility/entities/{entityId}/assignments", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/responsibility/entities/" + c.entityB() + "/assignments")), none());
		probe("GET /api/responsibility/entities/{entityId}/responsible", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/responsibility/entities/" + c.entityB() + "/responsible")), none());
		probe("POST /api/responsibility/assignments", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/responsibility/assignments", assignmentJson(c.entityB(), departmentB(c, "市中区住房和城乡建设局")))),
				c -> c.districtB().post("/api/responsibility/assignments", assignmentJson(c.entityB(), departmentB(c, "市中区住房和城乡建设局"))).expect(200));
		probe("PUT /api/responsibility/assignments/{id}/staff", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/responsibility/assignments/" + assignmentB(c) + "/staff", "{\"inspectorIds\":[]}")),
				c -> c.districtB().put("/api/responsibility/assignments/" + assignmentB(c) + "/staff", "{\"inspectorIds\":[],\"reason\":\"调整\"}").expect(200));
		probe("POST /api/responsibility/assignments/{id}/end", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/responsibility/assignments/" + assignmentB(c) + "/end", "{\"reason\":\"越权\"}")),
				c -> {
					long id = c.districtB().post("/api/responsibility/assignments", assignmentJson(c.entityB(), departmentB(c, "市中区市场监督管理局")))
						.expect(200).body().get("id").asLong();
					c.districtB().post("/api/responsibility/assignments/" + id + "/end", "{\"reason\":\"测试\"}").expect(200);
				});
		probe("POST /api/responsibility/assignments/bulk", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/responsibility/assignments/bulk",
						"{\"filter\":{},\"departmentId\":%d,\"supervisionType\":\"SPECIAL_SUPERVISION\"}".formatted(departmentB(c, "市中区应急管理局")))),
				c -> {
					String uscc = c.districtB().post("/api/entities", entityJson(c.streetB(), null)).expect(200).body().get("uscc").asString();
					c.districtB().post("/api/responsibility/assignments/bulk",
							"{\"filter\":{\"keyword\":\"%s\"},\"departmentId\":%d,\"supervisionType\":\"OTHER\"}"
								.formatted(uscc, departmentB(c, "市中区应急管理局"))).expect(200);
				});
		probe("POST /api/responsibility/handover", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/responsibility/handover", "{\"fromUserId\":%d,\"toUserId\":%d}"
					.formatted(userId(c, "shizhong_yj_inspector"), userId(c, "shizhong_yj_leader")))),
				c -> {
					c.districtB().post("/api/responsibility/handover", "{\"fromUserId\":%d,\"toUserId\":%d}"
						.formatted(userId(c, "shizhong_yj_inspector"), userId(c, "shizhong_yj_leader"))).expect(200);
					c.districtB().post("/api/responsibility/handover", "{\"fromUserId\":%d,\"toUserId\":%d}"
						.formatted(userId(c, "shizhong_yj_leader"), userId(c, "shizhong_yj_inspector"))).expect(200);
				});
		probe("GET /api/responsibility/gaps", Kind.SCOPED, c -> c.districtA().get("/api/responsibility/gaps?size=500").expect(200).body()
			.get("items").forEach(r -> assertThat(r.get("regionPath").asString()).startsWith("历下区")), none());
		probe("GET /api/responsibility/gaps/summary", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/responsibility/gaps/summary").expect(200).raw()).doesNotContain("市中区").doesNotContain("大观园"),
				none());
		probe("GET /api/responsibility/gaps/departments", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/responsibility/gaps/departments").expect(200).raw()).contains("历下区").doesNotContain("市中区"),
				none());
		probe("GET /api/responsibility/my-entities", Kind.SCOPED, c -> {
			c.districtA().get("/api/responsibility/my-entities").expect(403);
			ApiClient.signedIn(c.port(), "lixia_yj_leader").get("/api/responsibility/my-entities?of=department&size=500").expect(200).body()
				.get("items").forEach(r -> assertThat(r.get("regionPath").asString()).startsWith("历下区"));
		}, none());
		probe("GET /api/responsibility/division-rules", Kind.GLOBAL, none(), none());
		probe("POST /api/responsibility/division-rules", Kind.GLOBAL,
				c -> c.districtA().post("/api/responsibility/division-rules", RULE).expect(403),
				c -> ApiClient.signedIn(c.port(), "city_office").post("/api/responsibility/division-rules", RULE).expect(200));
		probe("DELETE /api/responsibility/division-rules/{id}", Kind.GLOBAL,
				c -> c.districtA().delete("/api/responsibility/division-rules/1").expect(403),
				c -> {
					var city = ApiClient.signedIn(c.port(), "city_office");
					long id = city.post("/api/responsibility/division-rules", RULE.replace("OTHER", "SPECIAL_SUPERVISION")).expect(200).body().get("id").asLong();
					city.delete("/api/responsibility/division-rules/" + id).expect(204);
				});
		probe("GET /api/responsibility/proposals", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/responsibility/proposals?size=500").expect(200).raw()).doesNotContain("市中区"),
				none());
		probe("POST /api/responsibility/proposals/apply", Kind.SCOPED,
				c -> assertThat(c.districtA().post("/api/responsibility/proposals/apply", "{\"entityIds\":[" + c.entityB() + "]}")
					.expect(200).body().get("assigned").asInt()).isZero(),
				c -> c.districtB().post("/api/responsibility/proposals/apply", "{}").expect(200));
		probe("GET /api/responsibility/contradictions", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/responsibility/contradictions?size=500").expect(200).raw()).doesNotContain("市中"),
				none());

		// inspection: hazards
		probe("GET /api/hazards", Kind.SCOPED, c -> {
			hazardB(c);
			c.districtA().get("/api/hazards?size=500").expect(200).body().get("items")
				.forEach(h -> assertThat(h.get("regionPath").asString()).startsWith("历下区"));
		}, none());
		probe("GET /api/hazards/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/hazards/" + hazardB(c))), none());
		probe("POST /api/hazards", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/hazards", hazardJson(c.entityB()))),
				c -> c.districtB().post("/api/hazards", hazardJson(c.entityB())).expect(200));
		probe("POST /api/hazards/{id}/actions/{action}", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/hazards/" + hazardB(c) + "/actions/downgrade", "{}")),
				c -> {
					long id = c.districtB().post("/api/hazards", hazardJson(c.entityB()).replace("GENERAL", "SUSPECTED_MAJOR"))
						.expect(200).body().get("id").asLong();
					c.districtB().post("/api/hazards/" + id + "/actions/downgrade", "{}").expect(200);
				});
		probe("POST /api/hazards/{id}/attachments", Kind.SCOPED,
				c -> notFound(c.districtA().upload("/api/hazards/" + hazardB(c) + "/attachments", Map.of("kind", "FINDING"), "p.png",
						cn.anjian.platform.files.SampleFiles.png())),
				c -> c.districtB().upload("/api/hazards/" + hazardB(c) + "/attachments", Map.of("kind", "FINDING"), "p.png",
						cn.anjian.platform.files.SampleFiles.png()).expect(200));
		probe("GET /api/hazards/{id}/attachments/{attachmentId}/content", Kind.SCOPED, c -> {
			long attachment = c.jdbc().sql("SELECT min(id) FROM hazard_attachment WHERE hazard_id = :h").param("h", hazardB(c))
				.query(Long.class).single();
			notFound(c.districtA().get("/api/hazards/" + hazardB(c) + "/attachments/" + attachment + "/content"));
		}, none());

		// warning: warnings and screens
		probe("GET /api/warnings", Kind.SCOPED, c -> c.districtA().get("/api/warnings?size=500").expect(200).body().get("items")
			.forEach(w -> assertThat(w.get("regionPath").asString()).startsWith("历下区")), none());
		probe("GET /api/warnings/screen", Kind.SCOPED, c -> {
			long shown = 0;
			for (var row : c.districtA().get("/api/warnings/screen?level=DISTRICT").expect(200).body()) {
				shown += row.get("warnings").asLong();
			}
			assertThat(shown).isEqualTo(c.jdbc().sql("""
					SELECT count(*) FROM warning w JOIN warning_step s ON s.warning_id = w.id AND s.step_no = w.current_step
					WHERE w.state = 'ACTIVE' AND s.screen_level = 'DISTRICT' AND w.region_id IN
					(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
					""").query(Long.class).single());
		}, none());
		probe("GET /api/warnings/rules", Kind.GLOBAL, none(), none());

		// responsibility: duty lists and assignment Excel
		java.util.function.ToLongFunction<Ctx> regionA = c -> c.jdbc().sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
		java.util.function.ToLongFunction<Ctx> departmentA = c -> departmentB(c, "历下区应急管理局");
		java.util.function.ToLongFunction<Ctx> regionHolderB = c -> c.jdbc().sql("SELECT min(id) FROM region_role_holder WHERE region_id = :r")
			.param("r", c.regionB()).query(Long.class).single();
		java.util.function.ToLongFunction<Ctx> dutyB = c -> c.jdbc().sql("SELECT min(id) FROM duty_item WHERE department_id = :d")
			.param("d", c.departmentB()).query(Long.class).single();
		java.util.function.Function<Ctx, String> holdersB = c -> "/api/responsibility/regions/" + c.regionB() + "/role-holders";
		String regionLeader = "{\"role\":\"FIRST_RESPONSIBLE\",\"name\":\"市中区 区长\",\"title\":\"区长\",\"termFrom\":\"2024-01-01\"}";
		java.util.function.LongFunction<String> departmentDuty = d -> "{\"ownerType\":\"DEPARTMENT\",\"ownerId\":%d,\"content\":\"统筹本行业安全生产监管\",\"legalBasis\":\"《中华人民共和国安全生产法》第十条\"}".formatted(d);
		// the assignment template of a client with rows written under its header
		java.util.function.BiFunction<ApiClient, List<List<String>>, byte[]> assignmentFile = (client, rows) -> {
			byte[] template = client.get("/api/responsibility/assignments/template.xlsx").expect(200).http().body();
			try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template));
					var out = new java.io.ByteArrayOutputStream()) {
				for (int r = 0; r < rows.size(); r++) {
					var row = book.getSheetAt(0).createRow(r + 1);
					for (int i = 0; i < rows.get(r).size(); i++) {
						row.createCell(i).setCellValue(rows.get(r).get(i));
					}
				}
				book.write(out);
				return out.toByteArray();
			}
			catch (java.io.IOException e) {
				throw new IllegalStateException(e);
			}
		};
		java.util.function.Function<byte[], String> cellsOf = xlsx -> {
			try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
				StringBuilder cells = new StringBuilder();
				book.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.getStringCellValue()).append('|')));
				return cells.toString();
			}
			catch (java.io.IOException e) {
				throw new IllegalStateException(e);
			}
		};
		probe("GET /api/responsibility/regions/{regionId}/role-holders", Kind.SCOPED,
				c -> notFound(c.districtA().get(holdersB.apply(c))), none());
		probe("POST /api/responsibility/regions/{regionId}/role-holders", Kind.SCOPED,
				c -> notFound(c.districtA().post(holdersB.apply(c), regionLeader)),
				c -> c.districtB().post(holdersB.apply(c), regionLeader.replace("FIRST_RESPONSIBLE", "OTHER_IN_CHARGE")).expect(200));
		probe("PUT /api/responsibility/regions/{regionId}/role-holders/{holderId}", Kind.SCOPED, c -> {
			notFound(c.districtA().put(holdersB.apply(c) + "/" + regionHolderB.applyAsLong(c), regionLeader.replace("区长\"", "被改\"")));
			notFound(c.districtA().put("/api/responsibility/regions/" + regionA.applyAsLong(c) + "/role-holders/" + regionHolderB.applyAsLong(c), regionLeader));
		}, c -> c.districtB().put(holdersB.apply(c) + "/" + regionHolderB.applyAsLong(c), regionLeader).expect(200));
		probe("DELETE /api/responsibility/regions/{regionId}/role-holders/{holderId}", Kind.SCOPED, c -> {
			notFound(c.districtA().delete(holdersB.apply(c) + "/" + regionHolderB.applyAsLong(c)));
			notFound(c.districtA().delete("/api/responsibility/regions/" + regionA.applyAsLong(c) + "/role-holders/" + regionHolderB.applyAsLong(c)));
		}, c -> {
			long extra = c.districtB().post(holdersB.apply(c), regionLeader.replace("FIRST_RESPONSIBLE", "IN_CHARGE")).expect(200).body().get("id").asLong();
			c.districtB().delete(holdersB.apply(c) + "/" + extra).expect(204);
		});
		probe("GET /api/responsibility/duties", Kind.SCOPED, c -> {
			notFound(c.districtA().get("/api/responsibility/duties?ownerType=DEPARTMENT&ownerId=" + c.departmentB()));
			notFound(c.districtA().get("/api/responsibility/duties?ownerType=OFFICE&ownerId=" + c.officeB()));
			notFound(c.districtA().get("/api/responsibility/duties?ownerType=REGION&ownerId=" + c.regionB()));
			notFound(c.districtA().get("/api/responsibility/duties?ownerType=REGION_ROLE_HOLDER&ownerId=" + regionHolderB.applyAsLong(c)));
		}, none());
		probe("POST /api/responsibility/duties", Kind.SCOPED, c -> {
			notFound(c.districtA().post("/api/responsibility/duties", departmentDuty.apply(c.departmentB())));
			notFound(c.districtA().post("/api/responsibility/duties", departmentDuty.apply(c.regionB()).replace("DEPARTMENT", "REGION")));
			notFound(c.districtA().post("/api/responsibility/duties", departmentDuty.apply(c.holderB()).replace("DEPARTMENT", "ROLE_HOLDER")));
		}, c -> c.districtB().post("/api/responsibility/duties", departmentDuty.apply(c.departmentB())).expect(200));
		probe("PUT /api/responsibility/duties/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/responsibility/duties/" + dutyB.applyAsLong(c), "{\"content\":\"被改\"}")),
				c -> c.districtB().put("/api/responsibility/duties/" + dutyB.applyAsLong(c), "{\"content\":\"统筹本行业安全生产监管\",\"sortOrder\":1}").expect(200));
		probe("DELETE /api/responsibility/duties/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().delete("/api/responsibility/duties/" + dutyB.applyAsLong(c))),
				c -> {
					long extra = c.districtB().post("/api/responsibility/duties", departmentDuty.apply(c.departmentB())).expect(200).body().get("id").asLong();
					c.districtB().delete("/api/responsibility/duties/" + extra).expect(204);
				});
		probe("PUT /api/responsibility/departments/{id}/offices/{officeId}", Kind.SCOPED, c -> {
			notFound(c.districtA().put("/api/responsibility/departments/" + c.departmentB() + "/offices/" + c.officeB(), "{\"lead\":true,\"workShare\":\"越权\"}"));
			notFound(c.districtA().put("/api/responsibility/departments/" + departmentA.applyAsLong(c) + "/offices/" + c.officeB(), "{\"lead\":true}"));
		}, c -> c.districtB().put("/api/responsibility/departments/" + c.departmentB() + "/offices/" + c.officeB(), "{\"lead\":true,\"workShare\":\"牵头综合协调\"}").expect(200));
		probe("GET /api/responsibility/departments/{id}/list", Kind.SCOPED, c -> {
			notFound(c.districtA().get("/api/responsibility/departments/" + c.departmentB() + "/list"));
			assertThat(c.districtA().get("/api/responsibility/departments/" + departmentA.applyAsLong(c) + "/list").expect(200).raw()).doesNotContain("市中区");
		}, none());
		probe("GET /api/responsibility/departments/{id}/list.xlsx", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/responsibility/departments/" + c.departmentB() + "/list.xlsx")), none());
		probe("GET /api/responsibility/departments/{id}/list.pdf", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/responsibility/departments/" + c.departmentB() + "/list.pdf")), none());
		probe("GET /api/responsibility/assignments/template.xlsx", Kind.GLOBAL, none(), none());
		probe("GET /api/responsibility/assignments/export.xlsx", Kind.SCOPED,
				c -> assertThat(cellsOf.apply(c.districtA().get("/api/responsibility/assignments/export.xlsx").expect(200).http().body()))
					.contains("历下区").doesNotContain("市中区"),
				none());
		probe("POST /api/responsibility/assignments/import", Kind.SCOPED, c -> {
			String usccB = c.jdbc().sql("SELECT uscc FROM supervised_entity WHERE id = :e").param("e", c.entityB()).query(String.class).single();
			String usccA = c.jdbc().sql("""
					SELECT min(uscc) FROM supervised_entity WHERE supervision_level <> 'CITY' AND region_id IN
					(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
					""").query(String.class).single();
			byte[] file = assignmentFile.apply(c.districtA(), List.of(List.of(usccB, "", "历下区应急管理局", "", "其他管理", ""),
					List.of(usccA, "", "市中区应急管理局", "", "其他管理", "shizhong_yj_inspector")));
			var result = c.districtA().upload("/api/responsibility/assignments/import", Map.of("mode", "VALID_ONLY"), "越权.xlsx", file)
				.expect(200).body();
			assertThat(result.get("failed").asInt()).isEqualTo(2);
			assertThat(result.get("created").asInt() + result.get("updated").asInt()).isZero();
		}, c -> {
			String usccB = c.jdbc().sql("SELECT uscc FROM supervised_entity WHERE id = :e").param("e", c.entityB()).query(String.class).single();
			byte[] file = assignmentFile.apply(c.districtB(), List.of(List.of(usccB, "", "市中区市场监督管理局", "", "其他管理", "")));
			c.districtB().upload("/api/responsibility/assignments/import", Map.of(), "市中区.xlsx", file).expect(200);
		});

		probe("GET /api/oplog", Kind.SCOPED, c -> {
			c.districtB().put("/api/regions/" + c.streetB(), "{\"code\":\"370103001\",\"name\":\"大观园街道\",\"kind\":\"STREET\",\"sortOrder\":1}").expect(200);
			var page = c.districtA().get("/api/oplog?size=500").expect(200).body();
			assertThat(page.get("total").asLong()).isPositive();
			List<Long> ids = new ArrayList<>();
			page.get("items").forEach(e -> ids.add(e.get("id").asLong()));
			long outside = c.jdbc().sql("""
					SELECT count(*) FROM operation_log WHERE id IN (:ids) AND region_id NOT IN
					(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
					""").param("ids", ids).query(Long.class).single();
			assertThat(outside).isZero();
		}, none());
		probe("GET /api/oplog/export", Kind.SCOPED, c -> {
			var export = c.districtA().get("/api/oplog/export").expect(200);
			assertThat(export.http().headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
			assertThat(new String(export.http().body(), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("PK");
		}, none());

		// registry: documents
		java.util.function.ToLongFunction<Ctx> documentsEntityB = c -> c.jdbc().sql("""
				SELECT min(e.id) FROM supervised_entity e
				WHERE e.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b)
				""").param("b", c.regionB()).query(Long.class).single();
		java.util.function.ToLongFunction<Ctx> newDocumentOfB = c -> c.districtB().upload("/api/entities/"
				+ documentsEntityB.applyAsLong(c) + "/documents", Map.of("type", "RULES", "title", "市中区制度"), "制度.pdf",
				cn.anjian.platform.files.SampleFiles.pdf("B " + System.nanoTime())).expect(200).body().get("id").asLong();
		java.util.function.ToLongFunction<Ctx> documentOfB = c -> c.jdbc().sql("""
				SELECT min(id) FROM entity_document WHERE entity_id = :e AND archived_at IS NULL
				""").param("e", documentsEntityB.applyAsLong(c)).query(Long.class).optional()
			.orElseGet(() -> newDocumentOfB.applyAsLong(c));
		java.util.function.Function<Ctx, String> documentPathB = c -> "/api/entities/" + documentsEntityB.applyAsLong(c)
				+ "/documents/" + documentOfB.applyAsLong(c);
		// district B's documents and versions, to show a refused call changed none of them
		java.util.function.Function<Ctx, String> documentsStateB = c -> c.jdbc().sql("""
				SELECT string_agg(d.id || d.title || coalesce(d.archived_at::text, '-') || v.version_no || v.sha256, '|' ORDER BY v.id)
				FROM entity_document d JOIN entity_document_version v ON v.document_id = d.id
				WHERE d.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b)
				""").param("b", c.regionB()).query(String.class).single();
		// calls district A makes on district B's documents: the list (…/documents) or one document (…/documents/{id})
		java.util.function.BiConsumer<Ctx, Consumer<String>> refusedDocumentCall = (c, call) -> {
			String path = documentPathB.apply(c);
			String before = documentsStateB.apply(c);
			call.accept(path);
			assertThat(documentsStateB.apply(c)).as("district B's documents").isEqualTo(before);
		};
		probe("GET /api/entities/{entityId}/documents", Kind.SCOPED,
				c -> refusedDocumentCall.accept(c, path -> notFound(c.districtA().get(path.substring(0, path.lastIndexOf('/'))))), none());
		probe("POST /api/entities/{entityId}/documents", Kind.SCOPED,
				c -> refusedDocumentCall.accept(c, path -> notFound(c.districtA().upload(path.substring(0, path.lastIndexOf('/')),
						Map.of("type", "RULES", "title", "越权上传"), "x.pdf", cn.anjian.platform.files.SampleFiles.pdf("A")))),
				c -> newDocumentOfB.applyAsLong(c));
		probe("GET /api/entities/{entityId}/documents/{documentId}/versions", Kind.SCOPED,
				c -> refusedDocumentCall.accept(c, path -> notFound(c.districtA().get(path + "/versions"))), none());
		probe("POST /api/entities/{entityId}/documents/{documentId}/versions", Kind.SCOPED,
				c -> refusedDocumentCall.accept(c, path -> notFound(c.districtA().upload(path + "/versions", Map.of(), "x.pdf",
						cn.anjian.platform.files.SampleFiles.pdf("A")))),
				c -> c.districtB().upload(documentPathB.apply(c) + "/versions", Map.of(), "制度（修订）.pdf",
						cn.anjian.platform.files.SampleFiles.pdf("B " + System.nanoTime())).expect(200));
		probe("GET /api/entities/{entityId}/documents/{documentId}/versions/{versionNo}/content", Kind.SCOPED,
				c -> refusedDocumentCall.accept(c, path -> notFound(c.districtA().get(path + "/versions/1/content"))), none());
		probe("POST /api/entities/{entityId}/documents/{documentId}/archive", Kind.SCOPED,
				c -> refusedDocumentCall.accept(c, path -> notFound(c.districtA().post(path + "/archive", null))),
				c -> c.districtB().post("/api/entities/" + documentsEntityB.applyAsLong(c) + "/documents/"
						+ newDocumentOfB.applyAsLong(c) + "/archive", null).expect(200));

		// registry: Excel import/export
		probe("GET /api/entities/template.xlsx", Kind.SCOPED,
				c -> assertThat(EntitySheets.text(c.districtA().get("/api/entities/template.xlsx").expect(200).bytes(), "属地区划代码"))
					.contains("370102001").doesNotContain("370103"),
				none());
		probe("GET /api/entities/export.xlsx", Kind.SCOPED, c -> {
			String all = EntitySheets.text(c.districtA().get("/api/entities/export.xlsx").expect(200).bytes(), "监管对象");
			assertThat(all).contains("|370102").doesNotContain("|370103");
			String ofB = EntitySheets.text(c.districtA().get("/api/entities/export.xlsx?regionId=" + c.regionB()).expect(200).bytes(), "监管对象");
			assertThat(ofB.lines()).hasSize(1);
		}, none());
		probe("POST /api/entities/import", Kind.SCOPED, c -> {
			var entityB = c.jdbc().sql("SELECT e.uscc, e.version FROM supervised_entity e WHERE e.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b) ORDER BY e.id LIMIT 1")
				.param("b", c.regionB()).query().singleRow();
			String takeOver = ((String) entityB.get("uscc")).trim();
			String intoB = EntitySheets.uscc("370102");
			byte[] file = Xlsx.sheet("监管对象").header(EntitySheets.header(c.districtA()))
				.row(2, EntitySheets.row(takeOver, "370102001")).row(3, EntitySheets.row(intoB, "370103001")).bytes();
			var refused = c.districtA().upload("/api/entities/import?mode=VALID_ONLY", "越权.xlsx", file).expect(200).body();
			assertThat(refused.get("failed").asInt()).isEqualTo(2);
			assertThat(refused.get("errors").toString()).contains("已由其他辖区登记").contains("不在您的管辖范围内");
			assertThat(c.jdbc().sql("SELECT version FROM supervised_entity WHERE uscc = :u").param("u", takeOver).query(Integer.class).single())
				.isEqualTo(entityB.get("version"));
			assertThat(c.jdbc().sql("SELECT count(*) FROM supervised_entity WHERE uscc = :u").param("u", intoB).query(Long.class).single()).isZero();
		}, c -> {
			byte[] file = Xlsx.sheet("监管对象").header(EntitySheets.header(c.districtB()))
				.row(2, EntitySheets.row(EntitySheets.uscc("370103"), "370103001")).bytes();
			assertThat(c.districtB().upload("/api/entities/import", "市中区.xlsx", file).expect(200).body().get("created").asInt()).isEqualTo(1);
		});
		probe("GET /api/entities/import/{reportId}/report.xlsx", Kind.SCOPED, c -> {
			byte[] bad = Xlsx.sheet("监管对象").header(EntitySheets.header(c.districtB())).row(2, List.of("只有名称")).bytes();
			long reportB = c.districtB().upload("/api/entities/import?mode=VALID_ONLY", "错误.xlsx", bad).expect(200).body().get("reportId").asLong();
			c.districtB().get("/api/entities/import/" + reportB + "/report.xlsx").expect(200);
			notFound(c.districtA().get("/api/entities/import/" + reportB + "/report.xlsx"));
		}, none());

		probe("GET /api/hazards/statistics", Kind.SCOPED, c -> {
			hazardB(c);
			int year = java.time.LocalDate.now(cn.anjian.platform.time.BusinessTime.ZONE).getYear();
			int quarter = (java.time.LocalDate.now(cn.anjian.platform.time.BusinessTime.ZONE).getMonthValue() + 2) / 3;
			assertThat(c.districtA().get("/api/hazards/statistics?year=%d&quarter=%d".formatted(year, quarter)).expect(200).raw())
				.doesNotContain("市中区");
		}, none());
		// inspection: campaigns (专项行动) and their dispatch reports
		probe("GET /api/campaigns", Kind.SCOPED, c -> {
			campaignB(c);
			assertThat(c.districtA().get("/api/campaigns?size=500").expect(200).raw()).doesNotContain("市中区矩阵专项");
		}, none());
		probe("GET /api/campaigns/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/campaigns/" + campaignB(c))), none());
		probe("GET /api/campaigns/{id}/progress", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/campaigns/" + campaignB(c) + "/progress")), none());
		probe("POST /api/campaigns", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/campaigns", campaignJson(c.departmentB()))),
				c -> c.districtB().post("/api/campaigns", campaignJson(c.departmentB())).expect(200));
		probe("POST /api/campaigns/{id}/tasks/{taskId}/complete", Kind.SCOPED, c -> {
			long campaign = campaignB(c);
			long task = c.jdbc().sql("SELECT min(id) FROM campaign_task WHERE campaign_id = :c").param("c", campaign).query(Long.class).single();
			notFound(c.districtA().post("/api/campaigns/" + campaign + "/tasks/" + task + "/complete", "{}"));
		}, c -> {
			var detail = c.districtB().post("/api/campaigns", campaignJson(c.departmentB())).expect(200).body();
			c.districtB().post("/api/campaigns/" + detail.get("campaign").get("id").asLong() + "/tasks/"
					+ detail.get("tasks").get(0).get("id").asLong() + "/complete", "{\"note\":\"完成\"}").expect(200);
		});
		probe("GET /api/dispatch-slots", Kind.SCOPED, c -> {
			assertThat(c.districtA().get("/api/dispatch-slots?campaignId=" + campaignB(c)).expect(200).body().get("total").asLong()).isZero();
			c.districtA().get("/api/dispatch-slots?size=500").expect(200).body().get("items")
				.forEach(s -> assertThat(s.get("departmentName").asString()).startsWith("历下区"));
		}, none());
		probe("POST /api/dispatch-slots/{id}/report", Kind.SCOPED,
				c -> notFound(ApiClient.signedIn(c.port(), "lixia_yj_leader").post("/api/dispatch-slots/" + slotB(c, campaignB(c)) + "/report", DISPATCH_REPORT)),
				c -> {
					long campaign = c.districtB().post("/api/campaigns", campaignJson(c.departmentB())).expect(200).body().get("campaign").get("id").asLong();
					ApiClient.signedIn(c.port(), "shizhong_yj_leader").post("/api/dispatch-slots/" + slotB(c, campaign) + "/report", DISPATCH_REPORT).expect(200);
				});

		probe("POST /api/test/write-without-log", Kind.TEST_ONLY, none(), none());
		probe("POST /api/test/write-with-log", Kind.TEST_ONLY, none(), none());
	}

	static String entityJson(long regionId, Integer version) {
		return """
				{"name":"矩阵测试有限公司","uscc":"%s","regionId":%d,"socialFunction":"ENTERPRISE","industry":"IND016",
				 "supervisionTypes":["TERRITORIAL"],"supervisionLevel":"STREET","staffCount":5,"version":%s}
				""".formatted(UsccSamples.next(), regionId, version);
	}

	static String assignmentJson(long entityId, long departmentId) {
		return "{\"entityId\":%d,\"departmentId\":%d,\"supervisionType\":\"SPECIAL_SUPERVISION\",\"inspectorIds\":[]}"
			.formatted(entityId, departmentId);
	}

	static long departmentB(Ctx c, String name) {
		return c.jdbc().sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
	}

	static long userId(Ctx c, String username) {
		return c.jdbc().sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
	}

	/** A current assignment of an entity in district B. */
	static long assignmentB(Ctx c) {
		return c.jdbc().sql("""
				SELECT min(a.id) FROM entity_assignment a WHERE a.ended_at IS NULL AND a.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				""").query(Long.class).single();
	}

	/** A campaign of district B's office for its emergency bureau, starting today with a weekly report. */
	static String campaignJson(long departmentB) {
		java.time.LocalDate today = java.time.LocalDate.now(cn.anjian.platform.time.BusinessTime.ZONE);
		return """
				{"name":"市中区矩阵专项","type":"SUPERVISION","startDate":"%s","endDate":"%s","departmentIds":[%d],
				 "tasks":[{"content":"矩阵任务","departmentId":%d,"dueDate":"%s"}],"schedule":{"kind":"WEEKLY","weekday":"FRIDAY"}}
				""".formatted(today, today.plusDays(30), departmentB, departmentB, today.plusDays(10));
	}

	static long campaignB(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM campaign WHERE name = '市中区矩阵专项'").query(Long.class).optional()
			.orElseGet(() -> c.districtB().post("/api/campaigns", campaignJson(c.departmentB())).expect(200).body()
				.get("campaign").get("id").asLong());
	}

	static long slotB(Ctx c, long campaign) {
		return c.jdbc().sql("SELECT min(id) FROM dispatch_slot WHERE campaign_id = :c").param("c", campaign).query(Long.class).single();
	}

	static String hazardJson(long entityId) {
		return "{\"entityId\":%d,\"description\":\"矩阵测试隐患\",\"level\":\"GENERAL\",\"reinspectionRequired\":true}"
			.formatted(entityId);
	}

	/** A hazard of district B (reported by district B's office if there is none yet). */
	static long hazardB(Ctx c) {
		return c.jdbc().sql("""
				SELECT min(h.id) FROM hazard h WHERE h.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				""").query(Long.class).optional().orElseGet(() -> c.districtB().post("/api/hazards", hazardJson(c.entityB()))
					.expect(200).body().get("id").asLong());
	}

	/** District B's government has a leader and its emergency department a duty, for the duty-list probes. */
	private void dutyListsOfB(long departmentB) {
		long regionB = id("SELECT id FROM region WHERE code = '370103'");
		jdbc.sql("""
				INSERT INTO region_role_holder (region_id, role, name, title)
				SELECT :r, 'FIRST_RESPONSIBLE', '市中区 区长', '区长' WHERE NOT EXISTS (SELECT 1 FROM region_role_holder WHERE region_id = :r)
				""").param("r", regionB).update();
		jdbc.sql("""
				INSERT INTO duty_item (region_id, department_id, owner_type, owner_id, content, legal_basis)
				SELECT :r, :d, 'DEPARTMENT', :d, '统筹本行业安全生产监管', '《中华人民共和国安全生产法》第十条'
				WHERE NOT EXISTS (SELECT 1 FROM duty_item WHERE department_id = :d)
				""").param("r", regionB).param("d", departmentB).update();
	}

	/** An entity of district B with a licence. */
	private long entityB() {
		return id("""
				SELECT min(l.entity_id) FROM entity_licence l WHERE l.region_id IN (SELECT descendant_id FROM region_closure
				WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				""");
	}

	private long licenceB() {
		return id("SELECT min(id) FROM entity_licence WHERE entity_id = " + entityB());
	}

	private List<String> apiEndpoints() {
		List<String> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			var patterns = entry.getKey().getPathPatternsCondition().getPatternValues();
			var methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : patterns) {
				if (pattern.startsWith("/api")) {
					methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
					if (methods.isEmpty()) {
						endpoints.add("ANY " + pattern);
					}
				}
			}
		}
		return endpoints;
	}

	@Test
	void everyApiEndpointIsClassified() {
		List<String> endpoints = apiEndpoints();
		assertThat(endpoints).hasSizeGreaterThan(30);
		assertThat(new TreeSet<>(endpoints)).as("endpoints missing from the data-scope matrix").isSubsetOf(MATRIX.keySet());
		assertThat(MATRIX.entrySet().stream().filter(e -> e.getValue().kind() != Kind.TEST_ONLY).map(Map.Entry::getKey))
			.as("matrix rows for endpoints that no longer exist").isSubsetOf(new TreeSet<>(endpoints));
	}

	@Test
	void everyNonPublicEndpointChecksAPermission() {
		mappings.getHandlerMethods().forEach((info, handler) -> info.getPathPatternsCondition().getPatternValues().stream()
			.filter(p -> p.startsWith("/api") && !p.startsWith("/api/docs") && !p.startsWith("/api/test/"))
			.filter(p -> !p.equals("/api/auth/login") && !p.equals("/api/auth/csrf"))
			.forEach(p -> assertThat(handler.hasMethodAnnotation(PreAuthorize.class))
				.as("%s must declare @PreAuthorize", handler).isTrue()));
	}

	@TestFactory
	Stream<DynamicTest> aDistrictUserIsRefusedAnotherDistrictsRecordsAndTheRefusalChangesNothing() {
		return MATRIX.entrySet().stream().filter(e -> e.getValue().kind() != Kind.TEST_ONLY).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
			String before = snapshotOfDistrictB();
			e.getValue().foreign().accept(ctx);
			assertThat(snapshotOfDistrictB()).as("district B's records after %s", e.getKey()).isEqualTo(before);
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyWriteEndpointCalledProperlyRecordsAnOperationLogEntry() {
		return MATRIX.entrySet().stream()
			.filter(e -> !e.getKey().startsWith("GET ") && e.getValue().kind() != Kind.TEST_ONLY)
			.map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
				long before = jdbc.sql("SELECT max(id) FROM operation_log").query(Long.class).single();
				e.getValue().own().accept(ctx);
				long written = jdbc.sql("SELECT count(*) FROM operation_log WHERE id > :id AND action <> 'LOGIN' OR (id > :id AND :login)")
					.param("id", before).param("login", e.getKey().endsWith("/login")).query(Long.class).single();
				assertThat(written).as("operation-log entries written by %s", e.getKey()).isPositive();
			}));
	}

	private String snapshotOfDistrictB() {
		return jdbc.sql("""
				SELECT string_agg(x, '|' ORDER BY x) FROM (
				  SELECT 'r' || id || name || code || sort_order AS x FROM region WHERE id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'd' || id || name || sort_order FROM department WHERE region_id = (SELECT id FROM region WHERE code = '370103')
				  UNION ALL SELECT 'o' || o.id || o.name || o.lead || coalesce(o.work_share, '-') FROM department_office o JOIN department d ON d.id = o.department_id WHERE d.region_id = (SELECT id FROM region WHERE code = '370103')
				  UNION ALL SELECT 'g' || g.id || g.name || g.role || coalesce(g.term_from::text, '-') FROM region_role_holder g WHERE g.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'y' || y.id || y.content || coalesce(y.legal_basis, '-') || y.sort_order FROM duty_item y WHERE y.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'l' || l.id || l.name FROM department_liaison l WHERE l.region_id = (SELECT id FROM region WHERE code = '370103')
				  UNION ALL SELECT 'h' || h.id || h.name FROM department_role_holder h WHERE h.region_id = (SELECT id FROM region WHERE code = '370103')
				  UNION ALL SELECT 'u' || id || display_name || enabled || password_hash || failed_attempts FROM app_user WHERE region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 't' || id || coalesce(revoked_at::text, '-') FROM api_token
				  UNION ALL SELECT 'cp' || x.id || x.name || x.end_date FROM campaign x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ct' || x.id || coalesce(x.done_at::text, '-') FROM campaign_task x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'dr' || x.id || x.slot_id FROM dispatch_report x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'hz' || h.id || h.state || h.level || h.version FROM hazard h WHERE h.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ha' || x.id FROM hazard_attachment x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'a' || a.id || a.department_id || coalesce(a.office_id, 0) || coalesce(a.ended_at::text, '-') FROM entity_assignment a WHERE a.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'i' || i.id || i.user_id || coalesce(i.ended_at::text, '-') FROM entity_inspector i WHERE i.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				) s
				""").query(String.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
