package cn.anjian.inspection;

import cn.anjian.platform.files.FileTransfers;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A hazard a business found in its own check (双重预防 排查, 自查) enters the same closed loop as one found by the
 * government: reported, then followed up by the entity's supervising department. Its ladder follows who supervises
 * the entity (city-level entities the city's), and it is marked {@code source = SELF_CHECK}.
 */
@Component
public class ReportingSelfCheckHazard {

	private final Hazards hazards;
	private final HazardAttachments attachments;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	ReportingSelfCheckHazard(Hazards hazards, HazardAttachments attachments, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.hazards = hazards;
		this.attachments = attachments;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Reports the hazard (with the check's photo as its finding, if any) and returns its id. */
	public long report(long entityId, long userId, String userName, String description, String location,
			HazardLevel level, FileTransfers.Received photo, Instant now) {
		String supervision = jdbc.sql("SELECT supervision_level FROM supervised_entity WHERE id = :e").param("e", entityId)
			.query(String.class).single();
		Long department = jdbc.sql("""
				SELECT department_id FROM entity_assignment WHERE entity_id = :e AND ended_at IS NULL
				ORDER BY (supervision_type = 'INDUSTRY_SUPERVISION') DESC, id LIMIT 1
				""").param("e", entityId).query(Long.class).optional().orElse(null);
		long id = hazards.insert(entityId, department, "CITY".equals(supervision) ? Hazard.OriginLevel.CITY
				: Hazard.OriginLevel.DISTRICT, userId, description, location, null, level, false, null, now);
		jdbc.sql("UPDATE hazard SET source = 'SELF_CHECK' WHERE id = :id").param("id", id).update();
		Hazard hazard = hazards.lock(id).orElseThrow();
		HazardTransitioned fact = hazard.reported(now);
		hazards.save(hazard, fact, userId, userName, "企业自查发现", null);
		if (photo != null) {
			attachments.add(id, "FINDING", photo, userId, now);
		}
		events.publishEvent(fact);
		return id;
	}
}
