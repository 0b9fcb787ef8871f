package cn.anjian.registry;

/** Filters of the entity list; every one optional. {@code keyword} matches a name substring or a USCC prefix. */
public record EntitySearch(String keyword, Long regionId, String socialFunction, String industry,
		String supervisionType, String supervisionLevel, String status, Boolean highRisk, Boolean majorHazardSource,
		Boolean crowdedPlace, Boolean insured, Boolean safetyDirectorMissing, Boolean dualPreventionMandatory,
		String licenceState, String sort, String order) {

	public static EntitySearch all() {
		return new EntitySearch(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}
}
