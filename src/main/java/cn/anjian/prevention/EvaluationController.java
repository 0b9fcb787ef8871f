package cn.anjian.prevention;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 量化评估: a supervisor scores a business in its scope on the current version of a sheet, item by item (each score
 * at most the item's points), and the total is graded by {@link EvaluationGrading}. Businesses read their own
 * evaluations; nobody edits one (a new evaluation supersedes it).
 */
@RestController
@RequestMapping("/api/prevention/evaluations")
class EvaluationController {

	record Row(long id, long entityId, String entityName, String district, String industry, long sheetId,
			String sheetName, int sheetVersion, LocalDate evaluatedOn, String evaluatorName, BigDecimal total,
			RiskGrade grade) {
	}

	/** {@code counts}: businesses by the colour of their latest evaluation, within the caller's scope. */
	record Listing(List<Row> items, long total, Map<RiskGrade, Long> counts) {
	}

	record Score(long itemId, BigDecimal score, String remark) {
	}

	record Detail(Row evaluation, String note, EvaluationSheetController.Sheet sheet, List<Score> scores) {
	}

	record Form(@NotNull(message = "请选择被评估单位") Long entityId, @NotNull(message = "请选择评分表") Long sheetId,
			LocalDate evaluatedOn, @Size(max = 1000, message = "评估意见不超过1000字") String note,
			@NotEmpty(message = "请逐项打分") List<@Valid ScoreForm> scores) {
	}

	record ScoreForm(@NotNull(message = "评分项不能为空") Long itemId, @NotNull(message = "请填写得分") BigDecimal score,
			@Size(max = 500, message = "扣分说明不超过500字") String remark) {
	}

	private final JdbcClient jdbc;
	private final OwnRecords records;
	private final EvaluationSheetController sheets;
	private final OperationLog operationLog;
	private final Clock clock;

	EvaluationController(JdbcClient jdbc, OwnRecords records, EvaluationSheetController sheets, OperationLog operationLog,
			Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.sheets = sheets;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('prevention:read')")
	Listing list(@RequestParam(required = false) Long entityId, @RequestParam(required = false) RiskGrade grade,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		String where = scope.entityFilter("v.entity_id", "v.region_id")
				+ " AND (CAST(:entity AS bigint) IS NULL OR v.entity_id = :entity)"
				+ " AND (CAST(:grade AS text) IS NULL OR v.grade = :grade)";
		String gradeName = grade == null ? null : grade.name();
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM entity_evaluation v WHERE " + where))
			.param("entity", entityId).param("grade", gradeName).query(Long.class).single();
		List<Row> items = scope.bind(jdbc.sql(ROW + " WHERE " + where
				+ " ORDER BY v.evaluated_on DESC, v.id DESC LIMIT :size OFFSET :offset"))
			.param("entity", entityId).param("grade", gradeName)
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query(Row.class).list();
		Map<RiskGrade, Long> counts = new LinkedHashMap<>();
		for (RiskGrade g : List.of(RiskGrade.BLUE, RiskGrade.YELLOW, RiskGrade.ORANGE, RiskGrade.RED)) {
			counts.put(g, 0L);
		}
		scope.bind(jdbc.sql("""
				SELECT latest.grade, count(*) AS n FROM (
				  SELECT DISTINCT ON (v.entity_id) v.grade FROM entity_evaluation v
				  WHERE %s ORDER BY v.entity_id, v.evaluated_on DESC, v.id DESC
				) latest GROUP BY latest.grade
				""".formatted(scope.entityFilter("v.entity_id", "v.region_id"))))
			.query(rs -> {
				counts.put(RiskGrade.valueOf(rs.getString("grade")), rs.getLong("n"));
			});
		return new Listing(items, total, counts);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('prevention:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		records.readable(scope, "entity_evaluation", id, "量化评估");
		return find(id);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('prevention:evaluate')")
	Detail create(@Valid @RequestBody Form form, DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("量化评估由监管部门开展");
		}
		Long regionId = scope.bind(jdbc.sql("SELECT e.region_id FROM supervised_entity e WHERE e.id = :id AND "
				+ scope.entityFilter("e.id", "e.region_id")))
			.param("id", form.entityId()).query(Long.class).optional().orElseThrow(() -> {
				operationLog.recordDenied("supervised_entity", form.entityId());
				return ApiException.notFound("监管对象");
			});
		EvaluationSheetController.Sheet sheet = sheets.find(form.sheetId());
		if (!sheet.current()) {
			throw ApiException.conflict("SHEET_SUPERSEDED", "该评分表已有新版本，请按现行版本评分");
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
		LocalDate on = form.evaluatedOn() == null ? today : form.evaluatedOn();
		if (on.isAfter(today)) {
			throw ApiException.invalid("evaluatedOn", "评估日期不能晚于今天");
		}
		Map<Long, ScoreForm> given = form.scores().stream()
			.collect(Collectors.toMap(ScoreForm::itemId, Function.identity(), (a, b) -> {
				throw ApiException.invalid("scores", "同一评分项只能打一次分");
			}, HashMap::new));
		BigDecimal total = BigDecimal.ZERO;
		int no = 0;
		for (EvaluationSheetController.Section section : sheet.sections()) {
			for (EvaluationSheetController.Item item : section.items()) {
				no++;
				ScoreForm score = given.remove(item.id());
				if (score == null) {
					throw ApiException.invalid("scores", "第" + no + "项“" + item.content() + "”未打分");
				}
				if (score.score().signum() < 0 || score.score().compareTo(item.maxPoints()) > 0) {
					throw ApiException.invalid("scores", "第" + no + "项“" + item.content() + "”得分须在0至"
							+ item.maxPoints().stripTrailingZeros().toPlainString() + "分之间");
				}
				if (score.score().stripTrailingZeros().scale() > 1) {
					throw ApiException.invalid("scores", "第" + no + "项得分最多一位小数");
				}
				total = total.add(score.score());
			}
		}
		if (!given.isEmpty()) {
			throw ApiException.invalid("scores", "有评分项不属于该评分表");
		}
		long id = jdbc.sql("""
				INSERT INTO entity_evaluation (entity_id, region_id, sheet_id, evaluated_on, evaluator_id, evaluator_name,
				                               total, grade, note, created_at)
				VALUES (:entity, :region, :sheet, :on, :user,
				        coalesce((SELECT display_name FROM app_user WHERE id = :user), '监管人员'), :total, :grade, :note, :now)
				RETURNING id
				""").param("entity", form.entityId()).param("region", regionId).param("sheet", sheet.id())
			.param("on", Date.valueOf(on)).param("user", scope.userId()).param("total", total)
			.param("grade", EvaluationGrading.grade(total).name())
			.param("note", form.note() == null || form.note().isBlank() ? null : form.note().trim())
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		for (ScoreForm score : form.scores()) {
			jdbc.sql("""
					INSERT INTO entity_evaluation_score (evaluation_id, entity_id, region_id, item_id, score, remark)
					VALUES (:evaluation, :entity, :region, :item, :score, :remark)
					""").param("evaluation", id).param("entity", form.entityId()).param("region", regionId)
				.param("item", score.itemId()).param("score", score.score())
				.param("remark", score.remark() == null || score.remark().isBlank() ? null : score.remark().trim()).update();
		}
		Detail created = find(id);
		operationLog.record("EVALUATION_CREATE", "entity_evaluation", id, null, created);
		return created;
	}

	private Detail find(long id) {
		Row row = jdbc.sql(ROW + " WHERE v.id = :id").param("id", id).query(Row.class).single();
		String note = jdbc.sql("SELECT note FROM entity_evaluation WHERE id = :id").param("id", id)
			.query((rs, n) -> rs.getString("note")).list().get(0);
		List<Score> scores = jdbc.sql("SELECT item_id, score, remark FROM entity_evaluation_score WHERE evaluation_id = :id ORDER BY item_id")
			.param("id", id).query(Score.class).list();
		return new Detail(row, note, sheets.find(row.sheetId()), scores);
	}

	private static final String ROW = """
			SELECT v.id, v.entity_id, e.name AS entity_name,
			  (SELECT a.name FROM region_closure c JOIN region a ON a.id = c.ancestor_id
			   WHERE c.descendant_id = v.region_id AND a.level = 'DISTRICT') AS district,
			  (SELECT i.label FROM dict_item i WHERE i.type = 'industry' AND i.code = e.industry) AS industry,
			  v.sheet_id, s.name AS sheet_name, s.version AS sheet_version, v.evaluated_on, v.evaluator_name, v.total, v.grade
			FROM entity_evaluation v JOIN supervised_entity e ON e.id = v.entity_id JOIN evaluation_sheet s ON s.id = v.sheet_id
			""";
}
