package cn.anjian.registry;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "底数" (how many, of which kind): counts of entities per region one level below the caller's root (districts
 * for the city, streets for a district) × one classification axis, in one set-based query.
 */
@Component
class EntitySummary {

	record Column(String code, String label) {
	}

	record Row(long regionId, String regionName, Map<String, Long> counts, long total) {
	}

	record Pivot(String axis, List<Column> columns, List<Row> rows, long total) {
	}

	private static final Map<String, String> AXES = Map.of("social_function", "social_function", "industry", "industry",
			"supervision_level", "supervision_level", "status", "entity_status");

	private final JdbcClient jdbc;

	EntitySummary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Pivot pivot(DataScope scope, String axis) {
		String dictionary = AXES.get(axis);
		if (dictionary == null) {
			throw ApiException.invalid("axis", "不支持的统计维度");
		}
		List<Column> columns = jdbc.sql("SELECT code, label FROM dict_item WHERE type = :type ORDER BY sort_order")
			.param("type", dictionary).query(Column.class).list();
		Map<Long, Row> rows = new LinkedHashMap<>();
		jdbc.sql("SELECT id, name FROM region WHERE parent_id = :root OR id = :root ORDER BY (id = :root) DESC, sort_order, code")
			.param("root", scope.regionId())
			.query((rs, n) -> rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), new LinkedHashMap<>(), 0)))
			.list();
		long[] total = { 0 };
		scope.bind(jdbc.sql("""
				SELECT coalesce((SELECT c.ancestor_id FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				                 WHERE c.descendant_id = e.region_id AND a.parent_id = :root), :root) AS row_region,
				       e.%s AS axis_code, count(*) AS n
				FROM supervised_entity e WHERE %s
				GROUP BY 1, 2
				""".formatted(axis, scope.entityFilter("e.id", "e.region_id"))))
			.param("root", scope.regionId())
			.query((rs, n) -> {
				Row row = rows.get(rs.getLong("row_region"));
				if (row != null) {
					row.counts().merge(rs.getString("axis_code"), rs.getLong("n"), Long::sum);
					total[0] += rs.getLong("n");
				}
				return null;
			})
			.list();
		List<Row> result = rows.values().stream()
			.map(r -> new Row(r.regionId(), r.regionName(), r.counts(), r.counts().values().stream().mapToLong(Long::longValue).sum()))
			.filter(r -> r.total() > 0 || r.regionId() != scope.regionId())
			.toList();
		return new Pivot(axis, columns, result, total[0]);
	}
}
