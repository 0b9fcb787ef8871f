package cn.anjian.inspection;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inspection records with their inspectors, filled checklist and photos; scoped like hazards (entity, region, department). */
@Repository
class Inspections {

	record InspectionView(long id, long entityId, String entityName, String regionPath, Long departmentId,
			String departmentName, String type, LocalDate inspectedOn, Long templateId, String templateName, Long planId,
			String findings, String representativeName, String result, String inspectorNames, int itemCount,
			int failedCount, int hazardCount, Long drawId, Instant createdAt) {
	}

	record Inspector(long id, String displayName) {
	}

	record Item(long id, int sortOrder, String content, String legalBasis, String outcome, String note, Long hazardId) {
	}

	record Photo(long id, Long itemId, String fileName, String contentType, long sizeBytes, String sha256,
			Instant uploadedAt) {
	}

	/** {@code mine}: only the inspections the caller is one of the inspectors of (their tasks). */
	record Filter(Long regionId, Long departmentId, Long entityId, String type, String result, LocalDate from,
			LocalDate to, String keyword, boolean mine) {
	}

	/** {@code drawId}: the 双随机 draw the record is the task of, or null for a record entered directly. */
	record NewRecord(long entityId, Long departmentId, InspectionType type, LocalDate inspectedOn, Long templateId,
			Long planId, Long drawId, List<Long> inspectorIds, long createdBy, Instant now) {
	}

	private final JdbcClient jdbc;

