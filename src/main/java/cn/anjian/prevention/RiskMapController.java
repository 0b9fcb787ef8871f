package cn.anjian.prevention;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 风险分布地图: the businesses in scope that have risk points, each at its registry coordinates and coloured by the
 * highest grade of its active points. Deployments bring their own map tiles ({@code anjian.map.tile-url}, e.g.
 * 天地图 with their key); without one the page draws a plain grid, so it works offline.
 */
@RestController
@RequestMapping("/api/prevention/map")
class RiskMapController {

	/** At most this many businesses per answer, the highest grades first: a city has ~200,000 businesses. */
	static final int MAX_LIMIT = 5000;
	/** Businesses without coordinates listed beside the map, at most. */
	static final int UNLOCATED_LIMIT = 100;

	record Config(String tileUrl, String attribution, int maxZoom) {
	}

	/** {@code grade}: the highest of the business's active points; null while none is assessed. */
	record MapBusiness(long entityId, String entityName, String district, BigDecimal latitude, BigDecimal longitude,
			String grade, long red, long orange, long yellow, long blue, long ungraded) {
	}

	/**
	 * {@code located}: businesses with coordinates (in {@code bbox} if given), {@code locatedTotal} of them before the
	 * cap; {@code unlocated}: businesses without coordinates, {@code unlocatedTotal} before its cap.
	 */
	record MapView(List<MapBusiness> located, long locatedTotal, boolean truncated, int limit, List<MapBusiness> unlocated,
			long unlocatedTotal) {
	}

	private final JdbcClient jdbc;
	private final Config config;

	RiskMapController(JdbcClient jdbc, @Value("${anjian.map.tile-url:}") String tileUrl,
			@Value("${anjian.map.attribution:}") String attribution, @Value("${anjian.map.max-zoom:18}") int maxZoom) {
		this.jdbc = jdbc;
		this.config = new Config(tileUrl == null || tileUrl.isBlank() ? null : tileUrl.trim(), attribution, maxZoom);
	}

	@GetMapping("/config")
	@PreAuthorize("hasAuthority('prevention:read')")
	Config config() {
		return config;
	}

	/** {@code bbox}: {@code minLng,minLat,maxLng,maxLat}; {@code grade}: only businesses whose highest grade it is. */
	@GetMapping("/businesses")
	@PreAuthorize("hasAuthority('prevention:read')")
	MapView businesses(@RequestParam(required = false) String bbox, @RequestParam(required = false) RiskGrade grade,
			@RequestParam(defaultValue = "2000") int limit, DataScope scope) {
		double[] box = bbox(bbox);
		int cap = Math.max(1, Math.min(limit, MAX_LIMIT));
		record Row(boolean located, long total, MapBusiness business) {
		}
		// one pass over the scope's risk points: each business is either located (in the box) or unlocated, and each
		// part keeps its highest grades first up to its cap, with its total before the cap
		List<Row> rows = bind(scope, """
				WITH g AS (""" + graded(scope) + """
				), x AS (
				  SELECT g.*, (g.latitude IS NOT NULL AND g.longitude IS NOT NULL) AS located FROM g
				  WHERE (CAST(:grade AS text) IS NULL OR g.grade = :grade)
				    AND (g.latitude IS NULL OR g.longitude IS NULL OR CAST(:minLng AS float8) IS NULL
				         OR g.longitude BETWEEN :minLng AND :maxLng AND g.latitude BETWEEN :minLat AND :maxLat)
				), y AS (
				  SELECT x.*, count(*) OVER (PARTITION BY x.located) AS total,
				    row_number() OVER (PARTITION BY x.located ORDER BY x.rank NULLS LAST, x.entity_id) AS n FROM x
				)
				SELECT y.*, (SELECT a.name FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				             WHERE c.descendant_id = y.region_id AND a.level = 'DISTRICT') AS district
				FROM y WHERE y.n <= CASE WHEN y.located THEN :limit ELSE :unlocatedLimit END
				ORDER BY y.located DESC, y.n
				""", grade, box)
			.param("limit", cap).param("unlocatedLimit", UNLOCATED_LIMIT)
			.query((rs, n) -> new Row(rs.getBoolean("located"), rs.getLong("total"), new MapBusiness(rs.getLong("entity_id"),
					rs.getString("entity_name"), rs.getString("district"), rs.getBigDecimal("latitude"),
					rs.getBigDecimal("longitude"), rs.getString("grade"), rs.getLong("red"), rs.getLong("orange"),
					rs.getLong("yellow"), rs.getLong("blue"), rs.getLong("ungraded"))))
			.list();
		List<MapBusiness> located = rows.stream().filter(Row::located).map(Row::business).toList();
		List<MapBusiness> unlocated = rows.stream().filter(r -> !r.located()).map(Row::business).toList();
		long locatedTotal = rows.stream().filter(Row::located).mapToLong(Row::total).findFirst().orElse(0);
		long unlocatedTotal = rows.stream().filter(r -> !r.located()).mapToLong(Row::total).findFirst().orElse(0);
		return new MapView(located, locatedTotal, locatedTotal > cap, cap, unlocated, unlocatedTotal);
	}

	/** Per business with active risk points in scope: its coordinates, highest grade (rank 1 = red) and counts. */
	private static String graded(DataScope scope) {
		return """
				SELECT e.id AS entity_id, e.name AS entity_name, e.region_id, e.latitude, e.longitude,
				  min(array_position(ARRAY['RED','ORANGE','YELLOW','BLUE']::varchar[], p.grade)) AS rank,
				  (ARRAY['RED','ORANGE','YELLOW','BLUE'])[min(array_position(ARRAY['RED','ORANGE','YELLOW','BLUE']::varchar[], p.grade))] AS grade,
				  count(*) FILTER (WHERE p.grade = 'RED') AS red, count(*) FILTER (WHERE p.grade = 'ORANGE') AS orange,
				  count(*) FILTER (WHERE p.grade = 'YELLOW') AS yellow, count(*) FILTER (WHERE p.grade = 'BLUE') AS blue,
				  count(*) FILTER (WHERE p.grade IS NULL) AS ungraded
				FROM risk_point p JOIN supervised_entity e ON e.id = p.entity_id
				WHERE p.active""" + " AND " + scope.entityFilter("p.entity_id", "p.region_id") + " GROUP BY e.id";
	}

	private JdbcClient.StatementSpec bind(DataScope scope, String sql, RiskGrade grade, double[] box) {
		return scope.bind(jdbc.sql(sql)).param("grade", grade == null ? null : grade.name())
			.param("minLng", box == null ? null : box[0]).param("minLat", box == null ? null : box[1])
			.param("maxLng", box == null ? null : box[2]).param("maxLat", box == null ? null : box[3]);
	}

	private static double[] bbox(String bbox) {
		if (bbox == null || bbox.isBlank()) {
			return null;
		}
		try {
			double[] box = Arrays.stream(bbox.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
			if (box.length == 4 && box[0] <= box[2] && box[1] <= box[3]) {
				return box;
			}
		}
		catch (NumberFormatException e) {
			// answered below
		}
		throw ApiException.invalid("bbox", "范围应为“最小经度,最小纬度,最大经度,最大纬度”");
	}
}
