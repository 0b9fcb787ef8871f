package cn.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.support.EntitySheets;
import cn.anjian.support.Xlsx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Excel import and export of supervised entities over real HTTP: the template, the export's round trip, row errors
 * with the row numbers Excel shows, all-or-nothing and valid-only, the error report, and every kind of file that is
 * not the template (wrong header or sheet, merged cells, random bytes, an .xls, a zip bomb).
 */
@AnjianTest
class EntityExcelTest {

	static final List<String> TITLES = List.of("单位名称", "统一社会信用代码", "法定代表人", "法定代表人电话", "实际控制人",
			"实际控制人电话", "主要负责人", "主要负责人电话", "安全总监", "安全总监电话", "地址", "属地区划代码", "纬度", "经度",
			"从业人员数", "成立日期", "社会功能", "行业类型", "监管类型", "监管层级", "经营状态", "高危行业", "重大危险源",
			"重大危险源等级", "人员密集场所", "已投保安责险", "安责险保单号", "安责险有效期至", "强制双重预防（人工认定）");

	private static final String IMPORT = "/api/entities/import";
	private static final String VALID_ONLY = IMPORT + "?mode=VALID_ONLY";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient lixia;

	@BeforeEach
	void signIn() {
		lixia = ApiClient.signedIn(port, "lixia_office");
	}

