package cn.anjian.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A supervised entity as shown: its data, dictionary labels, place, derived duties and licence state. */
public record EntityView(long id, String name, String uscc, String legalRepresentative,
		String legalRepresentativePhone, String actualController, String actualControllerPhone, String principalName,
		String principalPhone, String safetyDirectorName, String safetyDirectorPhone, String address, BigDecimal latitude,
		BigDecimal longitude, int staffCount, LocalDate foundedOn, String status, String statusLabel,
		String socialFunction, String socialFunctionLabel, String industry, String industryLabel,
		List<String> supervisionTypes, List<String> supervisionTypeLabels, String supervisionLevel,
		String supervisionLevelLabel, long regionId, String regionName, String regionPath, boolean highRisk,
		boolean majorHazardSource, String majorHazardGrade, boolean crowdedPlace, boolean insured,
		String insurancePolicyNo, LocalDate insuranceValidTo, Boolean dualPreventionOverride,
		boolean safetyDirectorRequired, boolean safetyDirectorMissing, boolean dualPreventionMandatory,
		String licenceState, Instant createdAt, Instant updatedAt, int version) {
}
