package cn.anjian.inspection;

import cn.anjian.platform.demo.DemoSeed;
import cn.anjian.platform.numbering.DocumentNumbers;
import cn.anjian.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo leads (one unaccepted past 72 h, so ladder (十七) shows on the district screen; one accepted, one returned,
 * one from the city), two cases (one decided, so its entity is on the blacklist), and the 整改通知书 numbers of the
 * demo hazards whose rectification was ordered — all through the aggregates, so their history and warnings are real.
 */
@Component
class EnforcementDemoSeed implements DemoSeed {

	private final JdbcClient jdbc;
	private final Leads leads;
	private final Cases cases;
	private final RectificationNotices notices;
	private final DocumentNumbers numbers;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EnforcementDemoSeed(JdbcClient jdbc, Leads leads, Cases cases, RectificationNotices notices, DocumentNumbers numbers,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.leads = leads;
		this.cases = cases;
		this.notices = notices;
		this.numbers = numbers;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM lead_transfer").query(Long.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		numberOrderedHazards();
		Long lixia = entityIn("370102001");
		Long shizhong = entityIn("370103001");
		if (lixia == null || shizhong == null) {
			return;
		}
		lead(lixia, "370102001", null, "历下区应急管理局", "涉嫌未取得危险化学品经营许可证从事经营", now.minus(Duration.ofHours(80)));
		lead(lixia, "370102", null, "历下区住房和城乡建设局", "在建工地脚手架未验收即投入使用", now.minus(Duration.ofHours(20)));
		Lead accepted = lead(shizhong, "370103001", null, "市中区市场监督管理局", "电梯维保记录造假", now.minus(Duration.ofHours(50)));
		handle(accepted, "ACCEPTED", "已受理，安排执法检查", now.minus(Duration.ofHours(30)));
		Lead returned = lead(lixia, "370102", "历下区应急管理局", "历下区市场监督管理局", "餐饮店违规使用液化气", now.minus(Duration.ofHours(40)));
		handle(returned, "RETURNED", "餐饮场所燃气使用安全由住建部门监管，请移交住建局", now.minus(Duration.ofHours(10)));
		lead(shizhong, "370100", null, "市应急管理局", "涉嫌超许可范围储存危险化学品", now.minus(Duration.ofHours(100)));

		long decided = file(lixia, "历下区应急管理局", "未按规定对重大危险源进行定期检测、评估", now.minus(Duration.ofDays(12)));
		decide(decided, List.of(new EnforcementCase.Penalty(EnforcementCase.PenaltyKind.FINE, new BigDecimal("30000"), null),
				new EnforcementCase.Penalty(EnforcementCase.PenaltyKind.SUSPEND, null, "停产停业整顿15日")), now.minus(Duration.ofDays(5)));
		file(shizhong, "市中区应急管理局", "特种作业人员未持证上岗", now.minus(Duration.ofDays(2)));
	}

	/** The demo hazards' rectification orders get their notice numbers, dated by the order. */
	private void numberOrderedHazards() {
		List<Map<String, Object>> ordered = jdbc.sql("""
				SELECT h.id, h.department_id, h.region_id, min(t.at) AS at FROM hazard h
				JOIN hazard_transition t ON t.hazard_id = h.id AND t.transition = 'ORDER_RECTIFICATION'
				WHERE h.notice_number IS NULL GROUP BY h.id ORDER BY min(t.at), h.id
				""").query().listOfRows();
		for (Map<String, Object> h : ordered) {
			Long department = h.get("department_id") == null ? null : ((Number) h.get("department_id")).longValue();
			long district = jdbc.sql("""
					SELECT c.ancestor_id FROM region_closure c JOIN region r ON r.id = c.ancestor_id
					WHERE c.descendant_id = :r AND r.level = 'DISTRICT'
					""").param("r", h.get("region_id")).query(Long.class).optional().orElse(((Number) h.get("region_id")).longValue());
			notices.issue(((Number) h.get("id")).longValue(), notices.issuerOf(department, district), ((Timestamp) h.get("at")).toInstant());
		}
	}