	@Test
	void templateHasTheFormsColumnsDropDownsOfDictionaryLabelsAndInstructions() {
		var response = lixia.get("/api/entities/template.xlsx").expect(200);
		assertThat(response.http().headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		try (XSSFWorkbook book = Xlsx.read(response.bytes())) {
			assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
				.containsExactly("监管对象", "填写说明", "属地区划代码", "下拉选项");
			assertThat(book.isSheetHidden(3)).isTrue();
			XSSFSheet data = book.getSheet("监管对象");
			assertThat(Xlsx.texts(data.getRow(0))).containsExactlyElementsOf(TITLES);
			assertThat(data.getLastRowNum()).isZero();

			XSSFDataValidation social = validationOf(data, TITLES.indexOf("社会功能"));
			assertThat(social.getValidationConstraint().getFormula1()).isEqualTo("list_social_function");
			assertThat(book.getName("list_social_function").getRefersToFormula()).startsWith("'下拉选项'!$");
			List<String> listed = new ArrayList<>();
			book.getSheet("下拉选项").forEach(row -> listed.add(Xlsx.texts(row).get(0)));
			listed.removeIf(String::isEmpty);
			assertThat(listed).containsExactly("社会功能", "企业", "民办非企业", "社会团体", "事业单位", "九小场所");
			assertThat(validationOf(data, TITLES.indexOf("行业类型")).getValidationConstraint().getFormula1()).isEqualTo("list_industry");
			assertThat(validationOf(data, TITLES.indexOf("高危行业")).getValidationConstraint().getExplicitListValues())
				.containsExactly("是", "否");

			String notes = EntitySheets.text(response.bytes(), "填写说明");
			TITLES.forEach(title -> assertThat(notes).contains(title));
			assertThat(notes).contains("统一社会信用代码").contains("yyyy-MM-dd");
			String places = EntitySheets.text(response.bytes(), "属地区划代码");
			assertThat(places).contains("370102001").contains("解放路街道").doesNotContain("370103001");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void exportThenImportOfTheSameDataChangesNothing() {
		var export = lixia.get("/api/entities/export.xlsx").expect(200);
		long inDistrict = jdbc.sql("""
				SELECT count(*) FROM supervised_entity WHERE region_id IN (SELECT descendant_id FROM region_closure
				WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
				""").query(Long.class).single();
		long entities = count("SELECT count(*) FROM supervised_entity");
		long versions = count("SELECT sum(version) FROM supervised_entity");
		long changesLogged = count("SELECT count(*) FROM operation_log WHERE action IN ('IMPORT_UPDATE', 'IMPORT_CREATE')");

		JsonNode result = lixia.upload(IMPORT, "监管对象.xlsx", export.bytes()).expect(200).body();

		assertThat(result.get("totalRows").asLong()).isEqualTo(inDistrict).isPositive();
		assertThat(result.get("unchanged").asLong()).isEqualTo(inDistrict);
		assertThat(List.of(result.get("created").asInt(), result.get("updated").asInt(), result.get("failed").asInt()))
			.containsOnly(0);
		assertThat(result.get("reportId").isNull()).isTrue();
		assertThat(count("SELECT count(*) FROM supervised_entity")).isEqualTo(entities);
		assertThat(count("SELECT sum(version) FROM supervised_entity")).isEqualTo(versions);
		assertThat(count("SELECT count(*) FROM operation_log WHERE action IN ('IMPORT_UPDATE', 'IMPORT_CREATE')"))
			.isEqualTo(changesLogged);
		assertThat(count("SELECT count(*) FROM operation_log WHERE action = 'EXPORT' AND target_type = 'supervised_entity'"))
			.isPositive();
	}

	@Test
	void anEditedExportImportsAsUpdatesWithoutDuplicatesAndShowsInTheHistory() throws IOException {
		byte[] edited;
		String uscc;
		try (XSSFWorkbook book = Xlsx.read(lixia.get("/api/entities/export.xlsx").expect(200).bytes())) {
			Sheet data = book.getSheet("监管对象");
			uscc = data.getRow(1).getCell(TITLES.indexOf("统一社会信用代码")).getStringCellValue();
			// a fresh cell: POI, unlike Excel, keeps the old inline string beside a new value set on a streamed cell
			Row first = data.getRow(1);
			first.removeCell(first.getCell(TITLES.indexOf("单位名称")));
			first.createCell(TITLES.indexOf("单位名称")).setCellValue("历下改名后的有限公司");
			data.getRow(2).getCell(TITLES.indexOf("从业人员数")).setCellValue(4321);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			edited = out.toByteArray();
		}
		long entities = count("SELECT count(*) FROM supervised_entity");

		JsonNode result = lixia.upload(IMPORT, "edited.xlsx", edited).expect(200).body();

		assertThat(result.get("updated").asInt()).isEqualTo(2);
		assertThat(result.get("created").asInt()).isZero();
		assertThat(result.get("unchanged").asInt()).isEqualTo(result.get("totalRows").asInt() - 2);
		assertThat(count("SELECT count(*) FROM supervised_entity")).isEqualTo(entities);
		long id = jdbc.sql("SELECT id FROM supervised_entity WHERE uscc = :u AND name = '历下改名后的有限公司'").param("u", uscc)
			.query(Long.class).single();
		JsonNode latest = lixia.get("/api/entities/" + id + "/history").expect(200).body().get(0);
		assertThat(latest.get("action").asString()).isEqualTo("IMPORT_UPDATE");
		assertThat(latest.get("changes").toString()).contains("\"field\":\"name\"").contains("历下改名后的有限公司");
	}

	@Test
	void reimportingTheSameFileUpdatesByUsccInsteadOfDuplicating() {
		String a = uscc();
		String b = uscc();
		byte[] first = workbook().row(2, good(a)).row(3, good(b)).bytes();
		JsonNode created = lixia.upload(IMPORT, "a.xlsx", first).expect(200).body();
		assertThat(created.get("created").asInt()).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM operation_log WHERE action = 'IMPORT_CREATE' AND after->>'uscc' IN ('" + a
				+ "', '" + b + "')")).isEqualTo(2);

		JsonNode again = lixia.upload(IMPORT, "a.xlsx", first).expect(200).body();
		assertThat(again.get("unchanged").asInt()).isEqualTo(2);
		assertThat(again.get("created").asInt()).isZero();

		byte[] changed = workbook().row(2, good(a)).row(3, with(good(b), "法定代表人电话", "13912345678")).bytes();
		JsonNode updated = lixia.upload(IMPORT, "a.xlsx", changed).expect(200).body();
		assertThat(List.of(updated.get("updated").asInt(), updated.get("unchanged").asInt())).containsExactly(1, 1);
		assertThat(count("SELECT count(*) FROM supervised_entity WHERE uscc IN ('" + a + "', '" + b + "')")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM operation_log WHERE action = 'IMPORT' AND target_type = 'entity_import'"))
			.isGreaterThanOrEqualTo(3);
	}

	@Test
	void allOrNothingSavesNoneAndReportsEachBadRowByTheRowNumberExcelShows() throws IOException {
		List<String> good = List.of(uscc(), uscc(), uscc(), uscc());
		byte[] file = withThreeBadRowsAndBlankRows(good);

		var refused = lixia.upload(IMPORT, "三处错误.xlsx", file).expect(400);

		assertThat(refused.code()).isEqualTo("IMPORT_INVALID_ROWS");
		assertThat(refused.body().get("message").asString()).startsWith("第5行").endsWith("等3处错误，未导入任何数据");
		List<String> fields = new ArrayList<>();
		refused.body().get("details").forEach(d -> fields.add(d.get("field").asString()));
		assertThat(fields).containsExactly("5:统一社会信用代码", "9:从业人员数", "10:行业类型");
		assertThat(refused.body().get("totalRows").asInt()).isEqualTo(7);
		assertThat(count("SELECT count(*) FROM supervised_entity WHERE uscc IN ('" + String.join("','", good) + "')")).isZero();

		long reportId = refused.body().get("reportId").asLong();
		try (XSSFWorkbook report = Xlsx.read(lixia.get("/api/entities/import/" + reportId + "/report.xlsx").expect(200).bytes())) {
			Sheet data = report.getSheet("监管对象");
			int errorColumn = TITLES.size();
			assertThat(Xlsx.texts(data.getRow(0)).get(errorColumn)).isEqualTo("错误信息");
			assertThat(data.getRow(1).getCell(errorColumn)).isNull();
			assertThat(data.getRow(3)).isNull();
			assertThat(data.getRow(4).getCell(errorColumn).getStringCellValue()).contains("校验位");
			assertThat(data.getRow(8).getCell(errorColumn).getStringCellValue()).contains("从业人员数须为整数");
			assertThat(data.getRow(9).getCell(errorColumn).getStringCellValue()).contains("行业类型");
			assertThat(data.getRow(10).getCell(0).getStringCellValue()).startsWith("历下测试");
		}
		ApiClient.signedIn(port, "lixia_street").get("/api/entities/import/" + reportId + "/report.xlsx").expect(404);
		ApiClient.signedIn(port, "shizhong_office").get("/api/entities/import/" + reportId + "/report.xlsx").expect(404);
	}

	@Test
	void validOnlySavesTheValidRowsAndReportsTheOthers() {
		List<String> good = List.of(uscc(), uscc(), uscc(), uscc());

		JsonNode result = lixia.upload(VALID_ONLY, "三处错误.xlsx", withThreeBadRowsAndBlankRows(good)).expect(200).body();

		assertThat(result.get("mode").asString()).isEqualTo("VALID_ONLY");
		assertThat(List.of(result.get("totalRows").asInt(), result.get("validRows").asInt(), result.get("created").asInt(),
				result.get("failed").asInt())).containsExactly(7, 4, 4, 3);
		List<Integer> rows = new ArrayList<>();
		result.get("errors").forEach(e -> rows.add(e.get("row").asInt()));
		assertThat(rows).containsExactly(5, 9, 10);
		assertThat(result.get("errors").get(1).get("column").asString()).isEqualTo("从业人员数");
		assertThat(result.get("errors").get(1).get("field").asString()).isEqualTo("staffCount");
		assertThat(result.get("reportId").isNumber()).isTrue();
		assertThat(count("SELECT count(*) FROM supervised_entity WHERE uscc IN ('" + String.join("','", good) + "')")).isEqualTo(4);
	}

	@Test
	void aUsccTwiceInOneFileFailsTheLaterRows() {
		String twice = uscc();

		JsonNode result = lixia.upload(VALID_ONLY, "dup.xlsx", workbook().row(2, good(twice))
			.row(3, with(good(twice), "单位名称", "重复的单位")).row(4, good(twice)).bytes()).expect(200).body();

		assertThat(result.get("created").asInt()).isEqualTo(1);
		assertThat(result.get("failed").asInt()).isEqualTo(2);
		assertThat(result.get("errors").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(result.get("errors").get(0).get("message").asString()).contains("与第2行重复");
		assertThat(result.get("errors").get(1).get("row").asInt()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT name FROM supervised_entity WHERE uscc = :u").param("u", twice).query(String.class).single())
			.startsWith("历下测试");
	}

	@Test
	void aUsccRegisteredInAnotherDistrictIsRefusedWithoutRevealingIt() {
		Map<String, Object> other = jdbc.sql("""
				SELECT e.uscc, e.name, e.version FROM supervised_entity e JOIN region r ON r.id = e.region_id
				WHERE r.code LIKE '370103%' ORDER BY e.id LIMIT 1
				""").query().singleRow();
		String uscc = ((String) other.get("uscc")).trim();

		var refused = lixia.upload(IMPORT, "other.xlsx", workbook().row(2, good(uscc)).bytes()).expect(400);

		assertThat(refused.body().get("details").get(0).get("field").asString()).isEqualTo("2:统一社会信用代码");
		assertThat(refused.body().get("details").get(0).get("message").asString()).contains("已由其他辖区登记");
		assertThat(refused.raw()).doesNotContain((String) other.get("name")).doesNotContain("市中区");
		assertThat(jdbc.sql("SELECT version FROM supervised_entity WHERE uscc = :u").param("u", uscc).query(Integer.class).single())
			.isEqualTo(other.get("version"));
	}

	@Test
	void aHeaderOtherThanTheTemplatesIsRefusedNamingTheColumn() {
		List<String> renamed = new ArrayList<>(TITLES);
		renamed.set(2, "法人");
		var response = lixia.upload(IMPORT, "h.xlsx", Xlsx.sheet("监管对象").header(renamed).row(2, List.of("x")).bytes()).expect(400);
		assertThat(response.code()).isEqualTo("IMPORT_BAD_HEADER");
		assertThat(response.body().get("message").asString()).contains("第C列“法人”不是模板中的列");
		assertThat(response.raw()).contains("缺少列“法定代表人”");

		List<String> missing = new ArrayList<>(TITLES);
		missing.remove("经营状态");
		assertThat(lixia.upload(IMPORT, "h.xlsx", Xlsx.sheet("监管对象").header(missing).bytes()).expect(400).raw())
			.contains("IMPORT_BAD_HEADER").contains("缺少列“经营状态”");

		List<String> extra = new ArrayList<>(TITLES);
		extra.add("备注");
		assertThat(lixia.upload(IMPORT, "h.xlsx", Xlsx.sheet("监管对象").header(extra).bytes()).expect(400).raw())
			.contains("IMPORT_BAD_HEADER").contains("第AD列“备注”不是模板中的列");
	}

	@Test
	void aWorkbookWithoutTheEntitySheetIsRefused() {
		var response = lixia.upload(IMPORT, "s.xlsx", Xlsx.sheet("Sheet1").header(TITLES).row(2, List.of("x")).bytes()).expect(400);
		assertThat(response.code()).isEqualTo("IMPORT_BAD_SHEET");
		assertThat(response.body().get("message").asString()).contains("监管对象").contains("Sheet1");
	}

	@Test
	void mergedCellsInTheDataAreRefusedNamingTheRangeAndNothingIsSaved() {
		String first = uscc();
		byte[] file = workbook().row(2, good(first)).row(3, good(uscc())).merge("K3:L3").bytes();

		var response = lixia.upload(VALID_ONLY, "m.xlsx", file).expect(400);

		assertThat(response.code()).isEqualTo("IMPORT_MERGED_CELLS");
		assertThat(response.body().get("message").asString()).contains("K3:L3");
		assertThat(count("SELECT count(*) FROM supervised_entity WHERE uscc = '" + first + "'")).isZero();
	}

	@Test
	void textInTheStaffCountColumnIsARowError() {
		var response = lixia.upload(IMPORT, "t.xlsx", workbook().row(2, with(good(uscc()), "从业人员数", "二十人")).bytes())
			.expect(400);
		assertThat(response.body().get("details").get(0).get("field").asString()).isEqualTo("2:从业人员数");
		assertThat(response.body().get("details").get(0).get("message").asString()).contains("须为整数").contains("二十人");
	}

	@Test
	void aRowWithOnlyANameReportsEveryMissingRequiredColumn() {
		var response = lixia.upload(IMPORT, "n.xlsx", workbook().row(2, Map.of("单位名称", "只有名称的单位")).bytes()).expect(400);
		List<String> fields = new ArrayList<>();
		response.body().get("details").forEach(d -> fields.add(d.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("2:统一社会信用代码", "2:社会功能", "2:行业类型", "2:监管层级", "2:属地区划代码");
	}

	@Test
	void theErrorReportImportsAgainOnceCorrected() throws IOException {
		String good = uscc();
		String fixed = uscc();
		JsonNode first = lixia.upload(VALID_ONLY, "r.xlsx", workbook().row(2, good(good))
			.row(4, with(good(fixed), "从业人员数", "十二")).bytes()).expect(200).body();
		byte[] corrected;
		try (XSSFWorkbook report = Xlsx.read(lixia.get("/api/entities/import/" + first.get("reportId").asLong() + "/report.xlsx")
			.expect(200).bytes())) {
			Row bad = report.getSheet("监管对象").getRow(3);
			bad.removeCell(bad.getCell(TITLES.indexOf("从业人员数")));
			bad.createCell(TITLES.indexOf("从业人员数")).setCellValue(12);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			report.write(out);
			corrected = out.toByteArray();
		}

		JsonNode again = lixia.upload(IMPORT, "r.xlsx", corrected).expect(200).body();

		assertThat(List.of(again.get("created").asInt(), again.get("unchanged").asInt())).containsExactly(1, 1);
		assertThat(count("SELECT staff_count FROM supervised_entity WHERE uscc = '" + fixed + "'")).isEqualTo(12);
	}

	@Test
	void randomBytesACsvAndAnXlsAreRefusedAsUnreadable() throws IOException {
		byte[] random = new byte[10 * 1024 * 1024];
		new Random(7).nextBytes(random);
		var response = lixia.upload(IMPORT, "random.xlsx", random).expect(400);
		assertThat(response.code()).isEqualTo("IMPORT_UNREADABLE");
		assertThat(response.body().get("message").asString()).contains(".xlsx");

		byte[] csv = (String.join(",", TITLES) + "\n测试,91370102MA00000001\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(lixia.upload(IMPORT, "renamed.xlsx", csv).expect(400).code()).isEqualTo("IMPORT_UNREADABLE");

		try (HSSFWorkbook xls = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			xls.createSheet("监管对象").createRow(0).createCell(0).setCellValue("单位名称");
			xls.write(out);
			var old = lixia.upload(IMPORT, "old.xlsx", out.toByteArray()).expect(400);
			assertThat(old.code()).isEqualTo("IMPORT_UNREADABLE");
			assertThat(old.body().get("message").asString()).contains(".xls");
		}
	}

	@Test
	void aZipBombIsRefusedAsUnreadable() throws IOException {
		byte[] bomb = zipBomb(workbook().row(2, good(uscc())).bytes(), 200 * 1024 * 1024);
		assertThat(bomb.length).isLessThan(1024 * 1024);

		var response = lixia.upload(IMPORT, "bomb.xlsx", bomb).expect(400);

		assertThat(response.code()).isEqualTo("IMPORT_UNREADABLE");
		assertThat(response.body().get("message").asString()).contains("压缩炸弹");
	}

	@Test
	void businessUsersCannotImport() {
		long entity = count("SELECT min(e.id) FROM supervised_entity e JOIN region r ON r.id = e.region_id WHERE r.code LIKE '370102%'");
		ApiClient.signedIn(port, "admin").post("/api/users", """
				{"username":"excel_biz","displayName":"企业安全员","roleCodes":["BUSINESS_MANAGER"],"entityId":%d,
				 "initialPassword":"Initial#Pass2026"}""".formatted(entity)).expect(200);
		jdbc.sql("UPDATE app_user SET must_change_password = false WHERE username = 'excel_biz'").update();
		ApiClient business = new ApiClient(port);
		business.login("excel_biz", "Initial#Pass2026").expect(200);
		assertThat(business.upload(IMPORT, "b.xlsx", workbook().row(2, good(uscc())).bytes()).expect(403).code())
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void theExportFollowsTheListsFilters() throws IOException {
		try (XSSFWorkbook book = Xlsx.read(lixia.get("/api/entities/export.xlsx?industry=IND074").expect(200).bytes())) {
			Sheet data = book.getSheet("监管对象");
			assertThat(data.getLastRowNum()).isPositive();
			for (int i = 1; i <= data.getLastRowNum(); i++) {
				assertThat(data.getRow(i).getCell(TITLES.indexOf("行业类型")).getStringCellValue()).isEqualTo("小餐饮");
				assertThat(data.getRow(i).getCell(TITLES.indexOf("属地区划代码")).getStringCellValue()).startsWith("370102");
			}
		}
	}

	// ---------------------------------------------------------------------------------------------------------------

	/** Rows 2, 3, 6, 11 good; 5 a wrong check digit, 9 text for the staff count, 10 an unknown industry; 4, 7, 8 blank. */
	private byte[] withThreeBadRowsAndBlankRows(List<String> good) {
		String valid = uscc();
		String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		return workbook().row(2, good(good.get(0)))
			.row(3, good(good.get(1)))
			.row(4, List.of("", " "))
			.row(5, good(wrongCheckDigit))
			.row(6, good(good.get(2)))
			.row(9, with(good(uscc()), "从业人员数", "十二"))
			.row(10, with(good(uscc()), "行业类型", "不存在的行业"))
			.row(11, good(good.get(3)))
			.bytes();
	}

	static Xlsx workbook() {
		return Xlsx.sheet("监管对象").header(TITLES);
	}

	static String uscc() {
		return EntitySheets.uscc("370102");
	}

	/** A valid row for a business in 解放路街道 (历下区). */
	static Map<String, String> good(String uscc) {
		return with(EntitySheets.row(uscc, "370102001"), "单位名称", "历下测试机械有限公司" + uscc.substring(12));
	}

	static Map<String, String> with(Map<String, String> row, String title, String value) {
		Map<String, String> changed = new HashMap<>(row);
		changed.put(title, value);
		return changed;
	}

	/** A real workbook whose first sheet is replaced by a few hundred MB of one repeated character, deflated. */
	static byte[] zipBomb(byte[] xlsx, int size) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					zip.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".getBytes());
					byte[] block = new byte[1024 * 1024];
					java.util.Arrays.fill(block, (byte) 'A');
					for (int written = 0; written < size; written += block.length) {
						zip.write(block);
					}
					zip.write("</t></is></c></row></sheetData></worksheet>".getBytes());
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static XSSFDataValidation validationOf(XSSFSheet sheet, int column) {
		return sheet.getDataValidations().stream()
			.filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == column)
			.findFirst().orElseThrow(() -> new AssertionError("no drop-down on column " + column));
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
