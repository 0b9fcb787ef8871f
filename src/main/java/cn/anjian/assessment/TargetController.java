package cn.anjian.assessment;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 控制目标 (seed 004: e.g. deaths by sector down 10 % year on year): the year's targets of the caller's territory,
 * each shown against the accidents recorded so far this year and in the same days of last year.
 */
@RestController
@RequestMapping("/api/targets")
class TargetController {

	enum Metric {
		DEATHS, ACCIDENTS
	}

	enum Kind {
		/** 不超过 N */
		AT_MOST,
		/** 同比下降 X % (against the whole of last year) */
		REDUCE_PCT
	}

	record TargetForm(@NotNull Long regionId, @NotNull Integer year, @NotBlank String industry, @NotNull Metric metric,
			@NotNull Kind kind, @NotNull @PositiveOrZero BigDecimal value, @Size(max = 500) String note) {
	}

	record Progress(long id, long regionId, String regionName, int year, String industry, String metric, String kind,
			BigDecimal value, String note, long actual, long lastYearToDate, long lastYear, BigDecimal limit,
			BigDecimal changePct, boolean onTrack) {
	}

	private record Raw(long id, long regionId, String regionName, int year, String industry, String metric, String kind,
			BigDecimal value, String note, long actual, long lastYearToDate, long lastYear) {
	}

	private final JdbcClient jdbc;
	private final ScopeChecks scopeChecks;
	private final OperationLog operationLog;
	private final Clock clock;

	TargetController(JdbcClient jdbc, ScopeChecks scopeChecks, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.scopeChecks = scopeChecks;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('assessment:read')")
	List<Progress> list(@RequestParam(required = false) Integer year, DataScope scope) {
		int y = year == null ? LocalDate.now(clock.withZone(BusinessTime.ZONE)).getYear() : year;
		return scope.bind(jdbc.sql("""
				SELECT t.id, t.region_id, r.name AS region_name, t.year, t.industry, t.metric, t.kind, t.value, t.note,
				  (SELECT coalesce(sum(CASE WHEN t.metric = 'DEATHS' THEN a.deaths ELSE 1 END), 0) FROM accident a
				   WHERE a.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = t.region_id)
				     AND (t.industry = 'ALL' OR a.industry = t.industry)
				     AND a.occurred_at >= make_timestamptz(t.year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
				     AND a.occurred_at < make_timestamptz(t.year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')) AS actual,
				  (SELECT coalesce(sum(CASE WHEN t.metric = 'DEATHS' THEN a.deaths ELSE 1 END), 0) FROM accident a
				   WHERE a.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = t.region_id)
				     AND (t.industry = 'ALL' OR a.industry = t.industry)
				     AND a.occurred_at >= make_timestamptz(t.year - 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
				     AND a.occurred_at < CAST(:now AS timestamptz) - interval '1 year') AS last_year_to_date,
				  (SELECT coalesce(sum(CASE WHEN t.metric = 'DEATHS' THEN a.deaths ELSE 1 END), 0) FROM accident a
				   WHERE a.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = t.region_id)
				     AND (t.industry = 'ALL' OR a.industry = t.industry)
				     AND a.occurred_at >= make_timestamptz(t.year - 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
				     AND a.occurred_at < make_timestamptz(t.year, 1, 1, 0, 0, 0, 'Asia/Shanghai')) AS last_year
				FROM safety_target t JOIN region r ON r.id = t.region_id
				WHERE t.year = :year AND """ + " " + scope.regionFilter("t.region_id") + " ORDER BY r.code, t.industry, t.metric"))
			.param("year", y).param("now", Timestamp.from(clock.instant()))
			.query(Raw.class).list().stream().map(TargetController::progress).toList();
	}

	@PostMapping
	@PreAuthorize("hasAuthority('accident:write')")
	Progress save(@Valid @RequestBody TargetForm form, DataScope scope) {
		scopeChecks.requireRegion(scope, form.regionId(), "region", form.regionId(), "区划");
		if (form.kind() == Kind.REDUCE_PCT && form.value().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw ApiException.invalid("value", "下降比例不能超过100%");
		}
		long id = jdbc.sql("""
				INSERT INTO safety_target (region_id, year, industry, metric, kind, value, note)
				VALUES (:region, :year, :industry, :metric, :kind, :value, :note)
				ON CONFLICT (region_id, year, industry, metric) DO UPDATE SET kind = EXCLUDED.kind, value = EXCLUDED.value,
				  note = EXCLUDED.note
				RETURNING id
				""").param("region", form.regionId()).param("year", form.year()).param("industry", form.industry())
			.param("metric", form.metric().name()).param("kind", form.kind().name()).param("value", form.value())
			.param("note", form.note()).query(Long.class).single();
		Progress saved = list(form.year(), scope).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
		operationLog.record("TARGET_SAVE", "safety_target", id, null, saved);
		return saved;
	}

	private static Progress progress(Raw t) {
		BigDecimal limit = t.kind().equals(Kind.AT_MOST.name()) ? t.value()
				: BigDecimal.valueOf(t.lastYear()).multiply(BigDecimal.ONE.subtract(t.value().movePointLeft(2)))
					.setScale(2, RoundingMode.HALF_UP);
		BigDecimal change = t.lastYearToDate() == 0 ? null
				: BigDecimal.valueOf(t.actual() - t.lastYearToDate()).movePointRight(2)
					.divide(BigDecimal.valueOf(t.lastYearToDate()), 1, RoundingMode.HALF_UP);
		return new Progress(t.id(), t.regionId(), t.regionName(), t.year(), t.industry(), t.metric(), t.kind(), t.value(),
				t.note(), t.actual(), t.lastYearToDate(), t.lastYear(), limit, change,
				BigDecimal.valueOf(t.actual()).compareTo(limit) <= 0);
	}
}
