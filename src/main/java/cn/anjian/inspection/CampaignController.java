package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.http.HttpStatus;
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

/**
 * 专项行动: a city or district office deploys a campaign within its territory — scope, period, departments within its
 * reach, tasks and the dispatch schedule — and the platform lays out every department's due report slots at once.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

	/** {@code id}: on an edit, the existing task this row keeps (null: a new task); ignored on creation. */
	record NewTask(Long id, @NotBlank(message = "请填写任务内容") String content,
			@NotNull(message = "请选择责任部门") Long departmentId, @NotNull(message = "请选择完成时限") LocalDate dueDate) {
	}

	record NewCampaign(@NotBlank(message = "请填写行动名称") String name, @NotNull(message = "请选择行动类型") CampaignType type,
			String description, List<Long> regionIds, List<String> industries,
			@NotNull(message = "请选择开始日期") LocalDate startDate, @NotNull(message = "请选择结束日期") LocalDate endDate,
			List<Long> departmentIds, List<@Valid NewTask> tasks,
			@NotNull(message = "请设置调度报送时间") @Valid DispatchSchedule schedule) {
	}

	record Detail(Campaigns.CampaignView campaign, List<Campaigns.Named> regions, List<String> industries,
			List<Campaigns.Named> departments, List<Campaigns.Task> tasks, long slots) {
	}

	record Completion(String note) {
	}

	private final Campaigns campaigns;
	private final CampaignProgress progress;
	private final DispatchSlots slots;
	private final EditingCampaign editing;
	private final ScopeChecks scopeChecks;
	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	CampaignController(Campaigns campaigns, CampaignProgress progress, DispatchSlots slots, EditingCampaign editing,
			ScopeChecks scopeChecks, JdbcClient jdbc, OperationLog operationLog, Clock clock) {
		this.campaigns = campaigns;
		this.editing = editing;
		this.progress = progress;
		this.slots = slots;
		this.scopeChecks = scopeChecks;
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('campaign:read')")
	Page<Campaigns.Summary> list(@RequestParam(required = false) CampaignType type,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		return campaigns.list(scope, type, keyword, state, today(), clock.instant(), page, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('campaign:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		return detail(view(scope, id));
	}

	@GetMapping("/{id}/progress")
	@PreAuthorize("hasAuthority('campaign:read')")
	CampaignProgress.Progress progress(@PathVariable long id, DataScope scope) {
		view(scope, id);
		return progress.of(scope, id, clock.instant(), today());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('campaign:write')")
	Detail create(@Valid @RequestBody NewCampaign form, DataScope scope) {
		requireOrganisingOffice(scope);
		Checked c = checked(form, scope);
		long id = campaigns.insert(scope.regionId(), form.name().trim(), form.type(), form.description(), form.startDate(),
				form.endDate(), c.schedule(), scope.userId(), clock.instant());
		campaigns.addScope(id, c.regions(), c.industries(), c.departments());
		for (int i = 0; i < c.tasks().size(); i++) {
			campaigns.addTask(id, c.tasks().get(i).departmentId(), c.tasks().get(i).content().trim(), c.tasks().get(i).dueDate(), i);
		}
		slots.generate(id);
		Detail created = detail(view(scope, id));
		operationLog.record("CAMPAIGN_CREATE", "campaign", id, null, created);
		return created;
	}

	/**
	 * Edits a campaign not yet ended, by its organising office only ({@link EditingCampaign} says what may no longer
	 * change once it started or reports were filed). The dispatch schedule's change applies to future slots only.
	 */
	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('campaign:write')")
	Detail update(@PathVariable long id, @Valid @RequestBody NewCampaign form, DataScope scope) {
		Campaigns.CampaignView campaign = view(scope, id);
		requireOrganisingOffice(scope);
		if (campaign.regionId() != scope.regionId()) {
			throw ApiException.forbidden("专项行动由组织单位修改");
		}
		campaigns.lock(id);
		Detail before = detail(view(scope, id));
		Checked c = checked(form, scope);
		editing.apply(before, form, c, today());
		Detail after = detail(view(scope, id));
		operationLog.record("CAMPAIGN_UPDATE", "campaign", id, before, after);
		return after;
	}

	/** The form's inputs once checked against the caller's reach, the dictionaries and the campaign's period. */
	record Checked(List<Long> regions, List<String> industries, List<Long> departments, List<NewTask> tasks,
			DispatchSchedule schedule) {
	}

	private void requireOrganisingOffice(DataScope scope) {
		String level = jdbc.sql("SELECT level FROM region WHERE id = :id").param("id", scope.regionId()).query(String.class).single();
		if (scope.kind() != DataScope.Kind.REGION || !(level.equals("CITY") || level.equals("DISTRICT"))) {
			throw ApiException.forbidden("专项行动由市、区县安委办组织");
		}
	}

	private Checked checked(NewCampaign form, DataScope scope) {
		if (form.endDate().isBefore(form.startDate())) {
			throw ApiException.invalid("endDate", "结束日期不能早于开始日期");
		}
		DispatchSchedule schedule = form.schedule().checked(form.startDate(), form.endDate());
		List<Long> regions = distinct(form.regionIds() == null || form.regionIds().isEmpty() ? List.of(scope.regionId()) : form.regionIds());
		regions.forEach(r -> scopeChecks.requireRegion(scope, r, "region", r, "区划"));
		List<Long> departments = distinct(form.departmentIds() == null ? List.of() : form.departmentIds());
		if (departments.isEmpty()) {
			throw ApiException.invalid("departmentIds", "请选择参与部门");
		}
		requireReach(scope, departments);
		List<String> industries = form.industries() == null ? List.of() : List.copyOf(new LinkedHashSet<>(form.industries()));
		requireIndustries(industries);
		List<NewTask> tasks = form.tasks() == null ? List.of() : form.tasks();
		for (NewTask t : tasks) {
			if (!departments.contains(t.departmentId())) {
				throw ApiException.invalid("tasks", "任务的责任部门应为参与部门");
			}
			if (t.dueDate().isBefore(form.startDate()) || t.dueDate().isAfter(form.endDate())) {
				throw ApiException.invalid("tasks", "任务完成时限应在行动期间内");
			}
		}
		return new Checked(regions, industries, departments, tasks, schedule);
	}

	/** A task is reported done by its department, or marked done by the organising office. */
	@PostMapping("/{id}/tasks/{taskId}/complete")
	@PreAuthorize("hasAnyAuthority('campaign:write', 'campaign:report')")
	Campaigns.Task complete(@PathVariable long id, @PathVariable long taskId, @RequestBody(required = false) Completion body,
			DataScope scope) {
		Campaigns.CampaignView campaign = view(scope, id);
		Campaigns.Task task = campaigns.tasks(id, today()).stream().filter(t -> t.id() == taskId).findFirst()
			.orElseThrow(() -> ApiException.notFound("任务"));
		boolean ownDepartment = task.departmentId() == (scope.departmentId() == null ? -1 : scope.departmentId());
		boolean organiser = scope.kind() == DataScope.Kind.REGION && scopeChecks.covers(scope, campaign.regionId());
		if (!ownDepartment && !organiser) {
			throw ApiException.forbidden("任务由责任部门或组织单位报完成");
		}
		if (task.doneAt() != null) {
			throw new ApiException(HttpStatus.CONFLICT, "TASK_ALREADY_DONE", "该任务已报完成");
		}
		jdbc.sql("UPDATE campaign_task SET done_at = :at, done_by = :by, done_note = :note WHERE id = :id")
			.param("at", Timestamp.from(clock.instant())).param("by", scope.userId()).param("id", taskId)
			.param("note", body == null ? null : body.note()).update();
		Campaigns.Task after = campaigns.tasks(id, today()).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
		operationLog.record("CAMPAIGN_TASK_DONE", "campaign_task", taskId, task, after);
		return after;
	}

	private void requireReach(DataScope scope, List<Long> departments) {
		long reachable = scope.bind(jdbc.sql("SELECT count(*) FROM department d WHERE d.id = ANY (CAST(:ids AS bigint[])) AND "
				+ scope.regionFilter("d.region_id")))
			.param("ids", departments.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.query(Long.class).single();
		if (reachable != departments.size()) {
			operationLog.recordDenied("department", departments);
			throw ApiException.notFound("部门");
		}
	}

	private void requireIndustries(List<String> codes) {
		long known = jdbc.sql("SELECT count(*) FROM dict_item WHERE type = 'industry' AND code = ANY (CAST(:codes AS text[]))")
			.param("codes", codes.stream().collect(java.util.stream.Collectors.joining(",", "{", "}"))).query(Long.class).single();
		if (known != codes.size()) {
			throw ApiException.invalid("industries", "行业代码不在行业字典中");
		}
	}

	private Detail detail(Campaigns.CampaignView c) {
		long count = jdbc.sql("SELECT count(*) FROM dispatch_slot WHERE campaign_id = :c").param("c", c.id()).query(Long.class).single();
		return new Detail(c, campaigns.regions(c.id()), campaigns.industries(c.id()), campaigns.departments(c.id()),
				campaigns.tasks(c.id(), today()), count);
	}

	private Campaigns.CampaignView view(DataScope scope, long id) {
		return campaigns.find(scope, id, today()).orElseThrow(() -> {
			operationLog.recordDenied("campaign", id);
			return ApiException.notFound("专项行动");
		});
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
	}

	private static List<Long> distinct(List<Long> ids) {
		return List.copyOf(new LinkedHashSet<>(ids));
	}
}
