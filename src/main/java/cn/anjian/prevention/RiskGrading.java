package cn.anjian.prevention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The one place risk is graded (DOMAIN §2.4). Two methods, each a product and four bands; the UI shows exactly these
 * (GET /api/prevention/grading).
 *
 * <ul>
 * <li><b>LEC</b> (作业条件危险性分析法, Graham–Kinney): D = L × E × C. D &gt; 320 重大/红; 160 ≤ D ≤ 320 较大/橙;
 * 70 ≤ D &lt; 160 一般/黄; D &lt; 70 低/蓝. The usual table reads &gt;320, 160–320, 70–160, &lt;70; we take each
 * boundary value into the higher band except 320, which the table's &gt;320 keeps out of 重大.</li>
 * <li><b>LS</b> (风险矩阵法): R = L × S with L, S ∈ 1..5. Bands of DB37/T 2882-2016 (山东省《安全生产风险分级管控
 * 体系通则》, the province of the seeds): R ≥ 20 重大/红; 15 ≤ R ≤ 19 较大/橙; 9 ≤ R ≤ 14 一般/黄; R ≤ 8 低/蓝.</li>
 * </ul>
 * The reference values offered for L, E, C and S are dictionaries (lec_likelihood …, editable); the bands are here.
 */
public final class RiskGrading {

	public enum Method {
		LEC, LS
	}

	/** A band: scores from {@code from} (inclusive unless {@code fromExclusive}) belong to {@code grade}. */
	public record Band(RiskGrade grade, BigDecimal from, boolean fromExclusive, String range) {
	}

	public static final List<Band> LEC_BANDS = List.of(
			new Band(RiskGrade.RED, new BigDecimal("320"), true, "D > 320"),
			new Band(RiskGrade.ORANGE, new BigDecimal("160"), false, "160 ≤ D ≤ 320"),
			new Band(RiskGrade.YELLOW, new BigDecimal("70"), false, "70 ≤ D < 160"),
			new Band(RiskGrade.BLUE, BigDecimal.ZERO, false, "D < 70"));

	public static final List<Band> LS_BANDS = List.of(
			new Band(RiskGrade.RED, new BigDecimal("20"), false, "R ≥ 20"),
			new Band(RiskGrade.ORANGE, new BigDecimal("15"), false, "15 ≤ R ≤ 19"),
			new Band(RiskGrade.YELLOW, new BigDecimal("9"), false, "9 ≤ R ≤ 14"),
			new Band(RiskGrade.BLUE, BigDecimal.ZERO, false, "R ≤ 8"));

	public static final String LEC_FORMULA = "D = L × E × C";
	public static final String LS_FORMULA = "R = L × S";

	/** A score and its grade. */
	public record Result(Method method, BigDecimal score, RiskGrade grade) {
	}

	private RiskGrading() {
	}

	public static Result lec(BigDecimal l, BigDecimal e, BigDecimal c) {
		BigDecimal d = positive(l, "L").multiply(positive(e, "E")).multiply(positive(c, "C")).setScale(2, RoundingMode.HALF_UP);
		return new Result(Method.LEC, d, band(LEC_BANDS, d));
	}

	public static Result ls(BigDecimal l, BigDecimal s) {
		BigDecimal r = positive(l, "L").multiply(positive(s, "S")).setScale(2, RoundingMode.HALF_UP);
		return new Result(Method.LS, r, band(LS_BANDS, r));
	}

	public static List<Band> bands(Method method) {
		return method == Method.LEC ? LEC_BANDS : LS_BANDS;
	}

	private static RiskGrade band(List<Band> bands, BigDecimal score) {
		for (Band b : bands) {
			int cmp = score.compareTo(b.from());
			if (cmp > 0 || (cmp == 0 && !b.fromExclusive())) {
				return b.grade();
			}
		}
		return RiskGrade.BLUE;
	}

	private static BigDecimal positive(BigDecimal value, String name) {
		if (value == null || value.signum() <= 0) {
			throw new IllegalArgumentException(name + " must be positive");
		}
		return value;
	}
}
