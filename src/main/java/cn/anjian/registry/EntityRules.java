package cn.anjian.registry;

import java.time.LocalDate;
import java.util.Set;

/**
 * The registry's rules, each where a newcomer looks for it: who must have a safety director, who must run dual
 * prevention, which licences are safety licences, when a licence counts as expiring.
 */
public final class EntityRules {

	private EntityRules() {
	}

	/** High-risk industries (高危行业) of the default industry dictionary. */
	public static final Set<String> HIGH_RISK_INDUSTRIES = Set.of("IND001", "IND002", "IND003", "IND004", "IND005",
			"IND006", "IND007", "IND008", "IND009", "IND010", "IND011", "IND012", "IND013", "IND014", "IND017", "IND027",
			"IND054");

	// seed 001 §5: a safety director (安全总监) is required with ≥300 staff in a high-risk industry, ≥1000 otherwise
	static final int SAFETY_DIRECTOR_STAFF_HIGH_RISK = 300;
	static final int SAFETY_DIRECTOR_STAFF_OTHER = 1000;

	public static boolean safetyDirectorRequired(boolean highRisk, int staffCount) {
		return staffCount >= (highRisk ? SAFETY_DIRECTOR_STAFF_HIGH_RISK : SAFETY_DIRECTOR_STAFF_OTHER);
	}

	// seed 003 §十二: dual prevention is mandatory for 非煤矿山, 金属冶炼, 涉氨制冷, dust workplaces with >10 workers,
	// and hazardous-chemical producers and storers
	static final Set<String> DUAL_PREVENTION_INDUSTRIES = Set.of("IND001", "IND002", "IND007", "IND012", "IND013");
	static final String DUST_INDUSTRY = "IND014";
	static final int DUST_WORKERS_THRESHOLD = 10;

	public static boolean dualPreventionMandatory(String industry, int staffCount, Boolean override) {
		if (override != null) {
			return override;
		}
		return DUAL_PREVENTION_INDUSTRIES.contains(industry)
				|| (DUST_INDUSTRY.equals(industry) && staffCount > DUST_WORKERS_THRESHOLD);
	}

	/** Licences whose expiry raises warning (十八) of seed 003 §六. */
	public static final Set<String> SAFETY_LICENCE_TYPES = Set.of("SAFETY_PRODUCTION", "HAZCHEM_OPERATION",
			"HAZCHEM_USE", "FIREWORKS_OPERATION", "MINING", "GAS_OPERATION", "CONSTRUCTION_SAFETY");

	static final int EXPIRING_WITHIN_DAYS = 30;

	public enum LicenceState {
		VALID, EXPIRING, EXPIRED
	}

	/** A licence is valid through its last day; it is expiring within the 30 days before. */
	public static LicenceState licenceState(LocalDate validTo, LocalDate today) {
		if (validTo == null) {
			return LicenceState.VALID;
		}
		if (validTo.isBefore(today)) {
			return LicenceState.EXPIRED;
		}
		return validTo.isBefore(today.plusDays(EXPIRING_WITHIN_DAYS + 1)) ? LicenceState.EXPIRING : LicenceState.VALID;
	}
}
