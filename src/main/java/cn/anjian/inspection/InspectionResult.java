package cn.anjian.inspection;

/** How an inspection ended. */
enum InspectionResult {
	PASSED, // 合格
	RECTIFICATION_ORDERED, // 责令整改
	CASE_FILED // 立案
}
