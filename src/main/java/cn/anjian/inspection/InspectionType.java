package cn.anjian.inspection;

/** The kinds of inspection (dictionary {@code inspection_type}). */
enum InspectionType {
	ENFORCEMENT, // 执法检查
	SUPERVISION, // 监督检查
	ROUTINE, // 日常检查
	SPECIAL, // 专项检查
	INSPECTION_TOUR, // 督查
	RE_INSPECTION // 复查
}
