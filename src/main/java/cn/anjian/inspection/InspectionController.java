package cn.anjian.inspection;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import cn.anjian.registry.Entities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Inspection records (检查记录): who inspected which entity when and how, the filled checklist (符合/不符合/不适用 per
 * item), findings, photos, the entity representative's name as signature, and the result. A failed item becomes a
 * hazard in one step, through the same {@link ReportingHazard} the hazard API uses, linked to the inspection.
 */
@RestController
@RequestMapping("/api/inspections")
class InspectionController {

	record NewInspection(@NotNull(message = "请选择检查类型") InspectionType type,
			@NotNull(message = "请选择被检查单位") Long entityId, List<Long> inspectorIds,
			@NotNull(message = "请选择检查日期") LocalDate inspectedOn, Long templateId, Long planId) {
	}

	record ItemFill(@NotNull Long id, String outcome, @Size(max = 1000, message = "说明不超过1000字") String note) {
	}

	record Fill(@Size(max = 4000, message = "检查发现不超过4000字") String findings,
			@Size(max = 50, message = "签名姓名不超过50字") String representativeName, InspectionResult result,
			List<@Valid ItemFill> items) {
	}

	/** {@code reinspectionRequired} defaults to true: a hazard found on an inspection is normally re-inspected. */
	record ItemHazard(@NotNull(message = "请选择隐患等级") HazardLevel level, Boolean reinspectionRequired,
			String description, String location) {
	}

	record Detail(Inspections.InspectionView inspection, List<Inspections.Inspector> inspectors,
			List<Inspections.Item> items, List<Inspections.Photo> photos, List<Hazards.HazardView> hazards) {
	}

	private final Inspections inspections;
	private final InspectionStaff staff;
	private final Hazards hazards;
	private final ReportingHazard reporting;
	private final Entities entities;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final FileTransfers files;
	private final Clock clock;

