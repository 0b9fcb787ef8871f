package cn.anjian.platform.oplog;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Search and export of the operation log, limited to entries of actors within the caller's region subtree. */
@RestController
@RequestMapping("/api/oplog")
class OperationLogController {

	record Entry(long id, Instant at, String actorName, String actorRole, String clientIp, String action,
			String targetType, String targetId, JsonNode before, JsonNode after) {
	}

	record Filter(String actor, String action, String targetType,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
	}

	private static final int EXPORT_LIMIT = 100_000;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessTime.ZONE);

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final OperationLog operationLog;

	OperationLogController(JdbcClient jdbc, JsonMapper json, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.json = json;
		this.operationLog = operationLog;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('oplog:read')")
	Page<Entry> search(@ModelAttribute Filter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		long total = bind(scope, filter, "SELECT count(*) FROM operation_log l WHERE " + where(scope)).query(Long.class).single();
		List<Entry> items = bind(scope, filter, SELECT + where(scope) + " ORDER BY l.at DESC, l.id DESC LIMIT :size OFFSET :offset")
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query((rs, n) -> map(rs)).list();
		return new Page<>(items, total);
	}

	/** XLSX of the filtered entries (streamed); the export itself is logged as a sensitive read. */
	@GetMapping("/export")
	@PreAuthorize("hasAuthority('oplog:read')")
	void export(@ModelAttribute Filter filter, DataScope scope, HttpServletResponse response) throws IOException {
		operationLog.record("EXPORT", "operation_log", null, null, Map.of("filter", String.valueOf(filter)));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"operation-log.xlsx\"");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet("操作日志");
			String[] headers = { "时间", "操作人", "角色", "IP", "操作", "对象类型", "对象ID", "变更前", "变更后" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(headers[i]);
			}
			int[] row = { 1 };
			bind(scope, filter, SELECT + where(scope) + " ORDER BY l.at DESC, l.id DESC LIMIT " + EXPORT_LIMIT)
				.query((rs, n) -> map(rs))
				.stream()
				.forEach(e -> {
					Row r = sheet.createRow(row[0]++);
					String[] values = { TIME.format(e.at()), e.actorName(), e.actorRole(), e.clientIp(), e.action(),
							e.targetType(), e.targetId(), text(e.before()), text(e.after()) };
					for (int i = 0; i < values.length; i++) {
						r.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
					}
				});
			workbook.write(response.getOutputStream());
		}
	}

	private static String where(DataScope scope) {
		return scope.regionFilter("l.region_id") + """
				 AND (CAST(:actor AS text) IS NULL OR l.actor_name LIKE '%' || :actor || '%')
				 AND (CAST(:action AS text) IS NULL OR l.action = :action)
				 AND (CAST(:targetType AS text) IS NULL OR l.target_type = :targetType)
				 AND (CAST(:from AS timestamptz) IS NULL OR l.at >= :from)
				 AND (CAST(:to AS timestamptz) IS NULL OR l.at < :to)
				""";
	}

	private JdbcClient.StatementSpec bind(DataScope scope, Filter filter, String sql) {
		return scope.bind(jdbc.sql(sql))
			.param("actor", blankToNull(filter.actor()))
			.param("action", blankToNull(filter.action()))
			.param("targetType", blankToNull(filter.targetType()))
			.param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
			.param("to", filter.to() == null ? null : Timestamp.from(filter.to()));
	}

	private Entry map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_name"),
				rs.getString("actor_role"), rs.getString("client_ip"), rs.getString("action"), rs.getString("target_type"),
				rs.getString("target_id"), tree(rs.getString("before")), tree(rs.getString("after")));
	}

	private JsonNode tree(String value) {
		return value == null ? null : json.readTree(value);
	}

	private static String text(JsonNode node) {
		return node == null ? null : node.toString();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static final String SELECT = """
			SELECT l.id, l.at, l.actor_name, l.actor_role, l.client_ip, l.action, l.target_type, l.target_id,
			       l.before::text AS before, l.after::text AS after
			FROM operation_log l WHERE """ + " ";
}
