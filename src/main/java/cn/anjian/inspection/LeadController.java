package cn.anjian.inspection;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 违法线索移交: a region office, street, grid or department transfers a lead to the competent department within its
 * reach ({@link #REACH}); the receiving department accepts it or returns it with a reason; the sender may then transfer
 * it again. The sender may correct or withdraw it until the receiver has handled it. Each step is logged and
 * published ({@link LeadTransferred}, {@link LeadAccepted}, {@link LeadReturned}, {@link LeadWithdrawn}).
 */
@RestController
@RequestMapping("/api/leads")
class LeadController {

	/**
	 * Which departments a sender may name: those of its own region or of a region above it — a street or district
	 * user (or district department) reaches its district's departments and the city's; a city user (or city
	 * department) reaches every department of the city.
	 */
	static final String REACH = """
			(d.region_id IN (SELECT ancestor_id FROM region_closure WHERE descendant_id = :senderRegion)
			 OR (SELECT level FROM region WHERE id = :senderRegion) = 'CITY')
			""";

	record NewLead(Long entityId, String subjectName, String subjectAddress, Long regionId,
			@NotBlank(message = "请描述违法线索") String description, String legalBasis,
			@NotNull(message = "请选择接收部门") Long receiverDepartmentId) {
	}

	record ActionForm(Long receiverDepartmentId, String note, String reason) {
	}

	/** What the sender may correct before the receiver handles the lead; the subject only if unregistered. */
	record EditLead(@NotBlank(message = "请描述违法线索") @Size(max = 2000, message = "线索描述不超过2000字") String description,
			@Size(max = 1000, message = "法律法规条款不超过1000字") String legalBasis,
			@Size(max = 200, message = "单位名称不超过200字") String subjectName,
			@Size(max = 300, message = "地址不超过300字") String subjectAddress) {
	}

	record Receiver(long id, String name, String level, String regionName) {
	}

	record Detail(Leads.LeadView lead, List<Leads.Hop> hops, List<Leads.Attachment> attachments) {
	}

	private static final Map<String, String> PERMISSIONS = Map.of("accept", "lead:handle", "return", "lead:handle",
			"transfer-again", "lead:write", "withdraw", "lead:write");

	private final Leads leads;
	private final JdbcClient jdbc;
	private final ScopeChecks scopeChecks;
	private final OperationLog operationLog;
	private final ApplicationEventPublisher events;
	private final FileTransfers files;
	private final Clock clock;

	LeadController(Leads leads, JdbcClient jdbc, ScopeChecks scopeChecks, OperationLog operationLog,
			ApplicationEventPublisher events, FileTransfers files, Clock clock) {
		this.leads = leads;
		this.jdbc = jdbc;
		this.scopeChecks = scopeChecks;
		this.operationLog = operationLog;
		this.events = events;
		this.files = files;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('lead:read')")
	Page<Leads.LeadView> search(@RequestParam(required = false) String box, @RequestParam(required = false) Lead.State state,
			@RequestParam(required = false) String keyword, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return leads.search(scope, new Leads.Filter(box, state, keyword), page, size);
	}

	/** The departments the caller may transfer a lead to. */
	@GetMapping("/receivers")
	@PreAuthorize("hasAuthority('lead:write')")
	List<Receiver> receivers(DataScope scope) {
		return jdbc.sql("""
				SELECT d.id, d.name, d.level, r.name AS region_name FROM department d JOIN region r ON r.id = d.region_id
				WHERE""" + REACH + " AND d.id IS DISTINCT FROM CAST(:own AS bigint) ORDER BY d.level, r.sort_order, d.sort_order, d.id")
			.param("senderRegion", scope.regionId()).param("own", scope.departmentId())
			.query(Receiver.class).list();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('lead:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		return new Detail(view(scope, id), leads.hops(id), leads.attachments(id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('lead:write')")
	Leads.LeadView transfer(@Valid @RequestBody NewLead form, DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业不能移交违法线索");
		}
		Subject subject = subject(form, scope);
		Hazard.OriginLevel receiverLevel = receiverLevel(scope, form.receiverDepartmentId());
		Instant now = clock.instant();
		long id = leads.insert(new Leads.NewRow(subject.entityId(), subject.regionId(), subject.name(), subject.address(),
				form.description().trim(), form.legalBasis(), scope.regionId(), scope.departmentId(), senderLevel(scope),
				senderName(scope), scope.userId(), form.receiverDepartmentId()), now);
		Lead lead = leads.lock(id).orElseThrow();
		leads.hopStarted(lead, CurrentActor.name());
		events.publishEvent(lead.transferred(receiverLevel));
		Leads.LeadView created = view(scope, id);
		operationLog.record("LEAD_TRANSFER", "lead", id, null, created);
		return created;
	}

	@PostMapping("/{id}/actions/{action}")
	@PreAuthorize("hasAnyAuthority('lead:handle', 'lead:write')")
	Leads.LeadView act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) ActionForm body,
			DataScope scope) {
		String needed = PERMISSIONS.get(action);
		if (needed == null) {
			throw ApiException.notFound("操作");
		}
		Leads.LeadView before = view(scope, id);
		if (!CurrentActor.holds(needed)) {
			throw ApiException.forbidden("无权限执行此操作");
		}
		ActionForm form = body == null ? new ActionForm(null, null, null) : body;
		Lead lead = leads.lock(id).orElseThrow();
		Instant now = clock.instant();
		switch (action) {
			case "accept" -> {
				LeadAccepted fact = lead.accept(scope.departmentId(), now);
				leads.save(lead);
				leads.hopEnded(id, "ACCEPTED", now, CurrentActor.id(), CurrentActor.name(), form.note());
				events.publishEvent(fact);
			}
			case "return" -> {
				LeadReturned fact = lead.returnToSender(scope.departmentId(), form.reason(), now);
				leads.save(lead);
				leads.hopEnded(id, "RETURNED", now, CurrentActor.id(), CurrentActor.name(), fact.reason());
				events.publishEvent(fact);
			}
			case "withdraw" -> {
				requireSender(before, scope);
				LeadWithdrawn fact = lead.withdraw(form.reason(), now);
				leads.save(lead);
				leads.hopEnded(id, "WITHDRAWN", now, CurrentActor.id(), CurrentActor.name(), fact.reason());
				events.publishEvent(fact);
			}
			default -> {
				requireSender(before, scope);
				if (form.receiverDepartmentId() == null) {
					throw ApiException.invalid("receiverDepartmentId", "请选择接收部门");
				}
				Hazard.OriginLevel level = receiverLevel(scope, form.receiverDepartmentId());
				LeadTransferred fact = lead.transferAgain(form.receiverDepartmentId(), level, now);
				leads.save(lead);
				leads.hopStarted(lead, CurrentActor.name());
				events.publishEvent(fact);
			}
		}
		Leads.LeadView after = view(scope, id);
		operationLog.record("LEAD_" + action.toUpperCase().replace('-', '_'), "lead", id, before, after);
		return after;
	}

	/** 修改: the sender corrects the lead while it still waits for the receiver (refused once accepted or returned). */
	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('lead:write')")
	Leads.LeadView edit(@PathVariable long id, @Valid @RequestBody EditLead form, DataScope scope) {
		Leads.LeadView before = view(scope, id);
		requireSender(before, scope);
		leads.lock(id).orElseThrow().requireEditable();
		String name = form.subjectName() == null || form.subjectName().isBlank() ? null : form.subjectName().trim();
		leads.edit(id, form.description().trim(), blankToNull(form.legalBasis()), name, blankToNull(form.subjectAddress()));
		Leads.LeadView after = view(scope, id);
		operationLog.record("LEAD_EDIT", "lead", id, before, after);
		return after;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	@PostMapping("/{id}/attachments")
	@PreAuthorize("hasAuthority('lead:write')")
	Leads.Attachment upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, DataScope scope) {
		Leads.LeadView lead = view(scope, id);
		requireSender(lead, scope);
		Leads.Attachment attachment = leads.attach(id, files.receive(file), scope.userId(), clock.instant());
		operationLog.record("LEAD_ATTACH", "lead", id, null, attachment);
		return attachment;
	}

	@GetMapping("/{id}/attachments/{attachmentId}/content")
	@PreAuthorize("hasAuthority('lead:read')")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId, DataScope scope) {
		view(scope, id);
		Leads.Attachment a = leads.attachments(id).stream().filter(x -> x.id() == attachmentId).findFirst()
			.orElseThrow(() -> ApiException.notFound("附件"));
		return files.send(a.sha256(), a.fileName(), a.contentType(), a.sizeBytes());
	}

	record Subject(Long entityId, long regionId, String name, String address) {
	}

	/**
	 * The business concerned: a registered entity in the sender's territory (a department may name any business of
	 * its region, not only those assigned to it — that is why it transfers), or an unregistered one by name, address
	 * and region.
	 */
	private Subject subject(NewLead form, DataScope scope) {
		if (form.entityId() != null) {
			var entity = jdbc.sql("SELECT region_id, name, address FROM supervised_entity WHERE id = :id")
				.param("id", form.entityId()).query().listOfRows().stream().findFirst()
				.orElseThrow(() -> ApiException.notFound("监管对象"));
			long region = ((Number) entity.get("region_id")).longValue();
			scopeChecks.requireRegion(scope, region, "supervised_entity", form.entityId(), "监管对象");
			return new Subject(form.entityId(), region, (String) entity.get("name"), (String) entity.get("address"));
		}
		if (form.subjectName() == null || form.subjectName().isBlank()) {
			throw ApiException.invalid("subjectName", "请选择涉及的单位，或填写未登记经营主体的名称");
		}
		if (form.regionId() == null) {
			throw ApiException.invalid("regionId", "请选择未登记经营主体所在区划");
		}
		scopeChecks.requireRegion(scope, form.regionId(), "region", form.regionId(), "区划");
		return new Subject(null, form.regionId(), form.subjectName().trim(), form.subjectAddress());
	}

	/** Refuses (404, logged) a department outside the sender's reach; the receiver's level otherwise. */
	private Hazard.OriginLevel receiverLevel(DataScope scope, long departmentId) {
		String level = jdbc.sql("SELECT d.level FROM department d WHERE d.id = :id AND " + REACH
				+ " AND d.id IS DISTINCT FROM CAST(:own AS bigint)")
			.param("id", departmentId).param("senderRegion", scope.regionId()).param("own", scope.departmentId())
			.query(String.class).optional().orElseThrow(() -> {
				operationLog.recordDenied("department", departmentId);
				return ApiException.notFound("接收部门");
			});
		return Hazard.OriginLevel.valueOf(level);
	}

	/** Only the sending side (the sending department, or a region user over the sending office) acts as sender. */
	private void requireSender(Leads.LeadView lead, DataScope scope) {
		boolean sender = lead.senderDepartmentId() != null ? lead.senderDepartmentId().equals(scope.departmentId())
				: scope.kind() == DataScope.Kind.REGION && jdbc.sql("SELECT sender_region_id FROM lead_transfer WHERE id = :id")
					.param("id", lead.id()).query(Long.class).optional().map(r -> scopeChecks.covers(scope, r)).orElse(false);
		if (!sender) {
			throw ApiException.forbidden("只有移交单位可以办理此操作");
		}
	}

	private Hazard.OriginLevel senderLevel(DataScope scope) {
		String level = scope.departmentId() != null
				? jdbc.sql("SELECT level FROM department WHERE id = :id").param("id", scope.departmentId()).query(String.class).single()
				: jdbc.sql("SELECT level FROM region WHERE id = :id").param("id", scope.regionId()).query(String.class).single();
		return "CITY".equals(level) ? Hazard.OriginLevel.CITY : Hazard.OriginLevel.DISTRICT;
	}

	private String senderName(DataScope scope) {
		if (scope.departmentId() != null) {
			return jdbc.sql("SELECT name FROM department WHERE id = :id").param("id", scope.departmentId()).query(String.class).single();
		}
		return jdbc.sql("""
				SELECT name || CASE WHEN level IN ('CITY', 'DISTRICT') THEN '安委会办公室' ELSE '' END FROM region WHERE id = :id
				""").param("id", scope.regionId()).query(String.class).single();
	}

	private Leads.LeadView view(DataScope scope, long id) {
		return leads.find(scope, id).orElseThrow(() -> {
			operationLog.recordDenied("lead", id);
			return ApiException.notFound("线索");
		});
	}
}
