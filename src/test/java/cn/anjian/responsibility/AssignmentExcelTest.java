package cn.anjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.registry.UsccSamples;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Assignments through Excel: template, export, and an import that checks every row and reports it by Excel row. */
@AnjianTest
class AssignmentExcelTest {

	private static final String IMPORT = "/api/responsibility/assignments/import";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGoodFileCreatesAssignmentsAndTheSameFileAgainChangesNothing() throws IOException {
		var office = ApiClient.signedIn(port, "lixia_office");
		String first = entity(office, "历下导入甲有限公司", "370102001", "DISTRICT");
		String second = entity(office, "历下导入乙有限公司", "370102002", "DISTRICT");
		byte[] file = fill(office, List.of(
				row(first, "历下区应急管理局", "安全监管科", "行业监管", "lixia_yj_inspector"),
				row(second, "历下区市场监督管理局", "", "专项监管", "")));

		JsonNode result = office.upload(IMPORT, Map.of(), "分工.xlsx", file).expect(200).body();
		assertThat(counts(result)).isEqualTo("total=2 created=2 updated=0 unchanged=0 failed=0");
		assertThat(assignmentsOf(first)).containsExactly("历下区应急管理局/安全监管科/INDUSTRY_SUPERVISION/lixia_yj_inspector");
		assertThat(assignmentsOf(second)).containsExactly("历下区市场监督管理局/-/SPECIAL_SUPERVISION/-");

		String before = assignmentState();
		result = office.upload(IMPORT, Map.of("mode", "VALID_ONLY"), "分工.xlsx", file).expect(200).body();
		assertThat(counts(result)).isEqualTo("total=2 created=0 updated=0 unchanged=2 failed=0");
		assertThat(assignmentState()).as("assignments after importing the same file again").isEqualTo(before);

		byte[] moved = fill(office, List.of(row(first, "历下区应急管理局", "综合科", "行业监管", "lixia_yj_inspector")));
		assertThat(counts(office.upload(IMPORT, Map.of(), "分工.xlsx", moved).expect(200).body()))
			.isEqualTo("total=1 created=0 updated=1 unchanged=0 failed=0");
		assertThat(assignmentsOf(first)).containsExactly("历下区应急管理局/综合科/INDUSTRY_SUPERVISION/lixia_yj_inspector");
	}

	@Test
	void badRowsAreReportedByExcelRowAndNothingIsSavedUnlessOnlyValidRowsAreAsked() throws IOException {
		var office = ApiClient.signedIn(port, "lixia_office");
		String good = entity(office, "历下校验甲有限公司", "370102001", "DISTRICT");
		String alsoGood = entity(office, "历下校验乙有限公司", "370102003", "DISTRICT");
		String cityLevel = entity(office, "历下市级校验有限公司", "370102001", "CITY");
		String otherDistrict = entity(ApiClient.signedIn(port, "shizhong_office"), "市中校验有限公司", "370103001", "DISTRICT");
		List<List<String>> rows = new ArrayList<>(List.of(
				row(good, "历下区应急管理局", "", "行业监管", "lixia_yj_inspector"),        // row 2
				row("91370102MA3C8X1234", "历下区应急管理局", "", "行业监管", ""),         // 3: unknown USCC
				row(otherDistrict, "历下区应急管理局", "", "行业监管", ""),                // 4: another district's entity
				row(good, "市中区应急管理局", "", "专项监管", ""),                         // 5: department outside scope
				row(good, "历下区市场监督管理局", "", "行业监管", "lixia_yj_inspector"),   // 6: inspector of another department
				row(good, "历下区住房和城乡建设局", "", "胡乱类型", ""),                    // 7: type not in the dictionary
				row("", "", "", "", ""),                                                  // 8: blank, skipped
				row(cityLevel, "历下区应急管理局", "", "行业监管", ""),                    // 9: city-level entity
				row(alsoGood, "历下区住房和城乡建设局", "综合科", "行业主管", "")));        // 10
		byte[] file = fill(office, rows);

		var refused = office.upload(IMPORT, Map.of(), "分工.xlsx", file).expect(400);
		assertThat(refused.code()).isEqualTo("IMPORT_INVALID_ROWS");
		List<String> fields = new ArrayList<>();
		refused.body().get("details").forEach(d -> fields.add(d.get("field").asString()));
		assertThat(fields).containsExactly("3:统一社会信用代码", "4:统一社会信用代码", "5:监管部门",
				"6:监管人员账号（多个用、分隔）", "7:监管类型", "9:统一社会信用代码");
		assertThat(refused.raw()).contains("市级监管对象由市级进行分工").contains("胡乱类型");
		assertThat(assignmentsOf(good)).isEmpty();
		assertThat(assignmentsOf(alsoGood)).isEmpty();

		JsonNode result = office.upload(IMPORT, Map.of("mode", "VALID_ONLY"), "分工.xlsx", file).expect(200).body();
		assertThat(counts(result)).isEqualTo("total=8 created=2 updated=0 unchanged=0 failed=6");
		List<Integer> errorRows = new ArrayList<>();
		result.get("errors").forEach(e -> errorRows.add(e.get("row").asInt()));
		assertThat(errorRows).containsExactly(3, 4, 5, 6, 7, 9);
		assertThat(assignmentsOf(good)).containsExactly("历下区应急管理局/-/INDUSTRY_SUPERVISION/lixia_yj_inspector");
		assertThat(assignmentsOf(alsoGood)).containsExactly("历下区住房和城乡建设局/综合科/INDUSTRY_COMPETENT/-");
		assertThat(assignmentsOf(otherDistrict)).isEmpty();
		assertThat(assignmentsOf(cityLevel)).isEmpty();
	}

