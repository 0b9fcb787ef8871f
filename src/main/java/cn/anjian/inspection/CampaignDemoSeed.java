package cn.anjian.inspection;

import cn.anjian.platform.demo.DemoSeed;
import cn.anjian.platform.time.BusinessTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two campaigns under way with a weekly report due Friday 17:00: the city's 安全生产大检查 (the city emergency bureau and
 * two district ones) and 历下区's 城镇燃气专项整治. Past reports are mostly on time; in each campaign one was filed
 * late and the latest of one department is missing — the late sweep then opens its warning.
 */
@Component
class CampaignDemoSeed implements DemoSeed {

	private final JdbcClient jdbc;
	private final Campaigns campaigns;
	private final DispatchSlots slots;
	private final DispatchLateSweep sweep;
	private final Clock clock;

	CampaignDemoSeed(JdbcClient jdbc, Campaigns campaigns, DispatchSlots slots, DispatchLateSweep sweep, Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.slots = slots;
		this.sweep = sweep;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
		DispatchSchedule friday = new DispatchSchedule(DispatchSchedule.Kind.WEEKLY, DayOfWeek.FRIDAY, null,
				DispatchSchedule.DEFAULT_TIME, null);
		long city = campaign("370100", "2026年全市安全生产大检查", CampaignType.SAFETY_INSPECTION,
				"对全市生产经营单位开展拉网式安全生产大检查，每周五17:00前报送本周进展", today.minusDays(26), today.plusDays(35), friday,
				List.of("IND001", "IND017", "IND020"), List.of("市应急管理局", "历下区应急管理局", "市中区应急管理局"),
				List.of("制定本系统大检查实施方案", "完成重点企业全覆盖检查", "报送大检查工作总结"));
		long district = campaign("370102", "历下区城镇燃气安全专项整治", CampaignType.SPECIAL_RECTIFICATION,
				"排查餐饮场所、在建工地燃气使用隐患，每周五17:00前报送", today.minusDays(19), today.plusDays(40), friday,
				List.of("IND020", "IND021"), List.of("历下区应急管理局", "历下区住房和城乡建设局"),
				List.of("摸清餐饮场所燃气使用底数", "排查在建工地临时用气"));
		file(city, "历下区应急管理局", "市中区应急管理局", now);
		file(district, "历下区应急管理局", "历下区住房和城乡建设局", now);
		sweep.run();
	}

	private long campaign(String regionCode, String name, CampaignType type, String description, LocalDate start,
			LocalDate end, DispatchSchedule schedule, List<String> industries, List<String> departments, List<String> tasks) {
		long region = jdbc.sql("SELECT id FROM region WHERE code = :c").param("c", regionCode).query(Long.class).single();
		List<Long> ids = departments.stream().map(d -> jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", d)
			.query(Long.class).single()).toList();
		long id = campaigns.insert(region, name, type, description, start, end, schedule, 0, clock.instant());
		campaigns.addScope(id, List.of(region), industries, ids);
		for (int i = 0; i < tasks.size(); i++) {
			campaigns.addTask(id, ids.get(i % ids.size()), tasks.get(i), start.plusDays(10L + 14L * i).isAfter(end) ? end
					: start.plusDays(10L + 14L * i), i);
		}
		jdbc.sql("UPDATE campaign_task SET done_at = :at, done_note = '已完成' WHERE campaign_id = :c AND sort_order = 0")
			.param("c", id).param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(12)))).update();
		slots.generate(id);
		return id;
	}

	/** Every past slot reported on time, except the second of {@code late} (filed a day late) and the last of {@code missing}. */
	private void file(long campaign, String late, String missing, Instant now) {
		record Due(DispatchSlots.Slot slot, String department, int index, boolean last) {
		}
		List<Due> due = jdbc.sql("""
				SELECT s.id, s.campaign_id, s.department_id, s.region_id, s.opens_at, s.due_at, d.name,
				       row_number() OVER w - 1 AS index, row_number() OVER w = count(*) OVER (PARTITION BY s.department_id) AS last
				FROM dispatch_slot s JOIN department d ON d.id = s.department_id
				WHERE s.campaign_id = :c AND s.due_at < :now
				WINDOW w AS (PARTITION BY s.department_id ORDER BY s.due_at)
				""").param("c", campaign).param("now", java.sql.Timestamp.from(now))
			.query((rs, n) -> new Due(new DispatchSlots.Slot(rs.getLong("id"), rs.getLong("campaign_id"),
					rs.getLong("department_id"), rs.getLong("region_id"), rs.getTimestamp("opens_at").toInstant(),
					rs.getTimestamp("due_at").toInstant()), rs.getString("name"), rs.getInt("index"), rs.getBoolean("last")))
			.list();
		Random random = new Random(campaign);
		for (Due d : due) {
			if (d.department().equals(missing) && d.last()) {
				continue;
			}
			boolean isLate = d.department().equals(late) && d.index() == 1;
			Instant at = d.slot().dueAt().plus(isLate ? Duration.ofHours(20) : Duration.ofHours(-3 - random.nextInt(40)));
			int checked = 5 + random.nextInt(30);
			int found = random.nextInt(checked / 2 + 1);
			slots.insertReport(d.slot(), checked, found, found == 0 ? 0 : random.nextInt(found + 1), random.nextInt(3),
					"本周检查" + checked + "家单位，发现隐患" + found + "处，已督促整改", null, "演示数据", at);
		}
	}
}
