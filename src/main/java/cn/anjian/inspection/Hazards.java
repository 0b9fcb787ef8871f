package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Hazard rows: the aggregate loaded for a transition (row-locked), saved with its transition, and scoped lists. */
@Repository
class Hazards {

	record HazardView(long id, long entityId, String entityName, String regionPath, Long departmentId,
			String departmentName, String originLevel, Instant foundAt, String foundByName, String followUpByName, String description,
			String location, String legalBasis, HazardLevel level, HazardState state, boolean reinspectionRequired,
			String rectificationType, Instant originalDeadline, Instant deadline, Instant extensionRequested,
			String extensionReason, boolean extensionUsed, RectificationPlan plan, boolean overdue, Instant closedAt,
			int version, Long inspectionId, String noticeNumber, Instant noticeIssuedAt, String noticeIssuer) {
	}

	/** {@code open}: not yet closed (已销号) — what a business still has to deal with. */
	record Filter(HazardState state, HazardLevel level, Long entityId, Long regionId, Boolean overdue, String keyword,
			Boolean open) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Hazards(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(long entityId, Long departmentId, Hazard.OriginLevel origin, Long foundBy, String description,
			String location, String legalBasis, HazardLevel level, boolean reinspection, Long inspectionId, Instant now) {
		return jdbc.sql("""
				INSERT INTO hazard (entity_id, region_id, department_id, origin_level, found_by, found_at, description,
				                    location, legal_basis, level, state, reinspection_required, inspection_id, updated_at)
				SELECT e.id, e.region_id, :department, :origin, :foundBy, :now, :description, :location, :legalBasis,
				       :level, 'REPORTED', :reinspection, :inspection, :now
				FROM supervised_entity e WHERE e.id = :entity RETURNING id
				""")
			.param("entity", entityId).param("department", departmentId).param("origin", origin.name())
			.param("foundBy", foundBy).param("now", Timestamp.from(now)).param("description", description)
			.param("location", location).param("legalBasis", legalBasis).param("level", level.name())
			.param("reinspection", reinspection).param("inspection", inspectionId)
			.query(Long.class).single();
	}

	/** The aggregate, locked for this transaction so two transitions of one hazard cannot interleave. */
	Optional<Hazard> lock(long id) {
		return jdbc.sql("SELECT * FROM hazard WHERE id = :id FOR UPDATE").param("id", id)
			.query((rs, n) -> new Hazard(rs.getLong("id"), rs.getLong("entity_id"), rs.getLong("region_id"),
					(Long) rs.getObject("department_id"), Hazard.OriginLevel.valueOf(rs.getString("origin_level")),
					HazardLevel.valueOf(rs.getString("level")), HazardState.valueOf(rs.getString("state")),
					rs.getBoolean("reinspection_required"), type(rs.getString("rectification_type")),
					instant(rs, "original_deadline"), instant(rs, "deadline"), instant(rs, "extension_requested"),
					rs.getBoolean("extension_used"), plan(rs.getString("plan"))))
			.optional();
	}

	/** Saves the aggregate's state and appends the transition to its history. */
	void save(Hazard h, HazardTransitioned fact, Long actorId, String actorName, String note, String extensionReason) {
		jdbc.sql("""
				UPDATE hazard SET level = :level, state = :state, rectification_type = :type, original_deadline = :original,
				  deadline = :deadline, extension_requested = :extension, extension_used = :used, plan = CAST(:plan AS jsonb),
				  extension_reason = coalesce(:reason, extension_reason),
				  closed_at = CASE WHEN :state = 'CLOSED' THEN CAST(:at AS timestamptz) END, updated_at = :at, version = version + 1
				WHERE id = :id
				""")
			.param("id", h.id()).param("level", h.level().name()).param("state", h.state().name())
			.param("type", h.rectificationType() == null ? null : h.rectificationType().name())
			.param("original", ts(h.originalDeadline())).param("deadline", ts(h.deadline()))
			.param("extension", ts(h.extensionRequested())).param("used", h.extensionUsed())
			.param("plan", h.plan() == null ? null : json.writeValueAsString(h.plan()))
			.param("reason", extensionReason).param("at", Timestamp.from(fact.at()))
			.update();
		jdbc.sql("""
				INSERT INTO hazard_transition (hazard_id, region_id, transition, from_state, to_state, level, deadline,
				                               actor_id, actor_name, at, note)
				VALUES (:id, :region, :transition, :from, :to, :level, :deadline, :actor, :actorName, :at, :note)
				""")
			.param("id", h.id()).param("region", h.regionId()).param("transition", fact.transition())
			.param("from", fact.from() == null ? null : fact.from().name()).param("to", fact.to().name())
			.param("level", fact.level().name()).param("deadline", ts(fact.deadline())).param("actor", actorId)
			.param("actorName", actorName).param("at", Timestamp.from(fact.at())).param("note", note)
			.update();
	}

	Optional<HazardView> find(DataScope scope, long id, Instant now) {
		return scope.bind(jdbc.sql(SELECT + " WHERE h.id = :id AND " + filter(scope))).param("id", id)
			.param("now", Timestamp.from(now)).query((rs, n) -> map(rs)).optional();
	}

	/** The hazards an inspection raised, as far as the caller's scope reaches. */
	List<HazardView> ofInspection(DataScope scope, long inspectionId, Instant now) {
		return scope.bind(jdbc.sql(SELECT + " WHERE h.inspection_id = :inspection AND " + filter(scope) + " ORDER BY h.id"))
			.param("inspection", inspectionId).param("now", Timestamp.from(now)).query((rs, n) -> map(rs)).list();
	}

	/**
	 * Lists are counted up to {@value #COUNT_CAP}: a total of {@code COUNT_CAP + 1} means "more than that" (counting
	 * a city's 2,000,000 hazards exactly costs seconds; nobody pages past the first ten thousand).
	 */
	static final int COUNT_CAP = 10_000;

	Page<HazardView> search(DataScope scope, Filter f, Instant now, int page, int size) {
		String where = " WHERE " + filter(scope) + """
				 AND (CAST(:state AS text) IS NULL OR h.state = :state)
				 AND (CAST(:level AS text) IS NULL OR h.level = :level)
				 AND (CAST(:entityId AS bigint) IS NULL OR h.entity_id = :entityId)
				 AND (CAST(:regionId AS bigint) IS NULL OR h.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :regionId))
				 AND (CAST(:overdue AS boolean) IS NULL OR (:overdue AND h.state = 'RECTIFYING' AND h.deadline <= :now)
				      OR (NOT :overdue AND (h.state <> 'RECTIFYING' OR h.deadline IS NULL OR h.deadline > :now)))
				 AND (CAST(:keyword AS text) IS NULL OR h.description LIKE '%' || :keyword || '%')
				 AND (CAST(:open AS boolean) IS NULL OR (h.state <> 'CLOSED') = :open)
				""";
		long total = bind(scope, f, now, "SELECT count(*) FROM (SELECT 1 FROM hazard h" + where + " LIMIT :countCap) capped")
			.param("countCap", COUNT_CAP + 1).query(Long.class).single();
		// the overdue list puts the longest overdue first (and walks the partial deadline index); others newest first
		String order = Boolean.TRUE.equals(f.overdue()) ? " ORDER BY h.deadline, h.id" : " ORDER BY h.found_at DESC, h.id DESC";
		List<HazardView> items = bind(scope, f, now, SELECT + where + order + " LIMIT :size OFFSET :offset")
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query((rs, n) -> map(rs)).list();
		return new Page<>(items, total);
	}

	record Transition(String transition, String fromState, String toState, String level, Instant deadline,
			String actorName, Instant at, String note) {
	}

	List<Transition> transitions(long hazardId) {
		return jdbc.sql("""
				SELECT transition, from_state, to_state, level, deadline, actor_name, at, note FROM hazard_transition
				WHERE hazard_id = :id ORDER BY at, id
				""").param("id", hazardId).query(Transition.class).list();
	}

	private JdbcClient.StatementSpec bind(DataScope scope, Filter f, Instant now, String sql) {
		return scope.bind(jdbc.sql(sql))
			.param("state", f.state() == null ? null : f.state().name())
			.param("level", f.level() == null ? null : f.level().name())
			.param("entityId", f.entityId()).param("regionId", f.regionId()).param("overdue", f.overdue())
			.param("open", f.open())
			.param("keyword", f.keyword() == null || f.keyword().isBlank() ? null : f.keyword().trim())
			.param("now", Timestamp.from(now));
	}

	static String filter(DataScope scope) {
		return scope.entityRecordFilter("h.entity_id", "h.region_id", "h.department_id");
	}

	private HazardView map(ResultSet rs) throws SQLException {
		return new HazardView(rs.getLong("id"), rs.getLong("entity_id"), rs.getString("entity_name"),
				rs.getString("region_path"), (Long) rs.getObject("department_id"), rs.getString("department_name"),
				rs.getString("origin_level"), instant(rs, "found_at"), rs.getString("found_by_name"),
				rs.getString("follow_up_by_name"), rs.getString("description"), rs.getString("location"), rs.getString("legal_basis"),
				HazardLevel.valueOf(rs.getString("level")), HazardState.valueOf(rs.getString("state")),
				rs.getBoolean("reinspection_required"), rs.getString("rectification_type"), instant(rs, "original_deadline"),
				instant(rs, "deadline"), instant(rs, "extension_requested"), rs.getString("extension_reason"),
				rs.getBoolean("extension_used"), plan(rs.getString("plan")), rs.getBoolean("overdue"),
				instant(rs, "closed_at"), rs.getInt("version"), (Long) rs.getObject("inspection_id"),
				rs.getString("notice_number"), instant(rs, "notice_issued_at"), rs.getString("notice_issuer"));
	}

	private RectificationPlan plan(String text) {
		return text == null ? null : json.readValue(text, RectificationPlan.class);
	}

	private static Hazard.RectificationType type(String value) {
		return value == null ? null : Hazard.RectificationType.valueOf(value);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static final String SELECT = """
			SELECT h.*, e.name AS entity_name, d.name AS department_name, u.display_name AS found_by_name,
			  coalesce(f.display_name, u.display_name) AS follow_up_by_name,
			  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
			   WHERE c.descendant_id = h.region_id AND a.parent_id IS NOT NULL) AS region_path,
			  (h.state = 'RECTIFYING' AND h.deadline <= :now) AS overdue
			FROM hazard h JOIN supervised_entity e ON e.id = h.entity_id
			LEFT JOIN department d ON d.id = h.department_id LEFT JOIN app_user u ON u.id = h.found_by
			LEFT JOIN app_user f ON f.id = h.follow_up_by
			""";
}
