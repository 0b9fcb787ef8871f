package cn.anjian.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.warning.Trigger.Kind;
import cn.anjian.warning.Trigger.OriginLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every cell of the ladder table of DOMAIN.md §2.5 (seed 003 §六 (十五)–(十九)), pinned with the clock: a step is not
 * there one minute before it is due and is there, with its own due time, at the due instant.
 */
@AnjianTest
class WarningLadderTest {

	static final Instant T0 = Instant.parse("2031-01-05T00:00:00Z");
	static final AtomicLong SUBJECTS = new AtomicLong(1_000_000);

	@Autowired
	WarningEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	record Step(int hoursAfterTrigger, String screen, String action, String acting) {
	}

	static Step s(int hours, String screen, String action, String acting) {
		return new Step(hours, screen, action, acting);
	}

	static Stream<Arguments> ladders() {
		return Stream.of(
				// (十五) overdue → district screen, district 督办; +3 d → city screen, city 督办; +3 d → city screen, city 通报
				Arguments.of(Kind.OVERDUE_HAZARD, OriginLevel.DISTRICT, List.of(s(0, "DISTRICT", "SUPERVISE", "DISTRICT"),
						s(72, "CITY", "SUPERVISE", "CITY"), s(144, "CITY", "NOTICE", "CITY"))),
				// overdue → city screen, city 督办; +3 d → city screen, city 通报
				Arguments.of(Kind.OVERDUE_HAZARD, OriginLevel.CITY, List.of(s(0, "CITY", "SUPERVISE", "CITY"),
						s(72, "CITY", "NOTICE", "CITY"))),
				// (十六) found → district screen, district notifies to confirm; +3 d → city 督办; +3 d → city 通报
				Arguments.of(Kind.SUSPECTED_MAJOR_HAZARD, OriginLevel.DISTRICT, List.of(s(0, "DISTRICT", "CONFIRM", "DISTRICT"),
						s(72, "CITY", "SUPERVISE", "CITY"), s(144, "CITY", "NOTICE", "CITY"))),
				Arguments.of(Kind.SUSPECTED_MAJOR_HAZARD, OriginLevel.CITY, List.of(s(0, "CITY", "CONFIRM", "CITY"),
						s(72, "CITY", "NOTICE", "CITY"))),
				// (十七) +3 d unhandled → district 督办; +3 d → city 督办; +3 d → city 通报
				Arguments.of(Kind.LEAD_UNHANDLED, OriginLevel.DISTRICT, List.of(s(72, "DISTRICT", "SUPERVISE", "DISTRICT"),
						s(144, "CITY", "SUPERVISE", "CITY"), s(216, "CITY", "NOTICE", "CITY"))),
				Arguments.of(Kind.LEAD_UNHANDLED, OriginLevel.CITY, List.of(s(72, "CITY", "SUPERVISE", "CITY"),
						s(144, "CITY", "NOTICE", "CITY"))),
				// (十八) expired → district 督办; +3 d → city 督办; +3 d → city 通报
				Arguments.of(Kind.LICENCE_EXPIRED, OriginLevel.DISTRICT, List.of(s(0, "DISTRICT", "SUPERVISE", "DISTRICT"),
						s(72, "CITY", "SUPERVISE", "CITY"), s(144, "CITY", "NOTICE", "CITY"))),
				Arguments.of(Kind.LICENCE_EXPIRED, OriginLevel.CITY, List.of(s(0, "CITY", "SUPERVISE", "CITY"),
						s(72, "CITY", "NOTICE", "CITY"))),
				// (十九) >7 d (the trigger) → district 督办; +3 d → city 督办; +3 d → city 通报
				Arguments.of(Kind.PREVENTION_NOT_RUNNING, OriginLevel.DISTRICT, List.of(s(0, "DISTRICT", "SUPERVISE", "DISTRICT"),
						s(72, "CITY", "SUPERVISE", "CITY"), s(144, "CITY", "NOTICE", "CITY"))),
				Arguments.of(Kind.PREVENTION_NOT_RUNNING, OriginLevel.CITY, List.of(s(0, "CITY", "SUPERVISE", "CITY"),
						s(72, "CITY", "NOTICE", "CITY"))));
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("ladders")
	void eachStepIsReachedExactlyAtItsDueTimeAndNotAMinuteBefore(Kind kind, OriginLevel origin, List<Step> ladder) {
		long subject = SUBJECTS.incrementAndGet();
		at(T0);
		engine.open(trigger(kind, origin, subject));
		for (int i = 0; i < ladder.size(); i++) {
			Instant due = T0.plus(Duration.ofHours(ladder.get(i).hoursAfterTrigger()));
			if (due.isAfter(T0)) {
				at(due.minus(Duration.ofMinutes(1)));
				engine.sweep();
				assertThat(steps(subject)).as("one minute before step %d", i + 1).hasSize(i);
			}
			at(due);
			engine.sweep();
			List<Step> reached = steps(subject);
			assertThat(reached).as("at step %d", i + 1).hasSize(i + 1);
			assertThat(reached.get(i)).isEqualTo(ladder.get(i));
		}
		at(T0.plus(Duration.ofDays(60)));
		engine.sweep();
		assertThat(steps(subject)).as("nothing after the last step").hasSize(ladder.size());
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("ladders")
	void aLateSweepCatchesUpEveryStepWithItsOwnDueTime(Kind kind, OriginLevel origin, List<Step> ladder) {
		long subject = SUBJECTS.incrementAndGet();
		at(T0);
		engine.open(trigger(kind, origin, subject));
		at(T0.plus(Duration.ofDays(10)));
		engine.sweep();
		assertThat(steps(subject)).isEqualTo(ladder);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("ladders")
	void resolvingTheCauseStopsTheClimbAtEveryStep(Kind kind, OriginLevel origin, List<Step> ladder) {
		for (int reachedBeforeResolution = 0; reachedBeforeResolution < ladder.size(); reachedBeforeResolution++) {
			long subject = SUBJECTS.incrementAndGet();
			at(T0);
			engine.open(trigger(kind, origin, subject));
			Instant resolvedAt = reachedBeforeResolution == 0 ? T0
					: T0.plus(Duration.ofHours(ladder.get(reachedBeforeResolution - 1).hoursAfterTrigger()));
			at(resolvedAt);
			engine.sweep();
			engine.resolve(kind, "test", subject, resolvedAt);
			at(T0.plus(Duration.ofDays(30)));
			engine.sweep();
			int expected = ladder.get(0).hoursAfterTrigger() == 0 ? Math.max(1, reachedBeforeResolution) : reachedBeforeResolution;
			assertThat(steps(subject)).as("resolved after %d steps", reachedBeforeResolution).hasSize(expected);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("ladders")
	void aResolvedThenReopenedCauseStartsANewWarning(Kind kind, OriginLevel origin, List<Step> ladder) {
		long subject = SUBJECTS.incrementAndGet();
		at(T0);
		assertThat(engine.open(trigger(kind, origin, subject))).isTrue();
		assertThat(engine.open(trigger(kind, origin, subject))).as("one active warning per subject").isFalse();
		engine.resolve(kind, "test", subject, T0.plus(Duration.ofHours(1)));
		at(T0.plus(Duration.ofHours(2)));
		assertThat(engine.open(new Trigger(kind, origin, "test", subject, null, regionId(), null, "再次", T0.plus(Duration.ofHours(2)))))
			.isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM warning WHERE subject_type = 'test' AND subject_id = :s").param("s", subject)
			.query(Long.class).single()).isEqualTo(2);
	}

	private Trigger trigger(Kind kind, OriginLevel origin, long subject) {
		return new Trigger(kind, origin, "test", subject, null, regionId(), null, "测试预警 " + subject, T0);
	}

	private List<Step> steps(long subject) {
		return jdbc.sql("""
				SELECT s.due_at, s.screen_level, s.action, s.acting_level FROM warning_step s JOIN warning w ON w.id = s.warning_id
				WHERE w.subject_type = 'test' AND w.subject_id = :s ORDER BY w.id DESC, s.step_no
				""").param("s", subject)
			.query((rs, n) -> new Step((int) Duration.between(T0, rs.getTimestamp(1).toInstant()).toHours(), rs.getString(2),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	private long regionId() {
		return jdbc.sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
	}

	private void at(Instant instant) {
		((SimulatedClock) clock).freeze(instant);
	}
}
