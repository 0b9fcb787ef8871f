package cn.anjian.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a user (or an import row) gives for a supervised entity. Checked by {@link EntityValidation}; derived
 * duties come from {@link EntityRules}. {@code highRisk} null means "as the industry says".
 */
public record EntityForm(String name, String uscc, String legalRepresentative, String legalRepresentativePhone,
		String actualController, String actualControllerPhone, String principalName, String principalPhone,
		String safetyDirectorName, String safetyDirectorPhone, String address, BigDecimal latitude, BigDecimal longitude,
		Integer staffCount, LocalDate foundedOn, String status, String socialFunction, String industry,
		List<String> supervisionTypes, String supervisionLevel, Long regionId, Boolean highRisk, Boolean majorHazardSource,
		String majorHazardGrade, Boolean crowdedPlace, Boolean insured, String insurancePolicyNo, LocalDate insuranceValidTo,
		Boolean dualPreventionOverride, Integer version) {

	/** The form that would store what {@code v} shows (to compare an imported row with the stored entity). */
	public static EntityForm of(EntityView v) {
		return new EntityForm(v.name(), v.uscc(), v.legalRepresentative(), v.legalRepresentativePhone(),
				v.actualController(), v.actualControllerPhone(), v.principalName(), v.principalPhone(),
				v.safetyDirectorName(), v.safetyDirectorPhone(), v.address(), v.latitude(), v.longitude(), v.staffCount(),
				v.foundedOn(), v.status(), v.socialFunction(), v.industry(), v.supervisionTypes(), v.supervisionLevel(),
				v.regionId(), v.highRisk(), v.majorHazardSource(), v.majorHazardGrade(), v.crowdedPlace(), v.insured(),
				v.insurancePolicyNo(), v.insuranceValidTo(), v.dualPreventionOverride(), v.version());
	}

	boolean effectiveHighRisk() {
		return highRisk != null ? highRisk : EntityRules.HIGH_RISK_INDUSTRIES.contains(industry);
	}

	int effectiveStaffCount() {
		return staffCount == null ? 0 : staffCount;
	}
}
