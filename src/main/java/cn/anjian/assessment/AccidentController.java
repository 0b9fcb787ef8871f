package cn.anjian.assessment;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 事故管理: the accidents of the caller's territory, recorded and corrected by the offices. */
@RestController
@RequestMapping("/api/accidents")
class AccidentController {

	record AccidentView(long id, long regionId, String regionName, Instant occurredAt, String place, Long entityId,
			String entityName, String industry, String level, int deaths, int injuries, BigDecimal directLoss, String summary,
			int version) {
	}

	record AccidentForm(@NotNull Long regionId, @NotNull Instant occurredAt, @NotBlank @Size(max = 300) String place,
			Long entityId, @NotBlank String industry, @NotNull AccidentLevel level, @PositiveOrZero int deaths,
			@PositiveOrZero int injuries, @NotNull @PositiveOrZero BigDecimal directLoss, @Size(max = 2000) String summary,
			Integer version) {
	}

	private final JdbcClient jdbc;
	private final ScopeChecks scopeChecks;
	private final OperationLog operationLog;
	private final Clock clock;

	AccidentController(JdbcClient jdbc, ScopeChecks scopeChecks, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.scopeChecks = scopeChecks;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('assessment:read')")
	Page<AccidentView> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long regionId,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		String where = " WHERE " + scope.regionFilter("a.region_id")
				+ " AND (CAST(:year AS int) IS NULL OR extract(year FROM a.occurred_at AT TIME ZONE 'Asia/Shanghai') = :year)"
				+ " AND (CAST(:regionId AS bigint) IS NULL OR a.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :regionId))";
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM accident a" + where)).param("year", year)
			.param("regionId", regionId).query(Long.class).single();
		List<AccidentView> items = scope.bind(jdbc.sql(SELECT + where + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT :size OFFSET :offset"))
			.param("year", year).param("regionId", regionId).param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(AccidentView.class).list();
		return new Page<>(items, total);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('assessment:read')")
	AccidentView get(@PathVariable long id, DataScope scope) {
		return find(scope, id);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('accident:write')")
	AccidentView create(@Valid @RequestBody AccidentForm form, DataScope scope) {
		check(scope, form);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO accident (region_id, occurred_at, place, entity_id, industry, level, deaths, injuries, direct_loss,
				  summary, created_at, updated_at)
				VALUES (:regionId, :occurredAt, :place, :entityId, :industry, :level, :deaths, :injuries, :directLoss, :summary, :now, :now)
				RETURNING id
				""").params(params(form)).param("occurredAt", Timestamp.from(form.occurredAt())).param("now", Timestamp.from(now))
			.query(Long.class).single();
		AccidentView created = find(scope, id);
		operationLog.record("ACCIDENT_CREATE", "accident", id, null, created);
		return created;
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('accident:write')")
	AccidentView update(@PathVariable long id, @Valid @RequestBody AccidentForm form, DataScope scope) {
		AccidentView before = find(scope, id);
		check(scope, form);
		int changed = jdbc.sql("""
				UPDATE accident SET region_id = :regionId, occurred_at = :occurredAt, place = :place, entity_id = :entityId,
				  industry = :industry, level = :level, deaths = :deaths, injuries = :injuries, direct_loss = :directLoss,
				  summary = :summary, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version
				""").params(params(form)).param("occurredAt", Timestamp.from(form.occurredAt()))
			.param("now", Timestamp.from(clock.instant())).param("id", id)
			.param("version", form.version() == null ? before.version() : form.version()).update();
		if (changed == 0) {
			throw new ApiException(HttpStatus.CONFLICT, "STALE_VERSION", "事故记录已被他人修改，请刷新后重试");
		}
		AccidentView after = find(scope, id);
		operationLog.record("ACCIDENT_UPDATE", "accident", id, before, after);
		return after;
	}

	private void check(DataScope scope, AccidentForm form) {
		scopeChecks.requireRegion(scope, form.regionId(), "region", form.regionId(), "区划");
		if (form.entityId() != null) {
			boolean visible = scope.bind(jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervised_entity e WHERE e.id = :id AND "
					+ scope.entityFilter("e.id", "e.region_id") + ")")).param("id", form.entityId()).query(Boolean.class).single();
			if (!visible) {
				operationLog.recordDenied("supervised_entity", form.entityId());
				throw ApiException.notFound("监管对象");
			}
		}
		if (form.occurredAt().isAfter(clock.instant())) {
			throw ApiException.invalid("occurredAt", "事故发生时间不能晚于现在");
		}
	}

	private AccidentView find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE a.id = :id AND " + scope.regionFilter("a.region_id"))).param("id", id)
			.query(AccidentView.class).optional().orElseThrow(() -> {
				operationLog.recordDenied("accident", id);
				return ApiException.notFound("事故");
			});
	}

	private static java.util.Map<String, Object> params(AccidentForm form) {
		java.util.Map<String, Object> values = new java.util.HashMap<>();
		values.put("regionId", form.regionId());
		values.put("place", form.place().trim());
		values.put("entityId", form.entityId());
		values.put("industry", form.industry());
		values.put("level", form.level().name());
		values.put("deaths", form.deaths());
		values.put("injuries", form.injuries());
		values.put("directLoss", form.directLoss());
		values.put("summary", form.summary());
		return values;
	}

	private static final String SELECT = """
			SELECT a.id, a.region_id, r.name AS region_name, a.occurred_at, a.place, a.entity_id, e.name AS entity_name, a.industry,
			  a.level, a.deaths, a.injuries, a.direct_loss, a.summary, a.version
			FROM accident a JOIN region r ON r.id = a.region_id LEFT JOIN supervised_entity e ON e.id = a.entity_id""";
}
