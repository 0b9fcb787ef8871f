package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * 双随机一公开: draw entities from a filtered pool and pair each with inspectors of the caller's staff
 * ({@link RandomDraw}), store the result with its seed, publish it, export it.
 */
@RestController
@RequestMapping("/api/draws")
class RandomDrawController {

	record NewDraw(@NotBlank(message = "请填写抽查名称") String name, Long regionId, String industry,
			String supervisionType,
			@NotNull(message = "请填写抽取数量") @Min(value = 1, message = "至少抽取1家") @Max(value = 500, message = "一次最多抽取500家") Integer entityCount,
			@NotNull(message = "请填写每家匹配的检查人员数") @Min(value = RandomDraw.MIN_INSPECTORS, message = "每家至少匹配2名检查人员") Integer inspectorsPerEntity,
			List<Long> inspectorIds, Long seed) {
	}

	record Detail(RandomDraws.DrawView draw, List<RandomDraws.Result> results) {
	}

	/** The inspections a published draw turns into: of one type, planned for one date, optionally with a checklist. */
	record NewTasks(@NotNull(message = "请选择检查类型") InspectionType type,
			@NotNull(message = "请选择计划检查日期") LocalDate plannedOn, Long templateId) {
	}

	private static final SecureRandom SEEDS = new SecureRandom();

	private final RandomDraws draws;
	private final Inspections inspections;
	private final InspectionStaff staff;
	private final ScopeChecks scopeChecks;
	private final OperationLog operationLog;
	private final JdbcClient jdbc;
	private final Clock clock;

