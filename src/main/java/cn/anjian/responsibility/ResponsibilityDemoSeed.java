package cn.anjian.responsibility;

import cn.anjian.platform.demo.DemoSeed;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names the demo inspectors on about two thirds of their department's assignments (the rest show up as blind
 * spots), with the office they work in; gives the city and district governments their responsible leaders, and every
 * department a lead office, work shares and a few duties, so the responsibility lists have something to show.
 */
@Component
class ResponsibilityDemoSeed implements DemoSeed {

	private final JdbcClient jdbc;
	private final Clock clock;

	ResponsibilityDemoSeed(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM region_role_holder").query(Long.class).single() == 0) {
			dutyLists();
		}
		if (jdbc.sql("SELECT count(*) FROM entity_inspector").query(Long.class).single() > 0) {
			return;
		}
		jdbc.sql("""
				WITH staffed AS (
				  UPDATE entity_assignment a SET office_id = u.office_id
				  FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role_code = 'DEPARTMENT_INSPECTOR'
				  WHERE u.department_id = a.department_id AND a.ended_at IS NULL AND a.id % 3 <> 0
				  RETURNING a.id, a.entity_id, a.region_id, u.id AS user_id)
				INSERT INTO entity_inspector (assignment_id, entity_id, region_id, user_id, started_at)
				SELECT id, entity_id, region_id, user_id, :now FROM staffed
				""").param("now", Timestamp.from(clock.instant())).update();
	}

	private void dutyLists() {
		jdbc.sql("""
				INSERT INTO region_role_holder (region_id, role, name, title, term_from)
				SELECT r.id, x.role, x.surname || (r.id % 100), CASE r.level WHEN 'CITY' THEN x.city ELSE x.district END, DATE '2023-01-01'
				FROM region r CROSS JOIN (VALUES ('FIRST_RESPONSIBLE', '王', '市长', '区（县）长'),
				                                 ('IN_CHARGE', '陈', '副市长', '副区（县）长')) x(role, surname, city, district)
				WHERE r.level IN ('CITY', 'DISTRICT')
				""").update();
		jdbc.sql("""
				WITH first AS (SELECT DISTINCT ON (department_id) id FROM department_office ORDER BY department_id, sort_order, id)
				UPDATE department_office o SET lead = o.id IN (SELECT id FROM first),
				  work_share = CASE WHEN o.id IN (SELECT id FROM first) THEN '牵头负责本部门安全生产综合协调、监督检查和统计分析'
				                    ELSE '负责' || o.name || '职责范围内的行业领域安全生产监管' END
				""").update();
		jdbc.sql("""
				INSERT INTO duty_item (region_id, department_id, owner_type, owner_id, content, legal_basis, sort_order)
				SELECT d.region_id, d.id, 'DEPARTMENT', d.id, x.content, x.basis, x.n FROM department d
				CROSS JOIN (VALUES (1, '按照“管行业必须管安全、管业务必须管安全、管生产经营必须管安全”，负责本行业领域安全生产监督管理',
				                    '《中华人民共和国安全生产法》第三条、第十条'),
				                   (2, '组织开展本行业领域安全生产检查和隐患排查整治，依法查处违法行为',
				                    '《中华人民共和国安全生产法》第六十五条')) x(n, content, basis)
				UNION ALL
				SELECT h.region_id, h.department_id, 'ROLE_HOLDER', h.id,
				       CASE h.role WHEN 'FIRST_RESPONSIBLE' THEN '对本部门安全生产工作全面负责' ELSE '协助主要负责人分管安全生产工作' END,
				       '《地方党政领导干部安全生产责任制规定》', 1
				FROM department_role_holder h
				""").update();
	}
}
