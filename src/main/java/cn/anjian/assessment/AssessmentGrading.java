package cn.anjian.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an element is scored and a total graded (seed 000 §十(一)4: 年初制定考评方案，明确考评要素和相应权重 … 考评结果分优秀、
 * 合格和不合格3个等次). Thresholds are inclusive: a total equal to the 优秀 line is 优秀.
 */
final class AssessmentGrading {

	enum Grade {
		EXCELLENT("优秀"), PASS("合格"), FAIL("不合格");

		final String label;

		Grade(String label) {
			this.label = label;
		}
	}

	static Grade grade(BigDecimal total, BigDecimal excellent, BigDecimal pass) {
		if (total.compareTo(excellent) >= 0) {
			return Grade.EXCELLENT;
		}
		return total.compareTo(pass) >= 0 ? Grade.PASS : Grade.FAIL;
	}

	/**
	 * Linear between two values of the statistic: {@code low} (or worse) scores 0, {@code high} (or better) the full
	 * weight; {@code low > high} means lower is better (overdue hazards, say). No value (a rate over nothing) scores 0.
	 */
	static BigDecimal linear(BigDecimal value, BigDecimal low, BigDecimal high, BigDecimal weight) {
		if (value == null) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal fraction = value.subtract(low).divide(high.subtract(low), 8, RoundingMode.HALF_UP);
		fraction = fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
		return weight.multiply(fraction).setScale(2, RoundingMode.HALF_UP);
	}

	private AssessmentGrading() {
	}
}
