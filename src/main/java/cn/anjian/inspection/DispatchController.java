package cn.anjian.inspection;

import cn.anjian.platform.oplog.Actor;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 调度报告: the due slots the caller sees (MISSING ones are the 未报 list), and a department filing its report
 * against one — on time up to the due instant, LATE after it; once per slot.
 */
@RestController
@RequestMapping("/api/dispatch-slots")
class DispatchController {

	record ReportForm(@NotNull(message = "请填写检查单位数") @Min(value = 0, message = "不能为负数") Integer entitiesChecked,
			@NotNull(message = "请填写发现隐患数") @Min(value = 0, message = "不能为负数") Integer hazardsFound,
			@NotNull(message = "请填写整改隐患数") @Min(value = 0, message = "不能为负数") Integer hazardsRectified,
			@NotNull(message = "请填写立案查处数") @Min(value = 0, message = "不能为负数") Integer cases,
			@Size(max = 4000, message = "工作进展不超过4000字") String content) {
	}

	private final DispatchSlots slots;
	private final OperationLog operationLog;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DispatchController(DispatchSlots slots, OperationLog operationLog, ApplicationEventPublisher events, Clock clock) {
		this.slots = slots;
		this.operationLog = operationLog;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('campaign:read')")
	Page<DispatchSlots.SlotView> search(@RequestParam(required = false) Long campaignId,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		return slots.search(scope, new DispatchSlots.Filter(campaignId, departmentId, status), clock.instant(), page, size);
	}

	@PostMapping("/{id}/report")
	@PreAuthorize("hasAuthority('campaign:report')")
	DispatchSlots.SlotView file(@PathVariable long id, @Valid @RequestBody ReportForm form, DataScope scope) {
		Instant now = clock.instant();
		DispatchSlots.SlotView before = slots.find(scope, id, now).orElseThrow(() -> {
			operationLog.recordDenied("dispatch_slot", id);
			return ApiException.notFound("调度报告");
		});
		if (scope.departmentId() == null || before.departmentId() != scope.departmentId()) {
			throw ApiException.forbidden("调度报告由应报部门报送");
		}
		DispatchSlots.Slot slot = slots.lock(id);
		if (now.isBefore(slot.opensAt())) {
			throw new ApiException(HttpStatus.CONFLICT, "DISPATCH_NOT_OPEN", "本期调度尚未开始，请在上一期截止后报送");
		}
		if (slots.filed(id)) {
			throw new ApiException(HttpStatus.CONFLICT, "DISPATCH_ALREADY_FILED", "本期调度报告已报送");
		}
		Actor actor = SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Actor a ? a : null;
		slots.insertReport(slot, form.entitiesChecked(), form.hazardsFound(), form.hazardsRectified(), form.cases(),
				form.content() == null || form.content().isBlank() ? null : form.content().trim(),
				actor == null ? null : actor.userId(), actor == null ? "系统" : actor.displayName(), now);
		events.publishEvent(new DispatchReportFiled(id, slot.campaignId(), slot.departmentId(), slot.regionId(), now,
				now.isAfter(slot.dueAt())));
		DispatchSlots.SlotView after = slots.find(scope, id, now).orElseThrow();
		operationLog.record("DISPATCH_REPORT_FILE", "dispatch_slot", id, before, after);
		return after;
	}
}