	Inspections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The record, its inspectors, and its checklist copied from the template (so later template edits leave it alone). */
	long insert(NewRecord r) {
		long id = jdbc.sql("""
				INSERT INTO inspection (entity_id, region_id, department_id, type, inspected_on, template_id, template_name,
				                        plan_id, draw_id, created_by, created_at, updated_at)
				SELECT e.id, e.region_id, :department, :type, :on, t.id, t.name, :plan, :draw, :by, :now, :now
				FROM supervised_entity e LEFT JOIN checklist_template t ON t.id = :template
				WHERE e.id = :entity RETURNING id
				""").param("entity", r.entityId()).param("department", r.departmentId()).param("type", r.type().name())
			.param("on", Date.valueOf(r.inspectedOn())).param("template", r.templateId()).param("plan", r.planId())
			.param("draw", r.drawId()).param("by", r.createdBy()).param("now", Timestamp.from(r.now())).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO inspection_inspector (inspection_id, user_id, region_id)
				SELECT i.id, u, i.region_id FROM inspection i CROSS JOIN unnest(CAST(:users AS bigint[])) u WHERE i.id = :id
				""").param("id", id).param("users", r.inspectorIds().toArray(Long[]::new)).update();
		jdbc.sql("""
				INSERT INTO inspection_item (inspection_id, region_id, sort_order, content, legal_basis)
				SELECT i.id, i.region_id, t.sort_order, t.content, t.legal_basis
				FROM inspection i JOIN checklist_template_item t ON t.template_id = i.template_id WHERE i.id = :id
				ORDER BY t.sort_order, t.id
				""").param("id", id).update();
		return id;
	}

	void fill(long id, String findings, String representativeName, InspectionResult result, Instant now) {
		jdbc.sql("""
				UPDATE inspection SET findings = :findings, representative_name = :representative, result = :result,
				  updated_at = :now WHERE id = :id
				""").param("id", id).param("findings", findings).param("representative", representativeName)
			.param("result", result == null ? null : result.name()).param("now", Timestamp.from(now)).update();
	}

	void fillItem(long inspectionId, long itemId, String outcome, String note) {
		jdbc.sql("UPDATE inspection_item SET outcome = :outcome, note = :note WHERE id = :item AND inspection_id = :id")
			.param("id", inspectionId).param("item", itemId).param("outcome", outcome).param("note", note).update();
	}

	/** The item, locked: two requests turning one failed item into a hazard cannot both succeed. */
	Optional<Item> lockItem(long inspectionId, long itemId) {
		return jdbc.sql("""
				SELECT id, sort_order, content, legal_basis, outcome, note, hazard_id FROM inspection_item
				WHERE id = :item AND inspection_id = :id FOR UPDATE
				""").param("id", inspectionId).param("item", itemId).query(Item.class).optional();
	}

	void linkHazard(long itemId, long hazardId) {
		jdbc.sql("UPDATE inspection_item SET hazard_id = :h WHERE id = :id").param("id", itemId).param("h", hazardId).update();
	}

	Photo addPhoto(long inspectionId, Long itemId, FileTransfers.Received file, long userId, Instant now) {
		return jdbc.sql("""
				INSERT INTO inspection_photo (inspection_id, region_id, item_id, file_name, content_type, size_bytes, sha256,
				                              uploaded_by, uploaded_at)
				SELECT i.id, i.region_id, :item, :name, :type, :size, :sha, :user, :now FROM inspection i WHERE i.id = :id
				RETURNING id, item_id, file_name, content_type, size_bytes, sha256, uploaded_at
				""").param("id", inspectionId).param("item", itemId).param("name", file.fileName())
			.param("type", file.file().contentType()).param("size", file.file().size()).param("sha", file.file().sha256())
			.param("user", userId).param("now", Timestamp.from(now)).query(Photo.class).single();
	}

	Optional<InspectionView> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE i.id = :id AND " + filter(scope))).param("id", id)
			.query((rs, n) -> map(rs)).optional();
	}

	Page<InspectionView> search(DataScope scope, Filter f, int page, int size) {
		String where = " WHERE " + filter(scope) + """
				 AND (CAST(:regionId AS bigint) IS NULL OR i.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :regionId))
				 AND (CAST(:departmentId AS bigint) IS NULL OR i.department_id = :departmentId)
				 AND (CAST(:entityId AS bigint) IS NULL OR i.entity_id = :entityId)
				 AND (CAST(:type AS text) IS NULL OR i.type = :type)
				 AND (CAST(:result AS text) IS NULL OR i.result = :result)
				 AND (CAST(:from AS date) IS NULL OR i.inspected_on >= :from)
				 AND (CAST(:to AS date) IS NULL OR i.inspected_on <= :to)
				 AND (CAST(:keyword AS text) IS NULL OR e.name LIKE '%' || :keyword || '%')
				 AND (NOT :mine OR EXISTS (SELECT 1 FROM inspection_inspector x WHERE x.inspection_id = i.id AND x.user_id = :me))
				""";
		long total = bind(scope, f, "SELECT count(*) FROM inspection i JOIN supervised_entity e ON e.id = i.entity_id" + where)
			.query(Long.class).single();
		List<InspectionView> items = bind(scope, f, SELECT + where + " ORDER BY i.inspected_on DESC, i.id DESC LIMIT :size OFFSET :offset")
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query((rs, n) -> map(rs)).list();
		return new Page<>(items, total);
	}

	/** The 量 of inspection work in a period (seed 003 §九): inspections, entities covered, hazards found. */
	record Counts(LocalDate from, LocalDate to, long inspections, long entitiesCovered, long hazardsFound) {
	}

	/** Counts over the caller's scope, optionally a region subtree; {@code to} inclusive. A draw's task counts once done. */
	Counts counts(DataScope scope, Long regionId, LocalDate from, LocalDate to) {
		String inRegion = "(CAST(:regionId AS bigint) IS NULL OR %s IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :regionId))";
		var inspected = scope.bind(jdbc.sql("SELECT count(*) AS n, count(DISTINCT i.entity_id) AS e FROM inspection i WHERE "
				+ filter(scope) + " AND " + inRegion.formatted("i.region_id") + " AND i.inspected_on BETWEEN :from AND :to"
				+ " AND (i.draw_id IS NULL OR i.result IS NOT NULL)"))
			.param("regionId", regionId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query().singleRow();
		long hazardsFound = scope.bind(jdbc.sql("SELECT count(*) FROM hazard h WHERE " + Hazards.filter(scope) + " AND "
				+ inRegion.formatted("h.region_id") + """
				 AND h.found_at >= CAST(:from AS date) AT TIME ZONE 'Asia/Shanghai'
				 AND h.found_at < (CAST(:to AS date) + 1) AT TIME ZONE 'Asia/Shanghai'
				"""))
			.param("regionId", regionId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query(Long.class).single();
		return new Counts(from, to, ((Number) inspected.get("n")).longValue(), ((Number) inspected.get("e")).longValue(),
				hazardsFound);
	}

	List<Inspector> inspectors(long id) {
		return jdbc.sql("""
				SELECT u.id, u.display_name FROM inspection_inspector x JOIN app_user u ON u.id = x.user_id
				WHERE x.inspection_id = :id ORDER BY u.id
				""").param("id", id).query(Inspector.class).list();
	}

	List<Item> items(long id) {
		return jdbc.sql("""
				SELECT id, sort_order, content, legal_basis, outcome, note, hazard_id FROM inspection_item
				WHERE inspection_id = :id ORDER BY sort_order, id
				""").param("id", id).query(Item.class).list();
	}

	List<Photo> photos(long id) {
		return jdbc.sql("""
				SELECT id, item_id, file_name, content_type, size_bytes, sha256, uploaded_at FROM inspection_photo
				WHERE inspection_id = :id ORDER BY uploaded_at, id
				""").param("id", id).query(Photo.class).list();
	}

	/** The inspectors of each entity's latest inspection (by date, then id) — a draw must not send them again. */
	List<Long> lastInspectors(long entityId) {
		return jdbc.sql("""
				SELECT x.user_id FROM inspection_inspector x WHERE x.inspection_id =
				  (SELECT id FROM inspection WHERE entity_id = :e ORDER BY inspected_on DESC, id DESC LIMIT 1)
				ORDER BY x.user_id
				""").param("e", entityId).query(Long.class).list();
	}

	static String filter(DataScope scope) {
		return scope.entityRecordFilter("i.entity_id", "i.region_id", "i.department_id");
	}

	private JdbcClient.StatementSpec bind(DataScope scope, Filter f, String sql) {
		return scope.bind(jdbc.sql(sql)).param("regionId", f.regionId()).param("departmentId", f.departmentId())
			.param("entityId", f.entityId()).param("type", f.type()).param("result", f.result())
			.param("from", f.from() == null ? null : Date.valueOf(f.from()))
			.param("to", f.to() == null ? null : Date.valueOf(f.to()))
			.param("keyword", f.keyword() == null || f.keyword().isBlank() ? null : f.keyword().trim())
			.param("mine", f.mine()).param("me", scope.userId());
	}

	private static InspectionView map(ResultSet rs) throws SQLException {
		return new InspectionView(rs.getLong("id"), rs.getLong("entity_id"), rs.getString("entity_name"),
				rs.getString("region_path"), (Long) rs.getObject("department_id"), rs.getString("department_name"),
				rs.getString("type"), rs.getDate("inspected_on").toLocalDate(), (Long) rs.getObject("template_id"),
				rs.getString("template_name"), (Long) rs.getObject("plan_id"), rs.getString("findings"),
				rs.getString("representative_name"), rs.getString("result"), rs.getString("inspector_names"),
				rs.getInt("item_count"), rs.getInt("failed_count"), rs.getInt("hazard_count"),
				(Long) rs.getObject("draw_id"), rs.getTimestamp("created_at").toInstant());
	}

	private static final String SELECT = """
			SELECT i.*, e.name AS entity_name, d.name AS department_name,
			  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
			   WHERE c.descendant_id = i.region_id AND a.parent_id IS NOT NULL) AS region_path,
			  (SELECT string_agg(u.display_name, '、' ORDER BY u.id) FROM inspection_inspector x JOIN app_user u ON u.id = x.user_id
			   WHERE x.inspection_id = i.id) AS inspector_names,
			  (SELECT count(*) FROM inspection_item t WHERE t.inspection_id = i.id) AS item_count,
			  (SELECT count(*) FROM inspection_item t WHERE t.inspection_id = i.id AND t.outcome = 'FAIL') AS failed_count,
			  (SELECT count(*) FROM hazard h WHERE h.inspection_id = i.id) AS hazard_count
			FROM inspection i JOIN supervised_entity e ON e.id = i.entity_id LEFT JOIN department d ON d.id = i.department_id
			""";
}
