package cn.anjian.prevention;

import cn.anjian.platform.demo.DemoSeed;
import cn.anjian.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo dual prevention: risk points (assessed with LEC, so their grades are real), measures and check tasks for the
 * two demo businesses and a few dozen others, two weeks of check history (most on time, a few businesses lax enough
 * to have stopped running it) and the running status of each of those days.
 */
@Component
class PreventionDemoSeed implements DemoSeed {

	private static final int HISTORY_DAYS = 14;

	/** name, kind, area, factor, accident types, L, E, C, measure, task items */
	private static final String[][] POINTS = {
			{ "液氨储罐区", "SITE", "罐区", "储罐、管道泄漏", "POISONING_ASPHYXIA,OTHER_EXPLOSION", "3", "6", "40", "设置泄漏报警与紧急切断装置", "报警仪完好;切断阀可动作;罐区无泄漏气味" },
			{ "配电室", "SITE", "动力车间", "电气设备绝缘老化", "ELECTRIC_SHOCK,FIRE", "1", "6", "15", "定期检测绝缘、配备绝缘用具", "绝缘垫完好;柜门关闭;无异常温升" },
			{ "冲压作业", "OPERATION", "一车间", "双手操作按钮失效", "MACHINERY", "3", "6", "7", "光电保护装置、双手按钮每班点检", "光电保护有效;双手按钮正常;防护罩齐全" },
			{ "桥式起重机", "EQUIPMENT", "装配车间", "钢丝绳断股、限位失效", "LIFTING,STRUCK_BY_OBJECT", "1", "3", "15", "起重机定期检验、持证操作", "钢丝绳无断股;限位器有效;吊钩防脱装置完好" },
			{ "有限空间作业", "OPERATION", "污水处理站", "缺氧、有毒气体积聚", "POISONING_ASPHYXIA", "1", "2", "40", "作业审批、先通风再检测后作业", "审批手续齐全;气体检测合格;监护人到位" },
			{ "叉车运输", "OPERATION", "仓库", "叉车超速、视线不良", "VEHICLE", "3", "6", "3", "限速、专人指挥、持证驾驶", "限速标识清晰;驾驶员持证;灯光喇叭正常" },
			{ "粉尘除尘系统", "EQUIPMENT", "打磨车间", "粉尘积聚遇点火源", "OTHER_EXPLOSION,FIRE", "3", "6", "15", "除尘器泄爆、定期清扫", "除尘器压差正常;泄爆片完好;清扫记录齐全" },
			{ "办公楼", "UNIT", "行政区", "消防设施失效", "FIRE", "0.5", "6", "7", "消防设施维保、疏散通道畅通", "灭火器在有效期;疏散通道畅通;应急灯正常" } };

	private static final String[] FREQUENCIES = { "DAILY", "DAILY", "SHIFT", "WEEKLY", "DAILY", "DAILY", "MONTHLY", "DAILY" };

	private final JdbcClient jdbc;
	private final AssessingRisk assessing;
	private final CheckSchedule schedule;
	private final RunningStatus status;
	private final Clock clock;

	PreventionDemoSeed(JdbcClient jdbc, AssessingRisk assessing, CheckSchedule schedule, RunningStatus status, Clock clock) {
		this.jdbc = jdbc;
		this.assessing = assessing;
		this.schedule = schedule;
		this.status = status;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM risk_point").query(Long.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
		List<Long> entities = jdbc.sql("""
				(SELECT entity_id AS id FROM app_user WHERE username IN ('lixia_biz', 'shizhong_biz') AND entity_id IS NOT NULL)
				UNION
				(SELECT id FROM supervised_entity WHERE social_function = 'ENTERPRISE' AND id % 3 <> 0
				 ORDER BY dual_prevention_mandatory DESC, id LIMIT 40)
				""").query(Long.class).list();
		Random random = new Random(17);
		for (long entity : entities) {
			setUp(entity, random, today.minusDays(HISTORY_DAYS + 6), now);
		}
		for (int d = HISTORY_DAYS; d >= 0; d--) {
			schedule.generate(today.minusDays(d));
		}
		checkHistory(today, now);
		for (int d = HISTORY_DAYS; d >= 1; d--) {
			status.compute(today.minusDays(d));
		}
	}

