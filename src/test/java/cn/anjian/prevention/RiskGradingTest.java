package cn.anjian.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** LEC and LS grading at every band boundary, and the control level each grade implies. */
class RiskGradingTest {

	@ParameterizedTest(name = "D = {0} is {1}")
	@CsvSource({ "320.01, RED", "320, ORANGE", "319.99, ORANGE", "160, ORANGE", "159.99, YELLOW", "70, YELLOW",
			"69.99, BLUE", "0.01, BLUE", "600, RED" })
	void lecBandsAtEveryBoundary(String d, RiskGrade grade) {
		assertThat(RiskGrading.lec(new BigDecimal(d), BigDecimal.ONE, BigDecimal.ONE).grade()).isEqualTo(grade);
	}

	@Test
	void lecMultipliesTheThreeFactors() {
		var r = RiskGrading.lec(new BigDecimal("6"), new BigDecimal("6"), new BigDecimal("15"));
		assertThat(r.score()).isEqualByComparingTo("540");
		assertThat(r.grade()).isEqualTo(RiskGrade.RED);
		assertThat(RiskGrading.lec(new BigDecimal("0.5"), new BigDecimal("6"), new BigDecimal("7")).score()).isEqualByComparingTo("21");
	}

	@ParameterizedTest(name = "R = {0} × {1} is {2}")
	@CsvSource({ "5, 4, RED", "4, 5, RED", "5, 5, RED", "4, 4, ORANGE", "3, 5, ORANGE", "4, 3, YELLOW", "3, 3, YELLOW",
			"2, 4, BLUE", "1, 1, BLUE" })
	void lsBandsAtEveryBoundary(int l, int s, RiskGrade grade) {
		assertThat(RiskGrading.ls(BigDecimal.valueOf(l), BigDecimal.valueOf(s)).grade()).isEqualTo(grade);
	}

	@ParameterizedTest(name = "R = {0} is {1}")
	@CsvSource({ "20, RED", "19.99, ORANGE", "15, ORANGE", "14.99, YELLOW", "9, YELLOW", "8.99, BLUE" })
	void lsBandsOnTheScoreItself(String r, RiskGrade grade) {
		assertThat(RiskGrading.ls(new BigDecimal(r), BigDecimal.ONE).grade()).isEqualTo(grade);
	}

	@Test
	void theControlLevelFollowsTheGradeAndThePointTakesTheHighest() {
		assertThat(RiskGrade.RED.controlLevel()).isEqualTo(RiskGrade.ControlLevel.COMPANY);
		assertThat(RiskGrade.ORANGE.controlLevel()).isEqualTo(RiskGrade.ControlLevel.DEPARTMENT);
		assertThat(RiskGrade.YELLOW.controlLevel()).isEqualTo(RiskGrade.ControlLevel.TEAM);
		assertThat(RiskGrade.BLUE.controlLevel()).isEqualTo(RiskGrade.ControlLevel.POST);
		assertThat(RiskGrade.max(RiskGrade.BLUE, RiskGrade.ORANGE)).isEqualTo(RiskGrade.ORANGE);
		assertThat(RiskGrade.max(null, RiskGrade.YELLOW)).isEqualTo(RiskGrade.YELLOW);
		assertThat(RiskGrade.max(RiskGrade.RED, null)).isEqualTo(RiskGrade.RED);
	}
}
