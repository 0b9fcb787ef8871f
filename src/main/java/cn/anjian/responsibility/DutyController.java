package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 权责清单: the written duties of a department, an office, a responsible leader, a people's government or one of
 * its leaders (seed 003 §三(六), seed 001 §4 "主要负责人、分管负责人和专职人员安全生产权责清单").
 */
@RestController
@RequestMapping("/api/responsibility/duties")
class DutyController {

	record DutyForm(@NotBlank(message = "请选择责任主体类型") String ownerType, @NotNull(message = "请选择责任主体") Long ownerId,
			@NotBlank(message = "请填写职责内容") @Size(max = 4000, message = "职责内容不超过4000字") String content,
			@Size(max = 2000, message = "法律依据不超过2000字") String legalBasis, Integer sortOrder) {
	}

	record DutyEdit(@NotBlank(message = "请填写职责内容") @Size(max = 4000, message = "职责内容不超过4000字") String content,
			@Size(max = 2000, message = "法律依据不超过2000字") String legalBasis, Integer sortOrder) {
	}

	private final Duties duties;
	private final DutyOwners owners;
	private final OperationLog operationLog;

	DutyController(Duties duties, DutyOwners owners, OperationLog operationLog) {
		this.duties = duties;
		this.owners = owners;
		this.operationLog = operationLog;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('responsibility:read')")
	List<Duties.Duty> list(@RequestParam String ownerType, @RequestParam long ownerId, DataScope scope) {
		DutyOwners.Owner owner = owners.readable(scope, DutyOwners.Type.of(ownerType), ownerId);
		return duties.of(owner.type(), owner.id());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('responsibility:write')")
	Duties.Duty create(@Valid @RequestBody DutyForm form, DataScope scope) {
		DutyOwners.Owner owner = owners.writable(scope, DutyOwners.Type.of(form.ownerType()), form.ownerId());
		Duties.Duty created = duties.insert(owner, form.content().trim(), blankToNull(form.legalBasis()), order(form.sortOrder()));
		operationLog.record("CREATE", "duty_item", created.id(), null, created);
		return created;
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Duties.Duty update(@PathVariable long id, @Valid @RequestBody DutyEdit form, DataScope scope) {
		Duties.Duty before = writable(scope, id);
		Duties.Duty after = duties.update(id, form.content().trim(), blankToNull(form.legalBasis()), order(form.sortOrder()));
		operationLog.record("UPDATE", "duty_item", id, before, after);
		return after;
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('responsibility:write')")
	ResponseEntity<Void> delete(@PathVariable long id, DataScope scope) {
		Duties.Duty before = writable(scope, id);
		duties.delete(id);
		operationLog.record("DELETE", "duty_item", id, before, null);
		return ResponseEntity.noContent().build();
	}

	/** The duty if its owner is writable by the caller; an unknown duty is as "not found" as a foreign one. */
	private Duties.Duty writable(DataScope scope, long id) {
		Duties.Duty duty = duties.find(id).orElseThrow(() -> ApiException.notFound("职责"));
		owners.writable(scope, DutyOwners.Type.valueOf(duty.ownerType()), duty.ownerId());
		return duty;
	}

	private static int order(Integer sortOrder) {
		return sortOrder == null ? 0 : sortOrder;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
