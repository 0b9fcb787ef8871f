package cn.anjian.inspection;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hazards through their closed loop: report, then one action at a time ({@link Hazard} decides what is allowed),
 * each logged with actor and time, recorded as a transition and published as {@link HazardTransitioned}. Businesses
 * act on their own hazards (submit rectification, ask for an extension); government staff on the rest.
 */
@RestController
@RequestMapping("/api/hazards")
class HazardController {

	record ActionForm(Instant deadline, Hazard.RectificationType type, RectificationPlan plan, String note, String reason) {
	}

	record Detail(Hazards.HazardView hazard, List<Hazards.Transition> transitions, List<HazardAttachments.Attachment> attachments) {
	}

	/** Which permission each action needs; the business's own two need the business permission. */
	private static final Map<String, String> PERMISSIONS = Map.ofEntries(Map.entry("confirm-major", "hazard:confirm"),
			Map.entry("downgrade", "hazard:confirm"), Map.entry("order-rectification", "hazard:write"),
			Map.entry("rectify-on-the-spot", "hazard:write"), Map.entry("approve-extension", "hazard:write"),
			Map.entry("refuse-extension", "hazard:write"), Map.entry("pass-reinspection", "hazard:write"),
			Map.entry("fail-reinspection", "hazard:write"), Map.entry("accept-rectification", "hazard:write"),
			Map.entry("reject-rectification", "hazard:write"), Map.entry("submit-rectification", "hazard:rectify"),
			Map.entry("apply-extension", "hazard:rectify"));

	private final Hazards hazards;
	private final HazardAttachments attachments;
	private final ReportingHazard reporting;
	private final RecordingTransition transitions;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final FileTransfers files;
	private final Clock clock;
	private final RectificationNotices notices;

