package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Campaign rows and their scope, departments and tasks. Who sees a campaign: the office that organised it and the
 * offices above it, and its participants — a participating department, or a region office over one. Nobody else.
 */
@Repository
class Campaigns {

	record CampaignView(long id, String name, CampaignType type, String description, long regionId, String regionName,
			LocalDate startDate, LocalDate endDate, DispatchSchedule schedule, String state, Instant createdAt) {
	}

	record Summary(long id, String name, CampaignType type, String regionName, LocalDate startDate, LocalDate endDate,
			String scheduleKind, String state, long departments, long missing) {
	}

	record Named(long id, String name) {
	}

	record Task(long id, long departmentId, String departmentName, String content, LocalDate dueDate, Instant doneAt,
			String doneNote, String status) {
	}

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The campaigns the caller organised (or sits above), and those it takes part in. */
	static String visible(DataScope scope, String campaign) {
		String participant = "EXISTS (SELECT 1 FROM campaign_department vp WHERE vp.campaign_id = " + campaign + ".id AND "
				+ scope.unitFilter("vp.region_id", "vp.department_id") + ")";
		return scope.kind() == DataScope.Kind.REGION ? "(" + scope.regionFilter(campaign + ".region_id") + " OR " + participant + ")"
				: participant;
	}

	/** The slots (and reports) the caller sees: all of a campaign it organised, else those of its own departments. */
	static String slotVisible(DataScope scope, String slot, String campaign) {
		String own = scope.unitFilter(slot + ".region_id", slot + ".department_id");
		return scope.kind() == DataScope.Kind.REGION ? "(" + own + " OR " + scope.regionFilter(campaign + ".region_id") + ")" : own;
	}

	long insert(long regionId, String name, CampaignType type, String description, LocalDate start, LocalDate end,
			DispatchSchedule s, long createdBy, Instant now) {
		return jdbc.sql("""
				INSERT INTO campaign (region_id, name, type, description, start_date, end_date, schedule_kind, schedule_weekday,
				                      schedule_day, schedule_time, schedule_dates, created_by, created_at)
				VALUES (:region, :name, :type, :description, :start, :end, :kind, :weekday, :day, :time,
				        CAST(:dates AS date[]), :createdBy, :now)
				RETURNING id
				""")
			.param("region", regionId).param("name", name).param("type", type.name()).param("description", description)
			.param("start", start).param("end", end).param("kind", s.kind().name())
			.param("weekday", s.weekday() == null ? null : s.weekday().getValue()).param("day", s.dayOfMonth())
			.param("time", s.time())
			.param("dates", s.dates() == null ? null : s.dates().stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}")))
			.param("createdBy", createdBy == 0 ? null : createdBy).param("now", Timestamp.from(now))
			.query(Long.class).single();
	}

	void addScope(long campaignId, List<Long> regionIds, List<String> industries, List<Long> departmentIds) {
		jdbc.sql("INSERT INTO campaign_region (campaign_id, region_id) SELECT :c, unnest(CAST(:ids AS bigint[]))")
			.param("c", campaignId).param("ids", array(regionIds)).update();
		jdbc.sql("""
				INSERT INTO campaign_industry (campaign_id, region_id, industry_code)
				SELECT c.id, c.region_id, unnest(CAST(:codes AS text[])) FROM campaign c WHERE c.id = :c
				""").param("c", campaignId).param("codes", industries.stream().collect(Collectors.joining(",", "{", "}"))).update();
		jdbc.sql("""
				INSERT INTO campaign_department (campaign_id, department_id, region_id)
				SELECT :c, d.id, d.region_id FROM department d WHERE d.id = ANY (CAST(:ids AS bigint[]))
				""").param("c", campaignId).param("ids", array(departmentIds)).update();
	}

	void addTask(long campaignId, long departmentId, String content, LocalDate due, int order) {
		jdbc.sql("""
				INSERT INTO campaign_task (campaign_id, region_id, department_id, content, due_date, sort_order)
				SELECT :c, d.region_id, d.id, :content, :due, :order FROM department d WHERE d.id = :d
				""").param("c", campaignId).param("d", departmentId).param("content", content).param("due", due)
			.param("order", order).update();
	}

