package cn.anjian.warning;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ladders in force, and changing one. A change never edits a ladder: it saves a new version and retires the old
 * one, so a warning keeps climbing by the version it started under ({@code warning.rule_id}); only warnings opened
 * afterwards follow the new one.
 */
@RestController
@RequestMapping("/api/warnings/rules")
class WarningRuleController {

	record RuleStep(long ruleId, String triggerKind, String originLevel, int version, String clause, String name,
			String delayUnit, int stepNo, int delayHours, String screenLevel, String action, String actingLevel) {
	}

	record StepForm(Integer delayHours, String screenLevel, String action, String actingLevel) {
	}

	record RuleForm(String name, String delayUnit, List<StepForm> steps) {
	}

	private static final Set<String> LEVELS = Set.of("DISTRICT", "CITY");
	private static final Set<String> ACTIONS = Set.of("SUPERVISE", "NOTICE", "CONFIRM");
	private static final int MAX_STEPS = 10;
	private static final int MAX_DELAY_HOURS = 24 * 365;

	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	WarningRuleController(JdbcClient jdbc, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('warning:read')")
	List<RuleStep> rules() {
		return steps("r.active");
	}

	@PutMapping("/{triggerKind}/{originLevel}")
	@PreAuthorize("hasAuthority('warning:write')")
	List<RuleStep> save(@PathVariable String triggerKind, @PathVariable String originLevel, @RequestBody RuleForm form,
			DataScope scope) {
		validate(form);
		Long current = jdbc.sql("SELECT id FROM warning_rule WHERE trigger_kind = :k AND origin_level = :o AND active FOR UPDATE")
			.param("k", triggerKind).param("o", originLevel).query(Long.class).optional()
			.orElseThrow(() -> ApiException.notFound("预警规则"));
		List<RuleStep> before = steps("r.id = " + current);
		jdbc.sql("UPDATE warning_rule SET active = false WHERE id = :id").param("id", current).update();
		long created = jdbc.sql("""
				INSERT INTO warning_rule (trigger_kind, origin_level, version, clause, name, delay_unit, created_by)
				SELECT trigger_kind, origin_level,
				       (SELECT max(version) + 1 FROM warning_rule x WHERE x.trigger_kind = r.trigger_kind AND x.origin_level = r.origin_level),
				       clause, coalesce(:name, name), :unit, :user
				FROM warning_rule r WHERE r.id = :id RETURNING id
				""")
			.param("id", current).param("name", form.name() == null || form.name().isBlank() ? null : form.name().trim())
			.param("unit", form.delayUnit() == null ? "HOURS" : form.delayUnit()).param("user", scope.userId())
			.query(Long.class).single();
		for (int i = 0; i < form.steps().size(); i++) {
			StepForm s = form.steps().get(i);
			jdbc.sql("""
					INSERT INTO warning_rule_step (rule_id, step_no, delay_hours, screen_level, action, acting_level)
					VALUES (:rule, :no, :delay, :screen, :action, :acting)
					""").param("rule", created).param("no", i + 1).param("delay", s.delayHours()).param("screen", s.screenLevel())
				.param("action", s.action()).param("acting", s.actingLevel()).update();
		}
		List<RuleStep> after = steps("r.id = " + created);
		operationLog.record("WARNING_RULE_VERSION", "warning_rule", created, before, after);
		return after;
	}

	private static void validate(RuleForm form) {
		if (form.delayUnit() != null && !Set.of("HOURS", "WORKING_DAYS").contains(form.delayUnit())) {
			throw ApiException.invalid("delayUnit", "时限计算方式只能是自然小时或工作日");
		}
		if (form.name() != null && form.name().length() > 200) {
			throw ApiException.invalid("name", "规则名称不能超过200字");
		}
		if (form.steps() == null || form.steps().isEmpty() || form.steps().size() > MAX_STEPS) {
			throw ApiException.invalid("steps", "规则须有1至" + MAX_STEPS + "个步骤");
		}
		for (int i = 0; i < form.steps().size(); i++) {
			StepForm s = form.steps().get(i);
			String at = "steps[" + i + "].";
			if (s.delayHours() == null || s.delayHours() < 0 || s.delayHours() > MAX_DELAY_HOURS) {
				throw ApiException.invalid(at + "delayHours", "第" + (i + 1) + "步的时限须在0至" + MAX_DELAY_HOURS + "小时之间");
			}
			if ("WORKING_DAYS".equals(form.delayUnit()) && s.delayHours() % 24 != 0) {
				throw ApiException.invalid(at + "delayHours", "按工作日计算时，第" + (i + 1) + "步的时限须为整天（24小时的倍数）");
			}
			if (!LEVELS.contains(s.screenLevel())) {
				throw ApiException.invalid(at + "screenLevel", "第" + (i + 1) + "步的推送大屏只能是区级或市级");
			}
			if (!LEVELS.contains(s.actingLevel())) {
				throw ApiException.invalid(at + "actingLevel", "第" + (i + 1) + "步的处置层级只能是区级或市级");
			}
			if (!ACTIONS.contains(s.action())) {
				throw ApiException.invalid(at + "action", "第" + (i + 1) + "步的处置只能是督办、通报或通知确认");
			}
		}
	}

	private List<RuleStep> steps(String which) {
		return jdbc.sql("""
				SELECT r.id AS rule_id, r.trigger_kind, r.origin_level, r.version, r.clause, r.name, r.delay_unit, s.step_no,
				       s.delay_hours, s.screen_level, s.action, s.acting_level
				FROM warning_rule r JOIN warning_rule_step s ON s.rule_id = r.id WHERE %s
				ORDER BY r.clause, r.origin_level DESC, s.step_no
				""".formatted(which)).query(RuleStep.class).list();
	}
}
