package cn.anjian.warning;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
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

/**
 * 督办单 (supervision orders) the ladders issue: the addressee department's staff (or the addressed business) answer
 * them, its liaison routes them to an office, the issuing office accepts or sends back the reply. A department sees
 * only the orders addressed to it, a business its own, an office those in its territory.
 */
@RestController
@RequestMapping("/api/supervision-orders")
class SupervisionOrderController {

	/** Which orders a list shows: addressed to me (待我答复), issued by my office (我签发的), or all I may see. */
	enum Box {
		INBOX, ISSUED, ALL
	}

	record OrderRow(long id, String number, long warningId, String triggerKind, int stepNo, String content,
			String regionPath, String entityName, Long addresseeDepartmentId, String addresseeName, Long officeId,
			String officeName, String issuerName, Instant issuedAt, Instant replyDueAt, String state, boolean overdue,
			String replyText, Instant repliedAt, String reviewComment, Instant reviewedAt, String warningState) {
	}

	record Attachment(long id, String fileName, String contentType, long sizeBytes, String sha256, Instant uploadedAt) {
	}

	record Detail(OrderRow order, List<Attachment> attachments) {
	}

	record ReplyForm(String replyText) {
	}

	record RouteForm(Long officeId) {
	}

	record ReviewForm(boolean accepted, String comment) {
	}

	record BulkReplyForm(List<Long> orderIds, String replyText) {
	}

	record BulkRouteForm(List<Long> orderIds, Long officeId) {
	}

	/** Why one order of a bulk call cannot be handled: the code and message its single call would have answered. */
	record BulkFailure(long orderId, String code, String message) {
	}

	static final int MAX_BULK = 100;

	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final FileTransfers files;
	private final Clock clock;

	SupervisionOrderController(JdbcClient jdbc, OperationLog operationLog, FileTransfers files, Clock clock) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.files = files;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('supervision:read')")
	Page<OrderRow> list(@RequestParam(defaultValue = "ALL") Box box, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		String where = " WHERE " + visible(scope) + " AND " + box(box, scope)
				+ " AND (CAST(:state AS text) IS NULL OR o.state = :state) AND (NOT :overdue OR " + OVERDUE + ")";
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM supervision_order o" + where))
			.param("state", state).param("overdue", overdue).param("now", now()).param("office", scope.regionId())
			.query(Long.class).single();
		List<OrderRow> rows = scope.bind(jdbc.sql(SELECT + where + " ORDER BY o.issued_at DESC, o.id DESC LIMIT :size OFFSET :offset"))
			.param("state", state).param("overdue", overdue).param("now", now()).param("office", scope.regionId())
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(OrderRow.class).list();
		return new Page<>(rows, total);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('supervision:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		return new Detail(find(scope, id), attachments(id));
	}

	/** The addressee answers; a reply sent back (REJECTED) may be answered again. */
	@PostMapping("/{id}/reply")
	@PreAuthorize("hasAuthority('supervision:reply')")
	OrderRow reply(@PathVariable long id, @RequestBody ReplyForm form, DataScope scope) {
		OrderRow before = addressed(scope, id);
		validate(form);
		change(id, "state = 'REPLIED', reply_text = :text, replied_at = :now, replied_by = :user", "('OPEN', 'REJECTED')",
				"该督办单已答复，等待签发单位审核", form.replyText().trim(), null, scope);
		OrderRow after = find(scope, id);
		operationLog.record("SUPERVISION_REPLY", "supervision_order", id, before, after);
		return after;
	}

	/**
	 * The same reply to several orders at once (批量回复), all or nothing: if any order cannot be answered — out of
	 * scope, not addressed to the caller, already answered — none is, and the refusal lists each failing order.
	 */
	@PostMapping("/bulk-reply")
	@PreAuthorize("hasAuthority('supervision:reply')")
	List<OrderRow> bulkReply(@RequestBody BulkReplyForm form, DataScope scope) {
		ReplyForm reply = new ReplyForm(form.replyText());
		validate(reply);
		return bulk(form.orderIds(), id -> reply(id, reply, scope));
	}

	/** Several orders routed to one office at once (批量转办), all or nothing as {@link #bulkReply}. */
	@PostMapping("/bulk-route")
	@PreAuthorize("hasAuthority('supervision:route')")
	List<OrderRow> bulkRoute(@RequestBody BulkRouteForm form, DataScope scope) {
		if (form.officeId() == null) {
			throw ApiException.invalid("officeId", "请选择本部门的处（科）室");
		}
		RouteForm route = new RouteForm(form.officeId());
		return bulk(form.orderIds(), id -> route(id, route, scope));
	}

	/**
	 * Runs the single call on each order, in id order (so two bulk calls lock rows in the same order), inside the
	 * request's one transaction: a failure of any order is answered with 409 and every failure, which rolls back the
	 * orders already handled and their log entries ({@code WriteTransactionFilter}).
	 */
	private List<OrderRow> bulk(List<Long> orderIds, LongFunction<OrderRow> single) {
		if (orderIds == null || orderIds.isEmpty() || orderIds.size() > MAX_BULK || orderIds.contains(null)) {
			throw ApiException.invalid("orderIds", "请选择1至" + MAX_BULK + "张督办单");
		}
		List<OrderRow> done = new ArrayList<>();
		List<BulkFailure> failures = new ArrayList<>();
		for (long id : orderIds.stream().distinct().sorted().toList()) {
			try {
				done.add(single.apply(id));
			}
			catch (ApiException e) {
				failures.add(new BulkFailure(id, e.code(), e.getMessage()));
			}
		}
		if (!failures.isEmpty()) {
			throw new ApiException(HttpStatus.CONFLICT, "BULK_REFUSED",
					failures.size() + "张督办单无法办理，本次批量操作未作任何更改", List.of(), Map.of("failures", failures));
		}
		return done;
	}

	/** A liaison (or the department's leader) hands the order to one of the department's offices. */
	@PostMapping("/{id}/route")
	@PreAuthorize("hasAuthority('supervision:route')")
	OrderRow route(@PathVariable long id, @RequestBody RouteForm form, DataScope scope) {
		OrderRow before = addressed(scope, id);
		if (before.addresseeDepartmentId() == null) {
			throw ApiException.forbidden("该督办单不是发给部门的，无需分转");
		}
		if (before.state().equals("ACCEPTED")) {
			throw ApiException.conflict("ORDER_CLOSED", "该督办单已办结，无需分转");
		}
		boolean ownOffice = form.officeId() != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM department_office WHERE id = :o AND department_id = :d)")
			.param("o", form.officeId()).param("d", before.addresseeDepartmentId()).query(Boolean.class).single();
		if (!ownOffice) {
			throw ApiException.invalid("officeId", "请选择本部门的处（科）室");
		}
		jdbc.sql("UPDATE supervision_order SET office_id = :office, routed_at = :now, routed_by = :user WHERE id = :id")
			.param("office", form.officeId()).param("now", now()).param("user", scope.userId()).param("id", id).update();
		OrderRow after = find(scope, id);
		operationLog.record("SUPERVISION_ROUTE", "supervision_order", id, before, after);
		return after;
	}

