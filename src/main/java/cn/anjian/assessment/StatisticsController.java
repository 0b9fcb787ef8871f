package cn.anjian.assessment;

import cn.anjian.assessment.Statistics.Period;
import cn.anjian.assessment.Statistics.Table;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 统计分析: the catalogue's figures for a period and a region in the caller's scope, per child region and in total,
 * with the period before (环比) and the same period a year earlier (同比); the same as an XLSX workbook.
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {

	record Report(long regionId, String regionName, List<StatisticsCatalogue.Figure> figures,
			Map<String, Map<String, String>> labels, Table current, Table previous, Table lastYear) {
	}

	private final Statistics statistics;
	private final ScopeChecks scopeChecks;
	private final JdbcClient jdbc;
	private final Clock clock;

	StatisticsController(Statistics statistics, ScopeChecks scopeChecks, JdbcClient jdbc, Clock clock) {
		this.statistics = statistics;
		this.scopeChecks = scopeChecks;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('statistics:read')")
	Report report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long regionId, @RequestParam(defaultValue = "true") boolean compare,
			@RequestParam(required = false) List<String> figures, DataScope scope) {
		return build(from, to, regionId, compare, counts(figures), scope);
	}

	/** The counts asked for (a chart needs two or three of the catalogue's thirty): all when none is named. */
	private static List<StatisticsCatalogue.Count> counts(List<String> figures) {
		if (figures == null || figures.isEmpty()) {
			return StatisticsCatalogue.COUNTS;
		}
		List<StatisticsCatalogue.Count> counts = StatisticsCatalogue.COUNTS.stream().filter(c -> figures.contains(c.code())).toList();
		if (counts.size() != figures.size()) {
			throw ApiException.invalid("figures", "只能指定统计目录中的计数指标");
		}
		return counts;
	}

	@GetMapping("/export.xlsx")
	@PreAuthorize("hasAuthority('statistics:read')")
	void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long regionId, DataScope scope, HttpServletResponse response) throws IOException {
		Report report = build(from, to, regionId, true, StatisticsCatalogue.COUNTS, scope);
		String name = report.regionName() + "安全生产统计（" + report.current().period().from() + "至" + report.current().period().to() + "）";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString());
		StatisticsWorkbook.write(name, report, response.getOutputStream());
	}

	Report build(LocalDate from, LocalDate to, Long regionId, boolean compare, List<StatisticsCatalogue.Count> counts,
			DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业账号不能查看区域统计");
		}
		LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.withDayOfYear(1) : from;
		if (end.isBefore(start)) {
			throw ApiException.invalid("to", "结束日期不能早于开始日期");
		}
		if (start.plusYears(5).isBefore(end)) {
			throw ApiException.invalid("from", "统计期间不能超过5年");
		}
		long root = regionId == null ? scope.regionId() : regionId;
		scopeChecks.requireRegion(scope, root, "region", root, "区划");
		Period period = new Period(start, end);
		String name = jdbc.sql("SELECT name FROM region WHERE id = :id").param("id", root).query(String.class).single();
		// compare=false (a trend line's points) leaves out 环比 and 同比
		return new Report(root, name, StatisticsCatalogue.figures(), labels(), statistics.table(scope, root, period, counts),
				compare ? statistics.table(scope, root, period.previous(), counts) : null,
				compare ? statistics.table(scope, root, period.lastYear(), counts) : null);
	}

	private Map<String, Map<String, String>> labels() {
		Map<String, Map<String, String>> labels = new HashMap<>(StatisticsCatalogue.LABELS);
		jdbc.sql("SELECT type, code, label FROM dict_item WHERE type IN ('social_function', 'industry')").query(rs -> {
			labels.computeIfAbsent(rs.getString("type"), k -> new HashMap<>()).put(rs.getString("code"), rs.getString("label"));
		});
		return labels;
	}
}
