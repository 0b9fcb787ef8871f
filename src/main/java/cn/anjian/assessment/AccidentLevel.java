package cn.anjian.assessment;

/** 生产安全事故等级 (《生产安全事故报告和调查处理条例》第三条), lowest first. */
enum AccidentLevel {
	GENERAL("一般事故"), LARGER("较大事故"), MAJOR("重大事故"), ESPECIALLY_MAJOR("特别重大事故");

	final String label;

	AccidentLevel(String label) {
		this.label = label;
	}

	/** 一票否决: an accident of 一般 level or above vetoes the year's grade (seed 000 §十(一)4, seed 001 §7). */
	boolean vetoes() {
		return compareTo(GENERAL) >= 0;
	}
}
