package cn.anjian.warning;

/** SQL fragments the warning module's lists share. */
final class WarningSql {

	private WarningSql() {
	}

	/** The region's path below the city, e.g. {@code 历下区 / 解放路街道}. */
	static String regionPath(String regionColumn) {
		return """
				(SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				 WHERE c.descendant_id = %s AND a.parent_id IS NOT NULL)""".formatted(regionColumn);
	}
}
