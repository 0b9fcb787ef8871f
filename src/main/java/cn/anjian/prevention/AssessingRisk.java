package cn.anjian.prevention;

import cn.anjian.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assessing a hazard factor: grades it ({@link RiskGrading}), records the assessment, and regrades its risk point —
 * the point takes the highest inherent grade of its factors and the control level that grade implies. Any assessment
 * of a point's factor counts as its (re)assessment: the next one is due a year later (or at once after a change).
 */
@Component
class AssessingRisk {

	/** Reassessment is due yearly. */
	static final int REASSESS_AFTER_MONTHS = 12;

	record Values(RiskGrading.Method method, boolean residual, BigDecimal likelihood, BigDecimal exposure,
			BigDecimal consequence, BigDecimal severity) {
	}

	private final JdbcClient jdbc;

	AssessingRisk(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	RiskGrading.Result assess(long factorId, Values v, Long assessorId, Instant now) {
		RiskGrading.Result result = v.method() == RiskGrading.Method.LEC
				? RiskGrading.lec(v.likelihood(), v.exposure(), v.consequence())
				: RiskGrading.ls(v.likelihood(), v.severity());
		jdbc.sql("""
				INSERT INTO risk_assessment (risk_factor_id, entity_id, region_id, method, residual, likelihood, exposure,
				                             consequence, severity, score, grade, assessed_by, assessed_at)
				SELECT f.id, f.entity_id, f.region_id, :method, :residual, :l, :e, :c, :s, :score, :grade, :by, :now
				FROM risk_factor f WHERE f.id = :factor
				""").param("factor", factorId).param("method", v.method().name()).param("residual", v.residual())
			.param("l", v.likelihood()).param("e", v.method() == RiskGrading.Method.LEC ? v.exposure() : null)
			.param("c", v.method() == RiskGrading.Method.LEC ? v.consequence() : null)
			.param("s", v.method() == RiskGrading.Method.LS ? v.severity() : null).param("score", result.score())
			.param("grade", result.grade().name()).param("by", assessorId).param("now", Timestamp.from(now)).update();
		jdbc.sql("UPDATE risk_factor SET " + (v.residual() ? "residual_grade" : "grade") + " = :grade WHERE id = :id")
			.param("id", factorId).param("grade", result.grade().name()).update();
		long point = jdbc.sql("SELECT risk_point_id FROM risk_factor WHERE id = :id").param("id", factorId)
			.query(Long.class).single();
		regrade(point, LocalDate.ofInstant(now, BusinessTime.ZONE));
		return result;
	}

	/** The point's grade is the highest of its factors' inherent grades. */
	void regrade(long pointId, LocalDate today) {
		RiskGrade grade = jdbc.sql("SELECT grade FROM risk_factor WHERE risk_point_id = :p AND grade IS NOT NULL")
			.param("p", pointId).query(String.class).list().stream().map(RiskGrade::valueOf)
			.reduce(null, RiskGrade::max);
		jdbc.sql("""
				UPDATE risk_point SET grade = :grade, control_level = :level, last_assessed_on = :today,
				  reassess_due_on = :due WHERE id = :id
				""").param("id", pointId).param("grade", grade == null ? null : grade.name())
			.param("level", grade == null ? null : grade.controlLevel().name()).param("today", Date.valueOf(today))
			.param("due", Date.valueOf(today.plusMonths(REASSESS_AFTER_MONTHS))).update();
	}
}
