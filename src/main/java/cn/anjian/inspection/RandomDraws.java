package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored 双随机 draws, their results, and the inputs a draw needs: the entity pool and who must be excluded. */
@Repository
class RandomDraws {

	record DrawView(long id, String name, long regionId, String regionName, Long departmentId, String departmentName,
			long poolRegionId, String poolRegionName, String industry, String supervisionType, int entityCount,
			int inspectorsPerEntity, long seed, int poolSize, List<Long> inspectorPool, boolean published,
			Instant publishedAt, String drawnByName, Instant drawnAt) {
	}

	/** {@code inspectionId}/{@code inspectionResult}: the task generated for the entity (result null: not done yet). */
	record Result(int position, long entityId, String entityName, String uscc, String regionPath,
			List<Long> inspectorIds, String inspectorNames, Long inspectionId, String inspectionResult) {
	}

	record NewDraw(long regionId, Long departmentId, String name, long poolRegionId, String industry,
			String supervisionType, int entityCount, int inspectorsPerEntity, long seed, int poolSize,
			List<Long> inspectorPool, long drawnBy, Instant now) {
	}

	private final JdbcClient jdbc;

	RandomDraws(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The pool: entities in the region subtree the caller may see, not cancelled, matching the filters, by id. */
	List<Long> pool(DataScope scope, long regionId, String industry, String supervisionType) {
		return scope.bind(jdbc.sql("""
				SELECT e.id FROM supervised_entity e
				WHERE e.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :region)
				  AND e.status <> 'CANCELLED' AND %s
				  AND (CAST(:industry AS text) IS NULL OR e.industry = :industry)
				  AND (CAST(:type AS text) IS NULL OR e.supervision_types @> ARRAY[CAST(:type AS varchar)])
				ORDER BY e.id
				""".formatted(scope.entityFilter("e.id", "e.region_id")))).param("region", regionId)
			.param("industry", industry).param("type", supervisionType).query(Long.class).list();
	}

	/** Inspectors with a recorded conflict of interest with the entity, and those of its latest inspection. */
	Set<Long> excluded(long entityId) {
		return new HashSet<>(jdbc.sql("""
				SELECT user_id FROM inspection_conflict WHERE entity_id = :e
				UNION
				SELECT x.user_id FROM inspection_inspector x WHERE x.inspection_id =
				  (SELECT id FROM inspection WHERE entity_id = :e ORDER BY inspected_on DESC, id DESC LIMIT 1)
				""").param("e", entityId).query(Long.class).list());
	}

	long insert(NewDraw d, List<RandomDraw.Pick> picks) {
		long id = jdbc.sql("""
				INSERT INTO random_draw (region_id, department_id, name, pool_region_id, industry, supervision_type,
				  entity_count, inspectors_per_entity, seed, pool_size, inspector_pool, drawn_by, drawn_at)
				VALUES (:region, :department, :name, :poolRegion, :industry, :type, :count, :per, :seed, :poolSize,
				  CAST(:inspectors AS bigint[]), :by, :now) RETURNING id
				""").param("region", d.regionId()).param("department", d.departmentId()).param("name", d.name())
			.param("poolRegion", d.poolRegionId()).param("industry", d.industry()).param("type", d.supervisionType())
			.param("count", d.entityCount()).param("per", d.inspectorsPerEntity()).param("seed", d.seed())
			.param("poolSize", d.poolSize()).param("inspectors", d.inspectorPool().toArray(Long[]::new))
			.param("by", d.drawnBy()).param("now", Timestamp.from(d.now())).query(Long.class).single();
		for (int i = 0; i < picks.size(); i++) {
			jdbc.sql("""
					INSERT INTO random_draw_entity (draw_id, entity_id, region_id, position, inspector_ids)
					SELECT :draw, e.id, e.region_id, :position, CAST(:inspectors AS bigint[]) FROM supervised_entity e WHERE e.id = :e
					""").param("draw", id).param("e", picks.get(i).entityId()).param("position", i + 1)
				.param("inspectors", picks.get(i).inspectorIds().toArray(Long[]::new)).update();
		}
		return id;
	}

	boolean publish(long id, Instant now) {
		return jdbc.sql("UPDATE random_draw SET published = true, published_at = :now WHERE id = :id AND NOT published")
			.param("id", id).param("now", Timestamp.from(now)).update() > 0;
	}

	Optional<DrawView> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE d.id = :id AND " + filter(scope))).param("id", id)
			.query((rs, n) -> map(rs)).optional();
	}

