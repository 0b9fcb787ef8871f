package cn.anjian.registry.excel;

/**
 * The columns of the entity workbook — template, export and import alike, so an export edited in Excel imports
 * back. The title is what the user sees and what the importer matches; {@code field} names the {@code EntityForm}
 * field a validation message is about; {@code maxLength} is the database column's width.
 */
enum EntityColumn {

	NAME("单位名称", "name", Kind.TEXT, 200, true, "不超过200字"),
	USCC("统一社会信用代码", "uscc", Kind.TEXT, 0, true, "18位，按 GB 32100-2015 校验；已登记的单位按此代码更新，不会重复新增"),
	LEGAL_REPRESENTATIVE("法定代表人", "legalRepresentative", Kind.TEXT, 50, false, "第一责任人"),
	LEGAL_REPRESENTATIVE_PHONE("法定代表人电话", "legalRepresentativePhone", Kind.TEXT, 30, false, ""),
	ACTUAL_CONTROLLER("实际控制人", "actualController", Kind.TEXT, 50, false, "第一责任人"),
	ACTUAL_CONTROLLER_PHONE("实际控制人电话", "actualControllerPhone", Kind.TEXT, 30, false, ""),
	PRINCIPAL_NAME("主要负责人", "principalName", Kind.TEXT, 50, false, ""),
	PRINCIPAL_PHONE("主要负责人电话", "principalPhone", Kind.TEXT, 30, false, ""),
	SAFETY_DIRECTOR_NAME("安全总监", "safetyDirectorName", Kind.TEXT, 50, false,
			"高危行业从业人员≥300人、其他行业≥1000人的须配备"),
	SAFETY_DIRECTOR_PHONE("安全总监电话", "safetyDirectorPhone", Kind.TEXT, 30, false, ""),
	ADDRESS("地址", "address", Kind.TEXT, 300, false, "不超过300字"),
	REGION_CODE("属地区划代码", "regionId", Kind.REGION, 12, true,
			"所属街道（镇）的9位或网格的12位区划代码，须在您的管辖范围内；见“属地区划代码”工作表"),
	LATITUDE("纬度", "latitude", Kind.DECIMAL, 0, false, "数字，-90～90，最多6位小数，如 36.651234"),
	LONGITUDE("经度", "longitude", Kind.DECIMAL, 0, false, "数字，-180～180，最多6位小数，如 117.120098"),
	STAFF_COUNT("从业人员数", "staffCount", Kind.INTEGER, 0, false, "非负整数，空按0计"),
	FOUNDED_ON("成立日期", "foundedOn", Kind.DATE, 0, false, "日期，格式 yyyy-MM-dd，如 2015-03-18"),
	SOCIAL_FUNCTION("社会功能", "socialFunction", Kind.DICTIONARY, "social_function", true, ""),
	INDUSTRY("行业类型", "industry", Kind.DICTIONARY, "industry", true, "决定是否高危行业、是否须建设双重预防"),
	SUPERVISION_TYPES("监管类型", "supervisionTypes", Kind.DICTIONARIES, "supervision_type", false, ""),
	SUPERVISION_LEVEL("监管层级", "supervisionLevel", Kind.DICTIONARY, "supervision_level", true, ""),
	STATUS("经营状态", "status", Kind.DICTIONARY, "entity_status", false, "空则为“在营”"),
	HIGH_RISK("高危行业", "highRisk", Kind.FLAG, 0, false, "是/否；空则按行业类型认定"),
	MAJOR_HAZARD_SOURCE("重大危险源", "majorHazardSource", Kind.FLAG, 0, false, "是/否；空按“否”"),
	MAJOR_HAZARD_GRADE("重大危险源等级", "majorHazardGrade", Kind.DICTIONARY, "major_hazard_grade", false,
			"有重大危险源的必选"),
	CROWDED_PLACE("人员密集场所", "crowdedPlace", Kind.FLAG, 0, false, "是/否；空按“否”"),
	INSURED("已投保安责险", "insured", Kind.FLAG, 0, false, "是/否；空按“否”"),
	INSURANCE_POLICY_NO("安责险保单号", "insurancePolicyNo", Kind.TEXT, 64, false, "已投保安责险的必填"),
	INSURANCE_VALID_TO("安责险有效期至", "insuranceValidTo", Kind.DATE, 0, false, "日期，格式 yyyy-MM-dd"),
	DUAL_PREVENTION_OVERRIDE("强制双重预防（人工认定）", "dualPreventionOverride", Kind.FLAG, 0, false,
			"是/否；空则按规则认定（非煤矿山、金属冶炼、涉氨制冷、危险化学品生产储存、粉尘涉爆10人以上）");

	enum Kind {
		TEXT, INTEGER, DECIMAL, DATE, FLAG, REGION,
		/** one dictionary label, chosen from a drop-down */
		DICTIONARY,
		/** several dictionary labels separated by 、 */
		DICTIONARIES
	}

	/** The separator of several labels in one cell (监管类型). */
	static final String LABEL_SEPARATOR = "、";

	/** The column an error report adds after the data; the importer ignores it, so a corrected report imports. */
	static final String ERROR_TITLE = "错误信息";

	final String title;
	final String field;
	final Kind kind;
	final String dictionary;
	final int maxLength;
	final boolean required;
	final String hint;

	EntityColumn(String title, String field, Kind kind, int maxLength, boolean required, String hint) {
		this(title, field, kind, null, maxLength, required, hint);
	}

	EntityColumn(String title, String field, Kind kind, String dictionary, boolean required, String note) {
		this(title, field, kind, dictionary, 0, required, (kind == Kind.DICTIONARIES
				? "可填多个，用“" + LABEL_SEPARATOR + "”分隔，如：行业监管" + LABEL_SEPARATOR + "属地管理" : "从下拉列表选择")
				+ (note.isEmpty() ? "" : "；" + note));
	}

	EntityColumn(String title, String field, Kind kind, String dictionary, int maxLength, boolean required,
			String hint) {
		this.title = title;
		this.field = field;
		this.kind = kind;
		this.dictionary = dictionary;
		this.maxLength = maxLength;
		this.required = required;
		this.hint = hint;
	}

	static EntityColumn byField(String field) {
		for (EntityColumn column : values()) {
			if (column.field.equals(field)) {
				return column;
			}
		}
		return null;
	}
}