	private Lead lead(long entity, String senderRegionCode, String senderDepartment, String receiver, String description,
			Instant at) {
		long senderRegion = region(senderRegionCode);
		Long senderDept = senderDepartment == null ? null : department(senderDepartment);
		String senderName = senderDept != null ? senderDepartment
				: jdbc.sql("SELECT name || CASE WHEN level IN ('CITY', 'DISTRICT') THEN '安委会办公室' ELSE '' END FROM region WHERE id = :id")
					.param("id", senderRegion).query(String.class).single();
		Hazard.OriginLevel level = senderRegionCode.equals("370100") ? Hazard.OriginLevel.CITY : Hazard.OriginLevel.DISTRICT;
		var row = jdbc.sql("SELECT region_id, name, address FROM supervised_entity WHERE id = :id").param("id", entity).query().singleRow();
		long receiverId = department(receiver);
		long id = leads.insert(new Leads.NewRow(entity, ((Number) row.get("region_id")).longValue(), (String) row.get("name"),
				(String) row.get("address"), description, null, senderRegion, senderDept, level, senderName, null, receiverId), at);
		Lead lead = leads.lock(id).orElseThrow();
		leads.hopStarted(lead, "演示数据");
		String receiverLevel = jdbc.sql("SELECT level FROM department WHERE id = :id").param("id", receiverId).query(String.class).single();
		events.publishEvent(lead.transferred(Hazard.OriginLevel.valueOf(receiverLevel)));
		return lead;
	}

	private void handle(Lead lead, String outcome, String note, Instant at) {
		Object fact = outcome.equals("ACCEPTED") ? lead.accept(lead.receiverDepartmentId(), at)
				: lead.returnToSender(lead.receiverDepartmentId(), note, at);
		leads.save(lead);
		leads.hopEnded(lead.id(), outcome, at, null, "演示数据", note);
		events.publishEvent(fact);
	}

	private long file(long entity, String departmentName, String facts, Instant at) {
		var d = jdbc.sql("""
				SELECT d.id, d.region_id, r.name AS region_name, coalesce(d.short_name, d.name) AS unit FROM department d
				JOIN region r ON r.id = d.region_id WHERE d.name = :n
				""").param("n", departmentName).query().singleRow();
		long department = ((Number) d.get("id")).longValue();
		long region = ((Number) d.get("region_id")).longValue();
		int year = at.atZone(BusinessTime.ZONE).getYear();
		String regionName = (String) d.get("region_name");
		String number = DocumentNumbers.format(CaseController.shortRegion(regionName)
				+ CaseController.shortUnit((String) d.get("unit"), regionName) + "立", year, numbers.next("CASE_D" + department, region, year));
		long entityRegion = jdbc.sql("SELECT region_id FROM supervised_entity WHERE id = :id").param("id", entity).query(Long.class).single();
		long id = cases.insert(entity, entityRegion, null, null, department, number, "《中华人民共和国安全生产法》第九十九条", facts, null, at);
		cases.save(cases.lock(id).orElseThrow(), "FILE", null, null, "演示数据", null, at);
		return id;
	}

	private void decide(long id, List<EnforcementCase.Penalty> penalties, Instant at) {
		EnforcementCase c = cases.lock(id).orElseThrow();
		cases.save(c, c.decide(penalties), EnforcementCase.State.FILED, null, "演示数据", "处罚决定书已送达", at);
		penalties.forEach(p -> cases.addPenalty(id, p));
		String number = jdbc.sql("SELECT case_number FROM enforcement_case WHERE id = :id").param("id", id).query(String.class).single();
		cases.blacklist(id, "受到行政处罚（罚款、停产停业整顿），案号 " + number, at);
	}

	private Long entityIn(String regionCode) {
		return jdbc.sql("""
				SELECT min(e.id) FROM supervised_entity e WHERE e.region_id IN
				(SELECT descendant_id FROM region_closure WHERE ancestor_id = (SELECT id FROM region WHERE code = :code))
				""").param("code", regionCode).query(Long.class).optional().orElse(null);
	}

	private long region(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long department(String name) {
		return jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single();
	}
}