	Page<DrawView> search(DataScope scope, int page, int size) {
		return page(scope, filter(scope), page, size);
	}

	/** Published draws anyone in the region may read (公开): by territory, whichever department drew them. */
	Page<DrawView> published(DataScope scope, int page, int size) {
		return page(scope, "d.published AND " + scope.regionFilter("d.region_id"), page, size);
	}

	List<Result> results(long drawId) {
		return jdbc.sql("""
				SELECT x.position, x.entity_id, e.name AS entity_name, e.uscc, x.inspector_ids,
				  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				   WHERE c.descendant_id = x.region_id AND a.parent_id IS NOT NULL) AS region_path,
				  (SELECT string_agg(u.display_name, '、' ORDER BY array_position(x.inspector_ids, u.id)) FROM app_user u
				   WHERE u.id = ANY (x.inspector_ids)) AS inspector_names,
				  i.id AS inspection_id, i.result AS inspection_result
				FROM random_draw_entity x JOIN supervised_entity e ON e.id = x.entity_id
				LEFT JOIN inspection i ON i.draw_id = x.draw_id AND i.entity_id = x.entity_id
				WHERE x.draw_id = :id ORDER BY x.position
				""").param("id", drawId)
			.query((rs, n) -> new Result(rs.getInt("position"), rs.getLong("entity_id"), rs.getString("entity_name"),
					rs.getString("uscc"), rs.getString("region_path"), InspectionPlans.longs(rs.getArray("inspector_ids")),
					rs.getString("inspector_names"), (Long) rs.getObject("inspection_id"), rs.getString("inspection_result")))
			.list();
	}

	/** Locks the draw: two requests generating its tasks at once are serialised, the second sees the first's. */
	void lock(long id) {
		jdbc.sql("SELECT id FROM random_draw WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
	}

	long taskCount(long id) {
		return jdbc.sql("SELECT count(*) FROM inspection WHERE draw_id = :id").param("id", id).query(Long.class).single();
	}

	String entityName(long entityId) {
		return jdbc.sql("SELECT name FROM supervised_entity WHERE id = :id").param("id", entityId).query(String.class).single();
	}

	long departmentRegion(long departmentId) {
		return jdbc.sql("SELECT region_id FROM department WHERE id = :id").param("id", departmentId).query(Long.class).single();
	}

	static String filter(DataScope scope) {
		return scope.unitFilter("d.region_id", "d.department_id");
	}

	private Page<DrawView> page(DataScope scope, String where, int page, int size) {
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM random_draw d WHERE " + where)).query(Long.class).single();
		List<DrawView> items = scope.bind(jdbc.sql(SELECT + " WHERE " + where + " ORDER BY d.drawn_at DESC, d.id DESC LIMIT :size OFFSET :offset"))
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query((rs, n) -> map(rs)).list();
		return new Page<>(items, total);
	}

	private static DrawView map(ResultSet rs) throws SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		return new DrawView(rs.getLong("id"), rs.getString("name"), rs.getLong("region_id"), rs.getString("region_name"),
				(Long) rs.getObject("department_id"), rs.getString("department_name"), rs.getLong("pool_region_id"),
				rs.getString("pool_region_name"), rs.getString("industry"), rs.getString("supervision_type"),
				rs.getInt("entity_count"), rs.getInt("inspectors_per_entity"), rs.getLong("seed"), rs.getInt("pool_size"),
				InspectionPlans.longs(rs.getArray("inspector_pool")), rs.getBoolean("published"),
				published == null ? null : published.toInstant(), rs.getString("drawn_by_name"),
				rs.getTimestamp("drawn_at").toInstant());
	}

	private static final String SELECT = """
			SELECT d.*, r.name AS region_name, pr.name AS pool_region_name, dp.name AS department_name,
			  u.display_name AS drawn_by_name
			FROM random_draw d JOIN region r ON r.id = d.region_id JOIN region pr ON pr.id = d.pool_region_id
			LEFT JOIN department dp ON dp.id = d.department_id LEFT JOIN app_user u ON u.id = d.drawn_by
			""";
}
