package cn.anjian.registry;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.Page;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The entity table: scoped reads (list, one, stream for export) and writes, one at a time or batched for an import. */
@Repository
public class Entities {

	private static final Map<String, String> SORTS = Map.of("name", "e.name", "updatedAt", "e.updated_at",
			"staffCount", "e.staff_count", "id", "e.id");

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final Clock clock;

	Entities(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	public Page<EntityView> search(DataScope scope, EntitySearch s, int page, int size) {
		String where = where(scope, s);
		long total = bind(scope, s, "SELECT count(*) FROM supervised_entity e WHERE " + where).query(Long.class).single();
		String sort = SORTS.getOrDefault(s.sort() == null ? "id" : s.sort(), "e.id");
		String order = "asc".equalsIgnoreCase(s.order()) ? "ASC" : "DESC";
		List<EntityView> items = bind(scope, s, SELECT + " WHERE " + where + " ORDER BY " + sort + " " + order
				+ ", e.id DESC LIMIT :size OFFSET :offset")
			.param("size", Page.size(size))
			.param("offset", Page.offset(page, size))
			.query((rs, n) -> map(rs))
			.list();
		return new Page<>(items, total);
	}

	/** Streams every match (for export) without holding them in memory. */
	public void forEach(DataScope scope, EntitySearch s, Consumer<EntityView> each) {
		try (var rows = bind(scope, s, SELECT + " WHERE " + where(scope, s) + " ORDER BY e.id").withFetchSize(1000)
			.query((rs, n) -> map(rs)).stream()) {
			rows.forEach(each);
		}
	}

	public Optional<EntityView> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE e.id = :id AND " + scope.entityFilter("e.id", "e.region_id")))
			.param("id", id)
			.params(licenceDates())
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Recomputes the entity's earliest safety-licence end after its licences changed (all entities if null). */
	public void refreshSafetyLicence(Long entityId) {
		jdbc.sql("""
				UPDATE supervised_entity e SET safety_licence_valid_to = (SELECT min(l.valid_to) FROM entity_licence l
				  WHERE l.entity_id = e.id AND l.type IN (:safetyTypes))
				WHERE CAST(:id AS bigint) IS NULL OR e.id = :id
				""").param("id", entityId).param("safetyTypes", List.copyOf(EntityRules.SAFETY_LICENCE_TYPES)).update();
	}

	/** The id of the entity with this USCC, whoever's scope it is in (USCCs are unique city-wide). */
	public Optional<Long> idByUscc(String uscc) {
		return jdbc.sql("SELECT id FROM supervised_entity WHERE uscc = :uscc").param("uscc", uscc).query(Long.class).optional();
	}

	public long insert(EntityForm f) {
		return jdbc.sql(INSERT + " RETURNING id").paramSource(values(f)).query(Long.class).single();
	}

	/** Inserts many entities in one JDBC batch (an import); their ids are found by USCC afterwards. */
	public void insertAll(List<EntityForm> forms) {
		if (!forms.isEmpty()) {
			batch.batchUpdate(INSERT, forms.stream().map(this::values).toArray(SqlParameterSource[]::new));
		}
	}

	/** Updates unless someone else changed the entity since {@code version}; false then. */
	public boolean update(long id, EntityForm f, int version) {
		boolean updated = jdbc.sql(UPDATE).paramSource(values(f).addValue("id", id).addValue("version", version)).update() == 1;
		if (updated) {
			moveDependentsWith(List.of(id));
		}
		return updated;
	}

	/**
	 * Rows about an entity carry its region (for region-wide queries and sharding); when entities move to another
	 * street, these move with them — licences, assignments, documents and the business's own accounts.
	 */
	private void moveDependentsWith(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Long[] entities = ids.toArray(Long[]::new);
		for (String table : List.of("entity_licence", "entity_assignment", "entity_document", "app_user")) {
			jdbc.sql("UPDATE " + table + " t SET region_id = e.region_id FROM supervised_entity e"
					+ " WHERE e.id = ANY (CAST(:ids AS bigint[])) AND t.entity_id = e.id AND t.region_id <> e.region_id")
				.param("ids", entities).update();
		}
		jdbc.sql("""
				UPDATE entity_document_version v SET region_id = d.region_id FROM entity_document d
				WHERE d.entity_id = ANY (CAST(:ids AS bigint[])) AND v.document_id = d.id AND v.region_id <> d.region_id
				""").param("ids", entities).update();
		jdbc.sql("""
				UPDATE user_role r SET region_id = u.region_id FROM app_user u
				WHERE u.entity_id = ANY (CAST(:ids AS bigint[])) AND r.user_id = u.id AND r.region_id <> u.region_id
				""").param("ids", entities).update();
	}

	public record Update(long id, EntityForm form, int version) {
	}

	/** Updates many entities in one JDBC batch; the result holds, per update, whether its version still matched. */
	public boolean[] updateAll(List<Update> updates) {
		int[] counts = updates.isEmpty() ? new int[0] : batch.batchUpdate(UPDATE, updates.stream()
			.map(u -> values(u.form()).addValue("id", u.id()).addValue("version", u.version()))
			.toArray(SqlParameterSource[]::new));
		boolean[] done = new boolean[counts.length];
		List<Long> moved = new java.util.ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			done[i] = counts[i] == 1;
			if (done[i]) {
				moved.add(updates.get(i).id());
			}
		}
		moveDependentsWith(moved);
		return done;
	}

