package cn.anjian.responsibility;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 不落空挡、不留盲区 (seed 003 §三): every entity in operation must have a supervising department, a territorial owner
 * (a grid with a named grid inspector, 网格化+实名制), a named inspector for each department that supervises it, and
 * no supervising department may lack its first responsible person. One set-based query computes the four gaps.
 */
@Component
class BlindSpots {

	enum Gap {
		NO_DEPARTMENT, NO_TERRITORIAL_OWNER, NO_INSPECTOR, DEPARTMENT_WITHOUT_LEADER
	}

	record Row(long entityId, String entityName, String regionPath, String industry, String industryLabel,
			boolean noDepartment, boolean noTerritorialOwner, boolean noInspector, boolean departmentWithoutLeader) {
	}

	record CountRow(String key, String label, long noDepartment, long noTerritorialOwner, long noInspector,
			long departmentWithoutLeader, long entities) {
	}

	record Summary(long entities, long noDepartment, long noTerritorialOwner, long noInspector,
			long departmentWithoutLeader, List<CountRow> byRegion, List<CountRow> byIndustry) {
	}

	record DepartmentGap(long departmentId, String departmentName, long assigned, long withoutInspector,
			boolean hasFirstResponsible) {
	}

	private static final Map<Gap, String> CONDITIONS = Map.of(Gap.NO_DEPARTMENT, "g.no_department",
			Gap.NO_TERRITORIAL_OWNER, "g.no_territorial_owner", Gap.NO_INSPECTOR, "g.no_inspector",
			Gap.DEPARTMENT_WITHOUT_LEADER, "g.department_without_leader");

	private final JdbcClient jdbc;

