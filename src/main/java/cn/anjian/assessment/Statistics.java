package cn.anjian.assessment;

import cn.anjian.assessment.StatisticsCatalogue.Count;
import cn.anjian.assessment.StatisticsCatalogue.Rate;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of {@link StatisticsCatalogue} for a period and a region subtree, one row per child region (each
 * district of the city, each street of a district) and the total, in one statement per period. The caller's scope
 * is applied to every fragment, so a department sees its own view of the same figures.
 */
@Component
class Statistics {

	/** A period of whole days in the business zone, both ends included. */
	record Period(LocalDate from, LocalDate to) {

		Period {
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("period ends before it starts");
			}
		}

		long days() {
			return ChronoUnit.DAYS.between(from, to) + 1;
		}

		/** 环比: the period of the same length just before. */
		Period previous() {
			return new Period(from.minusDays(days()), from.minusDays(1));
		}

		/** 同比: the same days a year earlier. */
		Period lastYear() {
			return new Period(from.minusYears(1), to.minusYears(1));
		}

		Instant start() {
			return from.atStartOfDay(BusinessTime.ZONE).toInstant();
		}

		Instant end() {
			return to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
		}
	}

	record Row(long regionId, String regionName, Map<String, BigDecimal> values) {
	}

	record Table(Period period, List<Row> rows, Map<String, BigDecimal> total) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Statistics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The figures of {@code period} under {@code rootRegionId}, grouped by its child regions, as seen by {@code scope}. */
	Table table(DataScope scope, long rootRegionId, Period period) {
		return table(scope, rootRegionId, period, StatisticsCatalogue.COUNTS);
	}

	/** Only the given counts (and the rates they make), for a caller that needs a few figures of many units. */
	Table table(DataScope scope, long rootRegionId, Period period, List<Count> counts) {
		Instant asOf = period.end().isAfter(clock.instant()) ? clock.instant() : period.end();
		String union = counts.stream()
			.map(c -> "SELECT '" + c.code() + "' AS code, f.group_id, coalesce(f.dim, '-') AS dim, f.n FROM (" + c.sql().apply(scope) + ") f")
			.collect(Collectors.joining("\nUNION ALL\n"));
		Map<Long, Map<String, BigDecimal>> byGroup = new LinkedHashMap<>();
		// planned for its subtree and period on every call (plan_cache_mode, DatabaseConfiguration)
		String statement = GROUPS + SummarisedFigures.scopeRelations(scope, counts.stream().map(Count::code).toList()) + union;
		var query = scope.bind(jdbc.sql(statement)).param("root", rootRegionId).param("start", Timestamp.from(period.start()))
			.param("end", Timestamp.from(period.end())).param("asOf", Timestamp.from(asOf));
		SummarisedFigures.bind(query, period.from(), period.to(), asOf).query(rs -> {
			Map<String, BigDecimal> values = byGroup.computeIfAbsent(rs.getLong("group_id"), k -> new HashMap<>());
			String code = rs.getString("code");
			BigDecimal n = rs.getBigDecimal("n");
			values.merge(code + "." + rs.getString("dim"), n, BigDecimal::add);
			values.merge(code, n, BigDecimal::add);
		});
		List<Row> rows = new ArrayList<>();
		Map<String, BigDecimal> total = new HashMap<>();
		for (var region : regionsUnder(rootRegionId)) {
			long id = ((Number) region.get("id")).longValue();
			Map<String, BigDecimal> values = byGroup.getOrDefault(id, new HashMap<>());
			// the root's own records (none of a child region) get a row only when there are some
			if (id == rootRegionId && values.isEmpty()) {
				continue;
			}
			values.forEach((k, v) -> total.merge(k, v, BigDecimal::add));
			rows.add(new Row(id, (String) region.get("name"), complete(values, counts)));
		}
		return new Table(period, rows, complete(total, counts));
	}

	/** The figures of one region's whole subtree (a district's own total), as {@code scope} sees them. */
	Map<String, BigDecimal> totals(DataScope scope, long regionId, Period period) {
		return table(scope, regionId, period).total();
	}

	Map<String, BigDecimal> totals(DataScope scope, long regionId, Period period, List<Count> counts) {
		return table(scope, regionId, period, counts).total();
	}

	private List<Map<String, Object>> regionsUnder(long rootRegionId) {
		return jdbc.sql("""
				SELECT id, name FROM region WHERE parent_id = :root OR id = :root
				ORDER BY (id = :root), sort_order, code
				""").param("root", rootRegionId).query().listOfRows();
	}

	/** Every count computed present (zero when nothing was counted) and the rates derived from them. */
	private static Map<String, BigDecimal> complete(Map<String, BigDecimal> counted, List<Count> counts) {
		Map<String, BigDecimal> values = new HashMap<>(counted);
		for (Count c : counts) {
			values.putIfAbsent(c.code(), BigDecimal.ZERO);
		}
		for (Rate r : StatisticsCatalogue.RATES) {
			if (!values.containsKey(r.numerator().split("\\.")[0]) || !values.containsKey(r.denominator())) {
				continue; // a rate of counts not computed this time
			}
			BigDecimal denominator = values.getOrDefault(r.denominator(), BigDecimal.ZERO);
			if (denominator.signum() != 0) {
				values.put(r.code(), values.getOrDefault(r.numerator(), BigDecimal.ZERO)
					.divide(denominator, 4, RoundingMode.HALF_UP));
			}
		}
		return values;
	}

	/** Each region of the subtree mapped to its child of the root (or to the root itself). */
	static final String GROUPS = """
			WITH grp AS NOT MATERIALIZED (
			  SELECT c.descendant_id AS region_id, coalesce(k.ancestor_id, :root) AS group_id
			  FROM region_closure c
			  LEFT JOIN region_closure k ON k.descendant_id = c.descendant_id
			    AND k.ancestor_id IN (SELECT id FROM region WHERE parent_id = :root)
			  WHERE c.ancestor_id = :root)
			""";
}