	RandomDrawController(RandomDraws draws, Inspections inspections, InspectionStaff staff, ScopeChecks scopeChecks,
			OperationLog operationLog, JdbcClient jdbc, Clock clock) {
		this.draws = draws;
		this.inspections = inspections;
		this.jdbc = jdbc;
		this.staff = staff;
		this.scopeChecks = scopeChecks;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('inspection:read')")
	Page<RandomDraws.DrawView> search(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return draws.search(scope, page, size);
	}

	/** The published draws of the caller's territory, with their results (公开). */
	@GetMapping("/published")
	@PreAuthorize("hasAuthority('inspection:read')")
	Page<Detail> published(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "10") int size,
			DataScope scope) {
		Page<RandomDraws.DrawView> found = draws.published(scope, page, Math.min(size, 50));
		return new Page<>(found.items().stream().map(d -> new Detail(d, draws.results(d.id()))).toList(), found.total());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('inspection:read')")
	Detail get(@PathVariable long id, DataScope scope) {
		return new Detail(view(scope, id), draws.results(id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('inspection:plan')")
	Detail draw(@Valid @RequestBody NewDraw form, DataScope scope) {
		if (scope.kind() == DataScope.Kind.ENTITY) {
			throw ApiException.forbidden("企业不能组织抽查");
		}
		long region = form.regionId() == null ? scope.regionId() : form.regionId();
		scopeChecks.requireRegion(scope, region, "region", region, "区划");
		String industry = ChecklistController.blankToNull(form.industry());
		String type = ChecklistController.blankToNull(form.supervisionType());
		List<Long> pool = draws.pool(scope, region, industry, type);
		if (pool.size() < form.entityCount()) {
			throw ApiException.conflict("POOL_TOO_SMALL",
					"检查对象库中只有 %d 家单位，少于抽取数量 %d".formatted(pool.size(), form.entityCount()));
		}
		List<Long> inspectors = form.inspectorIds() == null || form.inspectorIds().isEmpty() ? staff.ids(scope)
				: staff.require(scope, form.inspectorIds(), "inspectorIds");
		long seed = form.seed() == null ? SEEDS.nextLong() : form.seed();
		List<RandomDraw.Pick> picks;
		try {
			picks = RandomDraw.draw(seed, pool, form.entityCount(), form.inspectorsPerEntity(), inspectors, draws::excluded);
		}
		catch (RandomDraw.NotEnoughInspectors e) {
			String name = draws.entityName(e.entityId);
			throw new ApiException(HttpStatus.CONFLICT, "NOT_ENOUGH_INSPECTORS",
					"“%s”排除回避人员和上次检查人员后只剩 %d 名检查人员，不足每家 %d 名，请增加检查人员或减少每家匹配人数"
						.formatted(name, e.remaining, form.inspectorsPerEntity()));
		}
		long id = draws.insert(new RandomDraws.NewDraw(scope.kind() == DataScope.Kind.DEPARTMENT ? departmentRegion(scope)
				: region, scope.departmentId(), form.name().trim(), region, industry, type, form.entityCount(),
				form.inspectorsPerEntity(), seed, pool.size(), inspectors.stream().sorted().toList(), scope.userId(),
				clock.instant()), picks);
		Detail created = new Detail(view(scope, id), draws.results(id));
		operationLog.record("DRAW_CREATE", "random_draw", id, null, created);
		return created;
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasAuthority('inspection:plan')")
	RandomDraws.DrawView publish(@PathVariable long id, DataScope scope) {
		RandomDraws.DrawView before = view(scope, id);
		if (!draws.publish(id, clock.instant())) {
			throw ApiException.conflict("ALREADY_PUBLISHED", "该抽查结果已公开");
		}
		RandomDraws.DrawView after = view(scope, id);
		operationLog.record("DRAW_PUBLISH", "random_draw", id, before, after);
		return after;
	}

	/**
	 * Turns a published draw into its inspections (检查任务): one unfinished record per drawn entity, with the inspectors
	 * paired to it, in the drawing unit. Only once: a second call is refused while the draw has tasks, so the result
	 * and the work done stay one-to-one (a task deleted by mistake is not silently recreated by a double click).
	 */
	@PostMapping("/{id}/inspections")
	@PreAuthorize("hasAuthority('inspection:plan')")
	Detail createInspections(@PathVariable long id, @Valid @RequestBody NewTasks form, DataScope scope) {
		view(scope, id);
		draws.lock(id);
		RandomDraws.DrawView draw = view(scope, id);
		if (!draw.published()) {
			throw ApiException.conflict("DRAW_NOT_PUBLISHED", "抽查结果公开后才能生成检查任务");
		}
		if (draws.taskCount(id) > 0) {
			throw ApiException.conflict("DRAW_TASKS_EXIST", "该抽查已生成检查任务，不能重复生成");
		}
		if (form.type() == InspectionType.RE_INSPECTION) {
			throw ApiException.invalid("type", "复查针对已有隐患，不能由抽查生成");
		}
		if (form.plannedOn().isBefore(LocalDate.now(clock.withZone(BusinessTime.ZONE)))) {
			throw ApiException.invalid("plannedOn", "计划检查日期不能早于今天");
		}
		if (form.templateId() != null && jdbc.sql("SELECT count(*) FROM checklist_template WHERE id = :id AND enabled")
			.param("id", form.templateId()).query(Long.class).single() == 0) {
			throw ApiException.invalid("templateId", "检查表模板不存在或已停用");
		}
		Detail before = new Detail(draw, draws.results(id));
		for (RandomDraws.Result result : before.results()) {
			inspections.insert(new Inspections.NewRecord(result.entityId(), draw.departmentId(), form.type(),
					form.plannedOn(), form.templateId(), null, id, result.inspectorIds(), scope.userId(), clock.instant()));
		}
		Detail after = new Detail(draw, draws.results(id));
		operationLog.record("DRAW_INSPECTIONS_CREATE", "random_draw", id, before, after);
		return after;
	}

	@GetMapping("/{id}/export.xlsx")
	@PreAuthorize("hasAuthority('inspection:read')")
	void export(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
		RandomDraws.DrawView draw = view(scope, id);
		operationLog.record("EXPORT", "random_draw", id, null, Map.of("document", "双随机抽查结果", "format", "xlsx"));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(draw.name() + ".xlsx", StandardCharsets.UTF_8).build().toString());
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("抽查结果");
			row(sheet, 0, List.of(draw.name()));
			row(sheet, 1, List.of("随机种子 " + draw.seed(), "对象库 " + draw.poolSize() + " 家", "抽取 " + draw.entityCount() + " 家",
					"每家 " + draw.inspectorsPerEntity() + " 名检查人员"));
			row(sheet, 2, List.of("序号", "单位名称", "统一社会信用代码", "属地", "检查人员"));
			int r = 3;
			for (RandomDraws.Result result : draws.results(id)) {
				row(sheet, r++, List.of(String.valueOf(result.position()), result.entityName(), result.uscc().trim(),
						String.valueOf(result.regionPath()), String.valueOf(result.inspectorNames())));
			}
			for (int c = 0; c < 5; c++) {
				sheet.setColumnWidth(c, (c == 1 ? 40 : 22) * 256);
			}
			book.write(response.getOutputStream());
		}
	}

	private static void row(Sheet sheet, int index, List<String> values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
		}
	}

	private long departmentRegion(DataScope scope) {
		return draws.departmentRegion(scope.departmentId());
	}

	private RandomDraws.DrawView view(DataScope scope, long id) {
		return draws.find(scope, id).orElseThrow(() -> {
			operationLog.recordDenied("random_draw", id);
			return ApiException.notFound("抽查");
		});
	}
}
