package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Inspection plans and their entities, with coverage: entities planned against those the owner supervises, and
 * done — planned entities the owner inspected within the plan's period (a year, or one month).
 */
@Repository
class InspectionPlans {

	record PlanView(long id, String name, int year, Integer month, long regionId, String regionName, Long departmentId,
			String departmentName, String industry, long planned, long supervised, long done) {
	}

	record PlanEntity(long id, long entityId, String entityName, String regionPath, int timesPerPeriod,
			List<Long> inspectorIds, String inspectorNames, int inspections) {
	}

	record NewPlan(long regionId, Long departmentId, String name, int year, Integer month, String industry,
			int timesPerPeriod, Long[] inspectorIds, long createdBy, Instant now) {
	}

	private final JdbcClient jdbc;

	InspectionPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The plan and its entities: a department's currently assigned entities (each with the inspectors named on the
	 * assignment, unless inspectors are given), or the entities of a region's subtree; cancelled entities left out.
	 */
	long insert(NewPlan p) {
		long id = jdbc.sql("""
				INSERT INTO inspection_plan (region_id, department_id, name, year, month, industry, created_by, created_at)
				VALUES (:region, :department, :name, :year, :month, :industry, :by, :now) RETURNING id
				""").param("region", p.regionId()).param("department", p.departmentId()).param("name", p.name())
			.param("year", p.year()).param("month", p.month()).param("industry", p.industry()).param("by", p.createdBy())
			.param("now", Timestamp.from(p.now())).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO inspection_plan_entity (plan_id, entity_id, region_id, times_per_period, inspector_ids)
				SELECT p.id, e.id, e.region_id, :times, coalesce(CAST(:inspectors AS bigint[]), ARRAY(
				    SELECT DISTINCT i.user_id FROM entity_inspector i JOIN entity_assignment a ON a.id = i.assignment_id
				    WHERE i.entity_id = e.id AND a.department_id = p.department_id AND i.ended_at IS NULL ORDER BY 1))
				FROM inspection_plan p JOIN supervised_entity e ON """ + " " + OWNED + """
				WHERE p.id = :id AND e.status <> 'CANCELLED' AND (p.industry IS NULL OR e.industry = p.industry)
				ORDER BY e.id
				""").param("id", id).param("times", p.timesPerPeriod()).param("inspectors", p.inspectorIds()).update();
		return id;
	}

	Optional<PlanView> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE p.id = :id AND " + filter(scope))).param("id", id)
			.query((rs, n) -> map(rs)).optional();
	}

	Page<PlanView> search(DataScope scope, Integer year, int page, int size) {
		String where = " WHERE " + filter(scope) + " AND (CAST(:year AS int) IS NULL OR p.year = :year)";
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM inspection_plan p" + where)).param("year", year)
			.query(Long.class).single();
		List<PlanView> items = scope.bind(jdbc.sql(SELECT + where + " ORDER BY p.year DESC, p.month DESC NULLS FIRST, p.id DESC LIMIT :size OFFSET :offset"))
			.param("year", year).param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query((rs, n) -> map(rs)).list();
		return new Page<>(items, total);
	}

	List<PlanEntity> entities(long planId) {
		return jdbc.sql("""
				SELECT x.id, x.entity_id, e.name AS entity_name, x.times_per_period, x.inspector_ids,
				  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				   WHERE c.descendant_id = x.region_id AND a.parent_id IS NOT NULL) AS region_path,
				  (SELECT string_agg(u.display_name, '、' ORDER BY u.id) FROM app_user u WHERE u.id = ANY (x.inspector_ids)) AS inspector_names,
				  (SELECT count(*) FROM inspection i WHERE """ + " " + DONE_BY_OWNER + """
				  ) AS inspections
				FROM inspection_plan_entity x JOIN inspection_plan p ON p.id = x.plan_id JOIN supervised_entity e ON e.id = x.entity_id
				WHERE x.plan_id = :id ORDER BY x.id
				""").param("id", planId)
			.query((rs, n) -> new PlanEntity(rs.getLong("id"), rs.getLong("entity_id"), rs.getString("entity_name"),
					rs.getString("region_path"), rs.getInt("times_per_period"), longs(rs.getArray("inspector_ids")),
					rs.getString("inspector_names"), rs.getInt("inspections")))
			.list();
	}

	boolean updateEntity(long planId, long rowId, int times, Long[] inspectorIds) {
		return jdbc.sql("""
				UPDATE inspection_plan_entity SET times_per_period = :times, inspector_ids = CAST(:inspectors AS bigint[])
				WHERE id = :row AND plan_id = :plan
				""").param("plan", planId).param("row", rowId).param("times", times).param("inspectors", inspectorIds)
			.update() > 0;
	}

	static String filter(DataScope scope) {
		return scope.unitFilter("p.region_id", "p.department_id");
	}

	static List<Long> longs(Array array) throws SQLException {
		return array == null ? List.of() : List.of((Long[]) array.getArray());
	}

	private static PlanView map(ResultSet rs) throws SQLException {
		return new PlanView(rs.getLong("id"), rs.getString("name"), rs.getInt("year"), (Integer) rs.getObject("month"),
				rs.getLong("region_id"), rs.getString("region_name"), (Long) rs.getObject("department_id"),
				rs.getString("department_name"), rs.getString("industry"), rs.getLong("planned"), rs.getLong("supervised"),
				rs.getLong("done"));
	}

	/** An entity {@code e} the plan {@code p}'s owner supervises: the department's current assignment, or the region's subtree. */
	private static final String OWNED = """
			(CASE WHEN p.department_id IS NOT NULL
			  THEN EXISTS (SELECT 1 FROM entity_assignment a WHERE a.entity_id = e.id AND a.department_id = p.department_id AND a.ended_at IS NULL)
			  ELSE e.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = p.region_id) END)
			""";

	/** An inspection {@code i} of plan entity {@code x} by the plan {@code p}'s owner within the plan's period. */
	private static final String DONE_BY_OWNER = """
			i.entity_id = x.entity_id
			  AND (CASE WHEN p.department_id IS NOT NULL THEN i.department_id = p.department_id ELSE i.department_id IS NULL END)
			  AND i.inspected_on >= make_date(p.year, coalesce(p.month, 1), 1)
			  AND i.inspected_on < CASE WHEN p.month IS NULL THEN make_date(p.year + 1, 1, 1)
			                            ELSE make_date(p.year, p.month, 1) + interval '1 month' END
			""";

	private static final String SELECT = """
			SELECT p.*, r.name AS region_name, d.name AS department_name,
			  (SELECT count(*) FROM inspection_plan_entity x WHERE x.plan_id = p.id) AS planned,
			  (SELECT count(*) FROM supervised_entity e WHERE """ + " " + OWNED + """
			     AND e.status <> 'CANCELLED' AND (p.industry IS NULL OR e.industry = p.industry)) AS supervised,
			  (SELECT count(*) FROM inspection_plan_entity x WHERE x.plan_id = p.id
			     AND EXISTS (SELECT 1 FROM inspection i WHERE """ + " " + DONE_BY_OWNER + """
			  )) AS done
			FROM inspection_plan p JOIN region r ON r.id = p.region_id LEFT JOIN department d ON d.id = p.department_id
			""";
}
