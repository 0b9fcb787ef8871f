package cn.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.files.SampleFiles;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/**
 * Safety-management documents (安全管理文件) of an entity: versions kept and downloadable byte for byte, only
 * recognised document types accepted, every change in the entity's history, and nobody outside the entity's
 * scope able to list, upload or download.
 */
@AnjianTest
class EntityDocumentTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Value("${anjian.files.max-size}")
	DataSize maxSize;

	@Test
	void anUploadedPdfIsListedAndDownloadsByteForByteUnderItsChineseName() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102");
		byte[] pdf = SampleFiles.pdf("应急预案 " + System.nanoTime());
		JsonNode created = upload(office, entity, "EMERGENCY_PLAN", "综合应急预案", "综合应急预案（2026版）.pdf", pdf).expect(200).body();
		assertThat(created.get("typeLabel").asString()).isEqualTo("应急预案");
		assertThat(created.get("versionCount").asInt()).isEqualTo(1);
		assertThat(created.get("current").get("sha256").asString()).isEqualTo(sha256(pdf));
		assertThat(created.get("current").get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(created.get("current").get("uploadedByName").asString()).isNotBlank();

		JsonNode listed = office.get("/api/entities/" + entity + "/documents").expect(200).body();
		assertThat(listed.findValuesAsString("title")).contains("综合应急预案");

		var download = office.get(content(entity, created.get("id").asLong(), 1)).expect(200);
		assertThat(download.http().body()).isEqualTo(pdf);
		assertThat(sha256(download.http().body())).isEqualTo(created.get("current").get("sha256").asString());
		var headers = download.http().headers();
		assertThat(headers.firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(headers.firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
		assertThat(headers.firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("filename*=UTF-8''" + URLEncoder.encode("综合应急预案（2026版）.pdf", StandardCharsets.UTF_8));
	}

	@Test
	void aNewVersionIncrementsTheVersionNumberAndEveryVersionStaysDownloadable() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102");
		byte[] first = SampleFiles.pdf("v1 " + System.nanoTime());
		byte[] second = SampleFiles.docx();
		long document = upload(office, entity, "RULES", "安全生产管理制度", "制度.pdf", first).expect(200).body().get("id").asLong();
		JsonNode updated = office.upload("/api/entities/" + entity + "/documents/" + document + "/versions", Map.of(),
				"制度（修订）.docx", second).expect(200).body();
		assertThat(updated.get("versionCount").asInt()).isEqualTo(2);
		assertThat(updated.get("current").get("versionNo").asInt()).isEqualTo(2);
		assertThat(updated.get("current").get("fileName").asString()).isEqualTo("制度（修订）.docx");

		JsonNode versions = office.get("/api/entities/" + entity + "/documents/" + document + "/versions").expect(200).body();
		assertThat(versions.findValues("versionNo")).extracting(JsonNode::asInt).containsExactly(2, 1);
		assertThat(office.get(content(entity, document, 1)).expect(200).http().body()).isEqualTo(first);
		assertThat(office.get(content(entity, document, 2)).expect(200).http().body()).isEqualTo(second);
		office.get(content(entity, document, 3)).expect(404);
	}

	@Test
	void anExecutableOrAWebPageRenamedPdfIsRefused() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102");
		long before = documentsOf(entity);
		for (byte[] disguised : new byte[][] { SampleFiles.exe(), SampleFiles.html(), "纯文本".getBytes(StandardCharsets.UTF_8) }) {
			var refused = upload(office, entity, "RULES", "伪装文件", "制度.pdf", disguised).expect(400);
			assertThat(refused.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
			assertThat(refused.body().get("message").asString()).contains("PDF");
		}
		assertThat(documentsOf(entity)).isEqualTo(before);
	}

	@Test
	void aFileOverTheSizeLimitIsRefused() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102");
		byte[] big = new byte[(int) maxSize.toBytes() + 1];
		byte[] header = SampleFiles.pdf("big");
		System.arraycopy(header, 0, big, 0, header.length);
		assertThat(upload(office, entity, "RULES", "超大文件", "大.pdf", big).expect(400).code()).isEqualTo("FILE_TOO_LARGE");
	}

	@Test
	void missingOrUnknownFieldsAreRefusedInChinese() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102");
		byte[] pdf = SampleFiles.pdf("fields");
		assertThat(upload(office, entity, "NO_SUCH_TYPE", "标题", "a.pdf", pdf).expect(400).body().get("message").asString())
			.isEqualTo("请选择文件类型");
		assertThat(upload(office, entity, "RULES", " ", "a.pdf", pdf).expect(400).body().get("details").get(0).get("field")
			.asString()).isEqualTo("title");
		assertThat(office.upload("/api/entities/" + entity + "/documents", Map.of("type", "RULES", "title", "无文件"), "a.pdf",
				new byte[0]).expect(400).body().get("message").asString()).isEqualTo("请选择要上传的文件");
	}

	@Test
	void aDistrictUserGets404ForAnotherDistrictsDocuments() {
		long entityB = entityIn("370103");
		var districtB = ApiClient.signedIn(port, "shizhong_office");
		long document = upload(districtB, entityB, "RULES", "市中区制度", "制度.pdf", SampleFiles.pdf("B" + System.nanoTime()))
			.expect(200).body().get("id").asLong();
		long documentsOfB = documentsOf(entityB);
		var districtA = ApiClient.signedIn(port, "lixia_office");
		String documents = "/api/entities/" + entityB + "/documents";
		notFound(districtA.get(documents));
		notFound(upload(districtA, entityB, "RULES", "越权上传", "x.pdf", SampleFiles.pdf("A")));
		notFound(districtA.upload(documents + "/" + document + "/versions", Map.of(), "x.pdf", SampleFiles.pdf("A2")));
		notFound(districtA.get(documents + "/" + document + "/versions"));
		notFound(districtA.get(content(entityB, document, 1)));
		notFound(districtA.post(documents + "/" + document + "/archive", null));
		assertThat(documentsOf(entityB)).isEqualTo(documentsOfB);
		assertThat(jdbc.sql("SELECT count(*) FROM entity_document_version WHERE document_id = :d").param("d", document)
			.query(Long.class).single()).isEqualTo(1);
		// a document id that exists, under an entity the caller may see, is still not found
		notFound(districtA.get("/api/entities/" + entityIn("370102") + "/documents/" + document + "/versions"));
	}

	@Test
	void aBusinessUserManagesItsOwnEntitysDocumentsAndNoOneElses() {
		var business = ApiClient.signedIn(port, "lixia_biz");
		long own = jdbc.sql("SELECT entity_id FROM app_user WHERE username = 'lixia_biz'").query(Long.class).single();
		byte[] pdf = SampleFiles.pdf("biz " + System.nanoTime());
		long document = upload(business, own, "RESPONSIBILITY", "全员安全生产责任制", "责任制.pdf", pdf).expect(200).body()
			.get("id").asLong();
		assertThat(business.get(content(own, document, 1)).expect(200).http().body()).isEqualTo(pdf);
		long neighbour = jdbc.sql("""
				SELECT min(e.id) FROM supervised_entity e JOIN region_closure c ON c.descendant_id = e.region_id
				JOIN region d ON d.id = c.ancestor_id AND d.code = '370102' WHERE e.id <> :own
				""").param("own", own).query(Long.class).single();
		notFound(business.get("/api/entities/" + neighbour + "/documents"));
		notFound(upload(business, neighbour, "RULES", "别人的制度", "x.pdf", SampleFiles.pdf("other")));
	}

	@Test
	void theEntityHistoryShowsTheUploadAndTheOperationLogTheDownload() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102", 2);
		long document = upload(office, entity, "DRILL", "消防演练记录", "演练.pdf", SampleFiles.pdf("drill" + System.nanoTime()))
			.expect(200).body().get("id").asLong();
		office.upload("/api/entities/" + entity + "/documents/" + document + "/versions", Map.of(), "演练2.png",
				SampleFiles.png()).expect(200);
		office.get(content(entity, document, 2)).expect(200);

		JsonNode history = office.get("/api/entities/" + entity + "/history").expect(200).body();
		assertThat(history.findValuesAsString("action")).containsSubsequence("DOCUMENT_VERSION_ADD", "DOCUMENT_CREATE")
			.doesNotContain("DOWNLOAD");
		JsonNode versionAdded = history.get(0);
		assertThat(versionAdded.get("actorName").asString()).isNotBlank();
		assertThat(versionAdded.get("changes").findValuesAsString("field")).contains("versionNo", "fileName", "sha256")
			.doesNotContain("title");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM operation_log WHERE action = 'DOWNLOAD' AND target_type = 'supervised_entity'
				AND target_id = :entity AND after ->> 'fileName' = '演练2.png' AND (after ->> 'versionNo')::int = 2
				""").param("entity", String.valueOf(entity)).query(Long.class).single()).isEqualTo(1);
	}

	/** Decided: 500 FILE_CORRUPTED — the stored copy is at fault, not the request (docs/OPERATIONS.md). */
	@Test
	void aStoredFileDamagedOnDiskIsReportedOnDownloadNotServed() throws IOException {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102");
		byte[] pdf = SampleFiles.pdf("to be damaged " + System.nanoTime());
		long document = upload(office, entity, "OTHER", "将被损坏", "损坏.pdf", pdf).expect(200).body().get("id").asLong();
		Path stored = storedFile(sha256(pdf));
		byte[] damaged = Files.readAllBytes(stored);
		damaged[10] ^= 0x20;
		Files.write(stored, damaged);

		var refused = office.get(content(entity, document, 1)).expect(500);
		assertThat(refused.code()).isEqualTo("FILE_CORRUPTED");
		assertThat(refused.body().get("message").asString()).contains("文件已损坏");
	}

	@Test
	void anArchivedDocumentIsKeptButLeftOutOfTheDefaultList() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102", 3);
		byte[] pdf = SampleFiles.pdf("old plan " + System.nanoTime());
		long document = upload(office, entity, "EMERGENCY_PLAN", "2023版预案", "预案.pdf", pdf).expect(200).body().get("id").asLong();
		String documents = "/api/entities/" + entity + "/documents";
		assertThat(office.post(documents + "/" + document + "/archive", null).expect(200).body().get("archivedAt").isNull())
			.isFalse();
		assertThat(office.get(documents).expect(200).body().findValuesAsString("title")).doesNotContain("2023版预案");
		assertThat(office.get(documents + "?includeArchived=true").expect(200).body().findValuesAsString("title"))
			.contains("2023版预案");
		assertThat(office.get(content(entity, document, 1)).expect(200).http().body()).isEqualTo(pdf);
		assertThat(office.upload(documents + "/" + document + "/versions", Map.of(), "新.pdf", SampleFiles.pdf("new"))
			.expect(409).code()).isEqualTo("DOCUMENT_ARCHIVED");
		office.post(documents + "/" + document + "/archive", null).expect(409);
	}

	@Test
	void aLicenceScanMustBeADocumentOfTheSameEntity() {
		var office = ApiClient.signedIn(port, "lixia_office");
		long entity = entityIn("370102", 4);
		long other = entityIn("370102", 5);
		long own = upload(office, entity, "OTHER", "许可证扫描件", "许可证.jpg", SampleFiles.jpeg()).expect(200).body().get("id").asLong();
		long foreign = upload(office, other, "OTHER", "别家扫描件", "许可证.jpg", SampleFiles.jpeg()).expect(200).body().get("id").asLong();
		String licence = "{\"type\":\"SAFETY_PRODUCTION\",\"number\":\"（鲁）WH安许证字[%d]\",\"scanDocumentId\":%d}";
		var refused = office.post("/api/entities/" + entity + "/licences", licence.formatted(entity, foreign)).expect(400);
		assertThat(refused.body().get("details").get(0).get("field").asString()).isEqualTo("scanDocumentId");
		office.post("/api/entities/" + entity + "/licences", licence.formatted(entity, 987654321L)).expect(400);
		assertThat(office.post("/api/entities/" + entity + "/licences", licence.formatted(entity, own)).expect(200).body()
			.get("scanDocumentId").asLong()).isEqualTo(own);
	}

	@Test
	void documentsMoveWithTheirEntityToAnotherStreet() {
		var office = ApiClient.signedIn(port, "lixia_office");
		// one whose demo record passes the form's checks as it is (some demo entities are insured without a policy no.)
		long entity = jdbc.sql("""
				SELECT max(e.id) FROM supervised_entity e JOIN region_closure c ON c.descendant_id = e.region_id
				JOIN region d ON d.id = c.ancestor_id AND d.code = '370102' WHERE NOT e.insured AND NOT e.major_hazard_source
				""").query(Long.class).single();
		upload(office, entity, "RULES", "随单位迁移", "迁移.pdf", SampleFiles.pdf("move" + System.nanoTime())).expect(200);
		var view = (tools.jackson.databind.node.ObjectNode) office.get("/api/entities/" + entity).expect(200).body();
		long street = jdbc.sql("""
				SELECT min(r.id) FROM region r JOIN region p ON p.id = r.parent_id
				WHERE p.code = '370102' AND r.id <> :current AND r.id NOT IN (SELECT parent_id FROM region WHERE id = :current)
				""").param("current", view.get("regionId").asLong()).query(Long.class).single();
		view.put("regionId", street);
		office.put("/api/entities/" + entity, view.toString()).expect(200);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM entity_document d JOIN entity_document_version v ON v.document_id = d.id
				WHERE d.entity_id = :e AND (d.region_id <> :street OR v.region_id <> :street)
				""").param("e", entity).param("street", street).query(Long.class).single()).isZero();
	}

	private ApiClient.Response upload(ApiClient client, long entity, String type, String title, String fileName, byte[] bytes) {
		return client.upload("/api/entities/" + entity + "/documents", Map.of("type", type, "title", title), fileName, bytes);
	}

	private static String content(long entity, long document, int version) {
		return "/api/entities/" + entity + "/documents/" + document + "/versions/" + version + "/content";
	}

	private static void notFound(ApiClient.Response response) {
		assertThat(response.expect(404).code()).isEqualTo("NOT_FOUND");
	}

	private long entityIn(String districtCode) {
		return entityIn(districtCode, 1);
	}

	/** The n-th entity of the district (by id), so tests that count documents do not share an entity. */
	private long entityIn(String districtCode, int n) {
		return jdbc.sql("""
				SELECT e.id FROM supervised_entity e JOIN region_closure c ON c.descendant_id = e.region_id
				JOIN region d ON d.id = c.ancestor_id AND d.code = :code
				WHERE e.id NOT IN (SELECT entity_id FROM app_user WHERE entity_id IS NOT NULL)
				ORDER BY e.id OFFSET :skip LIMIT 1
				""").param("code", districtCode).param("skip", n - 1).query(Long.class).single();
	}

	private long documentsOf(long entity) {
		return jdbc.sql("SELECT count(*) FROM entity_document WHERE entity_id = :e").param("e", entity).query(Long.class).single();
	}

	/** The stored file with this hash in this context's store (target/files-test/<random>/ab/cd/<sha256>). */
	private static Path storedFile(String sha256) throws IOException {
		try (Stream<Path> files = Files.find(Path.of("target/files-test"), 4, (p, a) -> p.getFileName().toString().equals(sha256))) {
			return files.findFirst().orElseThrow();
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