	/** The issuing office accepts the reply or sends it back to be done again. */
	@PostMapping("/{id}/review")
	@PreAuthorize("hasAuthority('supervision:review')")
	OrderRow review(@PathVariable long id, @RequestBody ReviewForm form, DataScope scope) {
		OrderRow before = find(scope, id);
		long issuer = jdbc.sql("SELECT issuer_region_id FROM supervision_order WHERE id = :id").param("id", id).query(Long.class).single();
		if (scope.kind() != DataScope.Kind.REGION || issuer != scope.regionId()) {
			throw ApiException.forbidden("督办答复由签发单位审核");
		}
		if (!form.accepted() && (form.comment() == null || form.comment().isBlank())) {
			throw ApiException.invalid("comment", "退回时请说明理由");
		}
		change(id, "state = :to, review_comment = :text, reviewed_at = :now, reviewed_by = :user", "('REPLIED')",
				"该督办单尚未答复或已审核", form.comment(), form.accepted() ? "ACCEPTED" : "REJECTED", scope);
		OrderRow after = find(scope, id);
		operationLog.record(form.accepted() ? "SUPERVISION_ACCEPT" : "SUPERVISION_REJECT", "supervision_order", id, before, after);
		return after;
	}

	@PostMapping("/{id}/attachments")
	@PreAuthorize("hasAuthority('supervision:reply')")
	Attachment upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, DataScope scope) {
		OrderRow order = addressed(scope, id);
		if (!order.state().equals("OPEN") && !order.state().equals("REJECTED")) {
			throw ApiException.conflict("ORDER_CLOSED", "该督办单已答复，不能再上传附件");
		}
		FileTransfers.Received received = files.receive(file);
		Attachment attachment = jdbc.sql("""
				INSERT INTO supervision_order_attachment (order_id, region_id, file_name, content_type, size_bytes, sha256,
				                                          uploaded_by, uploaded_at)
				SELECT o.id, o.region_id, :name, :type, :size, :sha, :user, :now FROM supervision_order o WHERE o.id = :id
				RETURNING id, file_name, content_type, size_bytes, sha256, uploaded_at
				""")
			.param("id", id).param("name", received.fileName()).param("type", received.file().contentType())
			.param("size", received.file().size()).param("sha", received.file().sha256()).param("user", scope.userId())
			.param("now", now()).query(Attachment.class).single();
		operationLog.record("SUPERVISION_ATTACH", "supervision_order", id, null, attachment);
		return attachment;
	}

	@GetMapping("/{id}/attachments/{attachmentId}/content")
	@PreAuthorize("hasAuthority('supervision:read')")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId, DataScope scope) {
		find(scope, id);
		Attachment a = attachments(id).stream().filter(x -> x.id() == attachmentId).findFirst()
			.orElseThrow(() -> ApiException.notFound("附件"));
		return files.send(a.sha256(), a.fileName(), a.contentType(), a.sizeBytes());
	}

	private static void validate(ReplyForm form) {
		if (form.replyText() == null || form.replyText().isBlank()) {
			throw ApiException.invalid("replyText", "请填写答复内容");
		}
		if (form.replyText().length() > 2000) {
			throw ApiException.invalid("replyText", "答复内容不能超过2000字");
		}
	}

	/** Moves the order on, if it is still in one of {@code fromStates}; otherwise someone else was first (409). */
	private void change(long id, String set, String fromStates, String conflict, String text, String to, DataScope scope) {
		int changed = jdbc.sql("UPDATE supervision_order SET " + set + " WHERE id = :id AND state IN " + fromStates)
			.param("id", id).param("text", text).param("now", now()).param("user", scope.userId())
			.param("to", to)
			.update();
		if (changed == 0) {
			throw ApiException.conflict("ORDER_STATE", conflict);
		}
	}

	/** The order, if the caller is its addressee (department staff of the department, or the business itself). */
	private OrderRow addressed(DataScope scope, long id) {
		OrderRow order = find(scope, id);
		boolean addressee = switch (scope.kind()) {
			case DEPARTMENT, ENTITY -> true; // visible() already limits them to orders addressed to them
			case REGION -> false;
		};
		if (!addressee) {
			throw ApiException.forbidden("督办单由被督办部门或单位答复");
		}
		return order;
	}

	OrderRow find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE o.id = :id AND " + visible(scope)))
			.param("id", id).param("now", now()).query(OrderRow.class).optional().orElseThrow(() -> {
				operationLog.recordDenied("supervision_order", id);
				return ApiException.notFound("督办单");
			});
	}

	private List<Attachment> attachments(long id) {
		return jdbc.sql("""
				SELECT id, file_name, content_type, size_bytes, sha256, uploaded_at FROM supervision_order_attachment
				WHERE order_id = :id ORDER BY uploaded_at, id
				""").param("id", id).query(Attachment.class).list();
	}

	/** Offices see their territory's orders; a department only those addressed to it; a business only its own. */
	static String visible(DataScope scope) {
		return scope.kind() == DataScope.Kind.ENTITY ? scope.entityFilter("o.addressee_entity_id", "o.region_id")
				: scope.unitFilter("o.region_id", "o.addressee_department_id");
	}

	private static String box(Box box, DataScope scope) {
		boolean office = scope.kind() == DataScope.Kind.REGION;
		return switch (box) {
			case ALL -> "TRUE";
			case ISSUED -> office ? "o.issuer_region_id = :office" : "FALSE";
			// an office answers only what is addressed to its territory (no department and no entity named)
			case INBOX -> office ? "o.addressee_department_id IS NULL AND o.addressee_entity_id IS NULL" : "TRUE";
		};
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	static final String OVERDUE = "(o.state IN ('OPEN', 'REJECTED') AND o.reply_due_at < :now)";

	private static final String SELECT = """
			SELECT o.id, o.number, o.warning_id, w.trigger_kind, o.step_no, o.content, %s AS region_path, e.name AS entity_name,
			       o.addressee_department_id, coalesce(d.name, ae.name, r.name) AS addressee_name, o.office_id, f.name AS office_name,
			       ir.name || '安全生产委员会办公室' AS issuer_name, o.issued_at, o.reply_due_at, o.state, %s AS overdue,
			       o.reply_text, o.replied_at, o.review_comment, o.reviewed_at, w.state AS warning_state
			FROM supervision_order o JOIN warning w ON w.id = o.warning_id JOIN region r ON r.id = o.region_id
			JOIN region ir ON ir.id = o.issuer_region_id
			LEFT JOIN supervised_entity e ON e.id = o.entity_id LEFT JOIN department d ON d.id = o.addressee_department_id
			LEFT JOIN supervised_entity ae ON ae.id = o.addressee_entity_id LEFT JOIN department_office f ON f.id = o.office_id
			""".formatted(WarningSql.regionPath("o.region_id"), OVERDUE);
}
