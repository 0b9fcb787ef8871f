package cn.anjian.prevention;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 风险评价: a business assesses one of its hazard factors with LEC or LS, inherent or residual. */
@RestController
@RequestMapping("/api/prevention")
class RiskAssessmentController {

	record AssessmentForm(@NotNull(message = "请选择评价方法") RiskGrading.Method method, Boolean residual,
			BigDecimal likelihood, BigDecimal exposure, BigDecimal consequence, BigDecimal severity) {
	}

	record Assessed(long factorId, RiskGrading.Result result, RiskPoints.Factor factor, RiskPoints.PointRow point) {
	}

	private final OwnRecords records;
	private final AssessingRisk assessing;
	private final RiskPoints points;
	private final OperationLog operationLog;
	private final Clock clock;

	RiskAssessmentController(OwnRecords records, AssessingRisk assessing, RiskPoints points, OperationLog operationLog, Clock clock) {
		this.records = records;
		this.assessing = assessing;
		this.points = points;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@PostMapping("/factors/{id}/assessments")
	@PreAuthorize("hasAuthority('prevention:write')")
	Assessed assess(@PathVariable long id, @Validated @RequestBody AssessmentForm form, DataScope scope) {
		records.writable(scope, "risk_factor", id, "危险源");
		require(form.likelihood(), "likelihood", "L");
		if (form.method() == RiskGrading.Method.LEC) {
			require(form.exposure(), "exposure", "E");
			require(form.consequence(), "consequence", "C");
		}
		else {
			require(form.severity(), "severity", "S");
		}
		RiskPoints.Factor before = points.factor(id);
		RiskGrading.Result result = assessing.assess(id, new AssessingRisk.Values(form.method(), Boolean.TRUE.equals(form.residual()),
				form.likelihood(), form.exposure(), form.consequence(), form.severity()), scope.userId(), clock.instant());
		RiskPoints.Factor after = points.factor(id);
		operationLog.record("RISK_ASSESS", "risk_factor", id, before, after);
		return new Assessed(id, result, after, points.row(scope, after.riskPointId(),
				java.time.LocalDate.ofInstant(clock.instant(), cn.anjian.platform.time.BusinessTime.ZONE)));
	}

	private static void require(BigDecimal value, String field, String name) {
		if (value == null || value.signum() <= 0) {
			throw ApiException.invalid(field, "请选择 " + name + " 的取值");
		}
	}
}
