package cn.anjian.inspection;

import cn.anjian.platform.demo.DemoSeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo hazards at every point of the loop — just reported, suspected major, being rectified (some past their
 * deadline), waiting for re-inspection, closed — walked through {@link Hazard} so their history and the warnings
 * they start are real.
 */
@Component
class InspectionDemoSeed implements DemoSeed {

	private static final String[] FINDINGS = { "消防通道堆放杂物", "液化气瓶未固定", "配电箱未接地", "安全出口指示灯损坏",
			"危化品仓库通风不良", "特种作业人员无证上岗", "粉尘清扫不及时", "有限空间作业未审批", "应急预案未演练", "灭火器过期" };

	private final JdbcClient jdbc;
	private final Hazards hazards;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final int count;

	InspectionDemoSeed(JdbcClient jdbc, Hazards hazards, ApplicationEventPublisher events, Clock clock,
			@Value("${anjian.demo.hazards:300}") int count) {
		this.jdbc = jdbc;
		this.hazards = hazards;
		this.events = events;
		this.clock = clock;
		this.count = count;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM hazard").query(Long.class).single() > 0) {
			return;
		}
		List<Long> entities = jdbc.sql("SELECT id FROM supervised_entity WHERE social_function = 'ENTERPRISE' ORDER BY id")
			.query(Long.class).list();
		Random random = new Random(42);
		Instant now = clock.instant();
		for (int i = 0; i < count && !entities.isEmpty(); i++) {
			long entity = entities.get(random.nextInt(entities.size()));
			HazardLevel level = random.nextInt(12) == 0 ? HazardLevel.SUSPECTED_MAJOR : HazardLevel.GENERAL;
			Instant found = now.minus(Duration.ofHours(24 + random.nextInt(24 * 40)));
			long id = hazards.insert(entity, department(entity), random.nextInt(5) == 0 ? Hazard.OriginLevel.CITY
					: Hazard.OriginLevel.DISTRICT, null, FINDINGS[random.nextInt(FINDINGS.length)], "现场", null, level,
					random.nextInt(4) > 0, null, found);
			walk(id, random, found, now);
		}
	}

	/** Takes the hazard some way along the loop, each step at a plausible time before now. */
	private void walk(long id, Random random, Instant found, Instant now) {
		Hazard h = hazards.lock(id).orElseThrow();
		save(h, h.reported(found));
		if (h.level() == HazardLevel.SUSPECTED_MAJOR || random.nextInt(6) == 0) {
			return;
		}
		Instant ordered = found.plus(Duration.ofHours(2));
		Instant deadline = ordered.plus(Duration.ofDays(3 + random.nextInt(25)));
		save(h, h.orderRectification(Hazard.RectificationType.DEADLINE, deadline, null, ordered));
		if (random.nextInt(3) == 0) {
			return; // still being rectified: overdue when the deadline is already past
		}
		Instant submitted = earlier(ordered.plus(Duration.ofDays(1 + random.nextInt(3))), now);
		save(h, h.submitRectification(List.of("demo"), submitted));
		if (random.nextInt(3) > 0) {
			Instant checked = earlier(submitted.plus(Duration.ofHours(20)), now);
			save(h, h.reinspectionRequired() ? h.passReinspection(checked) : h.acceptRectification(checked));
		}
	}

	private void save(Hazard h, HazardTransitioned fact) {
		hazards.save(h, fact, null, "演示数据", null, null);
		events.publishEvent(fact);
	}

	private Long department(long entity) {
		return jdbc.sql("SELECT min(department_id) FROM entity_assignment WHERE entity_id = :e AND ended_at IS NULL")
			.param("e", entity).query(Long.class).optional().orElse(null);
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b.minusSeconds(60);
	}
}
