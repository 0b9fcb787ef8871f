package cn.anjian.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Check instances for each frequency, across month ends, a leap day and the National Day holiday — checks are due
 * every calendar day, holidays included — and generating twice creates nothing new.
 */
@AnjianTest
class CheckScheduleTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckSchedule schedule;

	@Test
	void dailyChecksAreDueAtEachMidnightHolidaysIncluded() {
		long task = task("DAILY", 3, LocalDate.of(2031, 9, 29));
		for (LocalDate d = LocalDate.of(2031, 9, 29); d.isBefore(LocalDate.of(2031, 10, 8)); d = d.plusDays(1)) {
			schedule.generate(d);
			schedule.generate(d);
		}
		assertThat(instances(task)).hasSize(9).startsWith("2031-09-29/0 due 2031-09-30 00:00")
			.contains("2031-09-30/0 due 2031-10-01 00:00", "2031-10-01/0 due 2031-10-02 00:00", "2031-10-07/0 due 2031-10-08 00:00");
	}

	@Test
	void shiftChecksSplitTheDayIntoEqualShiftsOnALeapDay() {
		long task = task("SHIFT", 3, LocalDate.of(2032, 2, 1));
		schedule.generate(LocalDate.of(2032, 2, 29));
		assertThat(instances(task)).containsExactly("2032-02-29/1 due 2032-02-29 08:00", "2032-02-29/2 due 2032-02-29 16:00",
				"2032-02-29/3 due 2032-03-01 00:00");
	}

	@Test
	void weeklyChecksRunMondayToSundayAcrossAMonthEnd() {
		long task = task("WEEKLY", 3, LocalDate.of(2031, 9, 1));
		schedule.generate(LocalDate.of(2031, 10, 1)); // a Wednesday, National Day
		schedule.generate(LocalDate.of(2031, 10, 5)); // the Sunday of that week: nothing new
		schedule.generate(LocalDate.of(2031, 10, 6));
		assertThat(instances(task)).containsExactly("2031-09-29/0 due 2031-10-06 00:00", "2031-10-06/0 due 2031-10-13 00:00");
	}

	@Test
	void monthlyChecksAreDueAtTheEndOfEachCalendarMonth() {
		long task = task("MONTHLY", 3, LocalDate.of(2031, 12, 1));
		schedule.generate(LocalDate.of(2031, 12, 31));
		schedule.generate(LocalDate.of(2032, 2, 10));
		schedule.generate(LocalDate.of(2032, 2, 29));
		assertThat(instances(task)).containsExactly("2031-12-01/0 due 2032-01-01 00:00", "2032-02-01/0 due 2032-03-01 00:00");
	}

	@Test
	void quarterlyChecksAreDueAtTheEndOfEachCalendarQuarter() {
		long task = task("QUARTERLY", 3, LocalDate.of(2031, 11, 15));
		schedule.generate(LocalDate.of(2031, 11, 15));
		schedule.generate(LocalDate.of(2032, 1, 1));
		assertThat(instances(task)).containsExactly("2031-10-01/0 due 2032-01-01 00:00", "2032-01-01/0 due 2032-04-01 00:00");
	}

	@Test
	void aTaskIsNotCheckedBeforeItStarts() {
		long task = task("DAILY", 3, LocalDate.of(2033, 1, 10));
		schedule.generate(LocalDate.of(2033, 1, 9));
		assertThat(instances(task)).isEmpty();
	}

	private long task(String frequency, int shifts, LocalDate startsOn) {
		long point = jdbc.sql("""
				INSERT INTO risk_point (entity_id, region_id, name, kind, created_at, updated_at)
				SELECT id, region_id, '频次测试', 'SITE', now(), now() FROM supervised_entity ORDER BY id LIMIT 1 RETURNING id
				""").query(Long.class).single();
		long measure = jdbc.sql("""
				INSERT INTO control_measure (risk_point_id, entity_id, region_id, category, content, control_level, owner_name, created_at)
				SELECT id, entity_id, region_id, 'MANAGEMENT', '巡查', 'POST', '张三', now() FROM risk_point WHERE id = :p RETURNING id
				""").param("p", point).query(Long.class).single();
		return jdbc.sql("""
				INSERT INTO check_task (measure_id, risk_point_id, entity_id, region_id, name, frequency, shifts_per_day,
				  assignee_name, starts_on, created_at)
				SELECT id, risk_point_id, entity_id, region_id, '频次测试', :f, :s, '张三', :d, now() FROM control_measure WHERE id = :m
				RETURNING id
				""").param("m", measure).param("f", frequency).param("s", shifts).param("d", Date.valueOf(startsOn))
			.query(Long.class).single();
	}

	private List<String> instances(long task) {
		return jdbc.sql("""
				SELECT period_start || '/' || shift_no || ' due ' || to_char(due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
				FROM check_instance WHERE task_id = :t ORDER BY due_at, shift_no
				""").param("t", task).query(String.class).list();
	}
}
