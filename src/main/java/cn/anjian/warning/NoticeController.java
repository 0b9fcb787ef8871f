package cn.anjian.warning;

import cn.anjian.platform.numbering.DocumentNumbers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 通报: the ladders' 通报 steps leave entries pending for the step's acting office — the city office, or a district
 * office when an edited ladder has a district 通报 step; that office compiles them into a notice numbered in its own
 * gapless sequence per year ({@code 济安办通〔2026〕N号}, {@code 历下安办通〔2026〕N号}) naming the units and their issues, issued once and kept as issued (no edit, no delete),
 * downloadable as PDF and XLSX. A notice is sent to the units it names: besides the issuing office's territory, whoever
 * has one of its entries in scope may read it — the whole notice, as an official 通报 is circulated whole.
 */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

	record EntryRow(long id, long warningId, String triggerKind, String unitName, String regionPath, String departmentName,
			String issue, Instant triggeredAt, Instant createdAt) {
	}

	record NoticeRow(long id, String number, String title, String issuer, LocalDate issuedOn, Instant issuedAt, long entries) {
	}

	record CompileForm(String title, String intro, List<Long> entryIds) {
	}

	static final String DEFAULT_TITLE = "关于安全生产预警事项逾期未处置情况的通报";
	static final String DEFAULT_INTRO = "依据全市安全生产综合监管平台预警管理规定，经督办后下列事项仍未按期处置，现予以通报。"
			+ "请被通报单位立即组织整改，并将整改情况报送本级安委会办公室。";

	private final JdbcClient jdbc;
	private final DocumentNumbers numbers;
	private final OperationLog operationLog;
	private final Clock clock;

	NoticeController(JdbcClient jdbc, DocumentNumbers numbers, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	/** The entries waiting for the caller's office's next notice (通报草稿). */
	@GetMapping("/drafts")
	@PreAuthorize("hasAuthority('notice:write')")
	List<EntryRow> drafts(DataScope scope) {
		return scope.bind(jdbc.sql(ENTRIES + " WHERE e.notice_id IS NULL AND e.issuer_region_id = :office AND "
				+ scope.regionFilter("e.region_id") + " ORDER BY e.created_at, e.id"))
			.param("office", scope.regionId()).query(EntryRow.class).list();
	}

	/**
	 * Compiles the pending entries (all, or those chosen) into a notice with the office's next number. The acting office
	 * of a 通报 step compiles it: the city office its city entries, a district office its own district's — a chosen
	 * entry that is not one of the caller's office's pending entries refuses the whole compilation.
	 */
	@PostMapping
	@PreAuthorize("hasAuthority('notice:write')")
	Notice compile(@RequestBody CompileForm form, DataScope scope) {
		if (scope.kind() != DataScope.Kind.REGION) {
			throw ApiException.forbidden("通报由安委会办公室签发");
		}
		boolean all = form.entryIds() == null || form.entryIds().isEmpty();
		List<Long> entries = scope.bind(jdbc.sql("SELECT e.id FROM notice_entry e WHERE e.notice_id IS NULL AND e.issuer_region_id = :office AND "
				+ scope.regionFilter("e.region_id") + " AND (:all OR e.id IN (:ids)) ORDER BY e.id FOR UPDATE"))
			.param("office", scope.regionId()).param("all", all).param("ids", all ? List.of(-1L) : form.entryIds())
			.query(Long.class).list();
		if (!all && entries.size() != form.entryIds().stream().distinct().count()) {
			throw ApiException.conflict("NOTICE_ENTRY_UNAVAILABLE", "所选事项中有不属于本办待通报的事项（已编入通报，或应由其他安委办通报）");
		}
		if (entries.isEmpty()) {
			throw ApiException.conflict("NOTHING_TO_NOTICE", "没有待通报的事项");
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
		Map<String, Object> office = jdbc.sql("SELECT name, level FROM region WHERE id = :id").param("id", scope.regionId())
			.query().singleRow();
		String name = (String) office.get("name");
		String prefix = officePrefix(name, (String) office.get("level")) + "安办通";
		int seq = numbers.next("NOTICE", scope.regionId(), today.getYear());
		long id = jdbc.sql("""
				INSERT INTO notice (region_id, number_year, number_seq, number, title, intro, issuer, issued_on, issued_at, issued_by)
				VALUES (:region, :year, :seq, :number, :title, :intro, :issuer, :today, :now, :user) RETURNING id
				""")
			.param("region", scope.regionId()).param("year", today.getYear()).param("seq", seq)
			.param("number", DocumentNumbers.format(prefix, today.getYear(), seq))
			.param("title", text(form.title(), DEFAULT_TITLE, 200, "title")).param("intro", text(form.intro(), DEFAULT_INTRO, 4000, "intro"))
			.param("issuer", name + "安全生产委员会办公室").param("today", today).param("now", Timestamp.from(now))
			.param("user", scope.userId()).query(Long.class).single();
		// the units and places are written into the entries as they are named today: the notice stays as issued
		jdbc.sql("""
				UPDATE notice_entry e SET notice_id = :notice,
				  unit_name = coalesce((SELECT name FROM supervised_entity WHERE id = e.entity_id),
				                       (SELECT name FROM department WHERE id = e.department_id), (SELECT name FROM region WHERE id = e.region_id)),
				  region_name = coalesce(%s, (SELECT name FROM region WHERE id = e.region_id)),
				  department_name = (SELECT name FROM department WHERE id = e.department_id)
				WHERE e.id IN (:ids)
				""".formatted(WarningSql.regionPath("e.region_id")))
			.param("notice", id).param("ids", entries).update();
		Notice notice = load(scope, id);
		operationLog.record("NOTICE_ISSUE", "notice", id, null, Map.of("number", notice.number(), "entries", entries));
		return notice;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('notice:read')")
	Page<NoticeRow> list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		String where = " WHERE " + readable(scope);
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM notice n" + where)).query(Long.class).single();
		List<NoticeRow> rows = scope.bind(jdbc.sql("""
				SELECT n.id, n.number, n.title, n.issuer, n.issued_on, n.issued_at,
				       (SELECT count(*) FROM notice_entry x WHERE x.notice_id = n.id) AS entries
				FROM notice n""" + where + " ORDER BY n.issued_at DESC, n.id DESC LIMIT :size OFFSET :offset"))
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query(NoticeRow.class).list();
		return new Page<>(rows, total);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('notice:read')")
	Notice get(@PathVariable long id, DataScope scope) {
		return load(scope, id);
	}

	@GetMapping("/{id}/notice.pdf")
	@PreAuthorize("hasAuthority('notice:read')")
	void pdf(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
		Notice notice = load(scope, id);
		attachment(response, "application/pdf", notice.number() + ".pdf");
		NoticePdf.write(notice, response.getOutputStream());
	}

	@GetMapping("/{id}/notice.xlsx")
	@PreAuthorize("hasAuthority('notice:read')")
	void xlsx(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
		Notice notice = load(scope, id);
		attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", notice.number() + ".xlsx");
		NoticeWorkbook.write(notice, response.getOutputStream());
	}

	private Notice load(DataScope scope, long id) {
		Notice.Header header = scope.bind(jdbc.sql("SELECT n.id, n.number, n.title, n.intro, n.issuer, n.issued_on FROM notice n WHERE n.id = :id AND "
				+ readable(scope))).param("id", id).query(Notice.Header.class).optional().orElseThrow(() -> {
					operationLog.recordDenied("notice", id);
					return ApiException.notFound("通报");
				});
		List<Notice.Item> items = jdbc.sql("""
				SELECT e.unit_name, e.region_name, e.department_name, e.issue, w.triggered_at, e.created_at
				FROM notice_entry e JOIN warning w ON w.id = e.warning_id WHERE e.notice_id = :id ORDER BY e.region_name, e.unit_name, e.id
				""").param("id", id).query(Notice.Item.class).list();
		return new Notice(header.id(), header.number(), header.title(), header.intro(), header.issuer(), header.issuedOn(), items);
	}

	/**
	 * The short name an office's document numbers start with, as {@link StepActions} numbers its 督办单: the city's first
	 * character (济南市 → 济安办通), a district's name without its 区/县/市 suffix (历下区 → 历下安办通).
	 */
	static String officePrefix(String regionName, String level) {
		return "CITY".equals(level) ? regionName.substring(0, 1) : regionName.replaceAll("(区|县|市)$", "");
	}

	/** The issuing office's territory, or a unit the notice names. */
	private static String readable(DataScope scope) {
		String named = "EXISTS (SELECT 1 FROM notice_entry x WHERE x.notice_id = n.id AND "
				+ scope.entityRecordFilter("x.entity_id", "x.region_id", "x.department_id") + ")";
		return scope.kind() == DataScope.Kind.REGION ? "(" + scope.regionFilter("n.region_id") + " OR " + named + ")" : named;
	}

	private static String text(String value, String fallback, int max, String field) {
		String text = value == null || value.isBlank() ? fallback : value.trim();
		if (text.length() > max) {
			throw ApiException.invalid(field, "不能超过" + max + "字");
		}
		return text;
	}

	private static void attachment(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

	private static final String ENTRIES = """
			SELECT e.id, e.warning_id, w.trigger_kind,
			       coalesce(se.name, d.name, r.name) AS unit_name, %s AS region_path, d.name AS department_name, e.issue,
			       w.triggered_at, e.created_at
			FROM notice_entry e JOIN warning w ON w.id = e.warning_id JOIN region r ON r.id = e.region_id
			LEFT JOIN supervised_entity se ON se.id = e.entity_id LEFT JOIN department d ON d.id = e.department_id
			""".formatted(WarningSql.regionPath("e.region_id"));
}
