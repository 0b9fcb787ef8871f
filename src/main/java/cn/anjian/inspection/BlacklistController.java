package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * 安全生产不良记录黑名单 (seed 001 §14): entities listed by a penalty decision, in the caller's scope; removal
 * (信用修复) needs a reason, is logged, and keeps the entry as history.
 */
@RestController
@RequestMapping("/api/blacklist")
class BlacklistController {

	record Entry(long id, long entityId, String entityName, String regionPath, long caseId, String caseNumber,
			String departmentName, Instant listedAt, String reason, Instant removedAt, String removedByName,
			String removalReason) {
	}

	record RepairForm(String reason) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	BlacklistController(JdbcClient jdbc, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	/** {@code active}: true (default) the entities listed now, false those removed (信用修复), all both. */
	@GetMapping
	@PreAuthorize("hasAuthority('blacklist:read')")
	Page<Entry> list(@RequestParam(name = "active", defaultValue = "true") String listed,
			@RequestParam(required = false) Long entityId, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		Boolean active = listed.equals("all") ? null : Boolean.valueOf(listed);
		String where = " WHERE " + filter(scope) + """
				 AND (CAST(:active AS boolean) IS NULL OR (b.removed_at IS NULL) = :active)
				 AND (CAST(:entityId AS bigint) IS NULL OR b.entity_id = :entityId)
				""";
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM blacklist_entry b" + where)).param("active", active)
			.param("entityId", entityId).query(Long.class).single();
		List<Entry> items = scope.bind(jdbc.sql(SELECT + where + " ORDER BY b.listed_at DESC, b.id DESC LIMIT :size OFFSET :offset"))
			.param("active", active).param("entityId", entityId)
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query(Entry.class).list();
		return new Page<>(items, total);
	}

	/** 信用修复: the entity leaves the list; the entry, the reason and who removed it stay. */
	@PostMapping("/{id}/repair")
	@PreAuthorize("hasAuthority('blacklist:write')")
	Entry repair(@PathVariable long id, @RequestBody(required = false) RepairForm form, DataScope scope) {
		Entry before = find(scope, id).orElseThrow(() -> {
			operationLog.recordDenied("blacklist_entry", id);
			return ApiException.notFound("黑名单记录");
		});
		if (before.removedAt() != null) {
			throw ApiException.conflict("ALREADY_REMOVED", "该单位已于此前移出黑名单");
		}
		if (form == null || form.reason() == null || form.reason().isBlank()) {
			throw ApiException.invalid("reason", "请填写信用修复理由");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE blacklist_entry SET removed_at = :now, removed_by = :user, removed_by_name = :name, removal_reason = :reason
				WHERE id = :id AND removed_at IS NULL
				""").param("id", id).param("now", Timestamp.from(now)).param("user", scope.userId())
			.param("name", CurrentActor.name()).param("reason", form.reason().trim()).update();
		Entry after = find(scope, id).orElseThrow();
		operationLog.record("BLACKLIST_REPAIR", "blacklist_entry", id, before, after);
		return after;
	}

	private Optional<Entry> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE b.id = :id AND " + filter(scope))).param("id", id).query(Entry.class).optional();
	}

	private static String filter(DataScope scope) {
		return scope.entityRecordFilter("b.entity_id", "b.region_id", "b.department_id");
	}

	private static final String SELECT = """
			SELECT b.id, b.entity_id, e.name AS entity_name,
			  (SELECT string_agg(a.name, ' / ' ORDER BY rc.depth DESC) FROM region_closure rc JOIN region a ON a.id = rc.ancestor_id
			   WHERE rc.descendant_id = b.region_id AND a.parent_id IS NOT NULL) AS region_path,
			  b.case_id, c.case_number, d.name AS department_name, b.listed_at, b.reason, b.removed_at, b.removed_by_name,
			  b.removal_reason
			FROM blacklist_entry b JOIN supervised_entity e ON e.id = b.entity_id JOIN enforcement_case c ON c.id = b.case_id
			LEFT JOIN department d ON d.id = b.department_id
			""";
}
