package cn.anjian.inspection;

/** Where a hazard is in the closed loop (闭环). */
public enum HazardState {
	/** 已上报: found, not yet ordered to be rectified (a suspected major one awaits confirmation here) */
	REPORTED,
	/** 整改中: rectification ordered with a deadline */
	RECTIFYING,
	/** 待复查/待验收: the entity reported it rectified with evidence */
	SUBMITTED,
	/** 已销号 */
	CLOSED
}
