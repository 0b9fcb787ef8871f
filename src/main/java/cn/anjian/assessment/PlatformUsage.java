package cn.anjian.assessment;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 平台管理和使用情况 (seed 003 (二十三): the platform's use counts in the city's safety assessment): how each district
 * and each city department uses the platform, as a 100-point score table for a period. The elements and their weights
 * are ours — the rule names the assessment, not its items — and read the statistics catalogue: the completeness of
 * the entities' register data, inspection coverage, warnings handled before they climb to a second step, and 督办单
 * answered by their deadline. A rate between {@code low} and {@code high} scores linearly; a unit with nothing to
 * handle (no warning, no 督办单) gets the element's full weight.
 */
@RestController
@RequestMapping("/api/assessment/usage")
class PlatformUsage {

	record Element(String code, String name, String statistic, BigDecimal weight, BigDecimal low, BigDecimal high) {
	}

	static final List<Element> ELEMENTS = List.of(
			new Element("dataCompleteness", "监管对象数据完整率", "dataCompletenessRate", new BigDecimal(30), new BigDecimal("0.6"), BigDecimal.ONE),
			new Element("inspectionCoverage", "检查覆盖率", "inspectionCoverage", new BigDecimal(25), BigDecimal.ZERO, new BigDecimal("0.5")),
			new Element("warningHandling", "预警及时处置率", "warningHandledRate", new BigDecimal(25), new BigDecimal("0.5"), BigDecimal.ONE),
			new Element("supervisionReply", "督办按期回复率", "supervisionReplyOnTimeRate", new BigDecimal(20), new BigDecimal("0.5"), BigDecimal.ONE));

	/** The counts the elements' rates are made of: only these are computed for each unit (a city has dozens). */
	private static final List<StatisticsCatalogue.Count> COUNTS = StatisticsCatalogue.COUNTS.stream()
		.filter(c -> java.util.Set.of("entities", "entitiesComplete", "entitiesInspected", "warnings", "warningsHandled",
				"supervisionOrders").contains(c.code()))
		.toList();

	record ElementScore(String code, BigDecimal value, BigDecimal score, String note) {
	}

	record UnitRow(int rank, String unitType, long unitId, String unitName, BigDecimal total, List<ElementScore> elements) {
	}

	record Table(LocalDate from, LocalDate to, List<Element> elements, List<UnitRow> rows) {
	}

	private record Unit(String type, long id, String name, Map<String, BigDecimal> figures) {
	}

	private final Statistics statistics;
	private final JdbcClient jdbc;
	private final Clock clock;

	PlatformUsage(Statistics statistics, JdbcClient jdbc, Clock clock) {
		this.statistics = statistics;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('assessment:read')")
	Table table(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, DataScope scope) {
		LocalDate end = to == null ? LocalDate.now(clock.withZone(BusinessTime.ZONE)) : to;
		LocalDate start = from == null ? end.withDayOfYear(1) : from;
		if (end.isBefore(start) || start.plusYears(1).isBefore(end)) {
			throw ApiException.invalid("to", "考评期间应在一年以内，且结束日期不早于开始日期");
		}
		return compute(new Statistics.Period(start, end), scope);
	}

	Table compute(Statistics.Period period, DataScope scope) {
		List<Unit> units = units(scope, period);
		List<UnitRow> rows = new ArrayList<>();
		for (Unit unit : units) {
			List<ElementScore> scores = ELEMENTS.stream().map(e -> score(e, unit.figures())).toList();
			BigDecimal total = scores.stream().map(ElementScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
			rows.add(new UnitRow(0, unit.type(), unit.id(), unit.name(), total, scores));
		}
		rows.sort(Comparator.comparing(UnitRow::total).reversed());
		List<UnitRow> ranked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			UnitRow r = rows.get(i);
			// equal totals share a rank
			int rank = i > 0 && r.total().compareTo(rows.get(i - 1).total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new UnitRow(rank, r.unitType(), r.unitId(), r.unitName(), r.total(), r.elements()));
		}
		return new Table(period.from(), period.to(), ELEMENTS, ranked);
	}

	static ElementScore score(Element e, Map<String, BigDecimal> figures) {
		BigDecimal value = figures.get(e.statistic());
		if (value == null) {
			return new ElementScore(e.code(), null, e.weight().setScale(2), "本期无应处置事项，得满分");
		}
		return new ElementScore(e.code(), value, AssessmentGrading.linear(value, e.low(), e.high(), e.weight()), null);
	}

	/**
	 * The units the caller answers for: the city sees every district and every city department; a district office
	 * its own district; a department itself. Each unit's figures are its own view of the statistics.
	 */
	private List<Unit> units(DataScope scope, Statistics.Period period) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业账号不能查看平台使用考评");
		}
		if (scope.kind() == DataScope.Kind.DEPARTMENT) {
			String name = jdbc.sql("SELECT name FROM department WHERE id = :id").param("id", scope.departmentId()).query(String.class).single();
			return List.of(new Unit("DEPARTMENT", scope.departmentId(), name, statistics.totals(scope, scope.regionId(), period, COUNTS)));
		}
		var region = jdbc.sql("SELECT name, parent_id FROM region WHERE id = :id").param("id", scope.regionId()).query().singleRow();
		if (region.get("parent_id") != null) {
			return List.of(new Unit("DISTRICT", scope.regionId(), (String) region.get("name"),
					statistics.totals(scope, scope.regionId(), period, COUNTS)));
		}
		List<Unit> units = new ArrayList<>();
		for (Statistics.Row row : statistics.table(scope, scope.regionId(), period, COUNTS).rows()) {
			if (row.regionId() != scope.regionId()) {
				units.add(new Unit("DISTRICT", row.regionId(), row.regionName(), row.values()));
			}
		}
		var departments = jdbc.sql("SELECT id, name FROM department WHERE region_id = :city ORDER BY sort_order, id")
			.param("city", scope.regionId()).query().listOfRows();
		for (var d : departments) {
			long id = ((Number) d.get("id")).longValue();
			DataScope asDepartment = new DataScope(DataScope.Kind.DEPARTMENT, scope.userId(), scope.regionId(), id, null);
			units.add(new Unit("DEPARTMENT", id, (String) d.get("name"), statistics.totals(asDepartment, scope.regionId(), period, COUNTS)));
		}
		return units;
	}
}
