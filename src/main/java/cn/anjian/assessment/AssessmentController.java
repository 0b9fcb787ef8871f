package cn.anjian.assessment;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 年度考评: the scheme set at the start of the year, the scoring of every district and department, approval and
 * publication by the city office (after which nothing of the year changes), and the results each unit may see.
 */
@RestController
@RequestMapping("/api/assessment/schemes")
class AssessmentController {

	record ElementForm(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 200) String name,
			@NotNull @Positive BigDecimal weight, @NotNull String kind, String statistic, BigDecimal low, BigDecimal high) {
	}

	/** {@code quarter} empty: the yearly assessment; 1–4: that quarter's. */
	record SchemeForm(@NotNull Integer year, @Min(value = 1, message = "季度应为1至4") @Max(value = 4, message = "季度应为1至4") Integer quarter,
			@NotBlank @Size(max = 200) String name, @NotNull BigDecimal excellentThreshold, @NotNull BigDecimal passThreshold,
			@NotEmpty List<@Valid ElementForm> elements) {
	}

	record SchemeRow(long id, int year, Integer quarter, long regionId, String regionName, String name,
			BigDecimal excellentThreshold, BigDecimal passThreshold, String state, Instant scoredAt, Instant publishedAt,
			String approvedByName) {

		String period() {
			return year + "年" + (quarter == null ? "度" : "第" + quarter + "季度");
		}
	}

	record ElementRow(long id, String code, String name, BigDecimal weight, String kind, String statistic, BigDecimal low,
			BigDecimal high) {
	}

	record Scheme(SchemeRow scheme, List<ElementRow> elements, List<StatisticsCatalogue.Figure> statistics) {
	}

	record ResultRow(long id, String unitType, long unitId, String unitName, BigDecimal total, String scoreGrade, String grade,
			boolean vetoed, String vetoReason, JsonNode elements) {
	}

	private final JdbcClient jdbc;
	private final AssessmentScoring scoring;
	private final OperationLog operationLog;
	private final FileTransfers files;
	private final Clock clock;
	private final JsonMapper json;

	AssessmentController(JdbcClient jdbc, AssessmentScoring scoring, OperationLog operationLog,
			FileTransfers files, Clock clock, JsonMapper json) {
		this.json = json;
		this.jdbc = jdbc;
		this.scoring = scoring;
		this.operationLog = operationLog;
		this.files = files;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('assessment:read')")
	List<SchemeRow> list(DataScope scope) {
		return jdbc.sql(SCHEME + " WHERE " + VISIBLE + " ORDER BY s.year DESC, s.quarter DESC NULLS FIRST, s.region_id")
			.param("callerRegion", scope.regionId()).query(SchemeRow.class).list();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('assessment:read')")
	Scheme get(@PathVariable long id, DataScope scope) {
		SchemeRow scheme = visibleScheme(id, scope);
		return new Scheme(scheme, jdbc.sql("""
				SELECT id, code, name, weight, kind, statistic, low, high FROM assessment_element WHERE scheme_id = :id
				ORDER BY sort_order, id""").param("id", id).query(ElementRow.class).list(), StatisticsCatalogue.figures());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('assessment:write')")
	Scheme create(@Valid @RequestBody SchemeForm form, DataScope scope) {
		long region = requireOffice(scope);
		validate(form);
		if (jdbc.sql("""
				SELECT count(*) FROM assessment_scheme WHERE region_id = :r AND year = :y AND coalesce(quarter, 0) = coalesce(:q, 0)
				""").param("r", region).param("y", form.year()).param("q", form.quarter()).query(Long.class).single() > 0) {
			throw new ApiException(HttpStatus.CONFLICT, "SCHEME_EXISTS",
					form.year() + "年" + (form.quarter() == null ? "度" : "第" + form.quarter() + "季度") + "的考评方案已存在");
		}
		long id = jdbc.sql("""
				INSERT INTO assessment_scheme (region_id, year, quarter, name, excellent_threshold, pass_threshold, state, created_at)
				VALUES (:region, :year, :quarter, :name, :excellent, :pass, 'DRAFT', :now) RETURNING id
				""").param("region", region).param("year", form.year()).param("quarter", form.quarter()).param("name", form.name().trim())
			.param("excellent", form.excellentThreshold()).param("pass", form.passThreshold())
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		insertElements(id, region, form.elements());
		Scheme created = get(id, scope);
		operationLog.record("ASSESSMENT_SCHEME_CREATE", "assessment_scheme", id, null, created);
		return created;
	}

	/** Changes the scheme before publication; results scored under the old scheme are discarded. */
	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('assessment:write')")
	Scheme update(@PathVariable long id, @Valid @RequestBody SchemeForm form, DataScope scope) {
		Scheme before = get(id, scope);
		long region = requireOwner(before.scheme(), scope);
		requireUnpublished(before.scheme());
		validate(form);
		if (form.year() != before.scheme().year() || !java.util.Objects.equals(form.quarter(), before.scheme().quarter())) {
			throw ApiException.invalid("year", "方案的考评期间不能修改");
		}
		jdbc.sql("""
				UPDATE assessment_scheme SET name = :name, excellent_threshold = :excellent, pass_threshold = :pass,
				  state = 'DRAFT', scored_at = NULL WHERE id = :id""").param("name", form.name().trim())
			.param("excellent", form.excellentThreshold()).param("pass", form.passThreshold()).param("id", id).update();
		jdbc.sql("DELETE FROM assessment_result WHERE scheme_id = :id").param("id", id).update();
		Set<String> kept = new HashSet<>(form.elements().stream().map(ElementForm::code).toList());
		jdbc.sql("DELETE FROM assessment_manual_score WHERE element_id IN (SELECT id FROM assessment_element WHERE scheme_id = :id AND NOT code IN (:codes))")
			.param("id", id).param("codes", kept).update();
		jdbc.sql("DELETE FROM assessment_element WHERE scheme_id = :id AND NOT code IN (:codes)").param("id", id).param("codes", kept).update();
		insertElements(id, region, form.elements());
		Scheme after = get(id, scope);
		operationLog.record("ASSESSMENT_SCHEME_UPDATE", "assessment_scheme", id, before, after);
		return after;
	}

	@PostMapping("/{id}/score")
	@PreAuthorize("hasAuthority('assessment:write')")
	SchemeRow score(@PathVariable long id, DataScope scope) {
		SchemeRow before = lockScheme(id, scope);
		requireOwner(before, scope);
		requireUnpublished(before);
		int units = scoring.score(id);
		jdbc.sql("UPDATE assessment_scheme SET state = 'SCORED', scored_at = :now WHERE id = :id")
			.param("now", Timestamp.from(clock.instant())).param("id", id).update();
		SchemeRow after = visibleScheme(id, scope);
		operationLog.record("ASSESSMENT_SCORE", "assessment_scheme", id, before, Map.of("scheme", after, "units", units));
		return after;
	}

	/** 审定发布: the office that set the scheme approves the scored results; from now on they are kept as they are. */
	@PostMapping("/{id}/publish")
	@PreAuthorize("hasAuthority('assessment:write')")
	SchemeRow publish(@PathVariable long id, DataScope scope) {
		SchemeRow before = lockScheme(id, scope);
		requireOwner(before, scope);
		if (!before.state().equals("SCORED")) {
			throw new ApiException(HttpStatus.CONFLICT, "NOT_SCORED", before.state().equals("PUBLISHED") ? "考评结果已发布" : "请先完成评分再审定发布");
		}
		jdbc.sql("UPDATE assessment_scheme SET state = 'PUBLISHED', published_at = :now, approved_by = :user WHERE id = :id")
			.param("now", Timestamp.from(clock.instant())).param("user", scope.userId()).param("id", id).update();
		SchemeRow after = visibleScheme(id, scope);
		operationLog.record("ASSESSMENT_PUBLISH", "assessment_scheme", id, before, after);
		return after;
	}

	/**
	 * The results the caller may see: the office that set the scheme all of them; an assessed unit (district, street,
	 * department) only its own, and only once published.
	 */
	@GetMapping("/{id}/results")
	@PreAuthorize("hasAuthority('assessment:read')")
	List<ResultRow> results(@PathVariable long id, DataScope scope) {
		SchemeRow scheme = visibleScheme(id, scope);
		boolean owner = scope.kind() == DataScope.Kind.REGION && scope.regionId() == scheme.regionId();
		if (!owner && !scheme.state().equals("PUBLISHED")) {
			return List.of();
		}
		return scope.bind(jdbc.sql("""
				SELECT r.id, r.unit_type, r.unit_id, r.unit_name, r.total, r.score_grade, r.grade, r.vetoed, r.veto_reason,
				  r.elements::text AS elements
				FROM assessment_result r WHERE r.scheme_id = :id AND\s"""
				+ scope.unitFilter("r.region_id", "(CASE WHEN r.unit_type = 'DEPARTMENT' THEN r.unit_id END)")
				+ " ORDER BY r.unit_type DESC, r.total DESC, r.unit_name")).param("id", id)
			.query((rs, n) -> new ResultRow(rs.getLong("id"), rs.getString("unit_type"), rs.getLong("unit_id"), rs.getString("unit_name"),
					rs.getBigDecimal("total"), rs.getString("score_grade"), rs.getString("grade"), rs.getBoolean("vetoed"),
					rs.getString("veto_reason"), json.readTree(rs.getString("elements"))))
			.list();
	}

	/** A manual element's score for one unit, with its evidence (佐证材料). */
	@PostMapping("/{id}/manual-scores")
	@PreAuthorize("hasAuthority('assessment:write')")
	Map<String, Object> manualScore(@PathVariable long id, @RequestParam long elementId, @RequestParam String unitType,
			@RequestParam long unitId, @RequestParam BigDecimal score, @RequestParam(required = false) String note,
			@RequestParam(required = false) MultipartFile file, DataScope scope) {
		SchemeRow scheme = lockScheme(id, scope);
		requireOwner(scheme, scope);
		requireUnpublished(scheme);
		var element = jdbc.sql("SELECT weight, kind FROM assessment_element WHERE id = :e AND scheme_id = :s")
			.param("e", elementId).param("s", id).query().listOfRows();
		if (element.isEmpty() || !"MANUAL".equals(element.get(0).get("kind"))) {
			throw ApiException.invalid("elementId", "只能为人工评分要素录入得分");
		}
		if (score.signum() < 0 || score.compareTo((BigDecimal) element.get(0).get("weight")) > 0) {
			throw ApiException.invalid("score", "得分应在0到该要素权重之间");
		}
		long region = unitRegion(unitType, unitId, scheme.regionId());
		FileTransfers.Received evidence = file == null || file.isEmpty() ? null : files.receive(file);
		jdbc.sql("""
				INSERT INTO assessment_manual_score (element_id, unit_type, unit_id, region_id, score, note, evidence_name,
				  evidence_sha256, evidence_type, evidence_size, updated_at)
				VALUES (:e, :t, :u, :r, :score, :note, :name, :sha, :type, :size, :now)
				ON CONFLICT (element_id, unit_type, unit_id) DO UPDATE SET score = EXCLUDED.score, note = EXCLUDED.note,
				  evidence_name = coalesce(EXCLUDED.evidence_name, assessment_manual_score.evidence_name),
				  evidence_sha256 = coalesce(EXCLUDED.evidence_sha256, assessment_manual_score.evidence_sha256),
				  evidence_type = coalesce(EXCLUDED.evidence_type, assessment_manual_score.evidence_type),
				  evidence_size = coalesce(EXCLUDED.evidence_size, assessment_manual_score.evidence_size),
				  updated_at = EXCLUDED.updated_at
				""").param("e", elementId).param("t", unitType).param("u", unitId).param("r", region).param("score", score)
			.param("note", note).param("name", evidence == null ? null : evidence.fileName())
			.param("sha", evidence == null ? null : evidence.file().sha256())
			.param("type", evidence == null ? null : evidence.file().contentType())
			.param("size", evidence == null ? null : evidence.file().size()).param("now", Timestamp.from(clock.instant())).update();
		Map<String, Object> saved = Map.of("elementId", elementId, "unitType", unitType, "unitId", unitId, "score", score,
				"evidence", evidence == null ? "" : evidence.fileName());
		operationLog.record("ASSESSMENT_MANUAL_SCORE", "assessment_scheme", id, null, saved);
		return saved;
	}

	@GetMapping("/{id}/manual-scores/{elementId}/{unitType}/{unitId}/evidence")
	@PreAuthorize("hasAuthority('assessment:read')")
	ResponseEntity<InputStreamResource> evidence(@PathVariable long id, @PathVariable long elementId, @PathVariable String unitType,
			@PathVariable long unitId, DataScope scope) {
		var row = scope.bind(jdbc.sql("""
				SELECT m.evidence_name, m.evidence_sha256, m.evidence_type, m.evidence_size FROM assessment_manual_score m
				JOIN assessment_element e ON e.id = m.element_id
				WHERE e.scheme_id = :s AND m.element_id = :e AND m.unit_type = :t AND m.unit_id = :u AND m.evidence_sha256 IS NOT NULL AND\s"""
				+ scope.unitFilter("m.region_id", "(CASE WHEN m.unit_type = 'DEPARTMENT' THEN m.unit_id END)")))
			.param("s", id).param("e", elementId).param("t", unitType).param("u", unitId).query().listOfRows();
		if (row.isEmpty()) {
			operationLog.recordDenied("assessment_manual_score", elementId + "/" + unitType + "/" + unitId);
			throw ApiException.notFound("佐证材料");
		}
		var r = row.get(0);
		return files.send((String) r.get("evidence_sha256"), (String) r.get("evidence_name"), (String) r.get("evidence_type"),
				((Number) r.get("evidence_size")).longValue());
	}

	/** The region of a unit the scheme assesses: a region just below the scheme's, or a department at its level. */
	private long unitRegion(String unitType, long unitId, long schemeRegion) {
		String sql = switch (unitType) {
			case "DISTRICT", "STREET" -> "SELECT id FROM region WHERE id = :u AND parent_id = :s";
			case "DEPARTMENT" -> "SELECT region_id FROM department WHERE id = :u AND region_id = :s";
			default -> throw ApiException.invalid("unitType", "被考评单位类型只能是区县、街道（镇）或部门");
		};
		return jdbc.sql(sql).param("u", unitId).param("s", schemeRegion).query(Long.class).optional()
			.orElseThrow(() -> ApiException.notFound("被考评单位"));
	}

	private void validate(SchemeForm form) {
		if (form.excellentThreshold().compareTo(form.passThreshold()) <= 0) {
			throw ApiException.invalid("excellentThreshold", "优秀分数线应高于合格分数线");
		}
		Set<String> codes = new HashSet<>();
		for (ElementForm e : form.elements()) {
			if (!codes.add(e.code())) {
				throw ApiException.invalid("elements", "要素编码重复：" + e.code());
			}
			if (e.kind().equals("AUTO")) {
				if (e.statistic() == null || !known(e.statistic())) {
					throw ApiException.invalid("elements", "要素“" + e.name() + "”读取的统计指标不存在：" + e.statistic());
				}
				if (e.low() == null || e.high() == null || e.low().compareTo(e.high()) == 0) {
					throw ApiException.invalid("elements", "要素“" + e.name() + "”需要两个不同的评分端点");
				}
			}
			else if (!e.kind().equals("MANUAL")) {
				throw ApiException.invalid("elements", "要素类型只能是 AUTO 或 MANUAL");
			}
		}
	}

	/** A figure of the catalogue, or one dimension of a count ({@code hazardsFound.MAJOR}). */
	private static boolean known(String statistic) {
		String code = statistic.contains(".") ? statistic.substring(0, statistic.indexOf('.')) : statistic;
		return statistic.contains(".") ? StatisticsCatalogue.COUNTS.stream().anyMatch(c -> c.code().equals(code))
				: StatisticsCatalogue.figures().stream().anyMatch(f -> f.code().equals(code));
	}

	private void insertElements(long schemeId, long region, List<ElementForm> elements) {
		int order = 0;
		for (ElementForm e : elements) {
			boolean auto = e.kind().equals("AUTO");
			jdbc.sql("""
					INSERT INTO assessment_element (scheme_id, region_id, code, name, weight, kind, statistic, low, high, sort_order)
					VALUES (:s, :r, :code, :name, :weight, :kind, :statistic, :low, :high, :order)
					ON CONFLICT (scheme_id, code) DO UPDATE SET name = EXCLUDED.name, weight = EXCLUDED.weight, kind = EXCLUDED.kind,
					  statistic = EXCLUDED.statistic, low = EXCLUDED.low, high = EXCLUDED.high, sort_order = EXCLUDED.sort_order
					""").param("s", schemeId).param("r", region).param("code", e.code()).param("name", e.name().trim())
				.param("weight", e.weight()).param("kind", e.kind()).param("statistic", auto ? e.statistic() : null)
				.param("low", auto ? e.low() : null).param("high", auto ? e.high() : null).param("order", ++order).update();
		}
	}

	/** The office of the city or of a district sets, scores and publishes its own schemes; a street office none. */
	private long requireOffice(DataScope scope) {
		boolean office = scope.kind() == DataScope.Kind.REGION && jdbc.sql("""
				SELECT parent_id IS NULL OR level = 'DISTRICT' FROM region WHERE id = :r""").param("r", scope.regionId())
			.query(Boolean.class).single();
		if (!office) {
			throw ApiException.forbidden("考评方案由市、区县安委办制定和审定");
		}
		return scope.regionId();
	}

	private long requireOwner(SchemeRow scheme, DataScope scope) {
		if (requireOffice(scope) != scheme.regionId()) {
			throw ApiException.forbidden("考评方案只能由制定它的安委办修改、评分和审定");
		}
		return scheme.regionId();
	}

	private static void requireUnpublished(SchemeRow scheme) {
		if (scheme.state().equals("PUBLISHED")) {
			throw new ApiException(HttpStatus.CONFLICT, "ASSESSMENT_PUBLISHED", scheme.period() + "考评结果已审定发布，不能再修改");
		}
	}

	private SchemeRow lockScheme(long id, DataScope scope) {
		SchemeRow visible = visibleScheme(id, scope);
		jdbc.sql("SELECT id FROM assessment_scheme WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		return visible;
	}

	private SchemeRow visibleScheme(long id, DataScope scope) {
		return jdbc.sql(SCHEME + " WHERE s.id = :id AND " + VISIBLE).param("id", id).param("callerRegion", scope.regionId())
			.query(SchemeRow.class).optional().orElseThrow(() -> ApiException.notFound("考评方案"));
	}

	/**
	 * A scheme is seen where it applies: by its own region and everything under it (the city's by everyone, a
	 * district's by that district, its streets and its departments) and by the regions above it.
	 */
	private static final String VISIBLE = """
			(s.region_id IN (SELECT ancestor_id FROM region_closure WHERE descendant_id = :callerRegion)
			 OR s.region_id IN (SELECT descendant_id FROM region_closure WHERE ancestor_id = :callerRegion))""";

	private static final String SCHEME = """
			SELECT s.id, s.year, s.quarter, s.region_id, r.name AS region_name, s.name, s.excellent_threshold, s.pass_threshold,
			  s.state, s.scored_at, s.published_at, u.display_name AS approved_by_name
			FROM assessment_scheme s JOIN region r ON r.id = s.region_id LEFT JOIN app_user u ON u.id = s.approved_by""";
}
