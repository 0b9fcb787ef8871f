package cn.anjian.responsibility;

import cn.anjian.platform.web.ApiException;

/**
 * The three responsible leaders every government and department names (seed 003 §三(六)): 安全生产第一责任人,
 * 分管责任人, 其他分管责任人. The order is the order of the responsibility list.
 */
enum LeadershipRole {

	FIRST_RESPONSIBLE("安全生产第一责任人"), IN_CHARGE("分管责任人"), OTHER_IN_CHARGE("其他分管责任人");

	private final String label;

	LeadershipRole(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	static LeadershipRole of(String name) {
		try {
			return valueOf(name);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ApiException.invalid("role", "责任角色不正确");
		}
	}

	/** SQL ordering expression for a role column, in list order. */
	static String orderBy(String column) {
		return "CASE " + column + " WHEN 'FIRST_RESPONSIBLE' THEN 0 WHEN 'IN_CHARGE' THEN 1 ELSE 2 END";
	}
}
