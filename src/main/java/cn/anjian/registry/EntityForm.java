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

	boolean effectiveHighRisk() {
		return highRisk != null ? highRisk : EntityRules.HIGH_RISK_INDUSTRIES.contains(industry);
	}

	int effectiveStaffCount() {
		return staffCount == null ? 0 : staffCount;
	}
}