	HazardController(Hazards hazards, HazardAttachments attachments, ReportingHazard reporting,
			RecordingTransition transitions, JdbcClient jdbc, OperationLog operationLog, FileTransfers files, Clock clock,
			RectificationNotices notices) {
		this.notices = notices;
		this.hazards = hazards;
		this.attachments = attachments;
		this.reporting = reporting;
		this.transitions = transitions;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.files = files;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('hazard:read')")
	Page<Hazards.HazardView> search(@RequestParam(required = false) HazardState state,
			@RequestParam(required = false) HazardLevel level, @RequestParam(required = false) Long entityId,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Boolean open,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		return hazards.search(scope, new Hazards.Filter(state, level, entityId, regionId, overdue, keyword, open),
				clock.instant(), page, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('hazard:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		return new Detail(view(scope, id), hazards.transitions(id), attachments.of(id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('hazard:write')")
	Hazards.HazardView report(@Valid @RequestBody ReportingHazard.NewHazard form, DataScope scope) {
		return reporting.report(scope, form, null);
	}

	@PostMapping("/{id}/actions/{action}")
	@PreAuthorize("hasAnyAuthority('hazard:write', 'hazard:confirm', 'hazard:rectify')")
	Hazards.HazardView act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) ActionForm body,
			DataScope scope) {
		requirePermission(action, scope);
		Hazards.HazardView before = view(scope, id);
		Hazard hazard = hazards.lock(id).orElseThrow();
		ActionForm form = body == null ? new ActionForm(null, null, null, null, null) : body;
		Instant now = clock.instant();
		HazardTransitioned fact = switch (action) {
			case "confirm-major" -> hazard.confirmMajor(now);
			case "downgrade" -> hazard.downgrade(now);
			case "order-rectification" -> hazard.orderRectification(
					form.type() == null ? Hazard.RectificationType.DEADLINE : form.type(), form.deadline(), form.plan(), now);
			case "rectify-on-the-spot" -> hazard.rectifyOnTheSpot(attachments.evidenceSince(id, null), now);
			case "apply-extension" -> hazard.applyExtension(require(form.deadline(), "deadline"), now);
			case "approve-extension" -> hazard.approveExtension(now);
			case "refuse-extension" -> hazard.refuseExtension(now);
			case "submit-rectification" -> hazard.submitRectification(attachments.evidenceSince(id, lastOrder(id)), now);
			case "pass-reinspection" -> hazard.passReinspection(now);
			case "fail-reinspection" -> hazard.failReinspection(form.deadline(), now);
			case "accept-rectification" -> hazard.acceptRectification(now);
			case "reject-rectification" -> hazard.rejectRectification(form.deadline(), now);
			default -> throw ApiException.notFound("操作");
		};
		transitions.record(hazard, fact, form.note(), "apply-extension".equals(action) ? form.reason() : null);
		if (fact.transition().equals("ORDER_RECTIFICATION")) {
			notices.issue(id, notices.issuerOf(scope.departmentId(), scope.regionId()), now);
		}
		Hazards.HazardView after = view(scope, id);
		operationLog.record("HAZARD_" + fact.transition(), "hazard", id, before, after);
		return after;
	}

	/** The 整改通知书 issued when the rectification was ordered; 404 until then. */
	@GetMapping("/{id}/rectification-notice.pdf")
	@PreAuthorize("hasAuthority('hazard:read')")
	ResponseEntity<byte[]> notice(@PathVariable long id, DataScope scope) {
		Hazards.HazardView hazard = view(scope, id);
		if (hazard.noticeNumber() == null) {
			throw ApiException.notFound("整改通知书");
		}
		var out = new java.io.ByteArrayOutputStream();
		RectificationNoticePdf.write(hazard, hazard.noticeIssuer(), out);
		return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
				.attachment().filename("整改通知书-" + hazard.noticeNumber() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
				.build().toString())
			.body(out.toByteArray());
	}

	@PostMapping("/{id}/attachments")
	@PreAuthorize("hasAnyAuthority('hazard:write', 'hazard:rectify')")
	HazardAttachments.Attachment upload(@PathVariable long id, @RequestParam(defaultValue = "EVIDENCE") String kind,
			@RequestParam(required = false) MultipartFile file, DataScope scope) {
		Hazards.HazardView hazard = view(scope, id);
		if (!kind.equals("EVIDENCE") && !kind.equals("FINDING")) {
			throw ApiException.invalid("kind", "附件类别只能是发现照片或整改佐证");
		}
		if (scope.kind() == DataScope.Kind.ENTITY && !kind.equals("EVIDENCE")) {
			throw ApiException.forbidden("企业只能上传整改佐证材料");
		}
		FileTransfers.Received received = files.receive(file);
		HazardAttachments.Attachment attachment = attachments.add(id, kind, received, scope.userId(), clock.instant());
		operationLog.record("HAZARD_ATTACH", "hazard", hazard.id(), null, attachment);
		return attachment;
	}

	@GetMapping("/{id}/attachments/{attachmentId}/content")
	@PreAuthorize("hasAuthority('hazard:read')")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId, DataScope scope) {
		view(scope, id);
		HazardAttachments.Attachment a = attachments.of(id).stream().filter(x -> x.id() == attachmentId).findFirst()
			.orElseThrow(() -> ApiException.notFound("附件"));
		return files.send(a.sha256(), a.fileName(), a.contentType(), a.sizeBytes());
	}

	private void requirePermission(String action, DataScope scope) {
		String needed = PERMISSIONS.get(action);
		if (needed == null) {
			throw ApiException.notFound("操作");
		}
		boolean held = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
			.map(GrantedAuthority::getAuthority).anyMatch(needed::equals);
		if (!held || (needed.equals("hazard:rectify") != (scope.kind() == DataScope.Kind.ENTITY))) {
			throw ApiException.forbidden(needed.equals("hazard:rectify") ? "该操作由隐患所在单位办理" : "无权限执行此操作");
		}
	}

	private Instant lastOrder(long hazardId) {
		return jdbc.sql("SELECT max(at) FROM hazard_transition WHERE hazard_id = :id AND to_state = 'RECTIFYING'")
			.param("id", hazardId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
	}

	private Hazards.HazardView view(DataScope scope, long id) {
		return hazards.find(scope, id, clock.instant()).orElseThrow(() -> {
			operationLog.recordDenied("hazard", id);
			return ApiException.notFound("隐患");
		});
	}

	private static Instant require(Instant value, String field) {
		if (value == null) {
			throw ApiException.invalid(field, "请选择期限");
		}
		return value;
	}
}
