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
import tools.jackson.databind.JsonNode;
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
			long licenceB, JdbcClient jdbc, int port, cn.anjian.warning.WarningEngine engine) {
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cn.anjian.warning.WarningEngine engine;

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
				id("SELECT id FROM app_user WHERE username = 'shizhong_street'"), tokenB, entityB(), licenceB(), jdbc, port, engine);
		// a warning of district B on the district screen, whatever the engine has done so far
		ctx.districtB().post("/api/hazards", hazardJson(entityB()).replace("GENERAL", "SUSPECTED_MAJOR")).expect(200);
		if (jdbc.sql("SELECT count(*) FROM hazard_attachment WHERE hazard_id = :h").param("h", hazardB(ctx)).query(Long.class).single() == 0) {
			ctx.districtB().upload("/api/hazards/" + hazardB(ctx) + "/attachments", Map.of("kind", "FINDING"), "q.png",
					cn.anjian.platform.files.SampleFiles.png()).expect(200);
		}

		dutyListsOfB(departmentB);
		// a lead with evidence, a case and a decided fine (so a blacklist entry) of district B
		long lead = leadB(ctx);
		if (jdbc.sql("SELECT count(*) FROM lead_attachment WHERE lead_id = :l").param("l", lead).query(Long.class).single() == 0) {
			ctx.districtB().upload("/api/leads/" + lead + "/attachments", Map.of(), "e.png", cn.anjian.platform.files.SampleFiles.png()).expect(200);
		}
		fineB(ctx);
		if (jdbc.sql("SELECT count(*) FROM hazard WHERE notice_number IS NOT NULL AND region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b)")
			.param("b", ctx.regionB()).query(Long.class).single() == 0) {
			long hazard = ctx.districtB().post("/api/hazards", hazardJson(entityB())).expect(200).body().get("id").asLong();
			ctx.districtB().post("/api/hazards/" + hazard + "/actions/order-rectification",
					"{\"deadline\":\"2099-01-01T00:00:00Z\"}").expect(200);
		}
		// a 督办单 (with a reply attachment), a confirmation task and a 通报 of district B
		long order = freshOrderB(ctx);
		ApiClient.signedIn(port, "shizhong_yj_inspector").upload("/api/supervision-orders/" + order + "/attachments", Map.of(),
				"r.png", cn.anjian.platform.files.SampleFiles.png()).expect(200);
		freshTaskB(ctx);
		freshNoticeB(ctx);
		// an interview of district B with a follow-up item
		long interview = interviewB(ctx);
		if (jdbc.sql("SELECT count(*) FROM interview_follow_up WHERE interview_id = :i").param("i", interview).query(Long.class).single() == 0) {
			ctx.districtB().post("/api/interviews/" + interview + "/follow-ups", FOLLOW_UP).expect(200);
		}
		// district B's manual assessment score with its evidence, uploaded by the city office
		if (jdbc.sql("SELECT count(*) FROM assessment_manual_score WHERE evidence_sha256 IS NOT NULL AND unit_id = :b").param("b", ctx.regionB())
			.query(Long.class).single() == 0) {
			ApiClient.signedIn(port, "city_office").upload(manualScorePath(ctx, ctx.regionB()), Map.of(), "佐证.pdf",
					cn.anjian.platform.files.SampleFiles.pdf("evidence")).expect(200);
		}
		if (jdbc.sql("SELECT count(*) FROM check_instance WHERE entity_id = :e AND photo_sha256 IS NOT NULL")
			.param("e", entityOf(ctx, "shizhong_biz")).query(Long.class).single() == 0) {
			business(ctx, "shizhong_biz").upload("/api/prevention/checks/" + openCheckB(ctx) + "/photo", Map.of(), "现场.png",
					cn.anjian.platform.files.SampleFiles.png()).expect(200);
		}
		if (jdbc.sql("SELECT count(*) FROM entity_evaluation WHERE region_id " + IN_B).query(Long.class).single() == 0) {
			ctx.districtB().post("/api/prevention/evaluations", evaluationJson(ctx, entityOf(ctx, "shizhong_biz"))).expect(200);
		}
		// shizhong_biz's site plan with one of its risk points placed on it (风险四色图)
		if (jdbc.sql("SELECT count(*) FROM site_plan WHERE entity_id = :e").param("e", entityOf(ctx, "shizhong_biz")).query(Long.class).single() == 0) {
			business(ctx, "shizhong_biz").upload("/api/prevention/site-plan", Map.of(), "平面图.png",
					cn.anjian.platform.files.SampleFiles.png()).expect(200);
			business(ctx, "shizhong_biz").put("/api/prevention/points/" + preventionB(ctx, "risk_point") + "/placement",
					"{\"x\":0.5,\"y\":0.5}").expect(200);
		}
		inspectionsOfB();
	}

	/** District B has an inspection with a photo, a plan and a draw (the demo's), and a recorded conflict of interest. */
	private void inspectionsOfB() {
		if (jdbc.sql("SELECT count(*) FROM inspection WHERE region_id " + IN_B).query(Long.class).single() == 0) {
			newInspectionB(ctx);
		}
		if (jdbc.sql("SELECT count(*) FROM inspection_photo WHERE inspection_id = :i").param("i", inspectionB(ctx)).query(Long.class).single() == 0) {
			ctx.districtB().upload("/api/inspections/" + inspectionB(ctx) + "/photos", "q.png", cn.anjian.platform.files.SampleFiles.png()).expect(200);
		}
		if (jdbc.sql("SELECT count(*) FROM inspection_conflict WHERE region_id " + IN_B).query(Long.class).single() == 0) {
			ctx.districtB().post("/api/inspection-conflicts", conflictJson(ctx.userB(), ctx.entityB())).expect(200);
		}
	}

	static final Map<String, Probe> MATRIX = new TreeMap<>();

	static final String FINE_DECISION = "{\"penalties\":[{\"kind\":\"FINE\",\"amount\":20000}]}";

	static final String LICENCE = "{\"type\":\"SAFETY_PRODUCTION\",\"number\":\"测试证001\",\"validFrom\":\"2024-01-01\",\"validTo\":\"2027-01-01\"}";
	static final String FOLLOW_UP = "{\"content\":\"限期整改\",\"deadline\":\"2026-12-31\"}";
	static final String DISPATCH_REPORT = "{\"entitiesChecked\":3,\"hazardsFound\":1,\"hazardsRectified\":1,\"cases\":0,\"content\":\"矩阵\"}";

	static final String RULE = "{\"industry\":\"IND080\",\"level\":\"DISTRICT\",\"departmentKind\":\"MARKET\",\"supervisionType\":\"OTHER\"}";
	static final String TEMPLATE = "{\"name\":\"矩阵测试检查表\",\"industries\":[\"IND016\"],\"items\":[{\"content\":\"安全警示标志\",\"legalBasis\":\"《中华人民共和国安全生产法》第三十五条\"}]}";

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
		probe("GET /api/hazards/{id}/rectification-notice.pdf", Kind.SCOPED, c -> {
			long ordered = c.jdbc().sql("SELECT min(id) FROM hazard WHERE notice_number IS NOT NULL AND region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b)")
				.param("b", c.regionB()).query(Long.class).single();
			c.districtB().get("/api/hazards/" + ordered + "/rectification-notice.pdf").expect(200);
			notFound(c.districtA().get("/api/hazards/" + ordered + "/rectification-notice.pdf"));
		}, none());
		probe("GET /api/hazards/{id}/attachments/{attachmentId}/content", Kind.SCOPED, c -> {
			long attachment = c.jdbc().sql("SELECT min(id) FROM hazard_attachment WHERE hazard_id = :h").param("h", hazardB(c))
				.query(Long.class).single();
			notFound(c.districtA().get("/api/hazards/" + hazardB(c) + "/attachments/" + attachment + "/content"));
		}, none());

		// inspection: lead transfers (违法线索移交)
		probe("GET /api/leads", Kind.SCOPED, c -> {
			long lead = leadB(c);
			assertThat(c.districtA().get("/api/leads?size=500").expect(200).raw()).doesNotContain("\"id\":" + lead + ",");
			c.districtA().get("/api/leads?size=500").expect(200).body().get("items")
				.forEach(l -> assertThat(l.get("regionPath").asString()).startsWith("历下区"));
		}, none());
		probe("GET /api/leads/receivers", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/leads/receivers").expect(200).raw()).contains("历下区应急管理局").doesNotContain("市中区"),
				none());
		probe("GET /api/leads/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/leads/" + leadB(c))), none());
		probe("POST /api/leads", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/leads", leadJson(c.entityB(), c.departmentB()))),
				c -> c.districtB().post("/api/leads", leadJson(c.entityB(), c.departmentB())).expect(200));
		probe("POST /api/leads/{id}/actions/{action}", Kind.SCOPED,
				c -> {
					notFound(ApiClient.signedIn(c.port(), "lixia_yj_leader").post("/api/leads/" + leadB(c) + "/actions/accept", "{}"));
					notFound(c.districtA().post("/api/leads/" + leadB(c) + "/actions/withdraw", "{\"reason\":\"越权撤回\"}"));
				},
				c -> {
					long id = c.districtB().post("/api/leads", leadJson(c.entityB(), c.departmentB())).expect(200).body().get("id").asLong();
					ApiClient.signedIn(c.port(), "shizhong_yj_leader").post("/api/leads/" + id + "/actions/accept", "{}").expect(200);
				});
		probe("PUT /api/leads/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/leads/" + leadB(c), "{\"description\":\"越权修改\"}")),
				c -> {
					long id = c.districtB().post("/api/leads", leadJson(c.entityB(), c.departmentB())).expect(200).body().get("id").asLong();
					c.districtB().put("/api/leads/" + id, "{\"description\":\"矩阵测试线索（更正）\"}").expect(200);
				});
		probe("POST /api/leads/{id}/attachments", Kind.SCOPED,
				c -> notFound(c.districtA().upload("/api/leads/" + leadB(c) + "/attachments", Map.of(), "p.png",
						cn.anjian.platform.files.SampleFiles.png())),
				c -> c.districtB().upload("/api/leads/" + leadB(c) + "/attachments", Map.of(), "p.png",
						cn.anjian.platform.files.SampleFiles.png()).expect(200));
		probe("GET /api/leads/{id}/attachments/{attachmentId}/content", Kind.SCOPED, c -> {
			long lead = leadB(c);
			long attachment = c.jdbc().sql("SELECT min(id) FROM lead_attachment WHERE lead_id = :l").param("l", lead)
				.query(Long.class).optional().orElseGet(() -> c.districtB().upload("/api/leads/" + lead + "/attachments", Map.of(), "e.png",
						cn.anjian.platform.files.SampleFiles.png()).expect(200).body().get("id").asLong());
			notFound(c.districtA().get("/api/leads/" + lead + "/attachments/" + attachment + "/content"));
		}, none());

		// inspection: cases and penalties (立案/处罚) and the blacklist (黑名单)
		probe("GET /api/cases", Kind.SCOPED, c -> {
			caseB(c);
			c.districtA().get("/api/cases?size=500").expect(200).body().get("items")
				.forEach(x -> assertThat(x.get("regionPath").asString()).startsWith("历下区"));
			assertThat(c.districtA().get("/api/cases?hazardId=" + hazardB(c)).expect(200).body().get("total").asLong()).isZero();
		}, none());
		probe("GET /api/cases/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/cases/" + caseB(c))), none());
		probe("POST /api/cases", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/cases", caseJson(c.entityB()))),
				c -> c.districtB().post("/api/cases", caseJson(c.entityB())).expect(200));
		probe("POST /api/cases/{id}/actions/{action}", Kind.SCOPED,
				c -> {
					notFound(c.districtA().post("/api/cases/" + caseB(c) + "/actions/decide", FINE_DECISION));
					notFound(c.districtA().post("/api/cases/" + caseB(c) + "/actions/withdraw", "{\"reason\":\"越权撤案\"}"));
					notFound(c.districtA().post("/api/cases/" + caseB(c) + "/actions/no-penalty", "{\"basis\":\"越权\",\"reason\":\"越权\"}"));
				},
				c -> {
					long id = c.districtB().post("/api/cases", caseJson(c.entityB())).expect(200).body().get("caseFile").get("id").asLong();
					c.districtB().post("/api/cases/" + id + "/actions/decide", FINE_DECISION).expect(200);
				});
		probe("POST /api/cases/{id}/penalties/{penaltyId}/amount", Kind.SCOPED, c -> {
			long fine = fineB(c);
			long id = c.jdbc().sql("SELECT case_id FROM case_penalty WHERE id = :p").param("p", fine).query(Long.class).single();
			notFound(c.districtA().post("/api/cases/" + id + "/penalties/" + fine + "/amount", "{\"amount\":1,\"reason\":\"越权\"}"));
		}, c -> {
			long fine = fineB(c);
			long id = c.jdbc().sql("SELECT case_id FROM case_penalty WHERE id = :p").param("p", fine).query(Long.class).single();
			c.districtB().post("/api/cases/" + id + "/penalties/" + fine + "/amount",
					"{\"amount\":%d,\"reason\":\"听证后减轻\"}".formatted(System.nanoTime() % 1000 + 1)).expect(200);
		});
		probe("GET /api/blacklist", Kind.SCOPED, c -> {
			fineB(c);
			c.districtA().get("/api/blacklist?active=all&size=500").expect(200).body().get("items")
				.forEach(x -> assertThat(x.get("regionPath").asString()).startsWith("历下区"));
		}, none());
		probe("POST /api/blacklist/{id}/repair", Kind.SCOPED, c -> {
			fineB(c);
			long entry = c.jdbc().sql("SELECT min(id) FROM blacklist_entry WHERE region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b) AND removed_at IS NULL")
				.param("b", c.regionB()).query(Long.class).single();
			notFound(c.districtA().post("/api/blacklist/" + entry + "/repair", "{\"reason\":\"越权\"}"));
		}, c -> {
			long id = c.districtB().post("/api/cases", caseJson(c.entityB())).expect(200).body().get("caseFile").get("id").asLong();
			c.districtB().post("/api/cases/" + id + "/actions/decide", FINE_DECISION).expect(200);
			long entry = c.jdbc().sql("SELECT id FROM blacklist_entry WHERE case_id = :c").param("c", id).query(Long.class).single();
			c.districtB().post("/api/blacklist/" + entry + "/repair", "{\"reason\":\"信用修复\"}").expect(200);
		});

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
		probe("PUT /api/warnings/rules/{triggerKind}/{originLevel}", Kind.GLOBAL,
				c -> c.districtA().put("/api/warnings/rules/LEAD_UNHANDLED/CITY", "{\"steps\":[]}").expect(403),
				c -> c.admin().put("/api/warnings/rules/LEAD_UNHANDLED/CITY", currentLadder(c, "LEAD_UNHANDLED", "CITY")).expect(200));
		probe("GET /api/warnings/screen/actions", Kind.SCOPED, c -> {
			orderB(c);
			var shown = c.districtA().get("/api/warnings/screen/actions?level=DISTRICT").expect(200).body();
			assertThat(shown.get("supervisionAwaitingReply").asLong()).isEqualTo(c.jdbc().sql("""
					SELECT count(*) FROM supervision_order o JOIN region i ON i.id = o.issuer_region_id
					WHERE o.state IN ('OPEN', 'REJECTED') AND i.level = 'DISTRICT' AND o.region_id IN
					(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
					""").query(Long.class).single());
		}, none());

		// warning: 督办单, 通知确认, 通报
		java.util.function.Function<Ctx, ApiClient> liaisonA = c -> ApiClient.signedIn(c.port(), "lixia_yj_liaison");
		java.util.function.Function<Ctx, ApiClient> inspectorB = c -> ApiClient.signedIn(c.port(), "shizhong_yj_inspector");
		probe("GET /api/supervision-orders", Kind.SCOPED, c -> {
			orderB(c);
			c.districtA().get("/api/supervision-orders?size=500").expect(200).body().get("items")
				.forEach(o -> assertThat(o.get("regionPath").asString()).startsWith("历下区"));
			assertThat(liaisonA.apply(c).get("/api/supervision-orders?box=INBOX&size=500").expect(200).raw()).doesNotContain("市中区");
		}, none());
		probe("GET /api/supervision-orders/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/supervision-orders/" + orderB(c))), none());
		probe("POST /api/supervision-orders/{id}/reply", Kind.SCOPED,
				c -> notFound(liaisonA.apply(c).post("/api/supervision-orders/" + orderB(c) + "/reply", "{\"replyText\":\"越权\"}")),
				c -> inspectorB.apply(c).post("/api/supervision-orders/" + freshOrderB(c) + "/reply", "{\"replyText\":\"已整改\"}").expect(200));
		probe("POST /api/supervision-orders/{id}/route", Kind.SCOPED,
				c -> notFound(liaisonA.apply(c).post("/api/supervision-orders/" + orderB(c) + "/route", "{\"officeId\":" + c.officeB() + "}")),
				c -> ApiClient.signedIn(c.port(), "shizhong_yj_liaison").post("/api/supervision-orders/" + freshOrderB(c) + "/route",
						"{\"officeId\":" + c.officeB() + "}").expect(200));
		probe("POST /api/supervision-orders/bulk-reply", Kind.SCOPED, c -> {
			var refused = liaisonA.apply(c).post("/api/supervision-orders/bulk-reply", "{\"orderIds\":[" + orderB(c) + "],\"replyText\":\"越权\"}");
			assertThat(refused.expect(409).body().get("failures").get(0).get("code").asString()).isEqualTo("NOT_FOUND");
		}, c -> inspectorB.apply(c).post("/api/supervision-orders/bulk-reply", "{\"orderIds\":[" + freshOrderB(c) + "," + freshOrderB(c)
				+ "],\"replyText\":\"已整改\"}").expect(200));
		probe("POST /api/supervision-orders/bulk-route", Kind.SCOPED, c -> {
			var refused = liaisonA.apply(c).post("/api/supervision-orders/bulk-route", "{\"orderIds\":[" + orderB(c) + "],\"officeId\":" + c.officeB() + "}");
			assertThat(refused.expect(409).body().get("failures").get(0).get("code").asString()).isEqualTo("NOT_FOUND");
		}, c -> ApiClient.signedIn(c.port(), "shizhong_yj_liaison").post("/api/supervision-orders/bulk-route",
				"{\"orderIds\":[" + freshOrderB(c) + "],\"officeId\":" + c.officeB() + "}").expect(200));
		probe("POST /api/supervision-orders/{id}/review", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/supervision-orders/" + orderB(c) + "/review", "{\"accepted\":true}")),
				c -> {
					long order = freshOrderB(c);
					inspectorB.apply(c).post("/api/supervision-orders/" + order + "/reply", "{\"replyText\":\"已整改\"}").expect(200);
					c.districtB().post("/api/supervision-orders/" + order + "/review", "{\"accepted\":true}").expect(200);
				});
		probe("POST /api/supervision-orders/{id}/attachments", Kind.SCOPED,
				c -> notFound(liaisonA.apply(c).upload("/api/supervision-orders/" + orderB(c) + "/attachments", Map.of(), "a.png",
						cn.anjian.platform.files.SampleFiles.png())),
				c -> inspectorB.apply(c).upload("/api/supervision-orders/" + freshOrderB(c) + "/attachments", Map.of(), "a.png",
						cn.anjian.platform.files.SampleFiles.png()).expect(200));
		probe("GET /api/supervision-orders/{id}/attachments/{attachmentId}/content", Kind.SCOPED, c -> {
			var attachment = c.jdbc().sql("SELECT order_id, id FROM supervision_order_attachment WHERE order_id = :o")
				.param("o", orderB(c)).query().singleRow();
			notFound(c.districtA().get("/api/supervision-orders/" + attachment.get("order_id") + "/attachments/" + attachment.get("id") + "/content"));
		}, none());
		probe("GET /api/confirmation-tasks", Kind.SCOPED, c -> {
			taskB(c);
			c.districtA().get("/api/confirmation-tasks?size=500").expect(200).body().get("items")
				.forEach(t -> assertThat(t.get("regionPath").asString()).startsWith("历下区"));
		}, none());
		probe("POST /api/confirmation-tasks/{id}/answer", Kind.SCOPED,
				c -> notFound(liaisonA.apply(c).post("/api/confirmation-tasks/" + taskB(c) + "/answer", "{\"answerText\":\"越权\"}")),
				c -> ApiClient.signedIn(c.port(), "shizhong_yj_liaison").post("/api/confirmation-tasks/" + freshTaskB(c) + "/answer",
						"{\"answerText\":\"经核查属重大事故隐患，已报认定\"}").expect(200));
		probe("GET /api/notices/drafts", Kind.SCOPED, c -> {
			pendingEntryB(c);
			assertThat(c.districtA().get("/api/notices/drafts").expect(200).raw()).doesNotContain("市中区");
		}, none());
		probe("POST /api/notices", Kind.SCOPED, c -> assertThat(c.districtA().post("/api/notices", "{\"entryIds\":[" + pendingEntryB(c) + "]}")
			.expect(409).code()).isEqualTo("NOTICE_ENTRY_UNAVAILABLE"), c -> freshNoticeB(c));
		probe("GET /api/notices", Kind.SCOPED, c -> {
			long notice = noticeB(c);
			c.districtA().get("/api/notices?size=500").expect(200).body().get("items")
				.forEach(n -> assertThat(n.get("id").asLong()).isNotEqualTo(notice));
		}, none());
		probe("GET /api/notices/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/notices/" + noticeB(c))), none());
		probe("GET /api/notices/{id}/notice.pdf", Kind.SCOPED, c -> notFound(c.districtA().get("/api/notices/" + noticeB(c) + "/notice.pdf")), none());
		probe("GET /api/notices/{id}/notice.xlsx", Kind.SCOPED, c -> notFound(c.districtA().get("/api/notices/" + noticeB(c) + "/notice.xlsx")), none());

		// platform: working-day calendar (national reference data)
		probe("GET /api/work-calendar", Kind.GLOBAL, none(), none());
		probe("GET /api/work-calendar/status", Kind.GLOBAL, none(), none());
		probe("PUT /api/work-calendar/{day}", Kind.GLOBAL,
				c -> c.districtA().put("/api/work-calendar/2030-02-04", "{\"kind\":\"HOLIDAY\",\"name\":\"春节\"}").expect(403),
				c -> c.admin().put("/api/work-calendar/2030-02-04", "{\"kind\":\"HOLIDAY\",\"name\":\"春节\"}").expect(200));
		probe("DELETE /api/work-calendar/{day}", Kind.GLOBAL,
				c -> c.districtA().delete("/api/work-calendar/2030-02-05").expect(403),
				c -> {
					c.admin().put("/api/work-calendar/2030-02-05", "{\"kind\":\"HOLIDAY\",\"name\":\"春节\"}").expect(200);
					c.admin().delete("/api/work-calendar/2030-02-05").expect(204);
				});

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

		// 双重预防: a business's own risk points, measures, tasks and checks; lixia_biz and 历下区 cannot see or touch
		// shizhong_biz's; the government's views show nothing of 市中区 to 历下区
		java.util.function.Function<Ctx, ApiClient> bizA = c -> business(c, "lixia_biz");
		java.util.function.Function<Ctx, ApiClient> bizB = c -> business(c, "shizhong_biz");
		java.util.function.ToLongFunction<Ctx> pointB = c -> preventionB(c, "risk_point");
		java.util.function.ToLongFunction<Ctx> factorB = c -> preventionB(c, "risk_factor");
		java.util.function.ToLongFunction<Ctx> measureB = c -> preventionB(c, "control_measure");
		java.util.function.ToLongFunction<Ctx> taskB = c -> preventionB(c, "check_task");
		String pointJson = "{\"name\":\"矩阵风险点\",\"kind\":\"SITE\",\"active\":true}";
		String measureJson = "{\"category\":\"MANAGEMENT\",\"content\":\"矩阵措施\",\"ownerName\":\"张三\"}";
		String taskJson = "{\"name\":\"矩阵任务\",\"items\":[\"一项\"],\"frequency\":\"WEEKLY\",\"assigneeName\":\"张三\"}";
		probe("GET /api/prevention/grading", Kind.GLOBAL, none(), none());
		probe("GET /api/prevention/rule", Kind.GLOBAL, none(), none());
		probe("PUT /api/prevention/rule", Kind.GLOBAL,
				c -> c.districtA().put("/api/prevention/rule", "{\"onTimeShare\":0.5,\"consecutiveDays\":1}").expect(403),
				c -> c.admin().put("/api/prevention/rule", "{\"onTimeShare\":0.9,\"consecutiveDays\":7}").expect(200));
		probe("GET /api/prevention/evaluation-sheets", Kind.GLOBAL, none(), none());
		probe("GET /api/prevention/evaluation-sheets/{id}", Kind.GLOBAL, none(), none());
		probe("PUT /api/prevention/evaluation-sheets/{code}", Kind.GLOBAL,
				c -> c.districtA().put("/api/prevention/evaluation-sheets/MATRIX", DataScopeMatrixTest.EVALUATION_SHEET).expect(403),
				c -> c.admin().put("/api/prevention/evaluation-sheets/MATRIX", DataScopeMatrixTest.EVALUATION_SHEET).expect(200));
		java.util.function.ToLongFunction<Ctx> evaluationB = c -> c.jdbc().sql("SELECT min(id) FROM entity_evaluation WHERE region_id " + DataScopeMatrixTest.IN_B)
			.query(Long.class).single();
		probe("GET /api/prevention/evaluations", Kind.SCOPED, c -> {
			assertThat(c.districtA().get("/api/prevention/evaluations?size=500").expect(200).raw()).doesNotContain("\"id\":" + evaluationB.applyAsLong(c) + ",");
			assertThat(bizA.apply(c).get("/api/prevention/evaluations?size=500").expect(200).raw()).doesNotContain("\"id\":" + evaluationB.applyAsLong(c) + ",");
			assertThat(c.districtA().get("/api/prevention/evaluations?entityId=" + entityOf(c, "shizhong_biz")).expect(200).body().get("total").asLong()).isZero();
		}, none());
		probe("GET /api/prevention/evaluations/{id}", Kind.SCOPED, c -> {
			notFound(c.districtA().get("/api/prevention/evaluations/" + evaluationB.applyAsLong(c)));
			notFound(bizA.apply(c).get("/api/prevention/evaluations/" + evaluationB.applyAsLong(c)));
		}, none());
		probe("POST /api/prevention/evaluations", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/prevention/evaluations", evaluationJson(c, entityOf(c, "shizhong_biz")))),
				c -> c.districtB().post("/api/prevention/evaluations", evaluationJson(c, entityOf(c, "shizhong_biz"))).expect(200));
		probe("GET /api/prevention/points", Kind.SCOPED, c -> {
			assertThat(bizA.apply(c).get("/api/prevention/points?size=500").expect(200).raw()).doesNotContain("\"id\":" + pointB.applyAsLong(c) + ",");
			assertThat(c.districtA().get("/api/prevention/points?size=500").expect(200).raw()).doesNotContain("\"id\":" + pointB.applyAsLong(c) + ",");
			assertThat(c.districtA().get("/api/prevention/points?entityId=" + entityOf(c, "shizhong_biz")).expect(200).body().get("total").asLong()).isZero();
		}, none());
		probe("GET /api/prevention/points/{id}", Kind.SCOPED, c -> {
			notFound(bizA.apply(c).get("/api/prevention/points/" + pointB.applyAsLong(c)));
			notFound(c.districtA().get("/api/prevention/points/" + pointB.applyAsLong(c)));
		}, none());
		probe("POST /api/prevention/points", Kind.SCOPED, c -> c.districtA().post("/api/prevention/points", pointJson).expect(403),
				c -> bizB.apply(c).post("/api/prevention/points", pointJson).expect(200));
		probe("PUT /api/prevention/points/{id}", Kind.SCOPED,
				c -> notFound(bizA.apply(c).put("/api/prevention/points/" + pointB.applyAsLong(c), pointJson)),
				c -> {
					long own = bizB.apply(c).post("/api/prevention/points", pointJson).expect(200).body().get("id").asLong();
					bizB.apply(c).put("/api/prevention/points/" + own, pointJson.replace("矩阵风险点", "矩阵风险点（改）")).expect(200);
				});
		probe("POST /api/prevention/points/{id}/factors", Kind.SCOPED,
				c -> notFound(bizA.apply(c).post("/api/prevention/points/" + pointB.applyAsLong(c) + "/factors", "{\"description\":\"越权\"}")),
				c -> bizB.apply(c).post("/api/prevention/points/" + pointB.applyAsLong(c) + "/factors", "{\"description\":\"矩阵危险源\",\"accidentTypes\":[\"FIRE\"]}").expect(200));
		probe("PUT /api/prevention/factors/{id}", Kind.SCOPED,
				c -> notFound(bizA.apply(c).put("/api/prevention/factors/" + factorB.applyAsLong(c), "{\"description\":\"越权\"}")),
				c -> {
					long own = bizB.apply(c).post("/api/prevention/points/" + pointB.applyAsLong(c) + "/factors", "{\"description\":\"矩阵危险源\"}").expect(200).body().get("id").asLong();
					bizB.apply(c).put("/api/prevention/factors/" + own, "{\"description\":\"矩阵危险源（改）\",\"accidentTypes\":[\"FIRE\"]}").expect(200);
				});
		probe("POST /api/prevention/factors/{id}/assessments", Kind.SCOPED,
				c -> notFound(bizA.apply(c).post("/api/prevention/factors/" + factorB.applyAsLong(c) + "/assessments", "{\"method\":\"LS\",\"likelihood\":5,\"severity\":5}")),
				c -> {
					long own = bizB.apply(c).post("/api/prevention/points/" + pointB.applyAsLong(c) + "/factors", "{\"description\":\"矩阵危险源\"}").expect(200).body().get("id").asLong();
					bizB.apply(c).post("/api/prevention/factors/" + own + "/assessments", "{\"method\":\"LS\",\"likelihood\":1,\"severity\":1}").expect(200);
				});
		probe("POST /api/prevention/points/{id}/measures", Kind.SCOPED,
				c -> notFound(bizA.apply(c).post("/api/prevention/points/" + pointB.applyAsLong(c) + "/measures", measureJson)),
				c -> bizB.apply(c).post("/api/prevention/points/" + pointB.applyAsLong(c) + "/measures", measureJson).expect(200));
		probe("PUT /api/prevention/measures/{id}", Kind.SCOPED,
				c -> notFound(bizA.apply(c).put("/api/prevention/measures/" + measureB.applyAsLong(c), measureJson)),
				c -> {
					long own = bizB.apply(c).post("/api/prevention/points/" + pointB.applyAsLong(c) + "/measures", measureJson).expect(200).body().get("id").asLong();
					bizB.apply(c).put("/api/prevention/measures/" + own, measureJson.replace("矩阵措施", "矩阵措施（改）")).expect(200);
				});
		probe("GET /api/prevention/tasks", Kind.SCOPED, c -> {
			assertThat(bizA.apply(c).get("/api/prevention/tasks?size=500").expect(200).raw()).doesNotContain("\"id\":" + taskB.applyAsLong(c) + ",");
			assertThat(c.districtA().get("/api/prevention/tasks?size=500").expect(200).raw()).doesNotContain("\"id\":" + taskB.applyAsLong(c) + ",");
		}, none());
		probe("POST /api/prevention/measures/{id}/tasks", Kind.SCOPED,
				c -> notFound(bizA.apply(c).post("/api/prevention/measures/" + measureB.applyAsLong(c) + "/tasks", taskJson)),
				c -> bizB.apply(c).post("/api/prevention/measures/" + measureB.applyAsLong(c) + "/tasks", taskJson.replace("WEEKLY", "QUARTERLY")).expect(200));
		probe("PUT /api/prevention/tasks/{id}", Kind.SCOPED,
				c -> notFound(bizA.apply(c).put("/api/prevention/tasks/" + taskB.applyAsLong(c), taskJson)),
				c -> {
					long own = bizB.apply(c).post("/api/prevention/measures/" + measureB.applyAsLong(c) + "/tasks", taskJson).expect(200).body().get("id").asLong();
					bizB.apply(c).put("/api/prevention/tasks/" + own, taskJson.replace("矩阵任务", "矩阵任务（改）")).expect(200);
				});
		probe("GET /api/prevention/checks", Kind.SCOPED, c -> {
			long check = existingCheckB(c);
			String day = "?day=" + c.jdbc().sql("SELECT period_start FROM check_instance WHERE id = :id").param("id", check).query(String.class).single() + "&size=500";
			assertThat(bizA.apply(c).get("/api/prevention/checks" + day).expect(200).raw()).doesNotContain("\"id\":" + check + ",");
			assertThat(c.districtA().get("/api/prevention/checks" + day).expect(200).raw()).doesNotContain("\"id\":" + check + ",");
		}, none());
		probe("POST /api/prevention/checks/{id}/record", Kind.SCOPED,
				c -> notFound(bizA.apply(c).post("/api/prevention/checks/" + existingCheckB(c) + "/record", "{\"items\":[]}")),
				c -> bizB.apply(c).post("/api/prevention/checks/" + openCheckB(c) + "/record", "{\"items\":[{\"item\":\"一项\",\"ok\":true}]}").expect(200));
		probe("POST /api/prevention/checks/{id}/photo", Kind.SCOPED,
				c -> notFound(bizA.apply(c).upload("/api/prevention/checks/" + existingCheckB(c) + "/photo", Map.of(), "x.png", cn.anjian.platform.files.SampleFiles.png())),
				c -> bizB.apply(c).upload("/api/prevention/checks/" + openCheckB(c) + "/photo", Map.of(), "现场.png", cn.anjian.platform.files.SampleFiles.png()).expect(200));
		probe("GET /api/prevention/checks/{id}/photo", Kind.SCOPED, c -> {
			long check = c.jdbc().sql("SELECT min(id) FROM check_instance WHERE entity_id = :e AND photo_sha256 IS NOT NULL")
				.param("e", entityOf(c, "shizhong_biz")).query(Long.class).single();
			notFound(bizA.apply(c).get("/api/prevention/checks/" + check + "/photo"));
			notFound(c.districtA().get("/api/prevention/checks/" + check + "/photo"));
		}, none());
		probe("GET /api/prevention/coverage", Kind.SCOPED, c -> {
			assertThat(c.districtA().get("/api/prevention/coverage").expect(200).raw()).doesNotContain("市中区");
			c.districtA().get("/api/prevention/coverage?by=INDUSTRY").expect(200);
		}, none());
		probe("GET /api/prevention/distribution", Kind.SCOPED, c -> {
			assertThat(c.districtA().get("/api/prevention/distribution").expect(200).raw()).doesNotContain("市中区");
			String own = bizA.apply(c).get("/api/prevention/distribution").expect(200).raw();
			assertThat(own).doesNotContain("市中区");
		}, none());
		probe("GET /api/prevention/not-running", Kind.SCOPED, c -> {
			String list = c.districtA().get("/api/prevention/not-running?size=500").expect(200).raw();
			assertThat(list).doesNotContain("\"entityId\":" + entityOf(c, "shizhong_biz") + ",").doesNotContain("市中区");
		}, none());

		probe("GET /api/prevention/points/{id}/notice-card.pdf", Kind.SCOPED, c -> {
			notFound(bizA.apply(c).get("/api/prevention/points/" + pointB.applyAsLong(c) + "/notice-card.pdf"));
			notFound(c.districtA().get("/api/prevention/points/" + pointB.applyAsLong(c) + "/notice-card.pdf"));
		}, none());
		probe("GET /api/prevention/map/config", Kind.GLOBAL, none(), none());
		probe("GET /api/prevention/map/businesses", Kind.SCOPED, c -> {
			String entityB = "\"entityId\":" + entityOf(c, "shizhong_biz") + ",";
			assertThat(c.districtA().get("/api/prevention/map/businesses?limit=5000").expect(200).raw()).doesNotContain(entityB).doesNotContain("市中区");
			assertThat(bizA.apply(c).get("/api/prevention/map/businesses").expect(200).raw()).doesNotContain(entityB);
		}, none());
		probe("GET /api/prevention/site-plan", Kind.SCOPED, c -> {
			long entityB = entityOf(c, "shizhong_biz");
			notFound(c.districtA().get("/api/prevention/site-plan?entityId=" + entityB));
			assertThat(bizA.apply(c).get("/api/prevention/site-plan?entityId=" + entityB).expect(200).body().get("entityId").asLong())
				.isEqualTo(entityOf(c, "lixia_biz"));
		}, none());
		probe("GET /api/prevention/site-plans", Kind.SCOPED, c -> {
			String entityB = "\"entityId\":" + entityOf(c, "shizhong_biz") + ",";
			assertThat(c.districtA().get("/api/prevention/site-plans?size=100").expect(200).raw()).doesNotContain(entityB);
			assertThat(bizA.apply(c).get("/api/prevention/site-plans?size=100").expect(200).raw()).doesNotContain(entityB);
		}, none());
		probe("GET /api/prevention/site-plans/{id}/image", Kind.SCOPED, c -> {
			long plan = preventionB(c, "site_plan");
			notFound(bizA.apply(c).get("/api/prevention/site-plans/" + plan + "/image"));
			notFound(c.districtA().get("/api/prevention/site-plans/" + plan + "/image"));
		}, none());
		probe("POST /api/prevention/site-plan", Kind.SCOPED,
				c -> c.districtA().upload("/api/prevention/site-plan", Map.of(), "p.png", cn.anjian.platform.files.SampleFiles.png()).expect(403),
				c -> bizB.apply(c).upload("/api/prevention/site-plan", Map.of(), "平面图.png", cn.anjian.platform.files.SampleFiles.png()).expect(200));
		probe("PUT /api/prevention/points/{id}/placement", Kind.SCOPED,
				c -> notFound(bizA.apply(c).put("/api/prevention/points/" + pointB.applyAsLong(c) + "/placement", "{\"x\":0.1,\"y\":0.1}")),
				c -> bizB.apply(c).put("/api/prevention/points/" + pointB.applyAsLong(c) + "/placement", "{\"x\":0.5,\"y\":0.5}").expect(200));
		probe("DELETE /api/prevention/points/{id}/placement", Kind.SCOPED,
				c -> notFound(bizA.apply(c).delete("/api/prevention/points/" + pointB.applyAsLong(c) + "/placement")),
				c -> {
					long own = bizB.apply(c).post("/api/prevention/points", pointJson).expect(200).body().get("id").asLong();
					bizB.apply(c).put("/api/prevention/points/" + own + "/placement", "{\"x\":0.2,\"y\":0.2}").expect(200);
					bizB.apply(c).delete("/api/prevention/points/" + own + "/placement").expect(200);
				});

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

		// inspection: checklist templates, inspection records, plans, conflicts of interest, 双随机 draws
		probe("GET /api/checklist-templates", Kind.GLOBAL, none(), none());
		probe("GET /api/checklist-templates/{id}", Kind.GLOBAL, none(), none());
		probe("POST /api/checklist-templates", Kind.GLOBAL,
				c -> c.districtA().post("/api/checklist-templates", TEMPLATE).expect(403),
				c -> c.admin().post("/api/checklist-templates", TEMPLATE).expect(200));
		probe("PUT /api/checklist-templates/{id}", Kind.GLOBAL,
				c -> c.districtA().put("/api/checklist-templates/1", TEMPLATE).expect(403),
				c -> {
					long id = c.admin().post("/api/checklist-templates", TEMPLATE).expect(200).body().get("id").asLong();
					c.admin().put("/api/checklist-templates/" + id, TEMPLATE.replace("矩阵", "矩阵修订")).expect(200);
				});
		probe("GET /api/inspections", Kind.SCOPED, c -> {
			c.districtA().get("/api/inspections?size=500").expect(200).body().get("items")
				.forEach(i -> assertThat(i.get("regionPath").asString()).startsWith("历下区"));
			assertThat(c.districtA().get("/api/inspections?regionId=" + c.regionB()).expect(200).body().get("total").asLong()).isZero();
		}, none());
		probe("GET /api/inspections/counts", Kind.SCOPED, c -> {
			JsonNode ofB = c.districtA().get("/api/inspections/counts?from=2000-01-01&regionId=" + c.regionB()).expect(200).body();
			assertThat(ofB.get("inspections").asLong() + ofB.get("entitiesCovered").asLong() + ofB.get("hazardsFound").asLong()).isZero();
			long ownInspections = c.jdbc().sql("""
					SELECT count(*) FROM inspection WHERE region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
					  AND (draw_id IS NULL OR result IS NOT NULL)
					""").query(Long.class).single();
			assertThat(c.districtA().get("/api/inspections/counts?from=2000-01-01&to=2100-01-01").expect(200).body().get("inspections").asLong())
				.isEqualTo(ownInspections);
		}, none());
		probe("GET /api/inspections/staff", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/inspections/staff").expect(200).raw()).contains("陈干事")
					.doesNotContain("市中区").doesNotContain("大观园"),
				none());
		probe("GET /api/inspections/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/inspections/" + inspectionB(c))), none());
		probe("POST /api/inspections", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/inspections", inspectionJson(c.entityB(), userId(c, "lixia_street")))),
				c -> c.districtB().post("/api/inspections", inspectionJson(c.entityB(), c.userB())).expect(200));
		probe("PUT /api/inspections/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/inspections/" + inspectionB(c), "{\"findings\":\"越权\"}")),
				c -> c.districtB().put("/api/inspections/" + newInspectionB(c),
						"{\"findings\":\"未发现问题\",\"representativeName\":\"李经理\",\"result\":\"PASSED\"}").expect(200));
		probe("DELETE /api/inspections/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().delete("/api/inspections/" + inspectionB(c))),
				c -> c.districtB().delete("/api/inspections/" + newInspectionB(c)).expect(204));
		probe("POST /api/inspections/{id}/items/{itemId}/hazard", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/inspections/" + inspectionB(c) + "/items/" + itemB(c) + "/hazard", "{\"level\":\"GENERAL\"}")),
				c -> {
					long id = newInspectionB(c);
					long item = c.districtB().get("/api/inspections/" + id).expect(200).body().get("items").get(0).get("id").asLong();
					c.districtB().put("/api/inspections/" + id, "{\"items\":[{\"id\":%d,\"outcome\":\"FAIL\"}]}".formatted(item)).expect(200);
					c.districtB().post("/api/inspections/" + id + "/items/" + item + "/hazard", "{\"level\":\"GENERAL\"}").expect(200);
				});
		probe("GET /api/inspections/{id}/hazards", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/inspections/" + inspectionB(c) + "/hazards")), none());
		probe("POST /api/inspections/{id}/photos", Kind.SCOPED,
				c -> notFound(c.districtA().upload("/api/inspections/" + inspectionB(c) + "/photos", "p.png", cn.anjian.platform.files.SampleFiles.png())),
				c -> c.districtB().upload("/api/inspections/" + inspectionB(c) + "/photos", "p.png", cn.anjian.platform.files.SampleFiles.png()).expect(200));
		probe("GET /api/inspections/{id}/photos/{photoId}/content", Kind.SCOPED, c -> {
			long photo = c.jdbc().sql("SELECT min(id) FROM inspection_photo WHERE inspection_id = :i").param("i", inspectionB(c)).query(Long.class).single();
			notFound(c.districtA().get("/api/inspections/" + inspectionB(c) + "/photos/" + photo + "/content"));
		}, none());
		probe("GET /api/inspection-plans", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/inspection-plans?size=500").expect(200).raw()).doesNotContain("市中区"), none());
		probe("GET /api/inspection-plans/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/inspection-plans/" + planB(c))), none());
		probe("POST /api/inspection-plans", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/inspection-plans", "{\"name\":\"越权计划\",\"year\":2026,\"regionId\":%d}".formatted(c.streetB()))),
				c -> c.districtB().post("/api/inspection-plans", "{\"name\":\"大观园街道月度检查计划\",\"year\":2026,\"month\":6,\"regionId\":%d}".formatted(c.streetB())).expect(200));
		probe("DELETE /api/inspection-plans/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().delete("/api/inspection-plans/" + planB(c))),
				c -> {
					long id = c.districtB().post("/api/inspection-plans", "{\"name\":\"大观园街道误建计划\",\"year\":2026,\"month\":7,\"regionId\":%d}".formatted(c.streetB()))
						.expect(200).body().get("plan").get("id").asLong();
					c.districtB().delete("/api/inspection-plans/" + id).expect(204);
				});
		probe("PUT /api/inspection-plans/{id}/entities/{rowId}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/inspection-plans/" + planB(c) + "/entities/" + planRowB(c), "{\"timesPerPeriod\":3}")),
				c -> c.districtB().put("/api/inspection-plans/" + planB(c) + "/entities/" + planRowB(c), "{\"timesPerPeriod\":2}").expect(200));
		probe("GET /api/inspection-conflicts", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/inspection-conflicts").expect(200).raw()).doesNotContain("杨干事"), none());
		probe("POST /api/inspection-conflicts", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/inspection-conflicts", conflictJson(userId(c, "lixia_street"), c.entityB()))),
				c -> {
					long grid = userId(c, "shizhong_grid");
					long entity = c.jdbc().sql("""
							SELECT min(e.id) FROM supervised_entity e WHERE e.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b)
							AND NOT EXISTS (SELECT 1 FROM inspection_conflict f WHERE f.entity_id = e.id AND f.user_id = :u)
							""").param("b", c.regionB()).param("u", grid).query(Long.class).single();
					c.districtB().post("/api/inspection-conflicts", conflictJson(grid, entity)).expect(200);
				});
		probe("DELETE /api/inspection-conflicts/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().delete("/api/inspection-conflicts/" + conflictB(c))),
				c -> {
					long office = userId(c, "shizhong_office");
					c.jdbc().sql("DELETE FROM inspection_conflict WHERE user_id = :u").param("u", office).update();
					long id = c.districtB().post("/api/inspection-conflicts", conflictJson(office, c.entityB())).expect(200).body().get("id").asLong();
					c.districtB().delete("/api/inspection-conflicts/" + id).expect(204);
				});
		probe("GET /api/draws", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/draws?size=500").expect(200).raw()).doesNotContain("市中区"), none());
		probe("GET /api/draws/published", Kind.SCOPED,
				c -> assertThat(c.districtA().get("/api/draws/published?size=50").expect(200).raw()).doesNotContain("市中区"), none());
		probe("GET /api/draws/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/draws/" + drawB(c))), none());
		probe("GET /api/draws/{id}/export.xlsx", Kind.SCOPED, c -> notFound(c.districtA().get("/api/draws/" + drawB(c) + "/export.xlsx")), none());
		probe("POST /api/draws", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/draws", drawJson(c.regionB()))),
				c -> c.districtB().post("/api/draws", drawJson(c.streetB())).expect(200));
		probe("POST /api/draws/{id}/publish", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/draws/" + drawB(c) + "/publish", null)),
				c -> {
					long id = c.districtB().post("/api/draws", drawJson(c.streetB())).expect(200).body().get("draw").get("id").asLong();
					c.districtB().post("/api/draws/" + id + "/publish", null).expect(200);
				});
		probe("POST /api/draws/{id}/inspections", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/draws/" + drawB(c) + "/inspections", drawTasksJson())),
				c -> {
					long id = c.districtB().post("/api/draws", drawJson(c.streetB())).expect(200).body().get("draw").get("id").asLong();
					c.districtB().post("/api/draws/" + id + "/publish", null).expect(200);
					c.districtB().post("/api/draws/" + id + "/inspections", drawTasksJson()).expect(200);
				});

		// assessment: statistics
		probe("GET /api/statistics", Kind.SCOPED, c -> {
			notFound(c.districtA().get("/api/statistics?regionId=" + c.regionB()));
			notFound(c.districtA().get("/api/statistics?regionId=" + c.streetB()));
			assertThat(c.districtA().get("/api/statistics").expect(200).raw()).contains("历下区").doesNotContain("市中区")
				.doesNotContain("大观园街道");
		}, none());
		probe("GET /api/statistics/export.xlsx", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/statistics/export.xlsx?regionId=" + c.regionB())), none());

		probe("GET /api/assessment/usage", Kind.SCOPED, c -> assertThat(c.districtA().get("/api/assessment/usage").expect(200).raw())
			.contains("历下区").doesNotContain("市中区"), none());

		// assessment: accidents and targets
		probe("GET /api/accidents", Kind.SCOPED, c -> assertThat(c.districtA().get("/api/accidents?size=500").expect(200).raw())
			.doesNotContain("\"id\":" + accidentB(c) + ",").doesNotContain("市中区"), none());
		probe("GET /api/accidents/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/accidents/" + accidentB(c))), none());
		probe("POST /api/accidents", Kind.SCOPED, c -> {
			notFound(c.districtA().post("/api/accidents", accidentJson(c.regionB(), null)));
			notFound(c.districtA().post("/api/accidents", accidentJson(c.jdbc().sql("SELECT id FROM region WHERE code = '370102'")
				.query(Long.class).single(), c.entityB())));
		}, c -> c.districtB().post("/api/accidents", accidentJson(c.streetB(), c.entityB())).expect(200));
		probe("PUT /api/accidents/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/accidents/" + accidentB(c), accidentJson(c.regionB(), null))),
				c -> c.districtB().put("/api/accidents/" + accidentB(c), accidentJson(c.streetB(), null)).expect(200));
		probe("GET /api/targets", Kind.SCOPED, c -> {
			c.districtB().post("/api/targets", targetJson(c.regionB())).expect(200);
			assertThat(c.districtA().get("/api/targets?year=2026").expect(200).raw()).doesNotContain("市中区");
		}, none());
		probe("POST /api/targets", Kind.SCOPED, c -> notFound(c.districtA().post("/api/targets", targetJson(c.regionB()))),
				c -> c.districtB().post("/api/targets", targetJson(c.regionB())).expect(200));

		// assessment: schemes (the city's, the same for everyone), scoring and results (each unit sees its own)
		// a district office sets its own (street) schemes: seen by its district only, changed by its office only
		probe("GET /api/assessment/schemes", Kind.SCOPED, c -> {
			long b = districtScheme(c, 2048);
			assertThat(c.districtA().get("/api/assessment/schemes").expect(200).raw()).doesNotContain("\"id\":" + b + ",")
				.contains("\"id\":" + scheme(c, 2045) + ",");
		}, none());
		probe("GET /api/assessment/schemes/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().get("/api/assessment/schemes/" + districtScheme(c, 2048))), none());
		probe("POST /api/assessment/schemes", Kind.SCOPED, c -> {
			JsonNode own = c.districtA().post("/api/assessment/schemes", schemeJson(2044)).expect(200).body();
			assertThat(own.get("scheme").get("regionName").asString()).isEqualTo("历下区");
			assertThat(c.districtB().get("/api/assessment/schemes").expect(200).raw())
				.doesNotContain("\"id\":" + own.get("scheme").get("id").asLong() + ",");
		}, c -> ApiClient.signedIn(c.port(), "city_office").post("/api/assessment/schemes", schemeJson(2044)).expect(200));
		probe("PUT /api/assessment/schemes/{id}", Kind.SCOPED, c -> {
			c.districtA().put("/api/assessment/schemes/" + scheme(c, 2045), schemeJson(2045)).expect(403);
			notFound(c.districtA().put("/api/assessment/schemes/" + districtScheme(c, 2048), schemeJson(2048)));
		}, c -> ApiClient.signedIn(c.port(), "city_office").put("/api/assessment/schemes/" + scheme(c, 2045), schemeJson(2045)).expect(200));
		probe("POST /api/assessment/schemes/{id}/score", Kind.SCOPED, c -> {
			c.districtA().post("/api/assessment/schemes/" + scheme(c, 2045) + "/score", null).expect(403);
			notFound(c.districtA().post("/api/assessment/schemes/" + districtScheme(c, 2048) + "/score", null));
		}, c -> ApiClient.signedIn(c.port(), "city_office").post("/api/assessment/schemes/" + scheme(c, 2045) + "/score", null).expect(200));
		probe("POST /api/assessment/schemes/{id}/publish", Kind.SCOPED, c -> {
			c.districtA().post("/api/assessment/schemes/" + scheme(c, 2046) + "/publish", null).expect(403);
			notFound(c.districtA().post("/api/assessment/schemes/" + districtScheme(c, 2048) + "/publish", null));
		}, c -> {
					var city = ApiClient.signedIn(c.port(), "city_office");
					long id = scheme(c, 2046);
					city.post("/api/assessment/schemes/" + id + "/score", null).expect(200);
					city.post("/api/assessment/schemes/" + id + "/publish", null).expect(200);
				});
		probe("GET /api/assessment/schemes/{id}/results", Kind.SCOPED, c -> {
			var results = c.districtA().get("/api/assessment/schemes/" + publishedScheme(c) + "/results").expect(200).body();
			assertThat(results).hasSize(1);
			assertThat(results.toString()).contains("历下区").doesNotContain("市中区").doesNotContain("市应急管理局");
		}, none());
		probe("POST /api/assessment/schemes/{id}/manual-scores", Kind.SCOPED, c -> {
					c.districtA().post(manualScorePath(c, c.regionB()), null).expect(403);
					c.districtA().post(manualScorePath(c, c.jdbc().sql("SELECT id FROM region WHERE code = '370102'")
						.query(Long.class).single()), null).expect(403); // nor its own district in the city's scheme
					long b = districtScheme(c, 2048);
					long element = c.jdbc().sql("SELECT id FROM assessment_element WHERE scheme_id = :s AND code = 'WORK'")
						.param("s", b).query(Long.class).single();
					notFound(c.districtA().post("/api/assessment/schemes/" + b + "/manual-scores?elementId=" + element
							+ "&unitType=STREET&unitId=" + c.streetB() + "&score=70", null));
				},
				c -> ApiClient.signedIn(c.port(), "city_office").post(manualScorePath(c, c.regionB()), null).expect(200));
		probe("GET /api/assessment/schemes/{id}/manual-scores/{elementId}/{unitType}/{unitId}/evidence", Kind.SCOPED, c -> {
			var city = ApiClient.signedIn(c.port(), "city_office");
			long element = manualElement(c);
			String path = "/api/assessment/schemes/" + scheme(c, 2045) + "/manual-scores/" + element + "/DISTRICT/" + c.regionB() + "/evidence";
			city.get(path).expect(200);
			notFound(c.districtA().get(path));
		}, none());

		// assessment: quarterly bulletins (the city's; drafts stay with the city office, issued ones go to everyone)
		probe("GET /api/bulletins", Kind.GLOBAL, c -> assertThat(c.districtA().get("/api/bulletins").expect(200).raw())
			.doesNotContain("\"id\":" + bulletinDraft(c) + ","), none());
		probe("GET /api/bulletins/{id}", Kind.GLOBAL, c -> notFound(c.districtA().get("/api/bulletins/" + bulletinDraft(c))), none());
		probe("GET /api/bulletins/{id}/pdf", Kind.GLOBAL, c -> notFound(c.districtA().get("/api/bulletins/" + bulletinDraft(c) + "/pdf")), none());
		probe("POST /api/bulletins", Kind.GLOBAL, c -> c.districtA().post("/api/bulletins", "{\"year\":2026,\"quarter\":1}").expect(403),
				c -> ApiClient.signedIn(c.port(), "city_office").post("/api/bulletins", "{\"year\":2026,\"quarter\":1}").expect(200));
		probe("PUT /api/bulletins/{id}", Kind.GLOBAL,
				c -> c.districtA().put("/api/bulletins/" + bulletinDraft(c), bulletinEdit()).expect(403),
				c -> ApiClient.signedIn(c.port(), "city_office").put("/api/bulletins/" + bulletinDraft(c), bulletinEdit()).expect(200));
		probe("POST /api/bulletins/{id}/issue", Kind.GLOBAL,
				c -> c.districtA().post("/api/bulletins/" + bulletinDraft(c) + "/issue", null).expect(403),
				c -> {
					var city = ApiClient.signedIn(c.port(), "city_office");
					long id = city.post("/api/bulletins", "{\"year\":2026,\"quarter\":2}").expect(200).body().get("id").asLong();
					city.post("/api/bulletins/" + id + "/issue", null).expect(200);
				});

		// assessment: interviews (约谈)
		probe("GET /api/interviews", Kind.SCOPED, c -> assertThat(c.districtA().get("/api/interviews?size=500").expect(200).raw())
			.doesNotContain("\"id\":" + interviewB(c) + ",").doesNotContain("市中区"), none());
		probe("GET /api/interviews/{id}", Kind.SCOPED, c -> notFound(c.districtA().get("/api/interviews/" + interviewB(c))), none());
		probe("POST /api/interviews", Kind.SCOPED, c -> {
			notFound(c.districtA().post("/api/interviews", interviewJson(c.regionB())));
			notFound(c.districtA().post("/api/interviews", interviewJson(null).replace("\"links\":[]",
					"\"links\":[{\"type\":\"ACCIDENT\",\"id\":" + accidentB(c) + "}]")));
		}, c -> c.districtB().post("/api/interviews", interviewJson(c.regionB())).expect(200));
		probe("PUT /api/interviews/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/interviews/" + interviewB(c), interviewJson(null))),
				c -> c.districtB().put("/api/interviews/" + interviewB(c), interviewJson(null)).expect(200));
		probe("POST /api/interviews/{id}/actions/{action}", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/interviews/" + interviewB(c) + "/actions/approve", null)),
				c -> {
					long id = c.districtB().post("/api/interviews", interviewJson(null)).expect(200).body().get("id").asLong();
					c.districtB().post("/api/interviews/" + id + "/actions/approve", null).expect(200);
				});
		probe("POST /api/interviews/{id}/follow-ups", Kind.SCOPED,
				c -> notFound(c.districtA().post("/api/interviews/" + interviewB(c) + "/follow-ups", FOLLOW_UP)),
				c -> c.districtB().post("/api/interviews/" + interviewB(c) + "/follow-ups", FOLLOW_UP).expect(200));
		probe("POST /api/interviews/{id}/follow-ups/{itemId}/done", Kind.SCOPED, c -> {
			long item = c.jdbc().sql("SELECT min(id) FROM interview_follow_up WHERE interview_id = :i").param("i", interviewB(c))
				.query(Long.class).single();
			notFound(c.districtA().post("/api/interviews/" + interviewB(c) + "/follow-ups/" + item + "/done", "{\"result\":\"越权\"}"));
		}, c -> {
			long item = c.districtB().post("/api/interviews/" + interviewB(c) + "/follow-ups", FOLLOW_UP).expect(200).body()
				.get("followUps").get(0).get("id").asLong();
			c.districtB().post("/api/interviews/" + interviewB(c) + "/follow-ups/" + item + "/done", "{\"result\":\"已落实\"}").expect(200);
		});
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
		probe("PUT /api/campaigns/{id}", Kind.SCOPED,
				c -> notFound(c.districtA().put("/api/campaigns/" + campaignB(c), campaignJson(c.departmentB()))),
				c -> {
					long campaign = c.districtB().post("/api/campaigns", campaignJson(c.departmentB())).expect(200).body()
						.get("campaign").get("id").asLong();
					c.districtB().put("/api/campaigns/" + campaign, campaignJson(c.departmentB())).expect(200);
				});
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


	static String inspectionJson(long entityId, long inspectorId) {
		long template = 1;
		return "{\"type\":\"ROUTINE\",\"entityId\":%d,\"inspectorIds\":[%d],\"inspectedOn\":\"2026-01-05\",\"templateId\":%d}"
			.formatted(entityId, inspectorId, template);
	}

	static String conflictJson(long userId, long entityId) {
		return "{\"userId\":%d,\"entityId\":%d,\"reason\":\"近亲属在该单位任职\"}".formatted(userId, entityId);
	}

	static String drawTasksJson() {
		return "{\"type\":\"ENFORCEMENT\",\"plannedOn\":\"2099-12-31\"}";
	}

	static String drawJson(long regionId) {
		return "{\"name\":\"矩阵测试抽查\",\"regionId\":%d,\"entityCount\":1,\"inspectorsPerEntity\":2}".formatted(regionId);
	}

	static final String IN_B = "IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))";

	/** An inspection of district B (the demo's, or one its office records in {@code districtBHasRecords}). */
	static long inspectionB(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM inspection WHERE region_id " + IN_B).query(Long.class).single();
	}

	static long newInspectionB(Ctx c) {
		return c.districtB().post("/api/inspections", inspectionJson(c.entityB(), c.userB())).expect(200).body()
			.get("inspection").get("id").asLong();
	}

	static long itemB(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM inspection_item WHERE region_id " + IN_B).query(Long.class).single();
	}

	static long planB(Ctx c) {
		return c.jdbc().sql("SELECT min(p.id) FROM inspection_plan p WHERE p.region_id " + IN_B
				+ " AND EXISTS (SELECT 1 FROM inspection_plan_entity x WHERE x.plan_id = p.id)").query(Long.class).single();
	}

	static long planRowB(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM inspection_plan_entity WHERE plan_id = :p").param("p", planB(c)).query(Long.class).single();
	}

	static long drawB(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM random_draw WHERE region_id " + IN_B).query(Long.class).single();
	}

	static long conflictB(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM inspection_conflict WHERE region_id " + IN_B).query(Long.class).single();
	}

	static String bulletinEdit() {
		return "{\"title\":\"关于2026年第一季度全市安全生产工作情况的通报\",\"issuer\":\"济南市安全生产委员会办公室\","
				+ "\"sections\":[{\"key\":\"goodPractice\",\"heading\":\"七、典型经验做法\",\"text\":\"矩阵测试\"}]}";
	}

	/** A draft bulletin of the city office (drafted if there is none). */
	static long bulletinDraft(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM bulletin WHERE state = 'DRAFT'").query(Long.class).optional()
			.orElseGet(() -> ApiClient.signedIn(c.port(), "city_office").post("/api/bulletins", "{\"year\":2026,\"quarter\":3}")
				.expect(200).body().get("id").asLong());
	}

	static String interviewJson(Long regionId) {
		return "{\"targetUnit\":\"某区应急局\",\"targetLeaders\":\"局长\",\"reason\":\"未按期完成整改\",\"links\":[],\"regionId\":%s}"
			.formatted(regionId);
	}

	/** An interview organised by district B's office (proposed if there is none yet). */
	static long interviewB(Ctx c) {
		return c.jdbc().sql("""
				SELECT min(i.id) FROM interview i WHERE i.state <> 'ARCHIVED' AND i.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				""").query(Long.class).optional().orElseGet(() -> c.districtB().post("/api/interviews", interviewJson(null))
					.expect(200).body().get("id").asLong());
	}

	static String accidentJson(long regionId, Long entityId) {
		return """
				{"regionId":%d,"occurredAt":"2026-03-02T02:00:00Z","place":"矩阵测试地点","entityId":%s,"industry":"IND016",
				 "level":"GENERAL","deaths":0,"injuries":1,"directLoss":5}
				""".formatted(regionId, entityId);
	}

	static String targetJson(long regionId) {
		return "{\"regionId\":%d,\"year\":2026,\"industry\":\"ALL\",\"metric\":\"DEATHS\",\"kind\":\"AT_MOST\",\"value\":3}".formatted(regionId);
	}

	/** An accident of district B (recorded by district B's office if there is none yet). */
	static long accidentB(Ctx c) {
		return c.jdbc().sql("""
				SELECT min(a.id) FROM accident a WHERE a.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				""").query(Long.class).optional().orElseGet(() -> c.districtB().post("/api/accidents", accidentJson(c.streetB(), null))
					.expect(200).body().get("id").asLong());
	}

	static String schemeJson(int year) {
		return """
				{"year":%d,"name":"矩阵测试考评方案","excellentThreshold":90,"passThreshold":60,"elements":[
				 {"code":"WORK","name":"重点工作","weight":80,"kind":"MANUAL"},
				 {"code":"ONTIME","name":"按期整改率","weight":20,"kind":"AUTO","statistic":"onTimeRate","low":0.5,"high":1}]}
				""".formatted(year);
	}

	/** The city's scheme of a year (created by the city office if there is none yet). */
	static long scheme(Ctx c, int year) {
		return c.jdbc().sql("""
				SELECT id FROM assessment_scheme WHERE year = :y AND quarter IS NULL
				  AND region_id = (SELECT id FROM region WHERE parent_id IS NULL)""").param("y", year).query(Long.class).optional()
			.orElseGet(() -> ApiClient.signedIn(c.port(), "city_office").post("/api/assessment/schemes", schemeJson(year)).expect(200)
				.body().get("scheme").get("id").asLong());
	}

	/** District B's own scheme of a year, for its streets. */
	static long districtScheme(Ctx c, int year) {
		return c.jdbc().sql("SELECT id FROM assessment_scheme WHERE year = :y AND region_id = :r").param("y", year)
			.param("r", c.regionB()).query(Long.class).optional()
			.orElseGet(() -> c.districtB().post("/api/assessment/schemes", schemeJson(year)).expect(200).body().get("scheme").get("id").asLong());
	}

	static long publishedScheme(Ctx c) {
		long id = scheme(c, 2047);
		var city = ApiClient.signedIn(c.port(), "city_office");
		if (!city.get("/api/assessment/schemes/" + id).expect(200).body().get("scheme").get("state").asString().equals("PUBLISHED")) {
			city.post("/api/assessment/schemes/" + id + "/score", null).expect(200);
			city.post("/api/assessment/schemes/" + id + "/publish", null).expect(200);
		}
		return id;
	}

	static long manualElement(Ctx c) {
		return c.jdbc().sql("SELECT id FROM assessment_element WHERE scheme_id = :s AND code = 'WORK'").param("s", scheme(c, 2045))
			.query(Long.class).single();
	}

	static String manualScorePath(Ctx c, long districtId) {
		return "/api/assessment/schemes/" + scheme(c, 2045) + "/manual-scores?elementId=" + manualElement(c)
				+ "&unitType=DISTRICT&unitId=" + districtId + "&score=70&note=matrix";
	}

	private static final Map<String, ApiClient> BUSINESSES = new java.util.concurrent.ConcurrentHashMap<>();

	/** A signed-in business account (one sign-in per account and server). */
	static ApiClient business(Ctx c, String username) {
		return BUSINESSES.computeIfAbsent(c.port() + username, k -> ApiClient.signedIn(c.port(), username));
	}

	static long entityOf(Ctx c, String username) {
		return c.jdbc().sql("SELECT entity_id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
	}

	static final String EVALUATION_SHEET = "{\"name\":\"矩阵评分表\",\"industries\":[],\"sections\":[{\"name\":\"安全管理\",\"items\":[{\"content\":\"责任制\",\"maxPoints\":100}]}]}";

	/** A full-marks evaluation of {@code entity} on the current general sheet. */
	static String evaluationJson(Ctx c, long entity) {
		long sheet = c.jdbc().sql("SELECT id FROM evaluation_sheet WHERE code = 'GENERAL' AND current").query(Long.class).single();
		List<String> scores = c.jdbc().sql("SELECT id, max_points FROM evaluation_sheet_item WHERE sheet_id = :s ORDER BY id")
			.param("s", sheet).query((rs, n) -> "{\"itemId\":" + rs.getLong(1) + ",\"score\":" + rs.getBigDecimal(2) + "}").list();
		return "{\"entityId\":" + entity + ",\"sheetId\":" + sheet + ",\"scores\":[" + String.join(",", scores) + "]}";
	}

	/** A record of shizhong_biz's dual prevention (the demo seed gives it risk points, measures and tasks). */
	static long preventionB(Ctx c, String table) {
		return c.jdbc().sql("SELECT min(id) FROM " + table + " WHERE entity_id = :e").param("e", entityOf(c, "shizhong_biz"))
			.query(Long.class).single();
	}

	/** A check of shizhong_biz's not yet recorded (the demo seed's, or a fresh one). */
	static long existingCheckB(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM check_instance WHERE entity_id = :e AND done_at IS NULL")
			.param("e", entityOf(c, "shizhong_biz")).query(Long.class).optional().orElseGet(() -> openCheckB(c));
	}

	/** A fresh open check of shizhong_biz's, due tomorrow. */
	static long openCheckB(Ctx c) {
		return c.jdbc().sql("""
				INSERT INTO check_instance (task_id, entity_id, region_id, period_start, shift_no, due_at)
				SELECT t.id, t.entity_id, t.region_id, CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date),
				  1000 + (SELECT count(*) FROM check_instance WHERE task_id = t.id), now() + interval '1 day'
				FROM check_task t WHERE t.id = (SELECT min(id) FROM check_task WHERE entity_id = :e) RETURNING id
				""").param("e", entityOf(c, "shizhong_biz")).query(Long.class).single();
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

	static String leadJson(long entityId, long departmentId) {
		return "{\"entityId\":%d,\"description\":\"矩阵测试线索\",\"receiverDepartmentId\":%d}".formatted(entityId, departmentId);
	}

	static String caseJson(long entityId) {
		return "{\"entityId\":%d,\"legalBasis\":\"《中华人民共和国安全生产法》第一百零二条\",\"facts\":\"矩阵测试案件\"}".formatted(entityId);
	}

	/** A case of district B (filed by district B's office if there is none yet). */
	static long caseB(Ctx c) {
		return c.jdbc().sql("SELECT min(id) FROM enforcement_case WHERE region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b)")
			.param("b", c.regionB()).query(Long.class).optional().orElseGet(() -> c.districtB().post("/api/cases", caseJson(c.entityB()))
				.expect(200).body().get("caseFile").get("id").asLong());
	}

	/** A fine of a decided, not yet executed case of district B (filed and decided if there is none yet). */
	static long fineB(Ctx c) {
		return c.jdbc().sql("""
				SELECT min(p.id) FROM case_penalty p JOIN enforcement_case x ON x.id = p.case_id
				WHERE p.kind = 'FINE' AND x.state = 'DECIDED' AND x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :b)
				""").param("b", c.regionB()).query(Long.class).optional().orElseGet(() -> {
					long id = c.districtB().post("/api/cases", caseJson(c.entityB())).expect(200).body().get("caseFile").get("id").asLong();
					return c.districtB().post("/api/cases/" + id + "/actions/decide", FINE_DECISION).expect(200).body()
						.get("penalties").get(0).get("id").asLong();
				});
	}

	/** A lead about a business of district B, sent by district B's office (made if there is none yet). */
	static long leadB(Ctx c) {
		return c.jdbc().sql("""
				SELECT min(l.id) FROM lead_transfer l WHERE l.sender_department_id IS NULL AND l.sender_region_id = :b
				""").param("b", c.regionB()).query(Long.class).optional().orElseGet(() -> c.districtB()
					.post("/api/leads", leadJson(c.entityB(), c.departmentB())).expect(200).body().get("id").asLong());
	}

	/** A hazard of district B (reported by district B's office if there is none yet). */
	static long hazardB(Ctx c) {
		return c.jdbc().sql("""
				SELECT min(h.id) FROM hazard h WHERE h.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				""").query(Long.class).optional().orElseGet(() -> c.districtB().post("/api/hazards", hazardJson(c.entityB()))
					.expect(200).body().get("id").asLong());
	}

	/** District B's latest 督办单 from its own office to 市中区应急管理局 (one exists: see {@link #districtBHasRecords}). */
	static long orderB(Ctx c) {
		return c.jdbc().sql("""
				SELECT max(o.id) FROM supervision_order o JOIN warning w ON w.id = o.warning_id
				WHERE w.subject_type = 'matrix' AND o.step_no = 1
				AND EXISTS (SELECT 1 FROM supervision_order_attachment x WHERE x.order_id = o.id)
				""")
			.query(Long.class).single();
	}

	static long taskB(Ctx c) {
		return c.jdbc().sql("SELECT max(t.id) FROM confirmation_task t JOIN warning w ON w.id = t.warning_id WHERE w.subject_type = 'matrix'")
			.query(Long.class).single();
	}

	/** The latest 通报 naming only units of district B. */
	static long noticeB(Ctx c) {
		return c.jdbc().sql("""
				SELECT max(n.id) FROM notice n WHERE NOT EXISTS (SELECT 1 FROM notice_entry e WHERE e.notice_id = n.id AND e.region_id NOT IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103')))
				""").query(Long.class).single();
	}

	/**
	 * A fresh 督办单 of 市中区's office to 市中区应急管理局: a licence warning of district B triggered long ago, so the
	 * engine climbs it at once through its district 督办, city 督办 and 通报 steps.
	 */
	static long freshOrderB(Ctx c) {
		long subject = System.nanoTime();
		long region = c.jdbc().sql("SELECT region_id FROM supervised_entity WHERE id = :e").param("e", c.entityB()).query(Long.class).single();
		c.engine().open(new cn.anjian.warning.Trigger(cn.anjian.warning.Trigger.Kind.LICENCE_EXPIRED,
				cn.anjian.warning.Trigger.OriginLevel.DISTRICT, "matrix", subject, c.entityB(), region, c.departmentB(), "矩阵测试督办",
				java.time.Instant.parse("2020-01-01T00:00:00Z")));
		return c.jdbc().sql("""
				SELECT o.id FROM supervision_order o JOIN warning w ON w.id = o.warning_id
				WHERE w.subject_type = 'matrix' AND w.subject_id = :s AND o.step_no = 1
				""").param("s", subject).query(Long.class).single();
	}

	/** A fresh confirmation task for 市中区应急管理局 (a suspected major hazard warning of district B). */
	static long freshTaskB(Ctx c) {
		long subject = System.nanoTime();
		long region = c.jdbc().sql("SELECT region_id FROM supervised_entity WHERE id = :e").param("e", c.entityB()).query(Long.class).single();
		c.engine().open(new cn.anjian.warning.Trigger(cn.anjian.warning.Trigger.Kind.SUSPECTED_MAJOR_HAZARD,
				cn.anjian.warning.Trigger.OriginLevel.DISTRICT, "matrix", subject, c.entityB(), region, c.departmentB(), "矩阵测试确认",
				java.time.Instant.parse("2020-01-01T00:00:00Z")));
		return c.jdbc().sql("""
				SELECT t.id FROM confirmation_task t JOIN warning w ON w.id = t.warning_id WHERE w.subject_type = 'matrix' AND w.subject_id = :s
				""").param("s", subject).query(Long.class).single();
	}

	/** District B's latest pending 通报 entry (the city office's to compile; the setup's first 督办 leaves one). */
	static long pendingEntryB(Ctx c) {
		return c.jdbc().sql("""
				SELECT max(e.id) FROM notice_entry e WHERE e.notice_id IS NULL AND e.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				""").query(Long.class).single();
	}

	/** A 通报 the city office issues naming only a unit of district B. */
	static long freshNoticeB(Ctx c) {
		freshOrderB(c);
		long entry = pendingEntryB(c);
		return ApiClient.signedIn(c.port(), "city_office").post("/api/notices", "{\"entryIds\":[" + entry + "]}").expect(200).body()
			.get("id").asLong();
	}

	/** The ladder in force, as the body that saves it again unchanged (a new version with the same steps). */
	static String currentLadder(Ctx c, String kind, String origin) {
		return c.jdbc().sql("""
				SELECT json_build_object('name', min(r.name), 'delayUnit', min(r.delay_unit), 'steps', json_agg(json_build_object(
				  'delayHours', s.delay_hours, 'screenLevel', s.screen_level, 'action', s.action, 'actingLevel', s.acting_level)
				  ORDER BY s.step_no))::text
				FROM warning_rule r JOIN warning_rule_step s ON s.rule_id = r.id WHERE r.trigger_kind = :k AND r.origin_level = :o AND r.active
				""").param("k", kind).param("o", origin).query(String.class).single();
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
				  UNION ALL SELECT 'rp' || p.id || p.name || coalesce(p.grade, '-') || p.active FROM risk_point p WHERE p.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'rf' || f.id || f.description || coalesce(f.grade, '-') FROM risk_factor f WHERE f.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'cm' || m.id || m.content || m.active FROM control_measure m WHERE m.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ct' || t.id || t.name || t.frequency || t.active FROM check_task t WHERE t.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ci' || i.id || coalesce(i.done_at::text, '-') || coalesce(i.photo_sha256, '-') FROM check_instance i WHERE i.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'sp' || x.id || x.is_current FROM site_plan x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'pl' || x.risk_point_id || x.x || x.y FROM risk_point_placement x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'cp' || x.id || x.name || x.end_date FROM campaign x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ct' || x.id || coalesce(x.done_at::text, '-') FROM campaign_task x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'dr' || x.id || x.slot_id FROM dispatch_report x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'hz' || h.id || h.state || h.level || h.version FROM hazard h WHERE h.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'lt' || l.id || l.state || l.receiver_department_id || l.version FROM lead_transfer l WHERE l.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'lh' || x.id || coalesce(x.outcome, '-') FROM lead_hop x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'la' || x.id FROM lead_attachment x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ec' || x.id || x.state || x.version FROM enforcement_case x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'cp' || x.id || x.current_amount FROM case_penalty x WHERE x.kind = 'FINE' AND x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'cc' || x.id FROM case_penalty_change x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'bl' || x.id || coalesce(x.removed_at::text, '-') FROM blacklist_entry x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'so' || o.id || o.state || coalesce(o.office_id, 0) || coalesce(o.reply_text, '-') FROM supervision_order o WHERE o.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'sa' || x.id FROM supervision_order_attachment x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ct' || t.id || t.state FROM confirmation_task t WHERE t.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ne' || e.id || coalesce(e.notice_id, 0) FROM notice_entry e WHERE e.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ha' || x.id FROM hazard_attachment x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'a' || a.id || a.department_id || coalesce(a.office_id, 0) || coalesce(a.ended_at::text, '-') FROM entity_assignment a WHERE a.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ac' || x.id || x.level || x.place || x.version FROM accident x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'tg' || x.id || x.value || x.kind FROM safety_target x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ms' || x.element_id || x.score || coalesce(x.evidence_sha256, '-') FROM assessment_manual_score x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'iv' || x.id || x.state || x.reason || x.version FROM interview x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'if' || x.id || coalesce(x.result, '-') FROM interview_follow_up x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'bl' || x.id || x.state || x.version FROM bulletin x
				  UNION ALL SELECT 'i' || i.id || i.user_id || coalesce(i.ended_at::text, '-') FROM entity_inspector i WHERE i.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'in' || i.id || coalesce(i.result, '-') || coalesce(i.findings, '-') || i.updated_at FROM inspection i WHERE i.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'it' || t.id || coalesce(t.outcome, '-') || coalesce(t.hazard_id, 0) FROM inspection_item t WHERE t.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'ip' || p.id FROM inspection_photo p WHERE p.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'pl' || p.id || p.name FROM inspection_plan p WHERE p.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'pe' || x.id || x.times_per_period || x.inspector_ids::text FROM inspection_plan_entity x WHERE x.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'dr' || d.id || d.published FROM random_draw d WHERE d.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				  UNION ALL SELECT 'cf' || f.id || f.reason FROM inspection_conflict f WHERE f.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = '370103'))
				) s
				""").query(String.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
