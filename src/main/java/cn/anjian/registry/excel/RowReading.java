package cn.anjian.registry.excel;

import cn.anjian.registry.EntityForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one row's texts into an {@link EntityForm}, with a message for each cell that cannot be read (text in a number
 * column, an unknown label, a date that is not one). A cell that fails here is left empty in the form, so the
 * validator's "please fill in" for the same field is not reported twice.
 */
final class RowReading {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d");

	private final EntityRow row;
	private final Vocabulary vocabulary;
	private final Map<EntityColumn, String> problems = new LinkedHashMap<>();
	private final EntityForm form;

	RowReading(EntityRow row, Vocabulary vocabulary) {
		this.row = row;
		this.vocabulary = vocabulary;
		this.form = read();
	}

	EntityForm form() {
		return form;
	}

	/** Column → message for every cell that could not be read. */
	Map<EntityColumn, String> problems() {
		return problems;
	}

	private EntityForm read() {
		String uscc = text(EntityColumn.USCC);
		return new EntityForm(text(EntityColumn.NAME), uscc == null ? null : uscc.toUpperCase(),
				text(EntityColumn.LEGAL_REPRESENTATIVE), text(EntityColumn.LEGAL_REPRESENTATIVE_PHONE),
				text(EntityColumn.ACTUAL_CONTROLLER), text(EntityColumn.ACTUAL_CONTROLLER_PHONE),
				text(EntityColumn.PRINCIPAL_NAME), text(EntityColumn.PRINCIPAL_PHONE),
				text(EntityColumn.SAFETY_DIRECTOR_NAME), text(EntityColumn.SAFETY_DIRECTOR_PHONE),
				text(EntityColumn.ADDRESS), decimal(EntityColumn.LATITUDE), decimal(EntityColumn.LONGITUDE),
				integer(EntityColumn.STAFF_COUNT), date(EntityColumn.FOUNDED_ON), code(EntityColumn.STATUS),
				code(EntityColumn.SOCIAL_FUNCTION), code(EntityColumn.INDUSTRY), codes(EntityColumn.SUPERVISION_TYPES),
				code(EntityColumn.SUPERVISION_LEVEL), region(EntityColumn.REGION_CODE), flag(EntityColumn.HIGH_RISK),
				flag(EntityColumn.MAJOR_HAZARD_SOURCE), code(EntityColumn.MAJOR_HAZARD_GRADE),
				flag(EntityColumn.CROWDED_PLACE), flag(EntityColumn.INSURED), text(EntityColumn.INSURANCE_POLICY_NO),
				date(EntityColumn.INSURANCE_VALID_TO), flag(EntityColumn.DUAL_PREVENTION_OVERRIDE), null);
	}

	private String text(EntityColumn column) {
		String value = row.get(column);
		if (value != null && column.maxLength > 0 && value.length() > column.maxLength) {
			return problem(column, column.title + "不能超过" + column.maxLength + "字");
		}
		return value;
	}

	private Integer integer(EntityColumn column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value.replace(",", "")).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			return problem(column, column.title + "须为整数，不能填“" + value + "”");
		}
	}

	private BigDecimal decimal(EntityColumn column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value.replace(",", ""));
		}
		catch (NumberFormatException e) {
			return problem(column, column.title + "须为数字，不能填“" + value + "”");
		}
	}

	private LocalDate date(EntityColumn column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.replace('/', '-').replace('.', '-'), DATE);
		}
		catch (DateTimeParseException e) {
			return problem(column, column.title + "“" + value + "”不是有效日期，请按 yyyy-MM-dd 填写");
		}
	}

	private Boolean flag(EntityColumn column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		return switch (value) {
			case EntityRow.YES, "TRUE" -> true;
			case EntityRow.NO, "FALSE" -> false;
			default -> problem(column, column.title + "请填写“是”或“否”，不能填“" + value + "”");
		};
	}

	private String code(EntityColumn column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		String code = vocabulary.code(column.dictionary, value);
		return code != null ? code : problem(column, unknownLabel(column, value));
	}

	private List<String> codes(EntityColumn column) {
		String value = row.get(column);
		List<String> codes = new ArrayList<>();
		if (value == null) {
			return codes;
		}
		for (String label : value.split("[、,，;；]")) {
			if (!label.isBlank()) {
				String code = vocabulary.code(column.dictionary, label.trim());
				if (code == null) {
					return problem(column, unknownLabel(column, label.trim()));
				}
				codes.add(code);
			}
		}
		return codes;
	}

	private Long region(EntityColumn column) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		Long id = vocabulary.regionId(value);
		return id != null ? id : problem(column, column.title + "“" + value + "”不存在");
	}

	private static String unknownLabel(EntityColumn column, String label) {
		return column.title + "“" + label + "”不在字典中（或已停用），请从下拉列表选择";
	}

	private <T> T problem(EntityColumn column, String message) {
		problems.putIfAbsent(column, message);
		return null;
	}
}
