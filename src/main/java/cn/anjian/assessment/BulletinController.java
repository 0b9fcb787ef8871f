package cn.anjian.assessment;

import cn.anjian.platform.numbering.DocumentNumbers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 季度通报 (seed 000 §八): drafted by the city office from the quarter's statistics, edited, then issued under the
 * next number of the year (济安办通〔2026〕N号, no gap and no repeat however many nodes issue) and frozen. Issued
 * bulletins are sent across the system: everyone with access to assessments reads them; drafts stay with the city.
 */
@RestController
@RequestMapping("/api/bulletins")
class BulletinController {

	static final String NUMBER_KIND = "BULLETIN";
	static final String NUMBER_PREFIX = "济安办通";
	static final String ISSUER = "济南市安全生产委员会办公室";

	record NewBulletin(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull @Min(1) @Max(4) Integer quarter) {
	}

	record Edit(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String issuer,
			@NotEmpty List<BulletinDraft.Section> sections, Integer version) {
	}

	record Bulletin(long id, int year, int quarter, String state, String title, List<BulletinDraft.Section> sections,
			String issuer, Integer number, String docNumber, LocalDate issuedOn, Instant updatedAt, int version) {
	}

	private final JdbcClient jdbc;
	private final BulletinDraft drafts;
	private final DocumentNumbers numbers;
	private final OperationLog operationLog;
	private final Clock clock;
	private final JsonMapper json;

	BulletinController(JdbcClient jdbc, BulletinDraft drafts, DocumentNumbers numbers, OperationLog operationLog, Clock clock,
			JsonMapper json) {
		this.jdbc = jdbc;
		this.drafts = drafts;
		this.numbers = numbers;
		this.operationLog = operationLog;
		this.clock = clock;
		this.json = json;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('assessment:read')")
	List<Bulletin> list(DataScope scope) {
		return jdbc.sql(SELECT + " WHERE (b.state = 'ISSUED' OR :city) ORDER BY b.year DESC, b.quarter DESC, b.id DESC")
			.param("city", isCity(scope)).query(this::map).list();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('assessment:read')")
	Bulletin get(@PathVariable long id, DataScope scope) {
		return find(id, scope);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('assessment:write')")
	Bulletin draft(@Valid @RequestBody NewBulletin form, DataScope scope) {
		long city = requireCity(scope);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO bulletin (region_id, year, quarter, state, title, sections, issuer, created_at, updated_at)
				VALUES (:city, :year, :quarter, 'DRAFT', :title, CAST(:sections AS jsonb), :issuer, :now, :now) RETURNING id
				""").param("city", city).param("year", form.year()).param("quarter", form.quarter())
			.param("title", BulletinDraft.title(form.year(), form.quarter()))
			.param("sections", json.writeValueAsString(drafts.write(city, form.year(), form.quarter())))
			.param("issuer", ISSUER).param("now", Timestamp.from(now)).query(Long.class).single();
		Bulletin created = find(id, scope);
		operationLog.record("BULLETIN_DRAFT", "bulletin", id, null, created);
		return created;
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('assessment:write')")
	Bulletin edit(@PathVariable long id, @Valid @RequestBody Edit form, DataScope scope) {
		requireCity(scope);
		Bulletin before = lock(id, scope);
		requireDraft(before);
		if (form.version() != null && form.version() != before.version()) {
			throw new ApiException(HttpStatus.CONFLICT, "STALE_VERSION", "通报已被他人修改，请刷新后重试");
		}
		jdbc.sql("""
				UPDATE bulletin SET title = :title, issuer = :issuer, sections = CAST(:sections AS jsonb), updated_at = :now,
				  version = version + 1 WHERE id = :id""").param("title", form.title().trim()).param("issuer", form.issuer().trim())
			.param("sections", json.writeValueAsString(form.sections())).param("now", Timestamp.from(clock.instant()))
			.param("id", id).update();
		Bulletin after = find(id, scope);
		operationLog.record("BULLETIN_EDIT", "bulletin", id, before, after);
		return after;
	}

	/** 印发: numbered in the year of issue (a fourth quarter issued in January takes the new year's number), and frozen. */
	@PostMapping("/{id}/issue")
	@PreAuthorize("hasAuthority('assessment:write')")
	Bulletin issue(@PathVariable long id, DataScope scope) {
		long city = requireCity(scope);
		Bulletin before = lock(id, scope);
		requireDraft(before);
		LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
		int number = numbers.next(NUMBER_KIND, city, today.getYear());
		jdbc.sql("""
				UPDATE bulletin SET state = 'ISSUED', number_year = :numberYear, number = :number, doc_number = :doc, issued_on = :today,
				  issued_by = :user, updated_at = :now, version = version + 1 WHERE id = :id""").param("numberYear", today.getYear())
			.param("number", number)
			.param("doc", DocumentNumbers.format(NUMBER_PREFIX, today.getYear(), number)).param("today", today)
			.param("user", scope.userId()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
		Bulletin after = find(id, scope);
		operationLog.record("BULLETIN_ISSUE", "bulletin", id, before, after);
		return after;
	}

	@GetMapping("/{id}/pdf")
	@PreAuthorize("hasAuthority('assessment:read')")
	void pdf(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
		Bulletin bulletin = find(id, scope);
		response.setContentType("application/pdf");
		String name = (bulletin.docNumber() == null ? "（草稿）" : bulletin.docNumber()) + bulletin.title() + ".pdf";
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		BulletinPdf.write(bulletin, response.getOutputStream());
	}

	private Bulletin lock(long id, DataScope scope) {
		jdbc.sql("SELECT id FROM bulletin WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		return find(id, scope);
	}

	private Bulletin find(long id, DataScope scope) {
		return jdbc.sql(SELECT + " WHERE b.id = :id AND (b.state = 'ISSUED' OR :city)").param("id", id).param("city", isCity(scope))
			.query(this::map).optional().orElseThrow(() -> {
				operationLog.recordDenied("bulletin", id);
				return ApiException.notFound("通报");
			});
	}

	private static void requireDraft(Bulletin bulletin) {
		if (!bulletin.state().equals("DRAFT")) {
			throw new ApiException(HttpStatus.CONFLICT, "BULLETIN_ISSUED", "通报已印发（" + bulletin.docNumber() + "），不能再修改");
		}
	}

	private boolean isCity(DataScope scope) {
		return scope.kind() == DataScope.Kind.REGION && scope.regionId() == cityId();
	}

	private long requireCity(DataScope scope) {
		if (!isCity(scope)) {
			throw ApiException.forbidden("季度通报由市安委办起草和印发");
		}
		return scope.regionId();
	}

	private long cityId() {
		return jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
	}

	private Bulletin map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Bulletin(rs.getLong("id"), rs.getInt("year"), rs.getInt("quarter"), rs.getString("state"), rs.getString("title"),
				json.readValue(rs.getString("sections"), new TypeReference<List<BulletinDraft.Section>>() {
				}), rs.getString("issuer"), (Integer) rs.getObject("number"), rs.getString("doc_number"),
				rs.getObject("issued_on", LocalDate.class), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static final String SELECT = """
			SELECT b.id, b.year, b.quarter, b.state, b.title, b.sections::text AS sections, b.issuer, b.number, b.doc_number,
			  b.issued_on, b.updated_at, b.version
			FROM bulletin b""";
}
