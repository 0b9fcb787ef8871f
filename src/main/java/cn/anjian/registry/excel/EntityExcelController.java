package cn.anjian.registry.excel;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.registry.EntitySearch;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel for the entity register: the import template, the export of the list, the import and its error report. */
@RestController
@RequestMapping("/api/entities")
class EntityExcelController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final ExportingEntities exporting;
	private final ImportingEntities importing;
	private final ImportReports reports;
	private final Clock clock;

	EntityExcelController(ExportingEntities exporting, ImportingEntities importing, ImportReports reports, Clock clock) {
		this.exporting = exporting;
		this.importing = importing;
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/template.xlsx")
	@PreAuthorize("hasAuthority('entity:write')")
	void template(DataScope scope, HttpServletResponse response) throws IOException {
		attachment(response, "监管对象导入模板.xlsx");
		exporting.template(scope, response.getOutputStream());
	}

	@GetMapping("/export.xlsx")
	@PreAuthorize("hasAuthority('entity:export')")
	void export(@ModelAttribute EntitySearch search, DataScope scope, HttpServletResponse response) throws IOException {
		attachment(response, "监管对象-" + LocalDate.now(clock.withZone(BusinessTime.ZONE)).format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx");
		exporting.export(scope, search, response.getOutputStream());
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('entity:write')")
	ImportResult importWorkbook(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "ALL_OR_NOTHING") ImportResult.Mode mode, DataScope scope) {
		return importing.run(scope, file, mode);
	}

	/** The error report of one of the caller's own imports; anyone else's is "not found". */
	@GetMapping("/import/{reportId}/report.xlsx")
	@PreAuthorize("hasAuthority('entity:write')")
	ResponseEntity<byte[]> report(@PathVariable long reportId, DataScope scope) {
		ImportReports.Report report = reports.find(reportId, scope).orElseThrow(() -> ApiException.notFound("错误报告"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(report.fileName()))
			.contentType(MediaType.parseMediaType(XLSX))
			.body(report.content());
	}

	private static void attachment(HttpServletResponse response, String fileName) {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
	}

	private static String disposition(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}
}
