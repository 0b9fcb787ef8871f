package cn.anjian.prevention;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/**
 * 风险分级管控: a business's risk points and the hazard factors identified for them. Plain CRUD; grading lives in
 * {@link AssessingRisk}. Government users read within their scope.
 */
@RestController
@RequestMapping("/api/prevention")
class RiskPointController {

	enum Kind {
		UNIT, SITE, EQUIPMENT, OPERATION
	}

	record PointForm(@NotBlank(message = "请填写风险点名称") String name, @NotNull(message = "请选择风险点类型") Kind kind,
			String area, String building, Boolean active, Boolean changed) {
	}

	record FactorForm(@NotBlank(message = "请描述危险源/危害因素") String description, List<String> accidentTypes) {
	}

	private final JdbcClient jdbc;
	private final OwnRecords records;
	private final RiskPoints points;
	private final OperationLog operationLog;
	private final Clock clock;

	RiskPointController(JdbcClient jdbc, OwnRecords records, RiskPoints points, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.points = points;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping("/grading")
	@PreAuthorize("hasAuthority('prevention:read')")
	Map<String, Object> grading() {
		return Map.of("lec", Map.of("formula", RiskGrading.LEC_FORMULA, "bands", RiskGrading.LEC_BANDS),
				"ls", Map.of("formula", RiskGrading.LS_FORMULA, "bands", RiskGrading.LS_BANDS),
				"controlLevels", Map.of("RED", "COMPANY", "ORANGE", "DEPARTMENT", "YELLOW", "TEAM", "BLUE", "POST"));
	}

	@GetMapping("/points")
	@PreAuthorize("hasAuthority('prevention:read')")
	Page<RiskPoints.PointRow> list(@RequestParam(required = false) Long entityId, @RequestParam(required = false) String grade,
			@RequestParam(required = false) String keyword, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return points.search(scope, entityId, grade, keyword, today(), page, size);
	}

	@GetMapping("/points/{id}")
	@PreAuthorize("hasAuthority('prevention:read')")
	RiskPoints.PointDetail get(@PathVariable long id, DataScope scope) {
		records.readable(scope, "risk_point", id, "风险点");
		return points.detail(scope, id, today());
	}

	@PostMapping("/points")
	@PreAuthorize("hasAuthority('prevention:write')")
	RiskPoints.PointRow create(@Valid @RequestBody PointForm form, DataScope scope) {
		OwnRecords.requireBusiness(scope);
		long id = jdbc.sql("""
				INSERT INTO risk_point (entity_id, region_id, name, kind, area, building, created_at, updated_at)
				SELECT e.id, e.region_id, :name, :kind, :area, :building, :now, :now FROM supervised_entity e WHERE e.id = :entity
				RETURNING id
				""").param("entity", scope.entityId()).param("name", form.name().trim()).param("kind", form.kind().name())
			.param("area", form.area()).param("building", form.building()).param("now", Timestamp.from(clock.instant()))
			.query(Long.class).single();
		RiskPoints.PointRow created = points.row(scope, id, today());
		operationLog.record("RISK_POINT_CREATE", "risk_point", id, null, created);
		return created;
	}

	/** {@code changed}: the point changed (process, equipment, layout) — it must be reassessed now. */
	@PutMapping("/points/{id}")
	@PreAuthorize("hasAuthority('prevention:write')")
	RiskPoints.PointRow update(@PathVariable long id, @Valid @RequestBody PointForm form, DataScope scope) {
		records.writable(scope, "risk_point", id, "风险点");
		RiskPoints.PointRow before = points.row(scope, id, today());
		jdbc.sql("""
				UPDATE risk_point SET name = :name, kind = :kind, area = :area, building = :building, active = :active,
				  reassess_due_on = CASE WHEN :changed THEN CAST(:today AS date) ELSE reassess_due_on END, updated_at = :now
				WHERE id = :id
				""").param("id", id).param("name", form.name().trim()).param("kind", form.kind().name())
			.param("area", form.area()).param("building", form.building()).param("active", !Boolean.FALSE.equals(form.active()))
			.param("changed", Boolean.TRUE.equals(form.changed())).param("today", Date.valueOf(today()))
			.param("now", Timestamp.from(clock.instant())).update();
		RiskPoints.PointRow after = points.row(scope, id, today());
		operationLog.record("RISK_POINT_UPDATE", "risk_point", id, before, after);
		return after;
	}

	@PostMapping("/points/{id}/factors")
	@PreAuthorize("hasAuthority('prevention:write')")
	RiskPoints.Factor addFactor(@PathVariable long id, @Valid @RequestBody FactorForm form, DataScope scope) {
		records.writable(scope, "risk_point", id, "风险点");
		long factorId = jdbc.sql("""
				INSERT INTO risk_factor (risk_point_id, entity_id, region_id, description, accident_types, created_at)
				SELECT p.id, p.entity_id, p.region_id, :description, CAST(:types AS varchar[]), :now FROM risk_point p
				WHERE p.id = :point RETURNING id
				""").param("point", id).param("description", form.description().trim()).param("types", types(form))
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		RiskPoints.Factor created = points.factor(factorId);
		operationLog.record("RISK_FACTOR_CREATE", "risk_factor", factorId, null, created);
		return created;
	}

	@PutMapping("/factors/{id}")
	@PreAuthorize("hasAuthority('prevention:write')")
	RiskPoints.Factor updateFactor(@PathVariable long id, @Valid @RequestBody FactorForm form, DataScope scope) {
		records.writable(scope, "risk_factor", id, "危险源");
		RiskPoints.Factor before = points.factor(id);
		jdbc.sql("UPDATE risk_factor SET description = :description, accident_types = CAST(:types AS varchar[]) WHERE id = :id")
			.param("id", id).param("description", form.description().trim()).param("types", types(form)).update();
		RiskPoints.Factor after = points.factor(id);
		operationLog.record("RISK_FACTOR_UPDATE", "risk_factor", id, before, after);
		return after;
	}

	/** The accident types as a Postgres array literal, each checked against the GB 6441 dictionary. */
	private String types(FactorForm form) {
		List<String> types = form.accidentTypes() == null ? List.of() : form.accidentTypes();
		if (!types.isEmpty()) {
			long known = jdbc.sql("SELECT count(*) FROM dict_item WHERE type = 'accident_type' AND code IN (:codes)")
				.param("codes", types).query(Long.class).single();
			if (known != types.stream().distinct().count()) {
				throw ApiException.invalid("accidentTypes", "事故类型不在 GB 6441 分类中");
			}
		}
		return "{" + String.join(",", types) + "}";
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BusinessTime.ZONE));
	}
}
