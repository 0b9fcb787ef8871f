package cn.anjian.inspection;

import cn.anjian.platform.demo.DemoSeed;
import cn.anjian.platform.time.BusinessTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo inspection work of the two demo districts' emergency departments: a few more inspectors (a draw needs at
 * least two per entity), this year's plan, a few inspections (two with a failed item turned into a hazard) and
 * one published 双随机 draw. Small on purpose.
 */
@Component
class InspectionWorkDemoSeed implements DemoSeed {

	private static final List<String> DEPARTMENTS = List.of("历下区应急管理局", "市中区应急管理局");

	private final JdbcClient jdbc;
	private final Inspections inspections;
	private final InspectionPlans plans;
	private final RandomDraws draws;
	private final Hazards hazards;
	private final RecordingTransition transitions;
	private final Clock clock;

	InspectionWorkDemoSeed(JdbcClient jdbc, Inspections inspections, InspectionPlans plans, RandomDraws draws,
			Hazards hazards, RecordingTransition transitions, Clock clock) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.plans = plans;
		this.draws = draws;
		this.hazards = hazards;
		this.transitions = transitions;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void seed() {
		// seeded once: its first step adds the inspectors (a demo with no entities to inspect records no inspection)
		if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'lixia_yj_inspector2'").query(Long.class).single() > 0) {
			return;
		}
		inspectors("lixia", "历下区应急局", "历下区应急管理局");
		inspectors("shizhong", "市中区应急局", "市中区应急管理局");
		for (String department : DEPARTMENTS) {
			work(department);
		}
	}

	/** Three more inspectors like the demo one (same region, office and password). */
	private void inspectors(String prefix, String shortName, String department) {
		String[] surnames = { "韩", "杨", "朱" };
		for (int i = 0; i < surnames.length; i++) {
			long id = jdbc.sql("""
					INSERT INTO app_user (username, password_hash, display_name, phone, region_id, department_id, office_id,
					                      must_change_password, created_at)
					SELECT :username, u.password_hash, :name, u.phone, u.region_id, u.department_id, u.office_id, false, :now
					FROM app_user u JOIN department d ON d.id = u.department_id AND d.name = :department
					WHERE u.username = :template RETURNING id
					""").param("username", prefix + "_yj_inspector" + (i + 2))
				.param("name", shortName + " " + surnames[i] + "监管员").param("department", department)
				.param("template", prefix + "_yj_inspector").param("now", Timestamp.from(clock.instant()))
				.query(Long.class).single();
			jdbc.sql("INSERT INTO user_role (user_id, role_code, region_id) SELECT id, 'DEPARTMENT_INSPECTOR', region_id FROM app_user WHERE id = :id")
				.param("id", id).update();
		}
	}

	private void work(String departmentName) {
		long department = jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", departmentName)
			.query(Long.class).single();
		long region = jdbc.sql("SELECT region_id FROM department WHERE id = :d").param("d", department).query(Long.class).single();
		List<Long> staff = jdbc.sql("""
				SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role_code = 'DEPARTMENT_INSPECTOR'
				WHERE u.department_id = :d ORDER BY u.id
				""").param("d", department).query(Long.class).list();
		List<Long> entities = jdbc.sql("""
				SELECT DISTINCT entity_id FROM entity_assignment WHERE department_id = :d AND ended_at IS NULL
				ORDER BY entity_id LIMIT 6
				""").param("d", department).query(Long.class).list();
		if (staff.size() < 2 || entities.size() < 4) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
		long lead = staff.get(0);
		long plan = plans.insert(new InspectionPlans.NewPlan(region, department, today.getYear() + "年度安全生产监督检查计划",
				today.getYear(), null, null, 2, null, lead, now));
		for (int i = 0; i < 4; i++) {
			long entity = entities.get(i);
			long id = inspections.insert(new Inspections.NewRecord(entity, department,
					i == 3 ? InspectionType.SPECIAL : InspectionType.SUPERVISION, today.minusDays(3L + 7L * i),
					template(entity), plan, null, List.of(staff.get(i % staff.size()), staff.get((i + 1) % staff.size())), lead, now));
			fill(id, entity, department, i < 2, now);
		}
		List<RandomDraw.Pick> picks = RandomDraw.draw(20260101L, entities, 3, 2, staff, draws::excluded);
		long draw = draws.insert(new RandomDraws.NewDraw(region, department, today.getYear() + "年第一批“双随机”抽查", region,
				null, null, 3, 2, 20260101L, entities.size(), staff, lead, now), picks);
		draws.publish(draw, now);
	}

	/** Every item passes but, when {@code withHazard}, the second, which fails and becomes a hazard of the inspection. */
	private void fill(long id, long entity, long department, boolean withHazard, Instant now) {
		List<Inspections.Item> items = inspections.items(id);
		for (Inspections.Item item : items) {
			boolean fails = withHazard && item.sortOrder() == 2;
			inspections.fillItem(id, item.id(), fails ? "FAIL" : "PASS", fails ? "现场检查发现未落实" : null);
			if (fails) {
				long hazard = hazards.insert(entity, department, Hazard.OriginLevel.DISTRICT, null,
						item.content() + "：现场检查发现未落实", "现场", item.legalBasis(), HazardLevel.GENERAL, true, id, now);
				Hazard h = hazards.lock(hazard).orElseThrow();
				transitions.record(h, h.reported(now), null, null);
				inspections.linkHazard(item.id(), hazard);
			}
		}
		inspections.fill(id, withHazard ? "发现一处问题，已登记隐患并责令限期整改" : "未发现问题", "张经理",
				withHazard ? InspectionResult.RECTIFICATION_ORDERED : InspectionResult.PASSED, now);
	}

	private Long template(long entity) {
		return jdbc.sql("""
				SELECT t.id FROM checklist_template t, supervised_entity e WHERE e.id = :e AND t.enabled
				ORDER BY (e.industry = ANY (t.industries)) DESC, (t.name LIKE '工贸%') DESC, t.id LIMIT 1
				""").param("e", entity).query(Long.class).optional().orElse(null);
	}

}
