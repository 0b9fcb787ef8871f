package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.Page;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The due report slots of 定期调度: one per campaign × participating department × due instant of its schedule over
 * the campaign's period, generated set-based and idempotently (a daily task adds those of departments that joined
 * late). A slot's period runs from the previous due instant (or the campaign's start) to its own due instant.
 */
@Component
public class DispatchSlots {

	/** ON_TIME / LATE once filed; MISSING when its due time passed with no report; OPEN to be filed; UPCOMING. */
	static final String STATUS = """
			CASE WHEN r.id IS NOT NULL THEN CASE WHEN r.late THEN 'LATE' ELSE 'ON_TIME' END
			     WHEN s.due_at < :now THEN 'MISSING' WHEN s.opens_at <= :now THEN 'OPEN' ELSE 'UPCOMING' END""";

	record SlotView(long id, long campaignId, String campaignName, long departmentId, String departmentName,
			Instant opensAt, Instant dueAt, String status, Long reportId, Integer entitiesChecked, Integer hazardsFound,
			Integer hazardsRectified, Integer cases, String content, String filedByName, Instant filedAt) {
	}

	record Filter(Long campaignId, Long departmentId, String status) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	DispatchSlots(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Generates the missing slots of one campaign (all of its period, when it is deployed), or of every campaign still
	 * running (the daily run: future slots only, so a schedule changed by {@link #replaceFuture} is never back-filled
	 * with the new schedule's past due times). Returns how many were added.
	 */
	@Transactional
	public int generate(Long campaignId) {
		return insert(campaignId, campaignId == null ? clock.instant() : null);
	}

	/**
	 * After an edit of the campaign's period, departments or schedule: the change applies from now on. Slots already due
	 * stay as they were (filed, late or missing — the record of what was asked then); unfiled future slots are
	 * replaced by those of the new schedule for the current departments; a filed future slot is kept.
	 */
	int replaceFuture(long campaignId) {
		Instant now = clock.instant();
		jdbc.sql("""
				DELETE FROM dispatch_slot s WHERE s.campaign_id = :c AND s.due_at > :now
				  AND NOT EXISTS (SELECT 1 FROM dispatch_report r WHERE r.slot_id = s.id)
				""").param("c", campaignId).param("now", Timestamp.from(now)).update();
		return insert(campaignId, now);
	}

	/** The slots due after {@code after} (all when null); a period opens no earlier than the department's last kept slot. */
	private int insert(Long campaignId, Instant after) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
		return jdbc.sql("""
				INSERT INTO dispatch_slot (campaign_id, department_id, region_id, opens_at, due_at)
				SELECT x.campaign_id, p.department_id, p.region_id,
				       greatest(x.opens_at, (SELECT max(k.due_at) FROM dispatch_slot k WHERE k.campaign_id = x.campaign_id
				                             AND k.department_id = p.department_id AND k.due_at < x.due_at)), x.due_at
				FROM (
				  SELECT c.id AS campaign_id, due.due_at,
				         coalesce(lag(due.due_at) OVER (PARTITION BY c.id ORDER BY due.due_at),
				                  c.start_date::timestamp AT TIME ZONE 'Asia/Shanghai') AS opens_at
				  FROM campaign c
				  CROSS JOIN LATERAL (
				    SELECT (d::date + c.schedule_time) AT TIME ZONE 'Asia/Shanghai' AS due_at
				    FROM generate_series(c.start_date::timestamp, c.end_date::timestamp, interval '1 day') d
				    WHERE CASE c.schedule_kind
				      WHEN 'WEEKLY' THEN extract(isodow FROM d) = c.schedule_weekday
				      WHEN 'MONTHLY' THEN extract(day FROM d) = least(c.schedule_day,
				                          extract(day FROM date_trunc('month', d) + interval '1 month - 1 day'))
				      ELSE d::date = ANY (c.schedule_dates) END
				  ) due
				  WHERE (CAST(:campaign AS bigint) IS NULL AND c.end_date >= :today) OR c.id = :campaign
				) x JOIN campaign_department p ON p.campaign_id = x.campaign_id
				WHERE CAST(:after AS timestamptz) IS NULL OR x.due_at > :after
				ORDER BY x.campaign_id, x.due_at, p.department_id
				ON CONFLICT (campaign_id, department_id, due_at) DO NOTHING
				""")
			.param("campaign", campaignId).param("today", today)
			.param("after", after == null ? null : Timestamp.from(after)).update();
	}

	Page<SlotView> search(DataScope scope, Filter f, Instant now, int page, int size) {
		String where = " WHERE " + Campaigns.visible(scope, "c") + " AND " + Campaigns.slotVisible(scope, "s", "c") + " " + """
				 AND (CAST(:campaignId AS bigint) IS NULL OR s.campaign_id = :campaignId)
				 AND (CAST(:departmentId AS bigint) IS NULL OR s.department_id = :departmentId)
				 AND (CAST(:status AS text) IS NULL OR\s""" + STATUS + " = :status)";
		long total = bind(scope, f, now, "SELECT count(*)" + FROM + where).query(Long.class).single();
		List<SlotView> items = bind(scope, f, now, SELECT + FROM + where
				+ " ORDER BY s.due_at DESC, d.level, d.sort_order, d.id LIMIT :size OFFSET :offset")
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(SlotView.class).list();
		return new Page<>(items, total);
	}

	Optional<SlotView> find(DataScope scope, long id, Instant now) {
		return scope.bind(jdbc.sql(SELECT + FROM + " WHERE s.id = :id AND " + Campaigns.visible(scope, "c") + " AND "
				+ Campaigns.slotVisible(scope, "s", "c")))
			.param("id", id).param("now", Timestamp.from(now)).query(SlotView.class).optional();
	}

	record Slot(long id, long campaignId, long departmentId, long regionId, Instant opensAt, Instant dueAt) {
	}

	/** The slot, row-locked, so two filings of one slot cannot both pass the "not yet filed" check. */
	Slot lock(long id) {
		return jdbc.sql("SELECT id, campaign_id, department_id, region_id, opens_at, due_at FROM dispatch_slot WHERE id = :id FOR UPDATE")
			.param("id", id).query(Slot.class).single();
	}

	boolean filed(long slotId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dispatch_report WHERE slot_id = :id)").param("id", slotId)
			.query(Boolean.class).single();
	}

	void insertReport(Slot slot, int checked, int found, int rectified, int cases, String content, Long userId,
			String userName, Instant at) {
		jdbc.sql("""
				INSERT INTO dispatch_report (slot_id, campaign_id, department_id, region_id, entities_checked, hazards_found,
				                             hazards_rectified, cases, content, filed_by, filed_by_name, filed_at, late)
				VALUES (:slot, :campaign, :department, :region, :checked, :found, :rectified, :cases, :content, :by, :byName,
				        :at, :late)
				""")
			.param("slot", slot.id()).param("campaign", slot.campaignId()).param("department", slot.departmentId())
			.param("region", slot.regionId()).param("checked", checked).param("found", found).param("rectified", rectified)
			.param("cases", cases).param("content", content).param("by", userId).param("byName", userName)
			.param("at", Timestamp.from(at)).param("late", at.isAfter(slot.dueAt()))
			.update();
	}

	private JdbcClient.StatementSpec bind(DataScope scope, Filter f, Instant now, String sql) {
		return scope.bind(jdbc.sql(sql)).param("campaignId", f.campaignId()).param("departmentId", f.departmentId())
			.param("status", f.status() == null || f.status().isBlank() ? null : f.status())
			.param("now", Timestamp.from(now));
	}

	private static final String SELECT = """
			SELECT s.id, s.campaign_id, c.name AS campaign_name, s.department_id, d.name AS department_name, s.opens_at,
			       s.due_at,
			""" + STATUS + """
			 AS status, r.id AS report_id, r.entities_checked, r.hazards_found, r.hazards_rectified, r.cases, r.content,
			       r.filed_by_name, r.filed_at
			""";

	private static final String FROM = """
			 FROM dispatch_slot s JOIN campaign c ON c.id = s.campaign_id JOIN department d ON d.id = s.department_id
			 LEFT JOIN dispatch_report r ON r.slot_id = s.id
			""";

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> dispatchSlotGenerationTask(DispatchSlots slots) {
			return Tasks.recurring("dispatch-slot-generation", new Daily(BusinessTime.ZONE, LocalTime.of(0, 10)))
				.execute((instance, context) -> slots.generate(null));
		}
	}
}
