package cn.anjian.registry.excel;

import cn.anjian.platform.scope.DataScope;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The words an entity workbook speaks instead of the database's: dictionary labels for codes, region codes for ids.
 * Loaded once per template, export or import (a few hundred rows), never per row.
 */
final class Vocabulary {

	static final List<String> DICTIONARIES = List.of("social_function", "industry", "supervision_type",
			"supervision_level", "entity_status", "major_hazard_grade");

	private final Map<String, Map<String, String>> labels = new HashMap<>();
	private final Map<String, Map<String, String>> enabledCodes = new HashMap<>();
	private final Map<String, Long> regionIds = new HashMap<>();
	private final Map<Long, String> regionCodes = new HashMap<>();
	private final List<Place> places;

	/** A street or grid an entity may belong to, as listed for the user. */
	record Place(String code, String name, String parents) {
	}

	private Vocabulary(List<Place> places) {
		this.places = places;
	}

	/** The dictionaries, every region code, and the streets and grids in the caller's scope. */
	static Vocabulary load(JdbcClient jdbc, DataScope scope) {
		Vocabulary v = new Vocabulary(scope.bind(jdbc.sql("""
				SELECT r.code, r.name,
				  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				   WHERE c.descendant_id = r.id AND c.depth > 0 AND a.parent_id IS NOT NULL) AS parents
				FROM region r WHERE r.level IN ('STREET', 'GRID') AND\s""" + scope.regionFilter("r.id") + " ORDER BY r.code"))
			.query((rs, n) -> new Place(rs.getString("code"), rs.getString("name"), rs.getString("parents")))
			.list());
		jdbc.sql("SELECT type, code, label, enabled FROM dict_item WHERE type IN (:types) ORDER BY type, sort_order, id")
			.param("types", DICTIONARIES)
			.query(rs -> {
				String type = rs.getString("type");
				v.labels.computeIfAbsent(type, t -> new HashMap<>()).put(rs.getString("code"), rs.getString("label"));
				if (rs.getBoolean("enabled")) {
					// the first enabled item wins if two share a label
					v.enabledCodes.computeIfAbsent(type, t -> new LinkedHashMap<>()).putIfAbsent(rs.getString("label"),
							rs.getString("code"));
				}
			});
		jdbc.sql("SELECT id, code FROM region").query(rs -> {
			v.regionIds.put(rs.getString("code"), rs.getLong("id"));
			v.regionCodes.put(rs.getLong("id"), rs.getString("code"));
		});
		return v;
	}

	/** The label of a code (disabled items too, so old records still export); the code itself if unknown. */
	String label(String type, String code) {
		return code == null ? null : labels.getOrDefault(type, Map.of()).getOrDefault(code, code);
	}

	/** The code of an enabled item with this label, or null. */
	String code(String type, String label) {
		return enabledCodes.getOrDefault(type, Map.of()).get(label);
	}

	/** The labels a user may choose, in the dictionary's order. */
	List<String> choices(String type) {
		return List.copyOf(enabledCodes.getOrDefault(type, Map.of()).keySet());
	}

	List<Place> places() {
		return places;
	}

	Long regionId(String code) {
		return regionIds.get(code);
	}

	String regionCode(long id) {
		return regionCodes.get(id);
	}
}