	BlindSpots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of entities with a gap; the total comes from the same pass (a window count), not a second query, and
	 * names are joined for the page only.
	 */
	Page<Row> list(DataScope scope, Gap gap, Long regionId, String industry, LocalDate today, int page, int size) {
		String where = " WHERE " + (gap == null ? "(g.no_department OR g.no_territorial_owner OR g.no_inspector OR g.department_without_leader)"
				: CONDITIONS.get(gap))
				+ " AND (CAST(:regionId AS bigint) IS NULL OR g.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :regionId))"
				+ " AND (CAST(:industry AS text) IS NULL OR g.industry = :industry)";
		long[] total = { -1 };
		List<Row> rows = bind(scope, today, """
				SELECT p.*, e.name, (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c
				  JOIN region a ON a.id = c.ancestor_id WHERE c.descendant_id = p.region_id AND a.parent_id IS NOT NULL) AS region_path,
				  (SELECT label FROM dict_item WHERE type = 'industry' AND code = p.industry) AS industry_label
				FROM (SELECT g.*, count(*) OVER () AS total FROM (""" + gaps(scope) + ") g" + where
				+ " ORDER BY g.id LIMIT :size OFFSET :offset) p JOIN supervised_entity e ON e.id = p.id ORDER BY p.id")
			.param("regionId", regionId).param("industry", industry)
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("region_path"), rs.getString("industry"),
						rs.getString("industry_label"), rs.getBoolean("no_department"), rs.getBoolean("no_territorial_owner"),
						rs.getBoolean("no_inspector"), rs.getBoolean("department_without_leader"));
			})
			.list();
		if (total[0] < 0) { // a page past the end: count without it
			total[0] = bind(scope, today, "SELECT count(*) FROM (" + gaps(scope) + ") g" + where)
				.param("regionId", regionId).param("industry", industry).query(Long.class).single();
		}
		return new Page<>(rows, total[0]);
	}

	/**
	 * Counts of each gap: in all, per region one level below the caller's root, and per industry — both breakdowns from
	 * one pass over the gaps (grouping sets), since that pass is the whole cost; labels are looked up per group.
	 */
	Summary summary(DataScope scope, LocalDate today) {
		List<CountRow> byRegion = new ArrayList<>();
		List<CountRow> byIndustry = new ArrayList<>();
		bind(scope, today, """
				SELECT GROUPING(g.industry) = 0 AS by_industry,
				       coalesce(g.industry, CAST(coalesce(x.id, :root) AS text)) AS key,
				       coalesce((SELECT d.label FROM dict_item d WHERE d.type = 'industry' AND d.code = g.industry),
				                g.industry, x.name, '本级') AS label,
				       count(*) FILTER (WHERE g.no_department) AS no_department,
				       count(*) FILTER (WHERE g.no_territorial_owner) AS no_territorial_owner,
				       count(*) FILTER (WHERE g.no_inspector) AS no_inspector,
				       count(*) FILTER (WHERE g.department_without_leader) AS department_without_leader, count(*) AS entities
				FROM (%s) g
				LEFT JOIN (SELECT c.descendant_id, a.id, a.name FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				           WHERE a.parent_id = :root) x ON x.descendant_id = g.region_id
				GROUP BY GROUPING SETS ((x.id, x.name), (g.industry))
				""".formatted(gaps(scope)))
			.param("root", scope.regionId())
			.query((rs, n) -> {
				CountRow row = new CountRow(rs.getString("key"), rs.getString("label"), rs.getLong("no_department"),
						rs.getLong("no_territorial_owner"), rs.getLong("no_inspector"), rs.getLong("department_without_leader"),
						rs.getLong("entities"));
				(rs.getBoolean("by_industry") ? byIndustry : byRegion).add(row);
				return row;
			})
			.list();
		byRegion.sort(Comparator.comparing(CountRow::label));
		byIndustry.sort(Comparator.comparingLong(CountRow::noDepartment).reversed()
			.thenComparing(Comparator.comparingLong(CountRow::noInspector).reversed()).thenComparing(CountRow::key));
		return new Summary(sum(byRegion, CountRow::entities), sum(byRegion, CountRow::noDepartment),
				sum(byRegion, CountRow::noTerritorialOwner), sum(byRegion, CountRow::noInspector),
				sum(byRegion, CountRow::departmentWithoutLeader), byRegion, byIndustry);
	}

	/** Departments in scope with how many of their entities have no named inspector ("部门有未分配的对象"). */
	List<DepartmentGap> departments(DataScope scope, LocalDate today) {
		return scope.bind(jdbc.sql("""
				SELECT d.id AS department_id, d.name AS department_name, count(a.id) AS assigned,
				       count(a.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM entity_inspector i WHERE i.assignment_id = a.id
				                                             AND i.ended_at IS NULL)) AS without_inspector,
				       EXISTS (SELECT 1 FROM department_role_holder h WHERE h.department_id = d.id AND h.role = 'FIRST_RESPONSIBLE'
				               AND (h.term_to IS NULL OR h.term_to >= :today)) AS has_first_responsible
				FROM department d LEFT JOIN entity_assignment a ON a.department_id = d.id AND a.ended_at IS NULL
				WHERE """ + " " + scope.unitFilter("d.region_id", "d.id") + """
				 GROUP BY d.id, d.name ORDER BY without_inspector DESC, d.id
				"""))
			.param("today", Date.valueOf(today))
			.query(DepartmentGap.class)
			.list();
	}

	static Gap gap(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Gap.valueOf(name);
		}
		catch (IllegalArgumentException e) {
			throw ApiException.invalid("kind", "盲区类型不正确");
		}
	}

	private JdbcClient.StatementSpec bind(DataScope scope, LocalDate today, String sql) {
		return scope.bind(jdbc.sql(sql)).param("today", Date.valueOf(today));
	}

	/**
	 * One row per operating entity in scope with its four gap flags. The current assignments of the entities in scope
	 * are aggregated once per entity (hash joins to the inspectors and to the departments' first responsible persons)
	 * rather than probed by three correlated EXISTS per entity, which ran as per-row subplans (docs/PERFORMANCE.md).
	 */
	private static String gaps(DataScope scope) {
		return """
				SELECT e.id, e.region_id, e.industry,
				  x.entity_id IS NULL AS no_department,
				  NOT (r.level = 'GRID' AND coalesce(r.grid_inspector_name, '') <> '') AS no_territorial_owner,
				  coalesce(x.without_inspector, false) AS no_inspector,
				  coalesce(x.without_leader, false) AS department_without_leader
				FROM supervised_entity e JOIN region r ON r.id = e.region_id
				LEFT JOIN (
				  SELECT a.entity_id, bool_or(i.id IS NULL) AS without_inspector, bool_or(h.id IS NULL) AS without_leader
				  FROM entity_assignment a
				  LEFT JOIN entity_inspector i ON i.assignment_id = a.id AND i.ended_at IS NULL
				  LEFT JOIN department_role_holder h ON h.department_id = a.department_id AND h.role = 'FIRST_RESPONSIBLE'
				    AND (h.term_to IS NULL OR h.term_to >= :today)
				  WHERE a.ended_at IS NULL AND""" + " " + scope.entityFilter("a.entity_id", "a.region_id") + """
				  GROUP BY a.entity_id) x ON x.entity_id = e.id
				WHERE e.status <> 'CANCELLED' AND""" + " " + scope.entityFilter("e.id", "e.region_id");
	}

	private static long sum(List<CountRow> rows, java.util.function.ToLongFunction<CountRow> f) {
		return rows.stream().mapToLong(f).sum();
	}
}