	/** Locks the campaign row: two edits (or an edit and the daily slot generation's view of it) do not interleave. */
	void lock(long id) {
		jdbc.sql("SELECT id FROM campaign WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
	}

	void update(long id, String name, CampaignType type, String description, LocalDate start, LocalDate end,
			DispatchSchedule s) {
		jdbc.sql("""
				UPDATE campaign SET name = :name, type = :type, description = :description, start_date = :start, end_date = :end,
				  schedule_kind = :kind, schedule_weekday = :weekday, schedule_day = :day, schedule_time = :time,
				  schedule_dates = CAST(:dates AS date[])
				WHERE id = :id
				""")
			.param("id", id).param("name", name).param("type", type.name()).param("description", description)
			.param("start", start).param("end", end).param("kind", s.kind().name())
			.param("weekday", s.weekday() == null ? null : s.weekday().getValue()).param("day", s.dayOfMonth())
			.param("time", s.time())
			.param("dates", s.dates() == null ? null : s.dates().stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}")))
			.update();
	}

	/** Regions and industries replaced; departments no longer listed leave, new ones join, the others stay as they are. */
	void replaceScope(long campaignId, List<Long> regionIds, List<String> industries, List<Long> departmentIds) {
		jdbc.sql("DELETE FROM campaign_region WHERE campaign_id = :c").param("c", campaignId).update();
		jdbc.sql("DELETE FROM campaign_industry WHERE campaign_id = :c").param("c", campaignId).update();
		jdbc.sql("DELETE FROM campaign_department WHERE campaign_id = :c AND NOT (department_id = ANY (CAST(:ids AS bigint[])))")
			.param("c", campaignId).param("ids", array(departmentIds)).update();
		jdbc.sql("INSERT INTO campaign_region (campaign_id, region_id) SELECT :c, unnest(CAST(:ids AS bigint[]))")
			.param("c", campaignId).param("ids", array(regionIds)).update();
		jdbc.sql("""
				INSERT INTO campaign_industry (campaign_id, region_id, industry_code)
				SELECT c.id, c.region_id, unnest(CAST(:codes AS text[])) FROM campaign c WHERE c.id = :c
				""").param("c", campaignId).param("codes", industries.stream().collect(Collectors.joining(",", "{", "}"))).update();
		jdbc.sql("""
				INSERT INTO campaign_department (campaign_id, department_id, region_id)
				SELECT :c, d.id, d.region_id FROM department d WHERE d.id = ANY (CAST(:ids AS bigint[]))
				ON CONFLICT (campaign_id, department_id) DO NOTHING
				""").param("c", campaignId).param("ids", array(departmentIds)).update();
	}

	void updateTask(long taskId, long departmentId, String content, LocalDate due, int order) {
		jdbc.sql("""
				UPDATE campaign_task t SET department_id = d.id, region_id = d.region_id, content = :content, due_date = :due,
				  sort_order = :order FROM department d WHERE d.id = :d AND t.id = :id
				""").param("id", taskId).param("d", departmentId).param("content", content).param("due", due)
			.param("order", order).update();
	}

	void removeTask(long taskId) {
		jdbc.sql("DELETE FROM campaign_task WHERE id = :id").param("id", taskId).update();
	}

	Optional<CampaignView> find(DataScope scope, long id, LocalDate today) {
		return scope.bind(jdbc.sql(SELECT + " WHERE c.id = :id AND " + visible(scope, "c"))).param("id", id)
			.param("today", today).query((rs, n) -> map(rs)).optional();
	}

	Page<Summary> list(DataScope scope, CampaignType type, String keyword, String state, LocalDate today, Instant now,
			int page, int size) {
		String where = " WHERE " + visible(scope, "c") + " " + """
				 AND (CAST(:type AS text) IS NULL OR c.type = :type)
				 AND (CAST(:keyword AS text) IS NULL OR c.name LIKE '%' || :keyword || '%')
				 AND (CAST(:state AS text) IS NULL OR\s""" + STATE + " = :state)";
		long total = bind(scope, type, keyword, state, today, "SELECT count(*) FROM campaign c" + where).query(Long.class).single();
		List<Summary> items = bind(scope, type, keyword, state, today, """
				SELECT c.id, c.name, c.type, r.name AS region_name, c.start_date, c.end_date, c.schedule_kind,
				""" + STATE + """
				 AS state,
				  (SELECT count(*) FROM campaign_department p WHERE p.campaign_id = c.id) AS departments,
				  (SELECT count(*) FROM dispatch_slot s WHERE s.campaign_id = c.id AND s.due_at < :now AND
				""" + slotVisible(scope, "s", "c") + """
				   AND NOT EXISTS (SELECT 1 FROM dispatch_report x WHERE x.slot_id = s.id)) AS missing
				FROM campaign c JOIN region r ON r.id = c.region_id
				""" + where + " ORDER BY c.start_date DESC, c.id DESC LIMIT :size OFFSET :offset")
			.param("now", Timestamp.from(now)).param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(Summary.class).list();
		return new Page<>(items, total);
	}

	List<Named> regions(long campaignId) {
		return jdbc.sql("SELECT r.id, r.name FROM campaign_region x JOIN region r ON r.id = x.region_id WHERE x.campaign_id = :c ORDER BY r.code")
			.param("c", campaignId).query(Named.class).list();
	}

	List<String> industries(long campaignId) {
		return jdbc.sql("SELECT industry_code FROM campaign_industry WHERE campaign_id = :c ORDER BY industry_code")
			.param("c", campaignId).query(String.class).list();
	}

	List<Named> departments(long campaignId) {
		return jdbc.sql("""
				SELECT d.id, d.name FROM campaign_department p JOIN department d ON d.id = p.department_id
				WHERE p.campaign_id = :c ORDER BY d.level, d.region_id, d.sort_order, d.id
				""").param("c", campaignId).query(Named.class).list();
	}

	List<Task> tasks(long campaignId, LocalDate today) {
		return jdbc.sql("""
				SELECT t.id, t.department_id, d.name AS department_name, t.content, t.due_date, t.done_at, t.done_note,
				""" + TASK_STATUS + """
				 AS status
				FROM campaign_task t JOIN department d ON d.id = t.department_id
				WHERE t.campaign_id = :c ORDER BY t.sort_order, t.id
				""").param("c", campaignId).param("today", today).query(Task.class).list();
	}

	/** DONE, or OVERDUE once its due date has passed in business time, else OPEN. */
	static final String TASK_STATUS = """
			CASE WHEN t.done_at IS NOT NULL THEN 'DONE' WHEN t.due_date < :today THEN 'OVERDUE' ELSE 'OPEN' END""";

	private static final String STATE = """
			CASE WHEN :today < c.start_date THEN 'PLANNED' WHEN :today > c.end_date THEN 'ENDED' ELSE 'ACTIVE' END""";

	private static final String SELECT = """
			SELECT c.*, r.name AS region_name,
			""" + STATE + """
			 AS state
			FROM campaign c JOIN region r ON r.id = c.region_id
			""";

	private JdbcClient.StatementSpec bind(DataScope scope, CampaignType type, String keyword, String state, LocalDate today,
			String sql) {
		return scope.bind(jdbc.sql(sql)).param("type", type == null ? null : type.name())
			.param("keyword", keyword == null || keyword.isBlank() ? null : keyword.trim())
			.param("state", state == null || state.isBlank() ? null : state).param("today", today);
	}

	private static String array(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static CampaignView map(ResultSet rs) throws SQLException {
		Array dates = rs.getArray("schedule_dates");
		List<LocalDate> dateList = dates == null ? null
				: Arrays.stream((Object[]) dates.getArray()).map(d -> ((java.sql.Date) d).toLocalDate()).sorted().toList();
		Integer weekday = (Integer) rs.getObject("schedule_weekday");
		DispatchSchedule schedule = new DispatchSchedule(DispatchSchedule.Kind.valueOf(rs.getString("schedule_kind")),
				weekday == null ? null : DayOfWeek.of(weekday), (Integer) rs.getObject("schedule_day"),
				rs.getObject("schedule_time", LocalTime.class), dateList);
		return new CampaignView(rs.getLong("id"), rs.getString("name"), CampaignType.valueOf(rs.getString("type")),
				rs.getString("description"), rs.getLong("region_id"), rs.getString("region_name"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), schedule,
				rs.getString("state"), rs.getTimestamp("created_at").toInstant());
	}
}
