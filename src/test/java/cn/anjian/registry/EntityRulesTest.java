package cn.anjian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.registry.EntityRules.LicenceState;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The registry's rules at their boundaries. */
class EntityRulesTest {

	@Test
	void aHighRiskEntityNeedsASafetyDirectorFrom300Staff() { // seed 001 §5
		assertThat(EntityRules.safetyDirectorRequired(true, 299)).isFalse();
		assertThat(EntityRules.safetyDirectorRequired(true, 300)).isTrue();
	}

	@Test
	void anyOtherEntityNeedsASafetyDirectorFrom1000Staff() { // seed 001 §5
		assertThat(EntityRules.safetyDirectorRequired(false, 999)).isFalse();
		assertThat(EntityRules.safetyDirectorRequired(false, 1000)).isTrue();
	}

	@Test
	void dualPreventionIsMandatoryForTheListedIndustries() { // seed 003 §十二
		assertThat(EntityRules.dualPreventionMandatory("IND007", 1, null)).as("非煤矿山").isTrue();
		assertThat(EntityRules.dualPreventionMandatory("IND012", 1, null)).as("金属冶炼").isTrue();
		assertThat(EntityRules.dualPreventionMandatory("IND013", 1, null)).as("涉氨制冷").isTrue();
		assertThat(EntityRules.dualPreventionMandatory("IND001", 1, null)).as("危化品生产").isTrue();
		assertThat(EntityRules.dualPreventionMandatory("IND002", 1, null)).as("危化品储存").isTrue();
		assertThat(EntityRules.dualPreventionMandatory("IND075", 1, null)).as("小餐饮").isFalse();
	}

	@Test
	void aDustWorkplaceMustRunDualPreventionWithMoreThanTenWorkers() { // seed 003 §十二
		assertThat(EntityRules.dualPreventionMandatory("IND014", 10, null)).isFalse();
		assertThat(EntityRules.dualPreventionMandatory("IND014", 11, null)).isTrue();
	}

	@Test
	void aManualDecisionOverridesTheDualPreventionRule() {
		assertThat(EntityRules.dualPreventionMandatory("IND075", 5, true)).isTrue();
		assertThat(EntityRules.dualPreventionMandatory("IND007", 50, false)).isFalse();
	}

	@Test
	void aLicenceIsValidThroughItsLastDayAndExpiringInTheThirtyDaysBefore() {
		LocalDate today = LocalDate.of(2026, 11, 25);
		assertThat(EntityRules.licenceState(today.minusDays(1), today)).isEqualTo(LicenceState.EXPIRED);
		assertThat(EntityRules.licenceState(today, today)).isEqualTo(LicenceState.EXPIRING);
		assertThat(EntityRules.licenceState(today.plusDays(30), today)).isEqualTo(LicenceState.EXPIRING);
		assertThat(EntityRules.licenceState(today.plusDays(31), today)).isEqualTo(LicenceState.VALID);
		assertThat(EntityRules.licenceState(null, today)).isEqualTo(LicenceState.VALID);
	}
}
