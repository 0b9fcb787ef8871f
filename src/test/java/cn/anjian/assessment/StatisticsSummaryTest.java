package cn.anjian.assessment;

import static cn.anjian.assessment.StatisticsTest.expect;
import static cn.anjian.assessment.StatisticsTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.registry.UsccSamples;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The summary of the hazards' and warnings' figures (stat_daily, R__statistics_facts.sql): whatever writes the records,
 * in whatever order and however many at once, the summary equals a recount of them; and a figure at a moment inside a
 * day counts what has happened by that moment, for a region's office (from the summary) as for a department (from the
 * records).
 */
@AnjianTest
class StatisticsSummaryTest {

	/** 12:00 in Beijing on 2032-05-10. */
	static final Instant NOON = Instant.parse("2032-05-10T04:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	StatisticsCompaction compaction;

	/** A district of two streets, one business in each, both supervised by 市应急管理局. */
	record Territory(long district, long street1, long street2, long entity1, long entity2) {
	}

	/** The recount tests' territory; the moment test has one of its own, so that their records do not mix. */
	Territory t;

	@BeforeEach
	void territory() {
		t = territory("379902");
	}

	private Territory territory(String code) {
		synchronized (StatisticsSummaryTest.class) {
			if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", code).query(Long.class).single() == 0) {
				long city = id("SELECT id FROM region WHERE parent_id IS NULL");
				long d = region(city, code, "汇总测试区" + code, "DISTRICT");
				long emergency = id("SELECT id FROM department WHERE name = '市应急管理局'");
				for (String street : List.of("001", "002")) {
					long s = region(d, code + street, "汇总街道" + code + street, "STREET");
					long e = jdbc.sql("""
							INSERT INTO supervised_entity (region_id, name, uscc, social_function, industry, supervision_level, created_at, updated_at)
							VALUES (:r, :n, :u, 'ENTERPRISE', 'IND016', 'STREET', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z') RETURNING id
							""").param("r", s).param("n", "汇总测试厂" + code + street).param("u", UsccSamples.next()).query(Long.class).single();
					jdbc.sql("""
							INSERT INTO entity_assignment (entity_id, region_id, department_id, supervision_type, started_at)
							VALUES (:e, :r, :d, 'INDUSTRY_SUPERVISION', '2030-01-01T00:00:00Z')""").param("e", e).param("r", s)
						.param("d", emergency).update();
				}
			}
		}
		long street1 = id("SELECT id FROM region WHERE code = '" + code + "001'");
		long street2 = id("SELECT id FROM region WHERE code = '" + code + "002'");
		return new Territory(id("SELECT id FROM region WHERE code = '" + code + "'"), street1, street2,
				id("SELECT id FROM supervised_entity WHERE name = '汇总测试厂" + code + "001'"),
				id("SELECT id FROM supervised_entity WHERE name = '汇总测试厂" + code + "002'"));
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void theSummaryEqualsARecountAfterAnyMixOfInsertsUpdatesAndDeletes() {
		randomHistory();
		assertSummaryEqualsRecount();
		assertThat(jdbc.sql("SELECT count(*) FROM stat_daily s JOIN region_closure c ON c.descendant_id = s.region_id"
				+ " WHERE c.ancestor_id = :d AND s.n <> 0").param("d", t.district()).query(Long.class).single()).isGreaterThan(100);
	}

	@Test
	void theOfficeReadingTheSummaryAndTheDepartmentCountingTheRecordsGetTheSameFigures() {
		randomHistory();
		((SimulatedClock) clock).freeze(Instant.parse("2032-03-20T04:00:00Z"));
		String figures = "hazardsFound,hazardsRectified,hazardsRectifiedOnTime,hazardsOverdue,hazardsOpen,reinspections,warnings,"
				+ "warningsActive,warningsNoticed,warningsByStep,warningsHandled";
		// whole months with days before and after them, days of one month, whole months only, a period reaching today,
		// one after most records were finished (a department leaves those out) and one reaching a step taken after its
		// warning was resolved
		for (String period : List.of("from=2032-01-15&to=2032-03-10", "from=2032-02-03&to=2032-02-17",
				"from=2032-01-01&to=2032-02-29", "from=2032-02-10&to=2032-03-20", "from=2032-03-15&to=2032-03-20",
				"from=2032-06-01&to=2032-07-31")) {
			// all of them, and the period figures alone (a department then reads fewer records)
			for (String asked : List.of(figures, "hazardsFound,hazardsRectified,hazardsRectifiedOnTime,warnings,warningsByStep,"
					+ "warningsHandled")) {
				String url = "/api/statistics?" + period + "&regionId=" + t.district() + "&compare=false&figures=" + asked;
				Map<String, BigDecimal> office = values(ApiClient.signedIn(port, "city_office").get(url).expect(200).body()
					.get("current").get("total"));
				Map<String, BigDecimal> department = values(ApiClient.signedIn(port, "city_yj_leader").get(url).expect(200).body()
					.get("current").get("total"));
				assertThat(department).as(period + " " + asked).isEqualTo(office);
			}
		}
	}

	/** Hazards, re-inspections and warnings of early 2032 in the territory, written, changed and removed at random, once. */
	private void randomHistory() {
		synchronized (StatisticsSummaryTest.class) {
			if (jdbc.sql("SELECT count(*) FROM hazard WHERE region_id IN (:s)").param("s", List.of(t.street1(), t.street2()))
				.query(Long.class).single() > 0) {
				return;
			}
		}
		Random random = new Random(20321207);
		Instant base = Instant.parse("2032-01-01T00:00:00Z");
		List<Long> hazards = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			Instant found = base.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
			Instant deadline = found.plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
			boolean closed = random.nextBoolean();
			hazards.add(hazard(random.nextBoolean() ? 1 : 2, pick(random, "GENERAL", "MAJOR", "SUSPECTED_MAJOR"),
					closed ? "CLOSED" : pick(random, "RECTIFYING", "SUBMITTED", "REPORTED"), found, deadline,
					closed ? found.plus(Duration.ofHours(random.nextInt(24 * 30))) : null));
		}
		// several rows in one statement: a sweep closing every hazard of a street found in February
		jdbc.sql("UPDATE hazard SET state = 'CLOSED', closed_at = found_at + interval '3 days' WHERE region_id = :s AND closed_at IS NULL"
				+ " AND found_at >= '2032-02-01' AND found_at < '2032-03-01'").param("s", t.street1()).update();
		for (int i = 0; i < 60; i++) {
			long h = hazards.get(random.nextInt(hazards.size()));
			switch (random.nextInt(7)) {
				case 0 -> jdbc.sql("UPDATE hazard SET deadline = deadline + interval '2 days', state = 'RECTIFYING', closed_at = NULL WHERE id = :h")
					.param("h", h).update();
				case 1 -> jdbc.sql("UPDATE hazard SET state = 'CLOSED', closed_at = found_at + interval '5 days' WHERE id = :h").param("h", h).update();
				case 2 -> jdbc.sql("UPDATE hazard SET level = 'MAJOR' WHERE id = :h").param("h", h).update();
				case 3 -> jdbc.sql("UPDATE hazard SET region_id = CASE WHEN region_id = :s1 THEN :s2 ELSE :s1 END WHERE id = :h")
					.param("h", h).param("s1", t.street1()).param("s2", t.street2()).update();
				case 4 -> jdbc.sql("UPDATE hazard SET description = '只改描述' WHERE id = :h").param("h", h).update();
				case 5 -> transition(h, random.nextBoolean() ? "PASS_REINSPECTION" : "FAIL_REINSPECTION",
						base.plus(Duration.ofHours(random.nextInt(24 * 90))));
				default -> transition(h, "SUBMIT", base.plus(Duration.ofHours(random.nextInt(24 * 90))));
			}
		}
		jdbc.sql("DELETE FROM hazard_transition WHERE hazard_id = :h").param("h", hazards.get(0)).update();
		List<Long> warnings = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			Instant triggered = base.plus(Duration.ofHours(random.nextInt(24 * 60)));
			long w = warning(random.nextBoolean() ? 1 : 2, pick(random, "OVERDUE_HAZARD", "LICENCE_EXPIRED"), triggered);
			warnings.add(w);
			int steps = random.nextInt(4);
			for (int n = 1; n <= steps; n++) {
				step(w, n, triggered.plus(Duration.ofDays(3L * (n - 1))), n == steps && random.nextBoolean() ? "NOTICE" : "SUPERVISE");
			}
			switch (random.nextInt(4)) {
				case 0 -> jdbc.sql("UPDATE warning SET state = 'RESOLVED', resolved_at = triggered_at + interval '4 days' WHERE id = :w")
					.param("w", w).update();
				case 1 -> jdbc.sql("UPDATE warning SET state = 'CANCELLED', resolved_at = triggered_at + interval '1 day' WHERE id = :w")
					.param("w", w).update();
				default -> {
				}
			}
		}
		// a step reached after the warning was resolved, a step taken back, a warning removed with its steps
		step(warnings.get(0), 9, Instant.parse("2032-06-30T00:00:00Z"), "NOTICE");
		jdbc.sql("DELETE FROM warning_step WHERE warning_id = :w AND step_no = 1").param("w", warnings.get(1)).update();
		jdbc.sql("DELETE FROM warning_step WHERE warning_id = :w").param("w", warnings.get(2)).update();
		jdbc.sql("DELETE FROM warning WHERE id = :w").param("w", warnings.get(2)).update();
		jdbc.sql("UPDATE warning_step SET reached_at = reached_at + interval '1 day' WHERE warning_id = :w").param("w", warnings.get(3)).update();

