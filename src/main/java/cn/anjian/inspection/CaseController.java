package cn.anjian.inspection;

import cn.anjian.platform.numbering.DocumentNumbers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import cn.anjian.registry.Entities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * 立案/处罚 (一案一档): a case is filed against an entity — from one of its hazards or directly — with its legal basis
 * and facts and a case number (文号); {@link EnforcementCase} decides what may follow. A decision puts the entity on
 * the blacklist (黑名单, seed 001 §14).
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	record NewCase(Long entityId, Long hazardId, Long leadId, @NotBlank(message = "请填写立案依据") String legalBasis,
			@NotBlank(message = "请填写违法事实") String facts) {
	}

	/** {@code basis} and {@code reason}: of a decision of no penalty (不予处罚) or a withdrawal (撤案). */
	record ActionForm(List<EnforcementCase.Penalty> penalties, String note, String basis, String reason) {
	}

	record AmountForm(BigDecimal amount, String reason) {
	}

	record Detail(Cases.CaseView caseFile, List<Cases.PenaltyView> penalties, List<Cases.AmountChange> amountChanges,
			List<Cases.Transition> transitions) {
	}

	private final Cases cases;
	private final Hazards hazards;
	private final Leads leads;
	private final Entities entities;
	private final DocumentNumbers numbers;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	CaseController(Cases cases, Hazards hazards, Leads leads, Entities entities, DocumentNumbers numbers, JdbcClient jdbc,
			OperationLog operationLog, Clock clock) {
		this.cases = cases;
		this.leads = leads;
		this.hazards = hazards;
		this.entities = entities;
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('case:read')")
	Page<Cases.CaseView> search(@RequestParam(required = false) EnforcementCase.State state,
			@RequestParam(required = false) Long entityId, @RequestParam(required = false) Long hazardId,
			@RequestParam(required = false) String keyword,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		return cases.search(scope, new Cases.Filter(state, entityId, hazardId, keyword), page, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('case:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		return detail(scope, id);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('case:write')")
	Detail file(@Valid @RequestBody NewCase form, DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业不能立案");
		}
		Instant now = clock.instant();
		long entityId;
		long regionId;
		if (form.leadId() != null) {
			Leads.LeadView lead = leads.find(scope, form.leadId()).orElseThrow(() -> denied("lead", form.leadId(), "线索"));
			if (lead.state() != Lead.State.ACCEPTED || !Long.valueOf(lead.receiverDepartmentId()).equals(scope.departmentId())) {
				throw ApiException.conflict("LEAD_NOT_ACCEPTED", "只能对本部门已受理的线索立案");
			}
			if (lead.entityId() == null) {
				throw ApiException.invalid("leadId", "线索涉及的经营主体尚未登记，请先登记为监管对象再立案");
			}
			entityId = lead.entityId();
			regionId = jdbc.sql("SELECT region_id FROM lead_transfer WHERE id = :id").param("id", lead.id()).query(Long.class).single();
		}
		else if (form.hazardId() != null) {
			Hazards.HazardView hazard = hazards.find(scope, form.hazardId(), now).orElseThrow(() -> denied("hazard", form.hazardId(), "隐患"));
			entityId = hazard.entityId(); // the hazard's finder may file on it even if not assigned to the entity
			regionId = jdbc.sql("SELECT region_id FROM hazard WHERE id = :id").param("id", hazard.id()).query(Long.class).single();
		}
		else if (form.entityId() != null) {
			entityId = form.entityId();
			regionId = entities.find(scope, entityId).orElseThrow(() -> denied("supervised_entity", entityId, "监管对象")).regionId();
		}
		else {
			throw ApiException.invalid("entityId", "请选择当事单位或来源隐患");
		}
		String number = caseNumber(scope, now);
		long id = cases.insert(entityId, regionId, form.hazardId(), form.leadId(), scope.departmentId(), number, form.legalBasis().trim(),
				form.facts().trim(), scope.userId(), now);
		EnforcementCase filed = cases.lock(id).orElseThrow();
		cases.save(filed, "FILE", null, scope.userId(), CurrentActor.name(), null, now);
		Detail created = detail(scope, id);
		operationLog.record("CASE_FILE", "case", id, null, created);
		return created;
	}

	@PostMapping("/{id}/actions/{action}")
	@PreAuthorize("hasAuthority('case:write')")
	Detail act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) ActionForm body,
			DataScope scope) {
		Detail before = detail(scope, id);
		EnforcementCase c = cases.lock(id).orElseThrow();
		EnforcementCase.State from = c.state();
		ActionForm form = body == null ? new ActionForm(null, null, null, null) : body;
		Instant now = clock.instant();
		String transition = switch (action) {
			case "decide" -> c.decide(form.penalties());
			case "execute" -> c.execute();
			case "close" -> c.close();
			case "no-penalty" -> c.decideNoPenalty(form.basis(), form.reason());
			case "withdraw" -> c.withdraw(form.reason());
			default -> throw ApiException.notFound("操作");
		};
		String note = c.endedWithoutPenalty() ? form.reason().trim() : form.note();
		cases.save(c, transition, from, scope.userId(), CurrentActor.name(), note, now);
		if (c.endedWithoutPenalty()) {
			cases.closing(id, form.basis(), form.reason());
		}
		if (transition.equals("DECIDE")) {
			form.penalties().forEach(p -> cases.addPenalty(id, p));
			String kinds = form.penalties().stream().map(p -> p.kind().label()).collect(Collectors.joining("、"));
			cases.blacklist(id, "受到行政处罚（" + kinds + "），案号 " + before.caseFile().caseNumber(), now);
		}
		Detail after = detail(scope, id);
		operationLog.record("CASE_" + transition, "case", id, before, after);
		return after;
	}

	/** 罚款金额变更: the initial amount stays, the current one changes, the change is kept with its reason. */
	@PostMapping("/{id}/penalties/{penaltyId}/amount")
	@PreAuthorize("hasAuthority('case:write')")
	Detail changeAmount(@PathVariable long id, @PathVariable long penaltyId, @RequestBody AmountForm form, DataScope scope) {
		Detail before = detail(scope, id);
		EnforcementCase c = cases.lock(id).orElseThrow();
		Cases.PenaltyView fine = before.penalties().stream()
			.filter(p -> p.id() == penaltyId && p.kind() == EnforcementCase.PenaltyKind.FINE).findFirst()
			.orElseThrow(() -> ApiException.notFound("罚款"));
		c.changeAmount(fine.currentAmount(), form.amount(), form.reason());
		cases.changeAmount(id, penaltyId, fine.currentAmount(), form.amount(), form.reason(), scope.userId(),
				CurrentActor.name(), clock.instant());
		Detail after = detail(scope, id);
		operationLog.record("CASE_CHANGE_AMOUNT", "case", id, before, after);
		return after;
	}

	/**
	 * The case number, counted per issuing unit and year (Beijing time): {@code 历下应急立〔2026〕1号} for a district
	 * department, {@code 济南应急立…} for a city one, {@code 历下安委立…} for a region office.
	 */
	private String caseNumber(DataScope scope, Instant now) {
		int year = now.atZone(BusinessTime.ZONE).getYear();
		Map<String, Object> issuer = scope.departmentId() != null
				? jdbc.sql("""
						SELECT d.region_id, r.name AS region_name, coalesce(d.short_name, d.name) AS unit FROM department d
						JOIN region r ON r.id = d.region_id WHERE d.id = :id
						""").param("id", scope.departmentId()).query().singleRow()
				: jdbc.sql("SELECT id AS region_id, name AS region_name, NULL AS unit FROM region WHERE id = :id")
					.param("id", scope.regionId()).query().singleRow();
		long region = ((Number) issuer.get("region_id")).longValue();
		String regionName = (String) issuer.get("region_name");
		String unit = (String) issuer.get("unit");
		String prefix = shortRegion(regionName) + (unit == null ? "安委" : shortUnit(unit, regionName)) + "立";
		String kind = scope.departmentId() != null ? "CASE_D" + scope.departmentId() : "CASE_R" + region;
		return DocumentNumbers.format(prefix, year, numbers.next(kind, region, year));
	}

	static String shortRegion(String name) {
		return name.length() > 2 && (name.endsWith("市") || name.endsWith("区") || name.endsWith("县")) ? name.substring(0, name.length() - 1) : name;
	}

	/** 历下区应急局 → 应急, 市应急局 → 应急, 市消防救援支队 → 消防救援支队. */
	static String shortUnit(String unit, String regionName) {
		String u = unit.startsWith(regionName) ? unit.substring(regionName.length()) : unit.startsWith("市") ? unit.substring(1) : unit;
		return u.endsWith("局") && u.length() > 1 ? u.substring(0, u.length() - 1) : u;
	}

	private Detail detail(DataScope scope, long id) {
		Cases.CaseView c = cases.find(scope, id).orElseThrow(() -> denied("case", id, "案件"));
		return new Detail(c, cases.penalties(id), cases.changes(id), cases.transitions(id));
	}

	private ApiException denied(String type, long id, String what) {
		operationLog.recordDenied(type, id);
		return ApiException.notFound(what);
	}
}
