package cn.anjian.assessment;

import cn.anjian.registry.UsccSamples;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small exact dataset in a district of its own (统计测试区, two streets) so that no demo record falls into it.
 * Times are 2030–2031 (business zone UTC+8; 02:00Z is 10:00 the same day).
 *
 * <pre>
 * street 1: e1 企业 (危化), e2 企业, e3 九小场所 (its assignment ended 2030-06-01)   street 2: e4 企业
 * h1 e1 一般  found 03-02 deadline 03-10 closed 03-09 (pass re-inspection)        on time
 * h2 e2 一般  found 03-03 deadline 03-05 re-inspection failed 03-06, passed 03-08  late
 * h3 e1 重大  found 03-05 deadline 03-15 still rectifying                         overdue
 * h4 e4 一般  found 03-10 deadline 03-25 still rectifying                         overdue from 03-25
 * h5 e4 一般  found 02-15 deadline 02-20 closed 03-01 (pass)                       late
 * h6 e3 疑似重大 found 2030-03-10, not handled
 * (warnings are stored resolved and hazards as already announced, so no sweep or screen of another test sees them)
 * w1 street 1 hazard overdue, 03-15, steps 1 (03-15) and 2 (03-18)
 * w2 street 2 licence expired, 03-05, steps 1 (03-05), 2 (03-08), 3 通报 (03-11)
 * w3 street 1 suspected major, 2030-03-10, step 1
 * w4 street 2 lead unhandled, 03-16, step 1 only (resolved 03-19 like the others: handled before climbing)
 * register data complete (contacts, address, coordinates) for e1, e2 and e4, not for e3
 * inspections: e1 inspected 03-04 (passed); e2 has a task from a 双随机 draw dated 03-06, not yet done
 * a1 street 2 一般 2031-03-12 1 death; a2 street 1 较大 2030-03-05 2 deaths
 * 双重预防: e1, e2, e4 must run it; e1 and e2 have set it up (check tasks since 2031-01-05), e3 runs it voluntarily.
 * e1 stopped from 02-10 (triggered 02-17), resumed 03-01; e2 stopped from 03-05 (triggered 03-12), still stopped.
 * risk points: e1 红 and 黄, e3 蓝, e4 one not yet graded
 * cases: c1 e1 filed 03-07, decided 03-14, fine 20000 reduced to 15000 after a hearing, plus a suspension (not a fine);
 *        c2 e4 filed 02-20, decided 03-05, executed, fine 5000; c3 e2 filed 03-18, not decided
 * 督办单: o1 w1 step 2 (street 1, to the emergency department) issued 03-18, due 03-21, replied 03-19   on time
 *        o2 w2 step 2 (street 2, to the market regulator) issued 03-08, due 03-10, replied 03-11        late
 *        o3 w4 step 1 (street 2, to the market regulator) issued 03-16, due 03-19, replied 03-25        open on 03-20
 * (the orders are stored accepted, so no inbox or screen of another test sees them)
 * </pre>
 */
final class StatsFixture {

	static final String DISTRICT_CODE = "379901";

	final long district;
	final long street1;
	final long street2;
	final long emergency;
	final long market;
	final long e1;
	final long e2;
	final long e3;
	final long e4;

	private final JdbcClient jdbc;

