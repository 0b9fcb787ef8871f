package cn.anjian.responsibility;

import cn.anjian.platform.demo.DemoSeed;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names the demo inspectors on about two thirds of their department's assignments (the rest show up as blind
 * spots), with the office they work in.
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
}
