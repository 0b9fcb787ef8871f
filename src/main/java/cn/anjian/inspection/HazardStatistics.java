package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quarterly hazard statistics by district (the 量 and 质 of seed 003 §九): hazards found in the quarter by level, how
 * many were closed by their deadline, and how many went past it (still being rectified past the deadline, or closed
 * after it). The quarter's hazards in the caller's scope are grouped per region first (an index-only range scan of
 * {@code hazard_found_at_idx}), then the regions rolled up to their districts.
 */
@RestController
@RequestMapping("/api/hazards/statistics")
class HazardStatistics {

	record DistrictRow(long regionId, String regionName, long found, long general, long suspectedMajor, long major,
			long closed, long rectifiedOnTime, long overdue) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	HazardStatistics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('hazard:read')")
	List<DistrictRow> quarter(@RequestParam int year, @RequestParam int quarter, DataScope scope) {
		if (quarter < 1 || quarter > 4) {
			throw ApiException.invalid("quarter", "季度应为1至4");
		}
		LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
		return byDistrict(scope, from.atStartOfDay(BusinessTime.ZONE).toInstant(),
				from.plusMonths(3).atStartOfDay(BusinessTime.ZONE).toInstant(), clock.instant());
	}

	List<DistrictRow> byDistrict(DataScope scope, Instant from, Instant to, Instant now) {
		return scope.bind(jdbc.sql("""
				WITH per_region AS (
				  SELECT h.region_id, count(*) AS found,
				    count(*) FILTER (WHERE h.level = 'GENERAL') AS general,
				    count(*) FILTER (WHERE h.level = 'SUSPECTED_MAJOR') AS suspected_major,
				    count(*) FILTER (WHERE h.level = 'MAJOR') AS major,
				    count(*) FILTER (WHERE h.state = 'CLOSED') AS closed,
				    count(*) FILTER (WHERE h.state = 'CLOSED' AND (h.deadline IS NULL OR h.closed_at <= h.deadline)) AS rectified_on_time,
				    count(*) FILTER (WHERE (h.state = 'RECTIFYING' AND h.deadline <= :now) OR h.closed_at > h.deadline) AS overdue
				  FROM hazard h
				  WHERE h.found_at >= :from AND h.found_at < :to AND\s""" + Hazards.filter(scope) + """

				  GROUP BY h.region_id
				)
				SELECT d.id AS region_id, d.name AS region_name, sum(p.found) AS found, sum(p.general) AS general,
				       sum(p.suspected_major) AS suspected_major, sum(p.major) AS major, sum(p.closed) AS closed,
				       sum(p.rectified_on_time) AS rectified_on_time, sum(p.overdue) AS overdue
				FROM per_region p
				JOIN region_closure c ON c.descendant_id = p.region_id
				JOIN region d ON d.id = c.ancestor_id AND d.level = 'DISTRICT'
				GROUP BY d.id, d.name, d.code ORDER BY d.code
				"""))
			.param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("now", Timestamp.from(now))
			.query(DistrictRow.class).list();
	}
}
