package cn.anjian.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.warning.WarningEngine;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Running status (正常运行) over constructed histories: a day runs normally from 90 % of its checks done on time; seven
 * days in a row that do not start ladder (十九) at the end of the seventh; six do not; running again resolves it.
 */
@AnjianTest
class RunningStatusTest {

	static final LocalDate D1 = LocalDate.of(2031, 3, 1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	CheckSchedule schedule;

	@Autowired
	RunningStatus status;

	@Autowired
	WarningEngine engine;

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void aDayRunsNormallyFromNinetyPercentOfItsChecksDoneOnTime() {
		long entity = freshEntity("DISTRICT", 10);
		day(D1, entity, 9, 1); // 9 of 10 on time, the tenth late
		day(D1.plusDays(1), entity, 8, 0); // 8 of 10, two never done
		assertThat(running(entity, D1)).isTrue();
		assertThat(running(entity, D1.plusDays(1))).isFalse();
		assertThat(jdbc.sql("SELECT missed_count FROM prevention_daily_status WHERE entity_id = :e AND day = :d")
			.param("e", entity).param("d", Date.valueOf(D1.plusDays(1))).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void sevenDaysNotRunningStartTheDistrictLadderAtTheEndOfTheSeventhAndRecoveryResolvesIt() {
		long entity = freshEntity("DISTRICT", 1);
		for (int i = 0; i < 6; i++) {
			day(D1.plusDays(i), entity, 0, 0);
		}
		assertThat(steps(entity)).as("six days are not yet a stoppage").isEmpty();
		day(D1.plusDays(6), entity, 0, 0);
		Instant trigger = RunningStatus.startOf(D1.plusDays(7));
		assertThat(steps(entity)).containsExactly("1 DISTRICT SUPERVISE DISTRICT " + trigger);

		at(trigger.plus(Duration.ofHours(72)).minusSeconds(1));
		engine.sweep();
		assertThat(steps(entity)).hasSize(1);
		at(trigger.plus(Duration.ofHours(72)));
		engine.sweep();
		assertThat(steps(entity)).last().isEqualTo("2 CITY SUPERVISE CITY " + trigger.plus(Duration.ofHours(72)));
		at(trigger.plus(Duration.ofHours(144)));
		engine.sweep();
		assertThat(steps(entity)).last().isEqualTo("3 CITY NOTICE CITY " + trigger.plus(Duration.ofHours(144)));

		day(D1.plusDays(7), entity, 1, 0);
		assertThat(warningState(entity)).isEqualTo("RESOLVED");
		assertThat(jdbc.sql("SELECT resumed_on FROM prevention_stoppage WHERE entity_id = :e").param("e", entity)
			.query(Date.class).single().toLocalDate()).isEqualTo(D1.plusDays(7));
	}

	@Test
	void sixBadDaysAGoodOneAndSixMoreAreNoStoppage() {
		long entity = freshEntity("STREET", 1);
		for (int i = 0; i < 13; i++) {
			day(D1.plusDays(i), entity, i == 6 ? 1 : 0, 0);
		}
		assertThat(steps(entity)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM prevention_stoppage WHERE entity_id = :e").param("e", entity)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aCityLevelBusinessClimbsTheCityLadderInTwoSteps() {
		long entity = freshEntity("CITY", 1);
		for (int i = 0; i < 7; i++) {
			day(D1.plusDays(i), entity, 0, 0);
		}
		Instant trigger = RunningStatus.startOf(D1.plusDays(7));
		at(trigger.plus(Duration.ofDays(30)));
		engine.sweep();
		assertThat(steps(entity)).containsExactly("1 CITY SUPERVISE CITY " + trigger,
				"2 CITY NOTICE CITY " + trigger.plus(Duration.ofHours(72)));
	}

	@Test
	void theGovernmentSeesWhoIsNotRunningWithinItsScope() {
		long entity = freshEntity("DISTRICT", 1);
		for (int i = 0; i < 8; i++) {
			day(D1.plusDays(20 + i), entity, 0, 0);
		}
		String lixia = ApiClient.signedIn(port, "lixia_office").get("/api/prevention/not-running?size=500").expect(200).raw();
		assertThat(lixia).contains("\"entityId\":" + entity + ",").contains("\"days\":8").contains("\"warned\":true");
		assertThat(ApiClient.signedIn(port, "shizhong_office").get("/api/prevention/not-running?size=500").expect(200).raw())
			.doesNotContain("\"entityId\":" + entity + ",");
		String coverage = ApiClient.signedIn(port, "lixia_office").get("/api/prevention/coverage").expect(200).raw();
		assertThat(coverage).contains("历下区").doesNotContain("市中区");
	}

	@Test
	void theCityChangesTheThresholdsAndTheNextComputationFollowsThem() {
		var city = ApiClient.signedIn(port, "city_office");
		ApiClient.signedIn(port, "lixia_office").put("/api/prevention/rule", "{\"onTimeShare\":0.8,\"consecutiveDays\":3}").expect(403);
		assertThat(city.put("/api/prevention/rule", "{\"onTimeShare\":0.4,\"consecutiveDays\":3}").expect(400).raw())
			.contains("按时完成比例须在50%至100%之间");
		assertThat(city.put("/api/prevention/rule", "{\"onTimeShare\":0.8,\"consecutiveDays\":31}").expect(400).raw())
			.contains("连续天数须在1至30天之间");
		long entity = freshEntity("DISTRICT", 10);
		day(D1.plusDays(40), entity, 8, 0);
		assertThat(running(entity, D1.plusDays(40))).as("8 of 10 under the default 90 %").isFalse();
		try {
			city.put("/api/prevention/rule", "{\"onTimeShare\":0.8,\"consecutiveDays\":3}").expect(200);
			assertThat(jdbc.sql("""
					SELECT before::text || ' -> ' || after::text FROM operation_log
					WHERE action = 'PREVENTION_RULE_UPDATE' ORDER BY id DESC LIMIT 1
					""").query(String.class).single()).contains("0.9").contains("\"consecutiveDays\": 7").contains("0.8")
				.contains("\"consecutiveDays\": 3");
			day(D1.plusDays(40), entity, 8, 0);
			assertThat(running(entity, D1.plusDays(40))).as("8 of 10 under 80 %").isTrue();
			long other = freshEntity("DISTRICT", 1);
			for (int i = 0; i < 3; i++) {
				day(D1.plusDays(50 + i), other, 0, 0);
			}
			assertThat(steps(other)).as("three bad days are a stoppage under a 3-day rule").hasSize(1);
		}
		finally {
			city.put("/api/prevention/rule", "{\"onTimeShare\":0.9,\"consecutiveDays\":7}").expect(200);
		}
	}

	/** One day of history: generate its checks, do {@code onTime} of them on time and {@code late} late, compute it. */
	private void day(LocalDate day, long entity, int onTime, int late) {
		schedule.generate(day);
		List<Long> due = jdbc.sql("SELECT id FROM check_instance WHERE entity_id = :e AND period_start = :d ORDER BY id")
			.param("e", entity).param("d", Date.valueOf(day)).query(Long.class).list();
		for (int i = 0; i < due.size(); i++) {
			String when = i < onTime ? "due_at - interval '2 hours'" : i < onTime + late ? "due_at + interval '2 hours'" : null;
			if (when != null) {
				jdbc.sql("UPDATE check_instance SET done_at = " + when + ", result = 'OK' WHERE id = :id").param("id", due.get(i)).update();
			}
		}
		at(RunningStatus.startOf(day.plusDays(1)).plus(Duration.ofMinutes(5)));
		status.compute(day);
	}

	/** A 历下区 business of the given supervision level with {@code tasks} daily check tasks from {@link #D1}. */
	private long freshEntity(String level, int tasks) {
		long entity = jdbc.sql("""
				INSERT INTO supervised_entity (region_id, name, uscc, staff_count, status, social_function, industry,
				  supervision_level, created_at, updated_at)
				SELECT e.region_id, '运行测试' || nextval('supervised_entity_id_seq'), :uscc, 20,
				  'OPERATING', 'ENTERPRISE', e.industry, :level, now(), now()
				FROM supervised_entity e WHERE e.region_id IN (SELECT descendant_id FROM region_closure
				  WHERE ancestor_id = (SELECT id FROM region WHERE code = '370102'))
				ORDER BY e.id LIMIT 1 RETURNING id
				""").param("level", level).param("uscc", cn.anjian.registry.UsccSamples.next()).query(Long.class).single();
		long point = jdbc.sql("""
				INSERT INTO risk_point (entity_id, region_id, name, kind, created_at, updated_at)
				SELECT id, region_id, '测试风险点', 'SITE', now(), now() FROM supervised_entity WHERE id = :e RETURNING id
				""").param("e", entity).query(Long.class).single();
		long measure = jdbc.sql("""
				INSERT INTO control_measure (risk_point_id, entity_id, region_id, category, content, control_level, owner_name, created_at)
				SELECT id, entity_id, region_id, 'MANAGEMENT', '巡查', 'POST', '张三', now() FROM risk_point WHERE id = :p RETURNING id
				""").param("p", point).query(Long.class).single();
		for (int i = 0; i < tasks; i++) {
			jdbc.sql("""
					INSERT INTO check_task (measure_id, risk_point_id, entity_id, region_id, name, frequency, assignee_name, starts_on, created_at)
					SELECT id, risk_point_id, entity_id, region_id, '每日巡查', 'DAILY', '张三', :d, now() FROM control_measure WHERE id = :m
					""").param("m", measure).param("d", Date.valueOf(D1)).update();
		}
		return entity;
	}

	private boolean running(long entity, LocalDate day) {
		return jdbc.sql("SELECT running FROM prevention_daily_status WHERE entity_id = :e AND day = :d").param("e", entity)
			.param("d", Date.valueOf(day)).query(Boolean.class).single();
	}

	private List<String> steps(long entity) {
		return jdbc.sql("""
				SELECT s.step_no || ' ' || s.screen_level || ' ' || s.action || ' ' || s.acting_level, s.due_at FROM warning_step s
				JOIN warning w ON w.id = s.warning_id
				WHERE w.subject_type = 'prevention' AND w.subject_id = :e AND w.trigger_kind = 'PREVENTION_NOT_RUNNING'
				ORDER BY w.id, s.step_no
				""").param("e", entity).query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant()).list();
	}

	private String warningState(long entity) {
		return jdbc.sql("SELECT state FROM warning WHERE subject_type = 'prevention' AND subject_id = :e ORDER BY id DESC LIMIT 1")
			.param("e", entity).query(String.class).single();
	}

	private void at(Instant instant) {
		((SimulatedClock) clock).freeze(instant);
	}
}
