package cn.anjian.prevention;

import cn.anjian.inspection.HazardLevel;
import cn.anjian.inspection.ReportingSelfCheckHazard;
import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.files.StoredFile;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * 隐患排查: the check instances due (今日排查 on a phone) and recording one — every item ok, or a hazard found, which
 * goes into the inspection module's hazard loop as a self-check (自查). A check is recorded once; a late one counts
 * as not done on time.
 */
@RestController
@RequestMapping("/api/prevention/checks")
class CheckController {

	record ItemResult(String item, Boolean ok) {
	}

	/** {@code hazardDescription} is required when a hazard was found (an item not ok or {@code hazardFound}). */
	record CheckRecord(List<ItemResult> items, Boolean hazardFound, String hazardDescription, HazardLevel hazardLevel,
			String note) {
	}

	private final JdbcClient jdbc;
	private final OwnRecords records;
	private final Checks checks;
	private final ReportingSelfCheckHazard selfCheckHazards;
	private final FileTransfers files;
	private final OperationLog operationLog;
	private final JsonMapper json;
	private final Clock clock;

	CheckController(JdbcClient jdbc, OwnRecords records, Checks checks, ReportingSelfCheckHazard selfCheckHazards,
			FileTransfers files, OperationLog operationLog, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.checks = checks;
		this.selfCheckHazards = selfCheckHazards;
		this.files = files;
		this.operationLog = operationLog;
		this.json = json;
		this.clock = clock;
	}

	/** The checks whose period covers {@code day} (default today); {@code state}: OPEN, DONE, LATE or MISSED. */
	@GetMapping
	@PreAuthorize("hasAuthority('prevention:read')")
	Page<Checks.CheckView> list(@RequestParam(required = false) LocalDate day, @RequestParam(required = false) Long entityId,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "100") int size, DataScope scope) {
		LocalDate d = day != null ? day : LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
		return checks.search(scope, d, entityId, state, clock.instant(), page, size);
	}

	@PostMapping("/{id}/record")
	@PreAuthorize("hasAuthority('prevention:write')")
	Checks.CheckView record(@PathVariable long id, @RequestBody CheckRecord form, DataScope scope) {
		records.writable(scope, "check_instance", id, "排查任务");
		Instant now = clock.instant();
		Checks.CheckView before = checks.find(scope, id, now);
		if (before.doneAt() != null) {
			throw new ApiException(HttpStatus.CONFLICT, "ALREADY_RECORDED", "该次排查已记录");
		}
		if (before.periodStart().isAfter(LocalDate.ofInstant(now, BusinessTime.ZONE))) {
			throw new ApiException(HttpStatus.CONFLICT, "NOT_YET_DUE", "该次排查尚未开始");
		}
		List<ItemResult> items = form.items() == null ? List.of() : form.items();
		boolean hazard = Boolean.TRUE.equals(form.hazardFound()) || items.stream().anyMatch(i -> Boolean.FALSE.equals(i.ok()));
		Long hazardId = null;
		if (hazard) {
			if (form.hazardDescription() == null || form.hazardDescription().isBlank()) {
				throw ApiException.invalid("hazardDescription", "发现隐患时请描述隐患");
			}
			HazardLevel level = form.hazardLevel() == null ? HazardLevel.GENERAL : form.hazardLevel();
			if (level == HazardLevel.MAJOR) {
				throw ApiException.invalid("hazardLevel", "重大事故隐患须经认定，请按疑似重大隐患上报");
			}
			hazardId = selfCheckHazards.report(before.entityId(), scope.userId(), actorName(scope), form.hazardDescription().trim(),
					before.riskPointName(), level, photo(id), now);
		}
		jdbc.sql("""
				UPDATE check_instance SET done_at = :now, done_by = :user, done_by_name = :name, result = :result,
				  item_results = CAST(:items AS jsonb), note = :note, hazard_id = :hazard WHERE id = :id
				""").param("id", id).param("now", Timestamp.from(now)).param("user", scope.userId())
			.param("name", actorName(scope)).param("result", hazard ? "HAZARD_FOUND" : "OK")
			.param("items", json.writeValueAsString(items)).param("note", form.note()).param("hazard", hazardId).update();
		Checks.CheckView after = checks.find(scope, id, now);
		operationLog.record("CHECK_RECORD", "check_instance", id, before, after);
		return after;
	}

	@PostMapping("/{id}/photo")
	@PreAuthorize("hasAuthority('prevention:write')")
	Checks.CheckView upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, DataScope scope) {
		records.writable(scope, "check_instance", id, "排查任务");
		Checks.CheckView before = checks.find(scope, id, clock.instant());
		if (before.doneAt() != null) {
			throw new ApiException(HttpStatus.CONFLICT, "ALREADY_RECORDED", "该次排查已记录，不能再更换照片");
		}
		FileTransfers.Received received = files.receive(file);
		jdbc.sql("""
				UPDATE check_instance SET photo_sha256 = :sha, photo_name = :name, photo_type = :type, photo_size = :size
				WHERE id = :id
				""").param("id", id).param("sha", received.file().sha256()).param("name", received.fileName())
			.param("type", received.file().contentType()).param("size", received.file().size()).update();
		Checks.CheckView after = checks.find(scope, id, clock.instant());
		operationLog.record("CHECK_PHOTO", "check_instance", id, null, after);
		return after;
	}

	@GetMapping("/{id}/photo")
	@PreAuthorize("hasAuthority('prevention:read')")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, DataScope scope) {
		records.readable(scope, "check_instance", id, "排查任务");
		Checks.CheckView check = checks.find(scope, id, clock.instant());
		if (check.photoSha256() == null) {
			throw ApiException.notFound("照片");
		}
		return files.send(check.photoSha256(), check.photoName(), check.photoType(), check.photoSize());
	}

	private FileTransfers.Received photo(long id) {
		return jdbc.sql("SELECT photo_sha256, photo_name, photo_type, photo_size FROM check_instance WHERE id = :id AND photo_sha256 IS NOT NULL")
			.param("id", id)
			.query((rs, n) -> new FileTransfers.Received(rs.getString(2), new StoredFile(rs.getString(1), rs.getLong(4), rs.getString(3))))
			.optional().orElse(null);
	}

	private String actorName(DataScope scope) {
		return jdbc.sql("SELECT display_name FROM app_user WHERE id = :id").param("id", scope.userId()).query(String.class)
			.optional().orElse("企业用户");
	}
}
