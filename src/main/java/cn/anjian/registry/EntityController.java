package cn.anjian.registry;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.web.ApiError;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register of supervised entities: search, view, create, edit (incl. deactivate by status), history, summary. */
@RestController
@RequestMapping("/api/entities")
class EntityController {

	private final Entities entities;
	private final EntityValidation validation;
	private final OperationLog operationLog;
	private final EntityHistory history;
	private final EntitySummary summary;
	private final ScopeChecks scopeChecks;

	EntityController(Entities entities, EntityValidation validation, OperationLog operationLog, EntityHistory history,
			EntitySummary summary, ScopeChecks scopeChecks) {
		this.scopeChecks = scopeChecks;
		this.entities = entities;
		this.validation = validation;
		this.operationLog = operationLog;
		this.history = history;
		this.summary = summary;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('entity:read')")
	Page<EntityView> search(@ModelAttribute EntitySearch search, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return entities.search(scope, search, page, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('entity:read')")
	EntityView get(@PathVariable long id, DataScope scope) {
		return find(scope, id);
	}

	@GetMapping("/{id}/history")
	@PreAuthorize("hasAuthority('entity:read')")
	List<EntityHistory.Entry> history(@PathVariable long id, DataScope scope) {
		find(scope, id);
		return history.of(id);
	}

	/** The "底数" pivot: counts per region one level below the caller's root × one classification axis. */
	@GetMapping("/summary")
	@PreAuthorize("hasAuthority('entity:read')")
	EntitySummary.Pivot summary(@RequestParam(defaultValue = "social_function") String axis, DataScope scope) {
		return summary.pivot(scope, axis);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('entity:write')")
	EntityView create(@RequestBody EntityForm form, DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业用户不能新增监管对象");
		}
		if (form.regionId() != null) {
			scopeChecks.requireRegion(scope, form.regionId(), "region", form.regionId(), "属地");
		}
		check(scope, form);
		entities.idByUscc(form.uscc()).ifPresent(existing -> {
			throw ApiException.conflict("DUPLICATE_USCC", "统一社会信用代码" + form.uscc() + "已登记，不能重复录入");
		});
		long id = entities.insert(form);
		EntityView created = entities.find(scope, id).orElseThrow(() -> ApiException.forbidden("新增的单位不在您的管辖范围内"));
		operationLog.record("CREATE", "supervised_entity", id, null, created);
		return created;
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('entity:write')")
	EntityView update(@PathVariable long id, @RequestBody EntityForm form, DataScope scope) {
		EntityView before = find(scope, id);
		if (form.regionId() != null && form.regionId() != before.regionId()) {
			scopeChecks.requireRegion(scope, form.regionId(), "region", form.regionId(), "属地");
		}
		if (form.version() == null) {
			throw ApiException.invalid("version", "缺少版本号，请刷新后重试");
		}
		if (scope.kind() == DataScope.Kind.ENTITY && changesClassification(before, form)) {
			throw ApiException.forbidden("单位名称、信用代码、属地和分类由监管部门维护，企业不能修改");
		}
		check(scope, form);
		entities.idByUscc(form.uscc()).filter(other -> other != id).ifPresent(other -> {
			throw ApiException.conflict("DUPLICATE_USCC", "统一社会信用代码" + form.uscc() + "已被其他单位使用");
		});
		if (!entities.update(id, form, form.version())) {
			throw new ApiException(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "该单位已被他人修改，请刷新后再编辑");
		}
		EntityView after = entities.find(scope, id).orElseThrow(() -> ApiException.forbidden("修改后的单位不在您的管辖范围内"));
		operationLog.record("UPDATE", "supervised_entity", id, before, after);
		return after;
	}

	private void check(DataScope scope, EntityForm form) {
		List<ApiError.Detail> errors = validation.forBatch(scope).check(form);
		if (!errors.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", errors.get(0).message(), errors);
		}
	}

	private static boolean changesClassification(EntityView before, EntityForm form) {
		return !Objects.equals(before.name(), form.name()) || !Objects.equals(before.uscc(), form.uscc())
				|| before.regionId() != form.regionId() || !Objects.equals(before.socialFunction(), form.socialFunction())
				|| !Objects.equals(before.industry(), form.industry())
				|| !Objects.equals(before.supervisionLevel(), form.supervisionLevel())
				|| !Objects.equals(before.supervisionTypes(), form.supervisionTypes() == null ? List.of() : form.supervisionTypes());
	}

	private EntityView find(DataScope scope, long id) {
		return entities.find(scope, id).orElseThrow(() -> {
			operationLog.recordDenied("supervised_entity", id);
			return ApiException.notFound("监管对象");
		});
	}
}
