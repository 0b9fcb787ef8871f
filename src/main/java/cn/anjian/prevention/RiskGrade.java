package cn.anjian.prevention;

/** The four risk grades and their colours (红橙黄蓝), highest first; each has the level that controls it. */
public enum RiskGrade {
	/** 重大风险 — 红 — 公司（厂部）管控 */
	RED("重大风险", ControlLevel.COMPANY),
	/** 较大风险 — 橙 — 车间（部门）管控 */
	ORANGE("较大风险", ControlLevel.DEPARTMENT),
	/** 一般风险 — 黄 — 班组管控 */
	YELLOW("一般风险", ControlLevel.TEAM),
	/** 低风险 — 蓝 — 岗位管控 */
	BLUE("低风险", ControlLevel.POST);

	private final String label;
	private final ControlLevel controlLevel;

	RiskGrade(String label, ControlLevel controlLevel) {
		this.label = label;
		this.controlLevel = controlLevel;
	}

	public String label() {
		return label;
	}

	public ControlLevel controlLevel() {
		return controlLevel;
	}

	/** The higher of two grades (null counts as ungraded). */
	public static RiskGrade max(RiskGrade a, RiskGrade b) {
		if (a == null) {
			return b;
		}
		return b == null || a.ordinal() <= b.ordinal() ? a : b;
	}

	/** 管控层级 */
	public enum ControlLevel {
		/** 公司（厂部） */
		COMPANY,
		/** 车间（部门） */
		DEPARTMENT,
		/** 班组 */
		TEAM,
		/** 岗位 */
		POST
	}
}
