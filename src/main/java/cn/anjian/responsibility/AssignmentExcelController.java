package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Assignments in Excel: the import template, the export of current assignments in scope, and the import. */
@RestController
@RequestMapping("/api/responsibility/assignments")
class AssignmentExcelController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	private static final int EXPORT_LIMIT = 100_000;

	private final AssignmentImport importing;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	AssignmentExcelController(AssignmentImport importing, JdbcClient jdbc, OperationLog operationLog) {
		this.importing = importing;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	@GetMapping("/template.xlsx")
	@PreAuthorize("hasAuthority('responsibility:write')")
	void template(HttpServletResponse response) throws IOException {
		attachment(response, "监管分工导入模板.xlsx");
		List<String> labels = jdbc.sql("SELECT label FROM dict_item WHERE type = 'supervision_type' AND enabled ORDER BY sort_order, id")
			.query(String.class).list();
		AssignmentSheet.template(response.getOutputStream(), labels);
	}

	/**
	 * Current assignments the caller can maintain — entity in scope, department in reach — in the import's columns, so
	 * the file can be edited and imported back (at most {@link #EXPORT_LIMIT} rows). A city department's assignments
	 * inside a district show on the entity and in the blind-spot report, not here.
	 */
	@GetMapping("/export.xlsx")
	@PreAuthorize("hasAuthority('responsibility:read')")
	void export(DataScope scope, HttpServletResponse response) throws IOException {
		operationLog.record("EXPORT", "entity_assignment", null, null, Map.of("document", "监管分工"));
		attachment(response, "监管分工.xlsx");
		AssignmentSheet.export(response.getOutputStream(), row -> {
			try (var rows = scope.bind(jdbc.sql(EXPORT + " AND " + scope.entityFilter("e.id", "e.region_id")
					+ " AND " + scope.unitFilter("d.region_id", "d.id")
					+ " ORDER BY e.uscc, d.name, a.supervision_type LIMIT " + EXPORT_LIMIT))
				.withFetchSize(1000)
				.query((rs, n) -> Arrays.asList(rs.getString("uscc"), rs.getString("entity_name"), rs.getString("department_name"),
						rs.getString("office_name"), rs.getString("type_label"), rs.getString("inspectors")))
				.stream()) {
				rows.forEach(row);
			}
		});
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('responsibility:write')")
	AssignmentImport.Result importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "ALL_OR_NOTHING") AssignmentImport.Mode mode, DataScope scope) throws IOException {
		if (file.getSize() > AssignmentSheet.MAX_BYTES) {
			throw ApiException.invalid("file", "文件超过" + AssignmentSheet.MAX_BYTES / 1024 + "KB，请拆分后导入");
		}
		try (InputStream in = file.getInputStream()) {
			return importing.run(scope, AssignmentSheet.read(in), mode);
		}
	}

	private static void attachment(HttpServletResponse response, String fileName) {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

	private static final String EXPORT = """
			SELECT e.uscc, e.name AS entity_name, d.name AS department_name, o.name AS office_name,
			       coalesce(t.label, a.supervision_type) AS type_label,
			       (SELECT string_agg(u.username, '、' ORDER BY u.username) FROM entity_inspector i
			        JOIN app_user u ON u.id = i.user_id WHERE i.assignment_id = a.id AND i.ended_at IS NULL) AS inspectors
			FROM entity_assignment a JOIN supervised_entity e ON e.id = a.entity_id
			JOIN department d ON d.id = a.department_id
			LEFT JOIN department_office o ON o.id = a.office_id
			LEFT JOIN dict_item t ON t.type = 'supervision_type' AND t.code = a.supervision_type
			WHERE a.ended_at IS NULL""";
}
