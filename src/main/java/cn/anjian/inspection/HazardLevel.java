package cn.anjian.inspection;

/** 隐患等级 (seed 003 §四). */
public enum HazardLevel {
	/** 一般事故隐患 */
	GENERAL,
	/** 疑似重大事故隐患: must be confirmed or downgraded by the competent department */
	SUSPECTED_MAJOR,
	/** 重大事故隐患: needs a rectification plan (五落实) and 挂牌督办 */
	MAJOR
}