		// the register: businesses registered, supervised by turns, completed, moved and made to run dual prevention
		long emergency = id("SELECT id FROM department WHERE name = '市应急管理局'");
		long market = id("SELECT id FROM department WHERE name = '市市场监督管理局'");
		List<Long> entities = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Instant created = base.plus(Duration.ofHours(random.nextInt(24 * 60)));
			long street = i % 2 == 0 ? t.street1() : t.street2();
			long e = jdbc.sql("""
					INSERT INTO supervised_entity (region_id, name, uscc, social_function, industry, supervision_level, created_at, updated_at)
					VALUES (:r, :n, :u, :sf, 'IND016', 'STREET', :at, :at) RETURNING id""").param("r", street)
				.param("n", "汇总随机厂" + i).param("u", UsccSamples.next()).param("sf", pick(random, "ENTERPRISE", "NINE_SMALL_PLACES"))
				.param("at", Timestamp.from(created)).query(Long.class).single();
			entities.add(e);
			for (int a = 0; a < random.nextInt(4); a++) {
				Instant start = created.plus(Duration.ofHours(random.nextInt(24 * 40) - 24 * 10));
				jdbc.sql("""
						INSERT INTO entity_assignment (entity_id, region_id, department_id, supervision_type, started_at, ended_at)
						VALUES (:e, :r, :d, :type, :start, :end)""").param("e", e).param("r", street)
					.param("d", a % 2 == 0 ? emergency : market).param("type", "随机" + a).param("start", Timestamp.from(start))
					.param("end", random.nextBoolean() ? null : Timestamp.from(start.plus(Duration.ofHours(random.nextInt(24 * 30)))))
					.update();
			}
		}
		jdbc.sql("UPDATE entity_assignment SET ended_at = started_at + interval '9 days' WHERE entity_id = :e").param("e", entities.get(0)).update();
		jdbc.sql("DELETE FROM entity_assignment WHERE entity_id = :e").param("e", entities.get(1)).update();
		jdbc.sql("""
				UPDATE supervised_entity SET legal_representative = '法人', legal_representative_phone = '1', principal_name = '负责人',
				  principal_phone = '2', address = '地址', latitude = 36.6, longitude = 117.0, dual_prevention_mandatory = true,
				  industry = 'IND001' WHERE id IN (:ids)""").param("ids", entities.subList(2, 5)).update();
		jdbc.sql("UPDATE supervised_entity SET region_id = :r, social_function = 'ENTERPRISE' WHERE id = :e").param("r", t.street2())
			.param("e", entities.get(2)).update();
		jdbc.sql("UPDATE supervised_entity SET created_at = created_at - interval '20 days' WHERE id = :e").param("e", entities.get(3)).update();
	}

	@Test
	void transactionsChangingTheSameRegionAtOnceKeepTheSummaryExact() throws Exception {
		Instant day = Instant.parse("2032-04-01T02:00:00Z");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					for (int i = 0; i < 15; i++) {
						int n = i;
						transactions.executeWithoutResult(tx -> {
							long h = hazard(1 + (thread + n) % 2, "GENERAL", "RECTIFYING", day, day.plus(Duration.ofDays(1)), null);
							jdbc.sql("UPDATE hazard SET state = 'CLOSED', closed_at = :at WHERE id = :h").param("h", h)
								.param("at", Timestamp.from(day.plus(Duration.ofHours(n)))).update();
							long w = warning(1 + thread % 2, "OVERDUE_HAZARD", day);
							step(w, 1, day, "SUPERVISE");
						});
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertSummaryEqualsRecount();
	}

	@Test
	void aFigureAtAMomentCountsWhatHasHappenedByThenForTheOfficeAndTheDepartmentAlike() {
		t = territory("379903");
		SimulatedClock simulated = (SimulatedClock) clock;
		simulated.freeze(NOON);
		Instant earlier = Instant.parse("2032-05-01T02:00:00Z");
		hazard(1, "GENERAL", "RECTIFYING", earlier, Instant.parse("2032-05-10T02:00:00Z"), null); // deadline 10:00, come
		hazard(1, "GENERAL", "RECTIFYING", earlier, Instant.parse("2032-05-10T07:00:00Z"), null); // 15:00, not yet
		hazard(2, "MAJOR", "RECTIFYING", earlier, Instant.parse("2032-05-10T16:00:00Z"), null); // midnight, not yet
		hazard(2, "GENERAL", "CLOSED", earlier, Instant.parse("2032-05-09T02:00:00Z"), Instant.parse("2032-05-10T03:00:00Z"));
		hazard(2, "GENERAL", "RECTIFYING", Instant.parse("2032-05-10T03:59:00Z"), Instant.parse("2032-05-20T02:00:00Z"), null);

		for (String user : List.of("city_office", "city_yj_leader")) {
			simulated.freeze(NOON);
			Map<String, BigDecimal> noon = total(user, "from=2032-05-01&to=2032-05-10");
			// open: four found by noon minus the one closed at 11:00; overdue: only the deadline of 10:00
			expect(noon, "hazardsOpen", 4, "hazardsOverdue", 1, "hazardsOverdue.GENERAL", 1);
			simulated.freeze(Instant.parse("2032-05-10T08:00:00Z"));
			expect(total(user, "from=2032-05-01&to=2032-05-10"), "hazardsOverdue", 2);
			// at midnight exactly the deadline of midnight has come; a past period ends at its last day's midnight
			simulated.freeze(Instant.parse("2032-05-10T16:00:00Z"));
			expect(total(user, "from=2032-05-01&to=2032-05-11"), "hazardsOverdue", 3, "hazardsOverdue.MAJOR", 1);
			simulated.freeze(Instant.parse("2032-06-01T00:00:00Z"));
			expect(total(user, "from=2032-05-01&to=2032-05-10"), "hazardsOverdue", 3, "hazardsOpen", 4,
					"hazardsRectified", 1, "hazardsRectifiedOnTime", 0);
		}
	}

	private Map<String, BigDecimal> total(String user, String period) {
		return values(ApiClient.signedIn(port, user)
			.get("/api/statistics?" + period + "&regionId=" + t.district() + "&compare=false"
					+ "&figures=hazardsOpen,hazardsOverdue,hazardsRectified,hazardsRectifiedOnTime")
			.expect(200).body().get("current").get("total"));
	}

	private void assertSummaryEqualsRecount() {
		// what a reader adds up before the deltas are folded, then the folded days and months
		String read = "SELECT figure, region_id, dim, day, sum(n) FROM (SELECT figure, region_id, dim, day, n FROM stat_daily"
				+ " UNION ALL SELECT figure, region_id, dim, day, n FROM stat_delta) s GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0";
		String recounted = "SELECT figure, region_id, dim, day, n FROM stat_recount()";
		assertThat(jdbc.sql("(" + read + " EXCEPT " + recounted + ") UNION ALL (" + recounted + " EXCEPT " + read + ")")
			.query().listOfRows()).as("summary and deltas that differ from a recount").isEmpty();
		compaction.run();
		assertThat(jdbc.sql("SELECT count(*) FROM stat_delta").query(Long.class).single()).as("deltas left after folding").isZero();
		String kept = "SELECT figure, region_id, dim, day, n FROM stat_daily WHERE n <> 0";
		String recount = "SELECT figure, region_id, dim, day, n FROM stat_recount()";
		assertThat(jdbc.sql("(" + kept + " EXCEPT " + recount + ") UNION ALL (" + recount + " EXCEPT " + kept + ")")
			.query().listOfRows()).as("summary days that differ from a recount").isEmpty();
		String months = "SELECT figure, region_id, dim, month, n FROM stat_monthly WHERE n <> 0";
		String daysByMonth = "SELECT figure, region_id, dim, CAST(date_trunc('month', day) AS date), sum(n) FROM stat_daily"
				+ " GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0";
		assertThat(jdbc.sql("(" + months + " EXCEPT " + daysByMonth + ") UNION ALL (" + daysByMonth + " EXCEPT " + months + ")")
			.query().listOfRows()).as("summary months that differ from their days").isEmpty();
	}

	private long hazard(int street, String level, String state, Instant found, Instant deadline, Instant closed) {
		return jdbc.sql("""
				INSERT INTO hazard (entity_id, region_id, origin_level, found_at, description, level, state, reinspection_required,
				  deadline, closed_at, updated_at, overdue_announced_for)
				VALUES (:e, :r, 'DISTRICT', :found, '汇总测试隐患', :level, :state, true, :deadline, :closed, :found, :deadline)
				RETURNING id""").param("e", street == 1 ? t.entity1() : t.entity2()).param("r", street == 1 ? t.street1() : t.street2())
			.param("found", Timestamp.from(found)).param("level", level).param("state", state)
			.param("deadline", Timestamp.from(deadline)).param("closed", closed == null ? null : Timestamp.from(closed))
			.query(Long.class).single();
	}

	private void transition(long hazard, String transition, Instant at) {
		jdbc.sql("""
				INSERT INTO hazard_transition (hazard_id, region_id, transition, from_state, to_state, level, actor_name, at)
				SELECT id, region_id, :t, 'SUBMITTED', state, level, '测试', :at FROM hazard WHERE id = :h""").param("h", hazard)
			.param("t", transition).param("at", Timestamp.from(at)).update();
	}

	private long warning(int street, String kind, Instant triggered) {
		return jdbc.sql("""
				INSERT INTO warning (rule_id, trigger_kind, subject_type, subject_id, entity_id, region_id, title, triggered_at,
				  state, current_step, created_at, resolved_at)
				VALUES ((SELECT id FROM warning_rule WHERE trigger_kind = :k AND origin_level = 'DISTRICT' AND active), :k, 'SUMMARY_TEST',
				  nextval('hazard_id_seq'), :e, :r, '汇总测试预警', :at, 'RESOLVED', 0, :at, CAST(:at AS timestamptz) + interval '1 day')
				RETURNING id""").param("k", kind)
			.param("e", street == 1 ? t.entity1() : t.entity2()).param("r", street == 1 ? t.street1() : t.street2())
			.param("at", Timestamp.from(triggered)).query(Long.class).single();
	}

	private void step(long warning, int step, Instant reached, String action) {
		jdbc.sql("""
				INSERT INTO warning_step (warning_id, step_no, region_id, due_at, reached_at, screen_level, action, acting_level)
				SELECT id, :n, region_id, :at, :at, 'CITY', :a, 'CITY' FROM warning WHERE id = :w""").param("w", warning)
			.param("n", step).param("at", Timestamp.from(reached)).param("a", action).update();
	}

	private long region(long parent, String code, String name, String level) {
		return jdbc.sql("""
				INSERT INTO region (parent_id, code, name, level, kind, sort_order) VALUES (:p, :c, :n, :l, :l, 99) RETURNING id
				""").param("p", parent).param("c", code).param("n", name).param("l", level).query(Long.class).single();
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static String pick(Random random, String... values) {
		return values[random.nextInt(values.length)];
	}
}
