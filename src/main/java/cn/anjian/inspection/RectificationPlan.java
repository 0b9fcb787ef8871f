package cn.anjian.inspection;

/** 五落实 of a major hazard's rectification: measures, funds, deadline (the hazard's), responsible person, emergency plan. */
public record RectificationPlan(String measures, String funds, String responsiblePerson, String emergencyPlan) {

	boolean complete() {
		return filled(measures) && filled(funds) && filled(responsiblePerson) && filled(emergencyPlan);
	}

	private static boolean filled(String value) {
		return value != null && !value.isBlank();
	}
}
