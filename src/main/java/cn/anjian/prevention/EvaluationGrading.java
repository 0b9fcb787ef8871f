package cn.anjian.prevention;

import java.math.BigDecimal;
import java.util.List;

/**
 * The one place a 100-point quantitative evaluation (量化评估) is graded into four colours. Seed 004 ("双体系": 危险化学品
 * 企业采用百分制进行量化评估诊断，按照安全风险从高到低依次分为红色、橙色、黄色、蓝色四个等级) names the grading by score
 * but gives no thresholds; these are ours, chosen as common practice, and can be made data later:
 * total ≥ 90 蓝; 75 ≤ total &lt; 90 黄; 60 ≤ total &lt; 75 橙; total &lt; 60 红. A higher score means a lower risk.
 */
public final class EvaluationGrading {

	/** The full score every sheet must add up to. */
	public static final BigDecimal FULL_SCORE = new BigDecimal("100");

	/** Totals from {@code from} (inclusive) belong to {@code grade}; highest band first. */
	public record Band(RiskGrade grade, BigDecimal from, String range) {
	}

	public static final List<Band> BANDS = List.of(
			new Band(RiskGrade.BLUE, new BigDecimal("90"), "≥ 90"),
			new Band(RiskGrade.YELLOW, new BigDecimal("75"), "75 ≤ 分 < 90"),
			new Band(RiskGrade.ORANGE, new BigDecimal("60"), "60 ≤ 分 < 75"),
			new Band(RiskGrade.RED, BigDecimal.ZERO, "< 60"));

	private EvaluationGrading() {
	}

	public static RiskGrade grade(BigDecimal total) {
		for (Band band : BANDS) {
			if (total.compareTo(band.from()) >= 0) {
				return band.grade();
			}
		}
		return RiskGrade.RED;
	}
}