	private void setUp(long entity, Random random, LocalDate startsOn, Instant now) {
		Long user = jdbc.sql("SELECT min(id) FROM app_user WHERE entity_id = :e").param("e", entity).query(Long.class)
			.optional().orElse(null);
		int count = 2 + random.nextInt(3);
		int first = random.nextInt(POINTS.length);
		for (int i = 0; i < count; i++) {
			int k = (first + i * 3) % POINTS.length;
			String[] p = POINTS[k];
			long point = insert("""
					INSERT INTO risk_point (entity_id, region_id, name, kind, area, created_at, updated_at)
					SELECT id, region_id, :name, :kind, :area, :now, :now FROM supervised_entity WHERE id = :e RETURNING id
					""", Map.of("e", entity, "name", p[0], "kind", p[1], "area", p[2], "now", Timestamp.from(now)));
			long factor = insert("""
					INSERT INTO risk_factor (risk_point_id, entity_id, region_id, description, accident_types, created_at)
					SELECT id, entity_id, region_id, :name, string_to_array(:kind, ','), :now FROM risk_point WHERE id = :e RETURNING id
					""", Map.of("e", point, "name", p[3], "kind", p[4], "now", Timestamp.from(now)));
			BigDecimal l = new BigDecimal(p[5]);
			assessing.assess(factor, new AssessingRisk.Values(RiskGrading.Method.LEC, false, l, new BigDecimal(p[6]),
					new BigDecimal(p[7]), null), user, now);
			assessing.assess(factor, new AssessingRisk.Values(RiskGrading.Method.LEC, true, l.min(BigDecimal.ONE),
					new BigDecimal(p[6]), new BigDecimal(p[7]), null), user, now);
			long measure = insert("""
					INSERT INTO control_measure (risk_point_id, risk_factor_id, entity_id, region_id, category, content,
					  control_level, owner_name, principal_name, technical_name, operational_name, created_at)
					SELECT p.id, :factor, p.entity_id, p.region_id, 'ENGINEERING', :name, coalesce(p.control_level, 'POST'),
					  '安全员', CASE WHEN p.grade = 'RED' THEN '主要负责人' END, CASE WHEN p.grade = 'RED' THEN '技术负责人' END,
					  CASE WHEN p.grade = 'RED' THEN '操作负责人' END, :now FROM risk_point p WHERE p.id = :e RETURNING id
					""", Map.of("e", point, "factor", factor, "name", p[8], "now", Timestamp.from(now)));
			jdbc.sql("""
					INSERT INTO check_task (measure_id, risk_point_id, entity_id, region_id, name, items, frequency,
					  assignee_id, assignee_name, starts_on, created_at)
					SELECT m.id, m.risk_point_id, m.entity_id, m.region_id, :name, string_to_array(:items, ';'), :frequency,
					  :user, coalesce((SELECT display_name FROM app_user WHERE id = :user), '当班班长'), :startsOn, :now
					FROM control_measure m WHERE m.id = :m
					""").param("m", measure).param("name", p[0] + "排查").param("items", p[9])
				.param("frequency", FREQUENCIES[k]).param("user", user).param("startsOn", Date.valueOf(startsOn))
				.param("now", Timestamp.from(now)).update();
		}
	}

	/** Most checks done on time; one business in seven lax (about half), so some have stopped running it. */
	private void checkHistory(LocalDate today, Instant now) {
		jdbc.sql("""
				UPDATE check_instance c SET done_at = c.due_at - make_interval(mins => CAST(30 + (c.id * 37) % 300 AS int)),
				  done_by_name = t.assignee_name, result = 'OK', item_results = '[]'
				FROM check_task t
				WHERE t.id = c.task_id AND c.due_at <= :now
				  AND ((c.entity_id % 7 <> 0 AND c.id % 23 <> 0) OR (c.entity_id % 7 = 0 AND c.id % 2 = 0))
				  AND c.due_at - make_interval(mins => CAST(30 + (c.id * 37) % 300 AS int)) <= :now
				""").param("now", Timestamp.from(now)).update();
	}

	private long insert(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
