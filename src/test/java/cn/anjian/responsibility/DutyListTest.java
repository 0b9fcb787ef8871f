package cn.anjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 三管三必须 and 权责清单: governments' leaders, lead offices, duties, and the department responsibility list. */
@AnjianTest
class DutyListTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDistrictOfficeNamesItsGovernmentsLeadersButNotAnotherDistricts() {
		var office = ApiClient.signedIn(port, "lixia_office");
		String path = "/api/responsibility/regions/" + region("370102") + "/role-holders";
		long mayor = office.post(path, leader("FIRST_RESPONSIBLE", "赵区长", "2024-01-01")).expect(200).body().get("id").asLong();
		office.put(path + "/" + mayor, leader("FIRST_RESPONSIBLE", "赵区长", "2024-02-01")).expect(200);
		assertThat(office.get(path).expect(200).raw()).contains("赵区长").contains("2024-02-01").contains("安全生产第一责任人");
		office.post("/api/responsibility/regions/" + region("370102001") + "/role-holders", leader("IN_CHARGE", "钱主任", null))
			.expect(200);

		String foreign = "/api/responsibility/regions/" + region("370103") + "/role-holders";
		assertThat(office.post(foreign, leader("IN_CHARGE", "越权", null)).expect(404).code()).isEqualTo("NOT_FOUND");
		office.get(foreign).expect(404);
		office.post("/api/responsibility/regions/" + region("370102001001") + "/role-holders", leader("IN_CHARGE", "网格", null))
			.expect(404);
		var departmentLeader = ApiClient.signedIn(port, "lixia_yj_leader");
		departmentLeader.get(path).expect(200);
		departmentLeader.post(path, leader("IN_CHARGE", "部门越权", null)).expect(403);

