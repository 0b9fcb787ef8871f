package cn.anjian.inspection;

/** The phased campaigns of seed 003 §四(八): deployed city- or district-wide on top of routine inspection. */
public enum CampaignType {
	/** 安全生产大检查 */
	SAFETY_INSPECTION,
	/** 专项整治 */
	SPECIAL_RECTIFICATION,
	/** 综合督查 */
	SUPERVISION,
	/** 专项督查 */
	SPECIAL_SUPERVISION
}