	@Test
	void theExportListsTheCallersAssignmentsInTheImportColumns() throws IOException {
		var office = ApiClient.signedIn(port, "lixia_office");
		String uscc = entity(office, "历下导出有限公司", "370102001", "DISTRICT");
		office.upload(IMPORT, Map.of(), "分工.xlsx", fill(office, List.of(row(uscc, "历下区应急管理局", "安全监管科", "行业监管",
				"lixia_yj_inspector")))).expect(200);

		List<List<String>> rows = rows(office.get("/api/responsibility/assignments/export.xlsx").expect(200).http().body());
		assertThat(rows.get(0)).startsWith("统一社会信用代码", "单位名称（仅供核对）", "监管部门");
		assertThat(rows).contains(List.of(uscc, "历下导出有限公司", "历下区应急管理局", "安全监管科", "行业监管", "lixia_yj_inspector"));
		assertThat(rows.stream().skip(1).map(r -> r.get(2))).allMatch(d -> d.startsWith("历下区"));
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'EXPORT' AND target_type = 'entity_assignment'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void aFileThatIsNotTheTemplateIsRefusedAsAWhole() throws IOException {
		var office = ApiClient.signedIn(port, "lixia_office");
		assertThat(office.upload(IMPORT, Map.of(), "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)).expect(400).raw())
			.contains("不是有效的 Excel");
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			workbook.createSheet("x").createRow(0).createCell(0).setCellValue("名称");
			workbook.write(out);
			assertThat(office.upload(IMPORT, Map.of(), "x.xlsx", out.toByteArray()).expect(400).raw()).contains("表头与模板不符");
		}
		office.upload(IMPORT, Map.of("mode", "SOMETIMES"), "x.xlsx", fill(office, List.of())).expect(400);
		List<List<String>> tooMany = java.util.Collections.nCopies(AssignmentSheet.MAX_ROWS + 1,
				row("91370102MA3C8X1234", "历下区应急管理局", "", "行业监管", ""));
		assertThat(office.upload(IMPORT, Map.of(), "x.xlsx", fill(office, tooMany)).expect(400).raw()).contains("每次最多导入5000行");
		ApiClient.signedIn(port, "lixia_street").get("/api/responsibility/assignments/template.xlsx").expect(403);
	}

	/** The template downloaded from the API with the rows written under its header. */
	private static byte[] fill(ApiClient client, List<List<String>> rows) throws IOException {
		byte[] template = client.get("/api/responsibility/assignments/template.xlsx").expect(200).http().body();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (!rows.get(r).get(c).isEmpty()) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static List<List<String>> rows(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> values = new ArrayList<>();
				for (int c = 0; c < 6; c++) {
					values.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
				}
				rows.add(values);
			}
		}
		return rows;
	}

	private static List<String> row(String uscc, String department, String office, String type, String inspectors) {
		return List.of(uscc, "", department, office, type, inspectors);
	}

	private static String counts(JsonNode result) {
		return "total=%d created=%d updated=%d unchanged=%d failed=%d".formatted(result.get("totalRows").asInt(),
				result.get("created").asInt(), result.get("updated").asInt(), result.get("unchanged").asInt(),
				result.get("failed").asInt());
	}

	/** Current assignments of the entity as department/office/type/inspector usernames. */
	private List<String> assignmentsOf(String uscc) {
		return jdbc.sql("""
				SELECT d.name || '/' || coalesce(o.name, '-') || '/' || a.supervision_type || '/' || coalesce((SELECT string_agg(u.username, '、' ORDER BY u.username)
				  FROM entity_inspector i JOIN app_user u ON u.id = i.user_id WHERE i.assignment_id = a.id AND i.ended_at IS NULL), '-')
				FROM entity_assignment a JOIN supervised_entity e ON e.id = a.entity_id JOIN department d ON d.id = a.department_id
				LEFT JOIN department_office o ON o.id = a.office_id WHERE e.uscc = :uscc AND a.ended_at IS NULL ORDER BY 1
				""").param("uscc", uscc).query(String.class).list();
	}

	private String assignmentState() {
		return jdbc.sql("""
				SELECT (SELECT string_agg(id || ':' || coalesce(office_id, 0) || ':' || coalesce(ended_at::text, '-'), ',' ORDER BY id) FROM entity_assignment)
				    || '|' || (SELECT string_agg(id || ':' || coalesce(ended_at::text, '-'), ',' ORDER BY id) FROM entity_inspector)
				""").query(String.class).single();
	}

	private String entity(ApiClient client, String name, String regionCode, String level) {
		long region = jdbc.sql("SELECT id FROM region WHERE code = :c").param("c", regionCode).query(Long.class).single();
		return client.post("/api/entities", """
				{"name":"%s","uscc":"%s","regionId":%d,"socialFunction":"ENTERPRISE","industry":"IND016",
				 "supervisionTypes":["INDUSTRY_SUPERVISION"],"supervisionLevel":"%s","staffCount":20}
				""".formatted(name, UsccSamples.next(), region, level)).expect(200).body().get("uscc").asString();
	}
}
