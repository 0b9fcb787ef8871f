package cn.anjian.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entity's change history as a timeline, read from the operation log (every change of an entity and of its
 * licences and documents is logged against the entity), with the changed fields of each entry. Reads logged
 * against the entity (refused attempts, document downloads) are audit, not change: the operation log shows them.
 */
@Component
class EntityHistory {

	record Change(String field, JsonNode before, JsonNode after) {
	}

	record Entry(Instant at, String actorName, String actorRole, String action, List<Change> changes) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	EntityHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<Entry> of(long entityId) {
		return jdbc.sql("""
				SELECT at, actor_name, actor_role, action, before::text AS before, after::text AS after FROM operation_log
				WHERE target_type = 'supervised_entity' AND target_id = :id AND action NOT IN ('SCOPE_DENIED', 'DOWNLOAD')
				ORDER BY at DESC, id DESC
				""")
			.param("id", String.valueOf(entityId))
			.query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor_name"),
					rs.getString("actor_role"), rs.getString("action"),
					changes(tree(rs.getString("before")), tree(rs.getString("after")))))
			.list();
	}

	private JsonNode tree(String text) {
		return text == null ? null : json.readTree(text);
	}

	/** The fields whose values differ; every field of a creation or removal. Bookkeeping fields are left out. */
	private static List<Change> changes(JsonNode before, JsonNode after) {
		List<Change> changes = new ArrayList<>();
		JsonNode shape = after != null ? after : before;
		if (shape == null || !shape.isObject()) {
			return changes;
		}
		for (String field : shape.propertyNames()) {
			if (List.of("updatedAt", "version", "createdAt").contains(field)) {
				continue;
			}
			JsonNode old = before == null ? null : before.get(field);
			JsonNode now = after == null ? null : after.get(field);
			if (!Objects.equals(old, now)) {
				changes.add(new Change(field, old, now));
			}
		}
		return changes;
	}
}
