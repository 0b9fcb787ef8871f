package cn.anjian.registry.excel;

import cn.anjian.registry.EntityView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of the entity workbook as the user sees it: the text of each column (labels, not codes; the region's code,
 * not its id), and the row number Excel shows (1 is the header). Blank cells are absent.
 */
record EntityRow(int number, Map<EntityColumn, String> cells) {

	String get(EntityColumn column) {
		return cells.get(column);
	}

	boolean isBlank() {
		return cells.isEmpty();
	}

	/** The row an export writes for an entity: the same texts the importer reads back into the same values. */
	static EntityRow of(int number, EntityView e, Vocabulary vocabulary) {
		Map<EntityColumn, String> cells = new EnumMap<>(EntityColumn.class);
		put(cells, EntityColumn.NAME, e.name());
		put(cells, EntityColumn.USCC, e.uscc());
		put(cells, EntityColumn.LEGAL_REPRESENTATIVE, e.legalRepresentative());
		put(cells, EntityColumn.LEGAL_REPRESENTATIVE_PHONE, e.legalRepresentativePhone());
		put(cells, EntityColumn.ACTUAL_CONTROLLER, e.actualController());
		put(cells, EntityColumn.ACTUAL_CONTROLLER_PHONE, e.actualControllerPhone());
		put(cells, EntityColumn.PRINCIPAL_NAME, e.principalName());
		put(cells, EntityColumn.PRINCIPAL_PHONE, e.principalPhone());
		put(cells, EntityColumn.SAFETY_DIRECTOR_NAME, e.safetyDirectorName());
		put(cells, EntityColumn.SAFETY_DIRECTOR_PHONE, e.safetyDirectorPhone());
		put(cells, EntityColumn.ADDRESS, e.address());
		put(cells, EntityColumn.REGION_CODE, vocabulary.regionCode(e.regionId()));
		put(cells, EntityColumn.LATITUDE, decimal(e.latitude()));
		put(cells, EntityColumn.LONGITUDE, decimal(e.longitude()));
		put(cells, EntityColumn.STAFF_COUNT, String.valueOf(e.staffCount()));
		put(cells, EntityColumn.FOUNDED_ON, date(e.foundedOn()));
		put(cells, EntityColumn.SOCIAL_FUNCTION, vocabulary.label("social_function", e.socialFunction()));
		put(cells, EntityColumn.INDUSTRY, vocabulary.label("industry", e.industry()));
		put(cells, EntityColumn.SUPERVISION_TYPES, e.supervisionTypes().stream()
			.map(code -> vocabulary.label("supervision_type", code))
			.collect(Collectors.joining(EntityColumn.LABEL_SEPARATOR)));
		put(cells, EntityColumn.SUPERVISION_LEVEL, vocabulary.label("supervision_level", e.supervisionLevel()));
		put(cells, EntityColumn.STATUS, vocabulary.label("entity_status", e.status()));
		put(cells, EntityColumn.HIGH_RISK, flag(e.highRisk()));
		put(cells, EntityColumn.MAJOR_HAZARD_SOURCE, flag(e.majorHazardSource()));
		put(cells, EntityColumn.MAJOR_HAZARD_GRADE, vocabulary.label("major_hazard_grade", e.majorHazardGrade()));
		put(cells, EntityColumn.CROWDED_PLACE, flag(e.crowdedPlace()));
		put(cells, EntityColumn.INSURED, flag(e.insured()));
		put(cells, EntityColumn.INSURANCE_POLICY_NO, e.insurancePolicyNo());
		put(cells, EntityColumn.INSURANCE_VALID_TO, date(e.insuranceValidTo()));
		put(cells, EntityColumn.DUAL_PREVENTION_OVERRIDE, flag(e.dualPreventionOverride()));
		return new EntityRow(number, cells);
	}

	static final String YES = "是";
	static final String NO = "否";

	private static String flag(Boolean value) {
		return value == null ? null : value ? YES : NO;
	}

	private static String decimal(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private static String date(LocalDate value) {
		return value == null ? null : value.toString();
	}

	private static void put(Map<EntityColumn, String> cells, EntityColumn column, String value) {
		if (value != null && !value.isBlank()) {
			cells.put(column, value);
		}
	}
}