	/**
	 * A list of USCCs as char(18)[], joined as a table: each code is then one probe of the unique index, whatever the
	 * plan. A list of text parameters compares the column as text (no index); {@code = ANY(array)} as a filter tests
	 * every row against every code once the driver's prepared statement falls back to a generic plan (after five runs
	 * — an import makes hundreds). USCCs hold no commas.
	 */
	private static final String USCC_ARRAY = "CAST(string_to_array(:usccs, ',') AS char(18)[])";

	/** The entities with these USCCs that the caller may see. */
	public List<EntityView> findAllByUscc(DataScope scope, Collection<String> usccs) {
		if (usccs.isEmpty()) {
			return List.of();
		}
		return scope.bind(jdbc.sql(SELECT + " JOIN unnest(" + USCC_ARRAY + ") AS k(uscc) ON k.uscc = e.uscc WHERE "
				+ scope.entityFilter("e.id", "e.region_id")))
			.param("usccs", String.join(",", usccs))
			.params(licenceDates())
			.query((rs, n) -> map(rs))
			.list();
	}

	/** An entity as stored: what a form would have to give to store exactly this (an import compares rows with it). */
	public record Stored(long id, int version, EntityForm form) {
	}

	/**
	 * The stored values of the entities with these USCCs that the caller may see, by USCC — the bare columns, without
	 * the labels, place names and licence state of a view, so comparing a large unchanged file stays cheap.
	 */
	public Map<String, Stored> storedByUscc(DataScope scope, Collection<String> usccs) {
		if (usccs.isEmpty()) {
			return Map.of();
		}
		return scope.bind(jdbc.sql("SELECT e.* FROM supervised_entity e JOIN unnest(" + USCC_ARRAY
				+ ") AS k(uscc) ON k.uscc = e.uscc WHERE " + scope.entityFilter("e.id", "e.region_id")))
			.param("usccs", String.join(",", usccs))
			.query((rs, n) -> new Stored(rs.getLong("id"), rs.getInt("version"), storedForm(rs)))
			.list()
			.stream()
			.collect(Collectors.toMap(s -> s.form().uscc(), s -> s));
	}

