package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's part of 三管三必须: which office leads its safety work and what each office does (牵头处（科）室
 * and 其他分工处（科）室, seed 003 §三(六)), and its responsibility list as JSON, XLSX and PDF.
 */
@RestController
@RequestMapping("/api/responsibility/departments/{id}")
class DepartmentDutyController {

	record OfficeShare(long id, String name, boolean lead, String workShare) {
	}

	record ShareForm(boolean lead, @Size(max = 2000, message = "分工不超过2000字") String workShare) {
	}

	private final JdbcClient jdbc;
	private final DutyOwners owners;
	private final DutyLists lists;
	private final OperationLog operationLog;
	private final Clock clock;

	DepartmentDutyController(JdbcClient jdbc, DutyOwners owners, DutyLists lists, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.owners = owners;
		this.lists = lists;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	/** Sets an office's work share and whether it leads; making one office lead hands the role over from another. */
	@PutMapping("/offices/{officeId}")
	@PreAuthorize("hasAuthority('responsibility:write')")
	OfficeShare share(@PathVariable long id, @PathVariable long officeId, @Valid @RequestBody ShareForm form,
			DataScope scope) {
		owners.writable(scope, DutyOwners.Type.DEPARTMENT, id);
		OfficeShare before = office(id, officeId);
		if (form.lead()) {
			jdbc.sql("UPDATE department_office SET lead = false WHERE department_id = :d AND lead AND id <> :o RETURNING id")
				.param("d", id).param("o", officeId).query(Long.class).list()
				.forEach(previous -> operationLog.record("UPDATE", "department_office", previous,
						Map.of("lead", true), Map.of("lead", false, "handedTo", officeId)));
		}
		jdbc.sql("UPDATE department_office SET lead = :lead, work_share = :share WHERE id = :o")
			.param("o", officeId).param("lead", form.lead())
			.param("share", form.workShare() == null || form.workShare().isBlank() ? null : form.workShare().trim())
			.update();
		OfficeShare after = office(id, officeId);
		operationLog.record("UPDATE", "department_office", officeId, before, after);
		return after;
	}

	@GetMapping("/list")
	@PreAuthorize("hasAuthority('responsibility:read')")
	DutyList list(@PathVariable long id, DataScope scope) {
		owners.readable(scope, DutyOwners.Type.DEPARTMENT, id);
		return lists.of(id, today());
	}

	@GetMapping("/list.xlsx")
	@PreAuthorize("hasAuthority('responsibility:read')")
	void xlsx(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
		DutyList list = exported(id, scope, "xlsx");
		attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", list.title() + ".xlsx");
		DutyListWorkbook.write(list, response.getOutputStream());
	}

	@GetMapping("/list.pdf")
	@PreAuthorize("hasAuthority('responsibility:read')")
	void pdf(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
		DutyList list = exported(id, scope, "pdf");
		attachment(response, "application/pdf", list.title() + ".pdf");
		DutyListPdf.write(list, response.getOutputStream());
	}

	/** The list, after logging its export as a sensitive read (officials' names and terms leave the system). */
	private DutyList exported(long id, DataScope scope, String format) {
		owners.readable(scope, DutyOwners.Type.DEPARTMENT, id);
		operationLog.record("EXPORT", "department", id, null, Map.of("document", "安全生产责任清单", "format", format));
		return lists.of(id, today());
	}

	private OfficeShare office(long departmentId, long officeId) {
		return jdbc.sql("SELECT id, name, lead, work_share FROM department_office WHERE id = :o AND department_id = :d")
			.param("o", officeId).param("d", departmentId).query(OfficeShare.class).optional()
			.orElseThrow(() -> ApiException.notFound("处（科）室"));
	}

	private static void attachment(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BusinessTime.ZONE));
	}
}