	private StatsFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		district = id("SELECT id FROM region WHERE code = '" + DISTRICT_CODE + "'");
		street1 = id("SELECT id FROM region WHERE code = '379901001'");
		street2 = id("SELECT id FROM region WHERE code = '379901002'");
		emergency = id("SELECT id FROM department WHERE name = '市应急管理局'");
		market = id("SELECT id FROM department WHERE name = '市市场监督管理局'");
		e1 = entityNamed("统计测试一厂");
		e2 = entityNamed("统计测试二厂");
		e3 = entityNamed("统计测试小店");
		e4 = entityNamed("统计测试四厂");
	}

	static synchronized StatsFixture in(JdbcClient jdbc) {
		if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", DISTRICT_CODE).query(Long.class).single() == 0) {
			build(jdbc);
		}
		return new StatsFixture(jdbc);
	}

	private static void build(JdbcClient jdbc) {
		long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
		long district = region(jdbc, city, DISTRICT_CODE, "统计测试区", "DISTRICT");
		long s1 = region(jdbc, district, "379901001", "统计一街道", "STREET");
		long s2 = region(jdbc, district, "379901002", "统计二街道", "STREET");
		long emergency = jdbc.sql("SELECT id FROM department WHERE name = '市应急管理局'").query(Long.class).single();
		long market = jdbc.sql("SELECT id FROM department WHERE name = '市市场监督管理局'").query(Long.class).single();
		long e1 = entity(jdbc, s1, "统计测试一厂", "ENTERPRISE", "IND001");
		long e2 = entity(jdbc, s1, "统计测试二厂", "ENTERPRISE", "IND016");
		long e3 = entity(jdbc, s1, "统计测试小店", "NINE_SMALL_PLACES", "IND016");
		long e4 = entity(jdbc, s2, "统计测试四厂", "ENTERPRISE", "IND016");
		assign(jdbc, e1, s1, emergency, null);
		assign(jdbc, e2, s1, emergency, null);
		assign(jdbc, e3, s1, market, "2030-06-01T00:00:00Z");
		assign(jdbc, e4, s2, market, null);

		long h1 = hazard(jdbc, e1, s1, emergency, "GENERAL", "CLOSED", "2031-03-02", "2031-03-10", "2031-03-09");
		transition(jdbc, h1, s1, "PASS_REINSPECTION", "2031-03-09");
		long h2 = hazard(jdbc, e2, s1, emergency, "GENERAL", "CLOSED", "2031-03-03", "2031-03-05", "2031-03-08");
		transition(jdbc, h2, s1, "FAIL_REINSPECTION", "2031-03-06");
		transition(jdbc, h2, s1, "PASS_REINSPECTION", "2031-03-08");
		long h3 = hazard(jdbc, e1, s1, emergency, "MAJOR", "RECTIFYING", "2031-03-05", "2031-03-15", null);
		hazard(jdbc, e4, s2, market, "GENERAL", "RECTIFYING", "2031-03-10", "2031-03-25", null);
		long h5 = hazard(jdbc, e4, s2, market, "GENERAL", "CLOSED", "2031-02-15", "2031-02-20", "2031-03-01");
		transition(jdbc, h5, s2, "PASS_REINSPECTION", "2031-03-01");
		long h6 = hazard(jdbc, e3, s1, null, "SUSPECTED_MAJOR", "REPORTED", "2030-03-10", null, null);

		long w1 = warning(jdbc, "OVERDUE_HAZARD", "HAZARD", h3, e1, s1, "2031-03-15");
		step(jdbc, w1, 1, s1, "2031-03-15", "SUPERVISE");
		step(jdbc, w1, 2, s1, "2031-03-18", "SUPERVISE");
		long w2 = warning(jdbc, "LICENCE_EXPIRED", "LICENCE", 990_000_001L, e4, s2, "2031-03-05");
		step(jdbc, w2, 1, s2, "2031-03-05", "SUPERVISE");
		step(jdbc, w2, 2, s2, "2031-03-08", "SUPERVISE");
		step(jdbc, w2, 3, s2, "2031-03-11", "NOTICE");
		long w3 = warning(jdbc, "SUSPECTED_MAJOR_HAZARD", "HAZARD", h6, e3, s1, "2030-03-10");
		step(jdbc, w3, 1, s1, "2030-03-10", "CONFIRM");
		long w4 = warning(jdbc, "LEAD_UNHANDLED", "LEAD", 990_000_002L, e4, s2, "2031-03-16");
		step(jdbc, w4, 1, s2, "2031-03-16", "SUPERVISE");
		jdbc.sql("""
				UPDATE supervised_entity SET legal_representative = '统计法人', legal_representative_phone = '0531-80000001',
				  principal_name = '统计负责人', principal_phone = '0531-80000002', address = '统计测试路1号',
				  latitude = 36.65, longitude = 117.12
				WHERE id IN (:ids)""").param("ids", java.util.List.of(e1, e2, e4)).update();

		jdbc.sql("UPDATE supervised_entity SET dual_prevention_mandatory = true WHERE id IN (:ids)")
			.param("ids", java.util.List.of(e1, e2, e4)).update();
		long p1 = riskPoint(jdbc, e1, s1, "RED");
		riskPoint(jdbc, e1, s1, "YELLOW");
		long p2 = riskPoint(jdbc, e2, s1, "ORANGE");
		long p3 = riskPoint(jdbc, e3, s1, "BLUE");
		riskPoint(jdbc, e4, s2, null);
		checkTask(jdbc, p1, e1, s1);
		checkTask(jdbc, p2, e2, s1);
		checkTask(jdbc, p3, e3, s1);
		stoppage(jdbc, e1, s1, "2031-02-10", "2031-02-17", "2031-03-01");
		stoppage(jdbc, e2, s1, "2031-03-05", "2031-03-12", null);

		jdbc.sql("""
				INSERT INTO inspection (entity_id, region_id, department_id, type, inspected_on, result, created_at, updated_at)
				VALUES (:e, :r, :d, 'SUPERVISION', '2031-03-04', 'PASSED', :at, :at)""").param("e", e1).param("r", s1)
			.param("d", emergency).param("at", at("2031-03-04")).update();
		long draw = jdbc.sql("""
				INSERT INTO random_draw (region_id, name, pool_region_id, entity_count, inspectors_per_entity, seed, pool_size,
				  inspector_pool, published, published_at, drawn_at)
				VALUES (:r, '统计测试抽查', :r, 1, 2, 1, 1, '{}', true, :at, :at) RETURNING id""").param("r", district)
			.param("at", at("2031-03-01")).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO inspection (entity_id, region_id, department_id, type, inspected_on, draw_id, created_at, updated_at)
				VALUES (:e, :r, :d, 'ENFORCEMENT', '2031-03-06', :draw, :at, :at)""").param("e", e2).param("r", s1)
			.param("d", emergency).param("draw", draw).param("at", at("2031-03-01")).update();

		accident(jdbc, s2, e4, "GENERAL", "2031-03-12", 1, "IND016");
		accident(jdbc, s1, null, "LARGER", "2030-03-05", 2, "IND001");

		long c1 = enforcementCase(jdbc, e1, s1, emergency, "统计测试案1", "DECIDED", "2031-03-07", "2031-03-14");
		penalty(jdbc, c1, s1, "FINE", "20000", "15000");
		penalty(jdbc, c1, s1, "SUSPEND", null, null);
		long c2 = enforcementCase(jdbc, e4, s2, market, "统计测试案2", "EXECUTED", "2031-02-20", "2031-03-05");
		penalty(jdbc, c2, s2, "FINE", "5000", "5000");
		enforcementCase(jdbc, e2, s1, emergency, "统计测试案3", "FILED", "2031-03-18", null);
		supervisionOrder(jdbc, w1, 2, s1, e1, district, emergency, 1, "2031-03-18", "2031-03-21", "2031-03-19");
		supervisionOrder(jdbc, w2, 2, s2, e4, district, market, 2, "2031-03-08", "2031-03-10", "2031-03-11");
		supervisionOrder(jdbc, w4, 1, s2, e4, district, market, 3, "2031-03-16", "2031-03-19", "2031-03-25");
	}

	private static long enforcementCase(JdbcClient jdbc, long entity, long region, long department, String number, String state,
			String filed, String decided) {
		return jdbc.sql("""
				INSERT INTO enforcement_case (region_id, entity_id, department_id, case_number, legal_basis, facts, state, filed_at,
				  decided_at)
				VALUES (:r, :e, :d, :n, '《安全生产法》', '统计测试案情', :s, :filed, :decided) RETURNING id
				""").param("r", region).param("e", entity).param("d", department).param("n", number).param("s", state)
			.param("filed", at(filed)).param("decided", decided == null ? null : at(decided)).query(Long.class).single();
	}

	private static void penalty(JdbcClient jdbc, long enforcementCase, long region, String kind, String initial, String current) {
		jdbc.sql("""
				INSERT INTO case_penalty (case_id, region_id, kind, initial_amount, current_amount)
				VALUES (:c, :r, :k, CAST(:initial AS numeric), CAST(:current AS numeric))
				""").param("c", enforcementCase).param("r", region).param("k", kind).param("initial", initial)
			.param("current", current).update();
	}

	private static void supervisionOrder(JdbcClient jdbc, long warning, int step, long region, long entity, long issuer,
			long department, int seq, String issued, String due, String replied) {
		jdbc.sql("""
				INSERT INTO supervision_order (warning_id, step_no, region_id, entity_id, issuer_region_id, number_year, number_seq,
				  number, addressee_department_id, content, issued_at, reply_due_at, state, reply_text, replied_at, reviewed_at)
				VALUES (:w, :step, :r, :e, :issuer, 2031, :seq, :number, :d, '统计测试督办', :issued, :due, 'ACCEPTED', '已整改', :replied, :replied)
				""").param("w", warning).param("step", step).param("r", region).param("e", entity).param("issuer", issuer)
			// numbered 1..3 of the test district's own office, so every issuer's numbers stay gapless (WarningEngineConcurrencyTest)
			.param("seq", seq).param("number", "统计测试督〔2031〕" + seq + "号").param("d", department)
			.param("issued", at(issued)).param("due", at(due)).param("replied", at(replied)).update();
	}

	static java.sql.Timestamp at(String day) {
		return java.sql.Timestamp.from(Instant.parse(day + "T02:00:00Z"));
	}

	private static long region(JdbcClient jdbc, long parent, String code, String name, String level) {
		return jdbc.sql("""
				INSERT INTO region (parent_id, code, name, level, kind, sort_order) VALUES (:p, :c, :n, :l, :l, 99) RETURNING id
				""").param("p", parent).param("c", code).param("n", name).param("l", level).query(Long.class).single();
	}

	private static long entity(JdbcClient jdbc, long region, String name, String socialFunction, String industry) {
		return jdbc.sql("""
				INSERT INTO supervised_entity (region_id, name, uscc, social_function, industry, supervision_level, created_at, updated_at)
				VALUES (:r, :n, :u, :s, :i, 'STREET', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z') RETURNING id
				""").param("r", region).param("n", name).param("u", UsccSamples.next()).param("s", socialFunction)
			.param("i", industry).query(Long.class).single();
	}

	private static void assign(JdbcClient jdbc, long entity, long region, long department, String endedAt) {
		jdbc.sql("""
				INSERT INTO entity_assignment (entity_id, region_id, department_id, supervision_type, started_at, ended_at)
				VALUES (:e, :r, :d, 'INDUSTRY_SUPERVISION', '2030-01-01T00:00:00Z', CAST(:ended AS timestamptz))
				""").param("e", entity).param("r", region).param("d", department).param("ended", endedAt).update();
	}

	private static long hazard(JdbcClient jdbc, long entity, long region, Long department, String level, String state,
			String found, String deadline, String closed) {
		return jdbc.sql("""
				INSERT INTO hazard (entity_id, region_id, department_id, origin_level, found_at, description, level, state,
				  reinspection_required, deadline, closed_at, updated_at, overdue_announced_for)
				VALUES (:e, :r, :d, 'DISTRICT', :found, '统计测试隐患', :level, :state, true, :deadline, :closed, :found, :deadline)
				RETURNING id
				""").param("e", entity).param("r", region).param("d", department).param("level", level).param("state", state)
			.param("found", at(found)).param("deadline", deadline == null ? null : at(deadline))
			.param("closed", closed == null ? null : at(closed)).query(Long.class).single();
	}

	private static void transition(JdbcClient jdbc, long hazard, long region, String transition, String day) {
		jdbc.sql("""
				INSERT INTO hazard_transition (hazard_id, region_id, transition, from_state, to_state, level, actor_name, at)
				VALUES (:h, :r, :t, 'SUBMITTED', 'CLOSED', 'GENERAL', '测试', :at)
				""").param("h", hazard).param("r", region).param("t", transition).param("at", at(day)).update();
	}

	private static long warning(JdbcClient jdbc, String kind, String subjectType, long subject, long entity, long region, String day) {
		return jdbc.sql("""
				INSERT INTO warning (rule_id, trigger_kind, subject_type, subject_id, entity_id, region_id, title, triggered_at,
				  state, current_step, created_at, resolved_at)
				VALUES ((SELECT id FROM warning_rule WHERE trigger_kind = :k AND origin_level = 'DISTRICT' AND active), :k, :st, :s,
				  :e, :r, '统计测试预警', :at, 'RESOLVED', 0, :at, '2031-03-19T02:00:00Z') RETURNING id
				""").param("k", kind).param("st", subjectType).param("s", subject).param("e", entity).param("r", region)
			.param("at", at(day)).query(Long.class).single();
	}

	private static void step(JdbcClient jdbc, long warning, int step, long region, String day, String action) {
		jdbc.sql("""
				INSERT INTO warning_step (warning_id, step_no, region_id, due_at, reached_at, screen_level, action, acting_level)
				VALUES (:w, :n, :r, :at, :at, 'CITY', :a, 'CITY')
				""").param("w", warning).param("n", step).param("r", region).param("at", at(day)).param("a", action).update();
		jdbc.sql("UPDATE warning SET current_step = :n WHERE id = :w").param("n", step).param("w", warning).update();
	}

	private static long riskPoint(JdbcClient jdbc, long entity, long region, String grade) {
		return jdbc.sql("""
				INSERT INTO risk_point (entity_id, region_id, name, kind, grade, created_at, updated_at)
				VALUES (:e, :r, '统计测试风险点', 'SITE', :g, '2031-01-05T00:00:00Z', '2031-01-05T00:00:00Z') RETURNING id
				""").param("e", entity).param("r", region).param("g", grade).query(Long.class).single();
	}

	private static void checkTask(JdbcClient jdbc, long point, long entity, long region) {
		long measure = jdbc.sql("""
				INSERT INTO control_measure (risk_point_id, entity_id, region_id, category, content, control_level, owner_name, created_at)
				VALUES (:p, :e, :r, 'MANAGEMENT', '统计测试措施', 'TEAM', '测试', '2031-01-05T00:00:00Z') RETURNING id
				""").param("p", point).param("e", entity).param("r", region).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO check_task (measure_id, risk_point_id, entity_id, region_id, name, frequency, assignee_name, starts_on, created_at)
				VALUES (:m, :p, :e, :r, '统计测试排查', 'DAILY', '测试', '2031-01-05', '2031-01-05T00:00:00Z')
				""").param("m", measure).param("p", point).param("e", entity).param("r", region).update();
	}

	private static void stoppage(JdbcClient jdbc, long entity, long region, String since, String triggered, String resumed) {
		jdbc.sql("""
				INSERT INTO prevention_stoppage (entity_id, region_id, since, triggered_at, resumed_on)
				VALUES (:e, :r, CAST(:since AS date), :t, CAST(:resumed AS date))
				""").param("e", entity).param("r", region).param("since", since).param("t", at(triggered))
			.param("resumed", resumed).update();
	}

	private static void accident(JdbcClient jdbc, long region, Long entity, String level, String day, int deaths, String industry) {
		jdbc.sql("""
				INSERT INTO accident (region_id, occurred_at, place, entity_id, industry, level, deaths, injuries, direct_loss,
				  created_at, updated_at)
				VALUES (:r, :at, '统计测试地点', :e, :i, :l, :d, 0, 10, :at, :at)
				""").param("r", region).param("at", at(day)).param("e", entity).param("i", industry).param("l", level)
			.param("d", deaths).update();
	}

	private long entityNamed(String name) {
		return jdbc.sql("SELECT id FROM supervised_entity WHERE name = :n").param("n", name).query(Long.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