	/** Which of these USCCs are registered, whoever's scope they are in (USCCs are unique city-wide). */
	public Set<String> registeredUsccs(Collection<String> usccs) {
		if (usccs.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT e.uscc FROM unnest(" + USCC_ARRAY + ") AS k(uscc)"
				+ " JOIN supervised_entity e ON e.uscc = k.uscc")
			.param("usccs", String.join(",", usccs))
			.query(String.class).list());
	}

	/**
	 * Whether saving {@code form} would store exactly what saving {@code stored} stores — the columns, derived duties
	 * included, compared as the database keeps them (blank text as empty, decimals by value).
	 */
	public static boolean storesSame(EntityForm stored, EntityForm form) {
		MapSqlParameterSource a = columns(stored);
		MapSqlParameterSource b = columns(form);
		for (String name : a.getParameterNames()) {
			if (!sameValue(a.getValue(name), b.getValue(name))) {
				return false;
			}
		}
		return true;
	}

	private static boolean sameValue(Object a, Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		return Objects.equals(a instanceof String s && s.isBlank() ? null : a, b instanceof String s && s.isBlank() ? null : b);
	}

	private MapSqlParameterSource values(EntityForm f) {
		return columns(f).addValue("now", Timestamp.from(clock.instant()));
	}

	/** The stored columns of a form, typed so that nulls bind without asking the driver (it would cost a round trip). */
	private static MapSqlParameterSource columns(EntityForm f) {
		int staff = f.effectiveStaffCount();
		boolean highRisk = f.effectiveHighRisk();
		boolean majorHazard = Boolean.TRUE.equals(f.majorHazardSource());
		return new MapSqlParameterSource().addValue("regionId", f.regionId(), Types.BIGINT)
			.addValue("name", f.name() == null ? null : f.name().trim(), Types.VARCHAR)
			.addValue("uscc", f.uscc(), Types.VARCHAR)
			.addValue("legalRepresentative", f.legalRepresentative(), Types.VARCHAR)
			.addValue("legalRepresentativePhone", f.legalRepresentativePhone(), Types.VARCHAR)
			.addValue("actualController", f.actualController(), Types.VARCHAR)
			.addValue("actualControllerPhone", f.actualControllerPhone(), Types.VARCHAR)
			.addValue("principalName", f.principalName(), Types.VARCHAR)
			.addValue("principalPhone", f.principalPhone(), Types.VARCHAR)
			.addValue("safetyDirectorName", f.safetyDirectorName(), Types.VARCHAR)
			.addValue("safetyDirectorPhone", f.safetyDirectorPhone(), Types.VARCHAR)
			.addValue("address", f.address(), Types.VARCHAR)
			.addValue("latitude", f.latitude(), Types.NUMERIC)
			.addValue("longitude", f.longitude(), Types.NUMERIC)
			.addValue("staffCount", staff, Types.INTEGER)
			.addValue("foundedOn", f.foundedOn(), Types.DATE)
			.addValue("status", f.status() == null || f.status().isBlank() ? "OPERATING" : f.status(), Types.VARCHAR)
			.addValue("socialFunction", f.socialFunction(), Types.VARCHAR)
			.addValue("industry", f.industry(), Types.VARCHAR)
			.addValue("supervisionTypes", "{" + String.join(",", f.supervisionTypes() == null ? List.of() : f.supervisionTypes()) + "}", Types.VARCHAR)
			.addValue("supervisionLevel", f.supervisionLevel(), Types.VARCHAR)
			.addValue("highRisk", highRisk, Types.BOOLEAN)
			.addValue("majorHazardSource", majorHazard, Types.BOOLEAN)
			.addValue("majorHazardGrade", majorHazard ? f.majorHazardGrade() : null, Types.VARCHAR)
			.addValue("crowdedPlace", Boolean.TRUE.equals(f.crowdedPlace()), Types.BOOLEAN)
			.addValue("insured", Boolean.TRUE.equals(f.insured()), Types.BOOLEAN)
			.addValue("insurancePolicyNo", f.insurancePolicyNo(), Types.VARCHAR)
			.addValue("insuranceValidTo", f.insuranceValidTo(), Types.DATE)
			.addValue("dualPreventionOverride", f.dualPreventionOverride(), Types.BOOLEAN)
			.addValue("safetyDirectorRequired", EntityRules.safetyDirectorRequired(highRisk, staff), Types.BOOLEAN)
			.addValue("dualPreventionMandatory", EntityRules.dualPreventionMandatory(f.industry(), staff, f.dualPreventionOverride()), Types.BOOLEAN);
	}

	private static final String INSERT = """
			INSERT INTO supervised_entity (region_id, name, uscc, legal_representative, legal_representative_phone,
			  actual_controller, actual_controller_phone, principal_name, principal_phone, safety_director_name,
			  safety_director_phone, address, latitude, longitude, staff_count, founded_on, status, social_function,
			  industry, supervision_types, supervision_level, high_risk, major_hazard_source, major_hazard_grade,
			  crowded_place, insured, insurance_policy_no, insurance_valid_to, dual_prevention_override,
			  safety_director_required, dual_prevention_mandatory, created_at, updated_at)
			VALUES (:regionId, :name, :uscc, :legalRepresentative, :legalRepresentativePhone, :actualController,
			  :actualControllerPhone, :principalName, :principalPhone, :safetyDirectorName, :safetyDirectorPhone,
			  :address, :latitude, :longitude, :staffCount, :foundedOn, :status, :socialFunction, :industry,
			  CAST(:supervisionTypes AS varchar[]), :supervisionLevel, :highRisk, :majorHazardSource, :majorHazardGrade,
			  :crowdedPlace, :insured, :insurancePolicyNo, :insuranceValidTo, :dualPreventionOverride,
			  :safetyDirectorRequired, :dualPreventionMandatory, :now, :now)
			""";

	private static final String UPDATE = """
			UPDATE supervised_entity SET region_id = :regionId, name = :name, uscc = :uscc,
			  legal_representative = :legalRepresentative, legal_representative_phone = :legalRepresentativePhone,
			  actual_controller = :actualController, actual_controller_phone = :actualControllerPhone,
			  principal_name = :principalName, principal_phone = :principalPhone,
			  safety_director_name = :safetyDirectorName, safety_director_phone = :safetyDirectorPhone,
			  address = :address, latitude = :latitude, longitude = :longitude, staff_count = :staffCount,
			  founded_on = :foundedOn, status = :status, social_function = :socialFunction, industry = :industry,
			  supervision_types = CAST(:supervisionTypes AS varchar[]), supervision_level = :supervisionLevel,
			  high_risk = :highRisk, major_hazard_source = :majorHazardSource, major_hazard_grade = :majorHazardGrade,
			  crowded_place = :crowdedPlace, insured = :insured, insurance_policy_no = :insurancePolicyNo,
			  insurance_valid_to = :insuranceValidTo, dual_prevention_override = :dualPreventionOverride,
			  safety_director_required = :safetyDirectorRequired, dual_prevention_mandatory = :dualPreventionMandatory,
			  updated_at = :now, version = version + 1
			WHERE id = :id AND version = :version
			""";

	LocalDate today() {
		return LocalDate.now(clock.withZone(BusinessTime.ZONE));
	}

	private JdbcClient.StatementSpec bind(DataScope scope, EntitySearch s, String sql) {
		String keyword = s.keyword() == null || s.keyword().isBlank() ? null : s.keyword().trim();
		return scope.bind(jdbc.sql(sql))
			.param("keyword", keyword)
			.param("usccPrefix", keyword == null ? null : keyword.toUpperCase() + "%")
			.param("regionId", s.regionId())
			.param("socialFunction", blank(s.socialFunction()))
			.param("industry", blank(s.industry()))
			.param("supervisionType", blank(s.supervisionType()))
			.param("supervisionLevel", blank(s.supervisionLevel()))
			.param("status", blank(s.status()))
			.param("highRisk", s.highRisk())
			.param("majorHazardSource", s.majorHazardSource())
			.param("crowdedPlace", s.crowdedPlace())
			.param("insured", s.insured())
			.param("safetyDirectorMissing", s.safetyDirectorMissing())
			.param("dualPreventionMandatory", s.dualPreventionMandatory())
			.param("licenceState", blank(s.licenceState()))
			.params(licenceDates());
	}

	/** Parameters of the licence-state rule ({@link EntityRules#licenceState}) as SQL sees it. */
	private Map<String, Object> licenceDates() {
		return Map.of("safetyTypes", List.copyOf(EntityRules.SAFETY_LICENCE_TYPES), "today", Date.valueOf(today()),
				"expiringBy", Date.valueOf(today().plusDays(EntityRules.EXPIRING_WITHIN_DAYS)));
	}

	private static String where(DataScope scope, EntitySearch s) {
		return scope.entityFilter("e.id", "e.region_id") + """
				 AND (CAST(:keyword AS text) IS NULL OR e.name LIKE '%' || :keyword || '%' OR e.uscc LIKE :usccPrefix)
				 AND (CAST(:regionId AS bigint) IS NULL OR e.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :regionId))
				 AND (CAST(:socialFunction AS text) IS NULL OR e.social_function = :socialFunction)
				 AND (CAST(:industry AS text) IS NULL OR e.industry = :industry)
				 AND (CAST(:supervisionType AS text) IS NULL OR e.supervision_types @> ARRAY[CAST(:supervisionType AS varchar)])
				 AND (CAST(:supervisionLevel AS text) IS NULL OR e.supervision_level = :supervisionLevel)
				 AND (CAST(:status AS text) IS NULL OR e.status = :status)
				 AND (CAST(:highRisk AS boolean) IS NULL OR e.high_risk = :highRisk)
				 AND (CAST(:majorHazardSource AS boolean) IS NULL OR e.major_hazard_source = :majorHazardSource)
				 AND (CAST(:crowdedPlace AS boolean) IS NULL OR e.crowded_place = :crowdedPlace)
				 AND (CAST(:insured AS boolean) IS NULL OR e.insured = :insured)
				 AND (CAST(:safetyDirectorMissing AS boolean) IS NULL
				      OR (e.safety_director_required AND coalesce(e.safety_director_name, '') = '') = :safetyDirectorMissing)
				 AND (CAST(:dualPreventionMandatory AS boolean) IS NULL OR e.dual_prevention_mandatory = :dualPreventionMandatory)
				 AND (CAST(:licenceState AS text) IS NULL
				      OR (:licenceState = 'EXPIRED' AND e.safety_licence_valid_to < :today)
				      OR (:licenceState = 'EXPIRING' AND e.safety_licence_valid_to BETWEEN :today AND :expiringBy))
				""";
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static EntityView map(ResultSet rs) throws SQLException {
		boolean required = rs.getBoolean("safety_director_required");
		String director = rs.getString("safety_director_name");
		return new EntityView(rs.getLong("id"), rs.getString("name"), rs.getString("uscc"),
				rs.getString("legal_representative"), rs.getString("legal_representative_phone"),
				rs.getString("actual_controller"), rs.getString("actual_controller_phone"), rs.getString("principal_name"),
				rs.getString("principal_phone"), director, rs.getString("safety_director_phone"), rs.getString("address"),
				rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getInt("staff_count"),
				rs.getObject("founded_on", LocalDate.class), rs.getString("status"), rs.getString("status_label"),
				rs.getString("social_function"), rs.getString("social_function_label"), rs.getString("industry"),
				rs.getString("industry_label"), strings(rs.getArray("supervision_types")),
				strings(rs.getArray("supervision_type_labels")), rs.getString("supervision_level"),
				rs.getString("supervision_level_label"), rs.getLong("region_id"), rs.getString("region_name"),
				rs.getString("region_path"), rs.getBoolean("high_risk"), rs.getBoolean("major_hazard_source"),
				rs.getString("major_hazard_grade"), rs.getBoolean("crowded_place"), rs.getBoolean("insured"),
				rs.getString("insurance_policy_no"), rs.getObject("insurance_valid_to", LocalDate.class),
				(Boolean) rs.getObject("dual_prevention_override"), required,
				required && (director == null || director.isBlank()), rs.getBoolean("dual_prevention_mandatory"),
				rs.getString("licence_state"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static EntityForm storedForm(ResultSet rs) throws SQLException {
		return new EntityForm(rs.getString("name"), rs.getString("uscc"), rs.getString("legal_representative"),
				rs.getString("legal_representative_phone"), rs.getString("actual_controller"),
				rs.getString("actual_controller_phone"), rs.getString("principal_name"), rs.getString("principal_phone"),
				rs.getString("safety_director_name"), rs.getString("safety_director_phone"), rs.getString("address"),
				rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getInt("staff_count"),
				rs.getObject("founded_on", LocalDate.class), rs.getString("status"), rs.getString("social_function"),
				rs.getString("industry"), strings(rs.getArray("supervision_types")), rs.getString("supervision_level"),
				rs.getLong("region_id"), rs.getBoolean("high_risk"), rs.getBoolean("major_hazard_source"),
				rs.getString("major_hazard_grade"), rs.getBoolean("crowded_place"), rs.getBoolean("insured"),
				rs.getString("insurance_policy_no"), rs.getObject("insurance_valid_to", LocalDate.class),
				(Boolean) rs.getObject("dual_prevention_override"), rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static final String SELECT = """
			SELECT e.*, r.name AS region_name,
			  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
			   WHERE c.descendant_id = e.region_id AND a.parent_id IS NOT NULL) AS region_path,
			  (SELECT label FROM dict_item WHERE type = 'entity_status' AND code = e.status) AS status_label,
			  (SELECT label FROM dict_item WHERE type = 'social_function' AND code = e.social_function) AS social_function_label,
			  (SELECT label FROM dict_item WHERE type = 'industry' AND code = e.industry) AS industry_label,
			  (SELECT label FROM dict_item WHERE type = 'supervision_level' AND code = e.supervision_level) AS supervision_level_label,
			  ARRAY(SELECT d.label FROM unnest(e.supervision_types) t JOIN dict_item d ON d.type = 'supervision_type' AND d.code = t) AS supervision_type_labels,
			  CASE WHEN e.safety_licence_valid_to IS NULL THEN NULL WHEN e.safety_licence_valid_to < :today THEN 'EXPIRED'
			       WHEN e.safety_licence_valid_to <= :expiringBy THEN 'EXPIRING' ELSE 'VALID' END AS licence_state
			FROM supervised_entity e JOIN region r ON r.id = e.region_id
			""";
}
