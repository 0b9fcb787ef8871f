package cn.anjian.prevention;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading risk points with what hangs off them: factors and their assessments, measures, check tasks. */
@Repository
class RiskPoints {

	record PointRow(long id, long entityId, String entityName, String name, String kind, String area, String building,
			String grade, String controlLevel, LocalDate lastAssessedOn, LocalDate reassessDueOn, boolean reassessmentDue,
			boolean active, int factorCount, int measureCount) {
	}

	record Factor(long id, long riskPointId, String description, List<String> accidentTypes, String grade,
			String residualGrade) {
	}

	record Assessment(long id, long riskFactorId, String method, boolean residual, BigDecimal likelihood,
			BigDecimal exposure, BigDecimal consequence, BigDecimal severity, BigDecimal score, String grade,
			Instant assessedAt) {
	}

	record Measure(long id, long riskPointId, Long riskFactorId, String category, String content, String controlLevel,
			String ownerName, String principalName, String technicalName, String operationalName, boolean active) {
	}

	record Task(long id, long measureId, long riskPointId, String riskPointName, String name, List<String> items,
			String frequency, int shiftsPerDay, Long assigneeId, String assigneeName, LocalDate startsOn, boolean active) {
	}

	record PointDetail(PointRow point, List<Factor> factors, List<Assessment> assessments, List<Measure> measures,
			List<Task> tasks) {
	}

	private final JdbcClient jdbc;

	RiskPoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<PointRow> search(DataScope scope, Long entityId, String grade, String keyword, LocalDate today, int page, int size) {
		String where = " WHERE " + scope.entityFilter("p.entity_id", "p.region_id") + """
				 AND (CAST(:entityId AS bigint) IS NULL OR p.entity_id = :entityId)
				 AND (CAST(:grade AS text) IS NULL OR p.grade = :grade)
				 AND (CAST(:keyword AS text) IS NULL OR p.name LIKE '%' || :keyword || '%')
				""";
		String kw = keyword == null || keyword.isBlank() ? null : keyword.trim();
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM risk_point p" + where)).param("entityId", entityId)
			.param("grade", grade).param("keyword", kw).query(Long.class).single();
		List<PointRow> items = scope.bind(jdbc.sql(SELECT + where + """
				 ORDER BY p.active DESC, array_position(ARRAY['RED','ORANGE','YELLOW','BLUE']::varchar[], p.grade), p.id
				 LIMIT :size OFFSET :offset"""))
			.param("entityId", entityId).param("grade", grade).param("keyword", kw).param("today", Date.valueOf(today))
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query((rs, n) -> point(rs)).list();
		return new Page<>(items, total);
	}

	PointRow row(DataScope scope, long id, LocalDate today) {
		return scope.bind(jdbc.sql(SELECT + " WHERE p.id = :id AND " + scope.entityFilter("p.entity_id", "p.region_id")))
			.param("id", id).param("today", Date.valueOf(today)).query((rs, n) -> point(rs)).single();
	}

	PointDetail detail(DataScope scope, long id, LocalDate today) {
		List<Factor> factors = jdbc.sql("SELECT * FROM risk_factor WHERE risk_point_id = :id ORDER BY id").param("id", id)
			.query((rs, n) -> factor(rs)).list();
		List<Assessment> assessments = jdbc.sql("""
				SELECT a.* FROM risk_assessment a JOIN risk_factor f ON f.id = a.risk_factor_id
				WHERE f.risk_point_id = :id ORDER BY a.assessed_at DESC, a.id DESC
				""").param("id", id).query(Assessment.class).list();
		List<Measure> measures = jdbc.sql("SELECT * FROM control_measure WHERE risk_point_id = :id ORDER BY id")
			.param("id", id).query(Measure.class).list();
		return new PointDetail(row(scope, id, today), factors, assessments, measures, tasks("t.risk_point_id = :id", id));
	}

	Factor factor(long id) {
		return jdbc.sql("SELECT * FROM risk_factor WHERE id = :id").param("id", id).query((rs, n) -> factor(rs)).single();
	}

	Measure measure(long id) {
		return jdbc.sql("SELECT * FROM control_measure WHERE id = :id").param("id", id).query(Measure.class).single();
	}

	Task task(long id) {
		return tasks("t.id = :id", id).get(0);
	}

	/** The check tasks of the caller's scope (a business: its own). */
	Page<Task> tasks(DataScope scope, Long entityId, int page, int size) {
		String where = scope.entityFilter("t.entity_id", "t.region_id")
				+ " AND (CAST(:entityId AS bigint) IS NULL OR t.entity_id = :entityId)";
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM check_task t WHERE " + where)).param("entityId", entityId)
			.query(Long.class).single();
		List<Task> items = scope.bind(jdbc.sql(TASKS + " WHERE " + where + " ORDER BY t.active DESC, t.id LIMIT :size OFFSET :offset"))
			.param("entityId", entityId).param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query((rs, n) -> task(rs)).list();
		return new Page<>(items, total);
	}

	private List<Task> tasks(String where, long id) {
		return jdbc.sql(TASKS + " WHERE " + where + " ORDER BY t.id").param("id", id).query((rs, n) -> task(rs)).list();
	}

	private static PointRow point(ResultSet rs) throws SQLException {
		return new PointRow(rs.getLong("id"), rs.getLong("entity_id"), rs.getString("entity_name"), rs.getString("name"),
				rs.getString("kind"), rs.getString("area"), rs.getString("building"), rs.getString("grade"),
				rs.getString("control_level"), date(rs, "last_assessed_on"), date(rs, "reassess_due_on"),
				rs.getBoolean("reassessment_due"), rs.getBoolean("active"), rs.getInt("factor_count"),
				rs.getInt("measure_count"));
	}

	private static Factor factor(ResultSet rs) throws SQLException {
		return new Factor(rs.getLong("id"), rs.getLong("risk_point_id"), rs.getString("description"),
				strings(rs.getArray("accident_types")), rs.getString("grade"), rs.getString("residual_grade"));
	}

	private static Task task(ResultSet rs) throws SQLException {
		return new Task(rs.getLong("id"), rs.getLong("measure_id"), rs.getLong("risk_point_id"),
				rs.getString("risk_point_name"), rs.getString("name"), strings(rs.getArray("items")),
				rs.getString("frequency"), rs.getInt("shifts_per_day"), (Long) rs.getObject("assignee_id"),
				rs.getString("assignee_name"), date(rs, "starts_on"), rs.getBoolean("active"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static final String SELECT = """
			SELECT p.*, e.name AS entity_name,
			  (p.active AND p.reassess_due_on IS NOT NULL AND p.reassess_due_on <= :today) AS reassessment_due,
			  (SELECT count(*) FROM risk_factor f WHERE f.risk_point_id = p.id) AS factor_count,
			  (SELECT count(*) FROM control_measure m WHERE m.risk_point_id = p.id AND m.active) AS measure_count
			FROM risk_point p JOIN supervised_entity e ON e.id = p.entity_id
			""";

	private static final String TASKS = """
			SELECT t.*, p.name AS risk_point_name FROM check_task t JOIN risk_point p ON p.id = t.risk_point_id
			""";
}
