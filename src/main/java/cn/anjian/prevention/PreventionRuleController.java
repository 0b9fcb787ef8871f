package cn.anjian.prevention;

import cn.anjian.platform.oplog.OperationLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The running rule's two thresholds ({@link RunningStatus}): read by everyone, set by the city. */
@RestController
@RequestMapping("/api/prevention/rule")
class PreventionRuleController {

	record Form(@NotNull(message = "请填写按时完成比例") BigDecimal onTimeShare,
			@NotNull(message = "请填写连续天数") Integer consecutiveDays) {
	}

	private final RunningStatus running;
	private final OperationLog operationLog;

	PreventionRuleController(RunningStatus running, OperationLog operationLog) {
		this.running = running;
		this.operationLog = operationLog;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('prevention:read')")
	RunningStatus.Rule rule() {
		return running.rule();
	}

	@PutMapping
	@PreAuthorize("hasAuthority('prevention:configure')")
	RunningStatus.Rule change(@Valid @RequestBody Form form) {
		RunningStatus.Rule before = running.rule();
		RunningStatus.Rule after = running.change(new RunningStatus.Rule(form.onTimeShare(), form.consecutiveDays()));
		operationLog.record("PREVENTION_RULE_UPDATE", "prevention_rule", 1, before, after);
		return after;
	}
}