		office.delete(path + "/" + mayor).expect(204);
		assertThat(office.get(path).raw()).doesNotContain("赵区长");
		assertThat(jdbc.sql("SELECT count(*) FROM region_role_holder WHERE name IN ('越权', '网格', '部门越权')")
			.query(Long.class).single()).isZero();
	}

	@Test
	void dutiesOfADepartmentItsOfficesAndLeadersStayWithinScope() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long department = department("历下区应急管理局");
		long leader = id("SELECT min(id) FROM department_role_holder WHERE department_id = " + department);
		long duty = office.post("/api/responsibility/duties", duty("DEPARTMENT", department, "统筹全区安全生产综合监管"))
			.expect(200).body().get("id").asLong();
		office.post("/api/responsibility/duties", duty("ROLE_HOLDER", leader, "全面负责本部门安全生产")).expect(200);
		office.put("/api/responsibility/duties/" + duty, "{\"content\":\"统筹协调全区安全生产\",\"legalBasis\":\"《安全生产法》第十条\"}")
			.expect(200);
		assertThat(office.get("/api/responsibility/duties?ownerType=DEPARTMENT&ownerId=" + department).expect(200).raw())
			.contains("统筹协调全区安全生产").contains("第十条");

		long foreign = department("市中区应急管理局");
		office.post("/api/responsibility/duties", duty("DEPARTMENT", foreign, "越权")).expect(404);
		office.get("/api/responsibility/duties?ownerType=DEPARTMENT&ownerId=" + foreign).expect(404);
		long foreignDuty = ApiClient.signedIn(port, "shizhong_office")
			.post("/api/responsibility/duties", duty("DEPARTMENT", foreign, "市中区职责")).expect(200).body().get("id").asLong();
		office.put("/api/responsibility/duties/" + foreignDuty, "{\"content\":\"被改\"}").expect(404);
		office.delete("/api/responsibility/duties/" + foreignDuty).expect(404);

		var departmentLeader = ApiClient.signedIn(port, "lixia_yj_leader");
		departmentLeader.post("/api/responsibility/duties", duty("DEPARTMENT", department, "本部门自填")).expect(200);
		departmentLeader.post("/api/responsibility/duties", duty("DEPARTMENT", department("历下区住房和城乡建设局"), "别的部门"))
			.expect(404);
		office.delete("/api/responsibility/duties/" + duty).expect(204);
		assertThat(jdbc.sql("SELECT content FROM duty_item WHERE id = :id").param("id", foreignDuty).query(String.class).single())
			.isEqualTo("市中区职责");
	}

	@Test
	void aDepartmentHasOneLeadOfficeAtMost() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long department = department("历下区市场监督管理局");
		List<Long> offices = jdbc.sql("SELECT id FROM department_office WHERE department_id = :d ORDER BY id")
			.param("d", department).query(Long.class).list();
		String path = "/api/responsibility/departments/" + department + "/offices/";
		office.put(path + offices.get(0), "{\"lead\":true,\"workShare\":\"牵头协调\"}").expect(200);
		var second = office.put(path + offices.get(1), "{\"lead\":true,\"workShare\":\"牵头协调（调整后）\"}").expect(200).body();
		assertThat(second.get("lead").asBoolean()).isTrue();
		assertThat(jdbc.sql("SELECT id FROM department_office WHERE department_id = :d AND lead").param("d", department)
			.query(Long.class).list()).containsExactly(offices.get(1));
		assertThatThrownBy(() -> jdbc.sql("UPDATE department_office SET lead = true WHERE department_id = :d")
			.param("d", department).update()).isInstanceOf(DataIntegrityViolationException.class);
		office.put("/api/responsibility/departments/" + department("市中区市场监督管理局") + "/offices/" + offices.get(0),
				"{\"lead\":true}").expect(404);
	}

	@Test
	void theResponsibilityListXlsxNamesTheLeadersOfficesAndDuties() throws IOException {
		var office = ApiClient.signedIn(port, "lixia_office");
		long department = department("历下区住房和城乡建设局");
		long lead = id("SELECT min(id) FROM department_office WHERE department_id = " + department);
		long leader = id("SELECT min(id) FROM department_role_holder WHERE department_id = " + department + " AND role = 'FIRST_RESPONSIBLE'");
		office.put("/api/responsibility/departments/" + department + "/offices/" + lead, "{\"lead\":true,\"workShare\":\"牵头建筑施工安全\"}")
			.expect(200);
		office.post("/api/responsibility/duties", duty("DEPARTMENT", department, "负责建筑施工安全监管")).expect(200);
		office.post("/api/responsibility/duties", duty("ROLE_HOLDER", leader, "主持本部门安全生产工作")).expect(200);
		office.post("/api/responsibility/duties", duty("OFFICE", lead, "组织建筑工地安全检查")).expect(200);

		var response = office.get("/api/responsibility/departments/" + department + "/list.xlsx").expect(200);
		String cells = String.join("|", cells(response.http().body()));
		String leaderName = jdbc.sql("SELECT name FROM department_role_holder WHERE id = :id").param("id", leader)
			.query(String.class).single();
		assertThat(cells).contains("历下区住房和城乡建设局安全生产责任清单", "安全生产第一责任人", leaderName, "分管责任人",
				"牵头处（科）室", "牵头建筑施工安全", "负责建筑施工安全监管", "主持本部门安全生产工作", "组织建筑工地安全检查",
				"《中华人民共和国安全生产法》");
		assertThat(jdbc.sql("SELECT count(*) FROM operation_log WHERE action = 'EXPORT' AND target_type = 'department' AND target_id = :id")
			.param("id", String.valueOf(department)).query(Long.class).single()).isPositive();
		office.get("/api/responsibility/departments/" + department("市中区住房和城乡建设局") + "/list.xlsx").expect(404);
	}

	@Test
	void theResponsibilityListPdfCarriesTheDepartmentName() throws IOException {
		var office = ApiClient.signedIn(port, "shizhong_office");
		long department = department("市中区应急管理局");
		office.post("/api/responsibility/duties", duty("DEPARTMENT", department, "负责危险化学品安全监管")).expect(200);
		var response = office.get("/api/responsibility/departments/" + department + "/list.pdf").expect(200);
		byte[] pdf = response.http().body();
		assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		String text = textOfFirstPage(pdf);
		assertThat(text).contains("市中区应急管理局").contains("负责危险化学品安全监管");
		ApiClient.signedIn(port, "lixia_office").get("/api/responsibility/departments/" + department + "/list.pdf").expect(404);
	}

	/**
	 * The strings shown on page 1. OpenPDF's own extractor cannot map the standard CJK font back to text, but its
	 * UniGB-UCS2-H encoding is UTF-16BE, so the shown strings decode directly.
	 */
	private static String textOfFirstPage(byte[] pdf) throws IOException {
		StringBuilder text = new StringBuilder();
		PRTokeniser tokens = new PRTokeniser(new PdfReader(pdf).getPageContent(1));
		while (tokens.nextToken()) {
			if (tokens.getTokenType() == PRTokeniser.TK_STRING) {
				text.append(new String(tokens.getStringValue().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_16BE));
			}
		}
		return text.toString();
	}

	private static List<String> cells(byte[] xlsx) throws IOException {
		List<String> values = new ArrayList<>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					values.add(cell.getStringCellValue());
				}
			}
		}
		return values;
	}

	private static String leader(String role, String name, String termFrom) {
		return "{\"role\":\"%s\",\"name\":\"%s\",\"title\":\"区长\",\"termFrom\":%s}".formatted(role, name,
				termFrom == null ? "null" : "\"" + termFrom + "\"");
	}

	private static String duty(String ownerType, long ownerId, String content) {
		return "{\"ownerType\":\"%s\",\"ownerId\":%d,\"content\":\"%s\",\"legalBasis\":\"《中华人民共和国安全生产法》第九条\"}"
			.formatted(ownerType, ownerId, content);
	}

	private long department(String name) {
		return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
	}

	private long region(String code) {
		return id("SELECT id FROM region WHERE code = '" + code + "'");
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