	InspectionController(Inspections inspections, InspectionStaff staff, Hazards hazards, ReportingHazard reporting,
			Entities entities, JdbcClient jdbc, OperationLog operationLog, FileTransfers files, Clock clock) {
		this.inspections = inspections;
		this.staff = staff;
		this.hazards = hazards;
		this.reporting = reporting;
		this.entities = entities;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.files = files;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('inspection:read')")
	Page<Inspections.InspectionView> search(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long entityId,
			@RequestParam(required = false) InspectionType type, @RequestParam(required = false) InspectionResult result,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String keyword, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return inspections.search(scope, new Inspections.Filter(regionId, departmentId, entityId,
				type == null ? null : type.name(), result == null ? null : result.name(), from, to, keyword, mine), page, size);
	}

	/** How much inspection work the caller's scope did in a period (default: this year so far). */
	@GetMapping("/counts")
	@PreAuthorize("hasAuthority('inspection:read')")
	Inspections.Counts counts(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, DataScope scope) {
		LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
		LocalDate until = to == null ? today : to;
		LocalDate since = from == null ? until.withDayOfYear(1) : from;
		if (since.isAfter(until)) {
			throw ApiException.invalid("from", "开始日期不能晚于结束日期");
		}
		return inspections.counts(scope, regionId, since, until);
	}

	/** The people the caller may name as inspectors. */
	@GetMapping("/staff")
	@PreAuthorize("hasAuthority('inspection:read')")
	List<InspectionStaff.Person> staff(DataScope scope) {
		return staff.of(scope);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('inspection:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		return detail(scope, view(scope, id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('inspection:write')")
	Detail create(@Valid @RequestBody NewInspection form, DataScope scope) {
		entities.find(scope, form.entityId()).orElseThrow(() -> {
			operationLog.recordDenied("supervised_entity", form.entityId());
			return ApiException.notFound("监管对象");
		});
		List<Long> inspectors = staff.require(scope, form.inspectorIds(), "inspectorIds");
		if (form.inspectedOn().isAfter(LocalDate.now(clock.withZone(BusinessTime.ZONE)))) {
			throw ApiException.invalid("inspectedOn", "检查日期不能晚于今天");
		}
		if (form.templateId() != null && jdbc.sql("SELECT count(*) FROM checklist_template WHERE id = :id AND enabled")
			.param("id", form.templateId()).query(Long.class).single() == 0) {
			throw ApiException.invalid("templateId", "检查表模板不存在或已停用");
		}
		if (form.planId() != null) {
			requirePlanned(scope, form.planId(), form.entityId());
		}
		long id = inspections.insert(new Inspections.NewRecord(form.entityId(), scope.departmentId(), form.type(),
				form.inspectedOn(), form.templateId(), form.planId(), null, inspectors, scope.userId(), clock.instant()));
		Detail created = detail(scope, view(scope, id));
		operationLog.record("INSPECTION_CREATE", "inspection", id, null, created);
		return created;
	}

	/** Saves the filled checklist, findings, signature and result at once (the phone form saves once at the end). */
	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('inspection:write')")
	Detail fill(@PathVariable long id, @Valid @RequestBody Fill form, DataScope scope) {
		Detail before = detail(scope, view(scope, id));
		Map<Long, Inspections.Item> items = before.items().stream()
			.collect(Collectors.toMap(Inspections.Item::id, Function.identity()));
		for (ItemFill fill : form.items() == null ? List.<ItemFill>of() : form.items()) {
			Inspections.Item item = items.get(fill.id());
			if (item == null) {
				throw ApiException.invalid("items", "检查项不属于本次检查");
			}
			String outcome = outcome(fill.outcome());
			if (item.hazardId() != null && !"FAIL".equals(outcome)) {
				throw ApiException.conflict("ITEM_HAS_HAZARD", "该检查项已登记隐患，不能改为符合或不适用");
			}
			inspections.fillItem(id, fill.id(), outcome, ChecklistController.blankToNull(fill.note()));
		}
		boolean anyFailed = inspections.items(id).stream().anyMatch(i -> "FAIL".equals(i.outcome()));
		if (form.result() == InspectionResult.PASSED && anyFailed) {
			throw ApiException.invalid("result", "存在不符合项，检查结果不能为合格");
		}
		inspections.fill(id, ChecklistController.blankToNull(form.findings()),
				ChecklistController.blankToNull(form.representativeName()), form.result(), clock.instant());
		Detail after = detail(scope, view(scope, id));
		operationLog.record("INSPECTION_FILL", "inspection", id, before.inspection(), after.inspection());
		return after;
	}

	/** A failed item becomes a hazard of the inspected entity, its text and legal basis carried over. */
	@PostMapping("/{id}/items/{itemId}/hazard")
	@PreAuthorize("hasAuthority('inspection:write') and hasAuthority('hazard:write')")
	Hazards.HazardView raiseHazard(@PathVariable long id, @PathVariable long itemId, @Valid @RequestBody ItemHazard form,
			DataScope scope) {
		Inspections.InspectionView inspection = view(scope, id);
		Inspections.Item item = inspections.lockItem(id, itemId).orElseThrow(() -> ApiException.notFound("检查项"));
		if (!"FAIL".equals(item.outcome())) {
			throw ApiException.conflict("ITEM_NOT_FAILED", "只有判定为“不符合”的检查项才能登记为隐患");
		}
		if (item.hazardId() != null) {
			throw ApiException.conflict("ITEM_HAS_HAZARD", "该检查项已登记隐患");
		}
		String description = ChecklistController.blankToNull(form.description());
		if (description == null) {
			description = item.note() == null ? item.content() : item.content() + "：" + item.note();
		}
		Hazards.HazardView hazard = reporting.report(scope, new ReportingHazard.NewHazard(inspection.entityId(),
				description, form.location(), item.legalBasis(), form.level(), !Boolean.FALSE.equals(form.reinspectionRequired()),
				inspection.departmentId()), id);
		inspections.linkHazard(itemId, hazard.id());
		return hazard;
	}

	@GetMapping("/{id}/hazards")
	@PreAuthorize("hasAuthority('inspection:read') and hasAuthority('hazard:read')")
	List<Hazards.HazardView> hazards(@PathVariable long id, DataScope scope) {
		view(scope, id);
		return hazards.ofInspection(scope, id, clock.instant());
	}

	@PostMapping("/{id}/photos")
	@PreAuthorize("hasAuthority('inspection:write')")
	Inspections.Photo upload(@PathVariable long id, @RequestParam(required = false) Long itemId,
			@RequestParam(required = false) MultipartFile file, DataScope scope) {
		view(scope, id);
		if (itemId != null && inspections.items(id).stream().noneMatch(i -> i.id() == itemId)) {
			throw ApiException.invalid("itemId", "检查项不属于本次检查");
		}
		Inspections.Photo photo = inspections.addPhoto(id, itemId, files.receive(file), scope.userId(), clock.instant());
		operationLog.record("INSPECTION_PHOTO", "inspection", id, null, photo);
		return photo;
	}

	@GetMapping("/{id}/photos/{photoId}/content")
	@PreAuthorize("hasAuthority('inspection:read')")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long photoId, DataScope scope) {
		view(scope, id);
		Inspections.Photo p = inspections.photos(id).stream().filter(x -> x.id() == photoId).findFirst()
			.orElseThrow(() -> ApiException.notFound("照片"));
		return files.send(p.sha256(), p.fileName(), p.contentType(), p.sizeBytes());
	}

	private void requirePlanned(DataScope scope, long planId, long entityId) {
		boolean planned = scope.bind(jdbc.sql("""
				SELECT count(*) FROM inspection_plan p JOIN inspection_plan_entity x ON x.plan_id = p.id
				WHERE p.id = :plan AND x.entity_id = :entity AND %s
				""".formatted(InspectionPlans.filter(scope)))).param("plan", planId).param("entity", entityId)
			.query(Long.class).single() > 0;
		if (!planned) {
			throw ApiException.invalid("planId", "该单位不在所选检查计划中");
		}
	}

	private static String outcome(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!List.of("PASS", "FAIL", "NA").contains(value)) {
			throw ApiException.invalid("items", "检查结论只能是符合、不符合或不适用");
		}
		return value;
	}

	private Detail detail(DataScope scope, Inspections.InspectionView view) {
		return new Detail(view, inspections.inspectors(view.id()), inspections.items(view.id()),
				inspections.photos(view.id()), hazards.ofInspection(scope, view.id(), clock.instant()));
	}

	private Inspections.InspectionView view(DataScope scope, long id) {
		return inspections.find(scope, id).orElseThrow(() -> {
			operationLog.recordDenied("inspection", id);
			return ApiException.notFound("检查记录");
		});
	}
}
