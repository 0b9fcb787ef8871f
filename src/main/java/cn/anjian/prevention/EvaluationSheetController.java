package cn.anjian.prevention;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 量化评分表: city-wide scoring sheets per industry (sections of items, each with its points and guidance), adding up
 * to exactly 100. Saving a sheet makes a new version; an evaluation keeps the version it was scored on, so editing a
 * sheet never changes a score already given. Everyone who reads dual prevention reads them; the city edits them.
 */
@RestController
@RequestMapping("/api/prevention/evaluation-sheets")
class EvaluationSheetController {

	record Summary(long id, String code, int version, String name, List<String> industries, BigDecimal total,
			int itemCount) {
	}

	record Item(long id, String content, BigDecimal maxPoints, String guidance) {
	}

	record Section(String name, BigDecimal points, List<Item> items) {
	}

	record Sheet(long id, String code, int version, String name, List<String> industries, boolean current,
			BigDecimal total, List<Section> sections) {
	}

	record Form(@NotBlank(message = "请填写评分表名称") @Size(max = 100, message = "名称不超过100字") String name,
			List<String> industries, @NotEmpty(message = "请至少填写一个评分单元") List<@Valid SectionForm> sections) {
	}

	record SectionForm(@NotBlank(message = "请填写评分单元名称") @Size(max = 100, message = "评分单元名称不超过100字") String name,
			@NotEmpty(message = "每个评分单元至少有一个评分项") List<@Valid ItemForm> items) {
	}

	record ItemForm(@NotBlank(message = "请填写评分内容") @Size(max = 500, message = "评分内容不超过500字") String content,
			@NotNull(message = "请填写分值") @DecimalMin(value = "0.5", message = "分值至少0.5分")
			@Digits(integer = 3, fraction = 1, message = "分值最多一位小数") BigDecimal maxPoints,
			@Size(max = 1000, message = "评分标准不超过1000字") String guidance) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	EvaluationSheetController(JdbcClient jdbc, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	/** The current version of each sheet; {@code industry}: the sheets for it first, then the general ones. */
	@GetMapping
	@PreAuthorize("hasAuthority('prevention:read')")
	List<Summary> list(@RequestParam(required = false) String industry) {
		String code = industry == null || industry.isBlank() ? null : industry.trim();
		return jdbc.sql("""
				SELECT s.id, s.code, s.version, s.name, s.industries,
				  (SELECT coalesce(sum(i.max_points), 0) FROM evaluation_sheet_item i WHERE i.sheet_id = s.id) AS total,
				  (SELECT count(*) FROM evaluation_sheet_item i WHERE i.sheet_id = s.id) AS item_count
				FROM evaluation_sheet s
				WHERE s.current AND (CAST(:industry AS text) IS NULL OR CAST(:industry AS varchar) = ANY (s.industries) OR s.industries = '{}')
				ORDER BY (s.industries = '{}'), s.code
				""").param("industry", code)
			.query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
					strings(rs.getArray("industries")), rs.getBigDecimal("total"), rs.getInt("item_count")))
			.list();
	}

	/** One version of a sheet, current or not (an evaluation names the version it used). */
	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('prevention:read')")
	Sheet get(@PathVariable long id) {
		return find(id);
	}

	/** Saves a new version of the sheet {@code code} (or its first version); the previous one is kept for its evaluations. */
	@PutMapping("/{code}")
	@PreAuthorize("hasAuthority('prevention:configure')")
	Sheet saveVersion(@PathVariable String code, @Valid @RequestBody Form form,
			DataScope scope) {
		if (!code.matches("[A-Z0-9_]{1,32}")) {
			throw ApiException.invalid("code", "评分表编码只能由大写字母、数字和下划线组成，不超过32位");
		}
		BigDecimal total = form.sections().stream().flatMap(s -> s.items().stream()).map(ItemForm::maxPoints)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.compareTo(EvaluationGrading.FULL_SCORE) != 0) {
			throw ApiException.invalid("sections", "各评分项分值合计须为100分，当前合计" + total.stripTrailingZeros().toPlainString() + "分");
		}
		String[] industries = industries(form.industries());
		Sheet before = jdbc.sql("SELECT id FROM evaluation_sheet WHERE code = :code AND current FOR UPDATE")
			.param("code", code).query(Long.class).optional().map(this::find).orElse(null);
		jdbc.sql("UPDATE evaluation_sheet SET current = false WHERE code = :code AND current").param("code", code).update();
		long id = jdbc.sql("""
				INSERT INTO evaluation_sheet (code, version, name, industries, current, created_at, created_by)
				VALUES (:code, (SELECT coalesce(max(version), 0) + 1 FROM evaluation_sheet WHERE code = :code), :name,
				        CAST(:industries AS varchar[]), true, :now, :user) RETURNING id
				""").param("code", code).param("name", form.name().trim()).param("industries", industries)
			.param("now", Timestamp.from(clock.instant())).param("user", scope.userId() == 0 ? null : scope.userId())
			.query(Long.class).single();
		for (int s = 0; s < form.sections().size(); s++) {
			SectionForm section = form.sections().get(s);
			for (int i = 0; i < section.items().size(); i++) {
				ItemForm item = section.items().get(i);
				jdbc.sql("""
						INSERT INTO evaluation_sheet_item (sheet_id, section_no, section, item_no, content, max_points, guidance)
						VALUES (:sheet, :sno, :section, :ino, :content, :points, :guidance)
						""").param("sheet", id).param("sno", s + 1).param("section", section.name().trim()).param("ino", i + 1)
					.param("content", item.content().trim()).param("points", item.maxPoints())
					.param("guidance", item.guidance() == null || item.guidance().isBlank() ? null : item.guidance().trim())
					.update();
			}
		}
		Sheet after = find(id);
		operationLog.record("EVALUATION_SHEET_VERSION", "evaluation_sheet", id, before, after);
		return after;
	}

	Sheet find(long id) {
		Map<Integer, String> names = new LinkedHashMap<>();
		Map<Integer, List<Item>> items = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, section_no, section, content, max_points, guidance FROM evaluation_sheet_item WHERE sheet_id = :id
				ORDER BY section_no, item_no
				""").param("id", id)
			.query(rs -> {
				names.put(rs.getInt("section_no"), rs.getString("section"));
				items.computeIfAbsent(rs.getInt("section_no"), k -> new ArrayList<>()).add(new Item(rs.getLong("id"),
						rs.getString("content"), rs.getBigDecimal("max_points"), rs.getString("guidance")));
			});
		List<Section> list = items.entrySet().stream().map(e -> new Section(names.get(e.getKey()),
				e.getValue().stream().map(Item::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add), e.getValue())).toList();
		BigDecimal total = list.stream().map(Section::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		return jdbc.sql("SELECT id, code, version, name, industries, current FROM evaluation_sheet WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Sheet(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
					strings(rs.getArray("industries")), rs.getBoolean("current"), total, list))
			.optional().orElseThrow(() -> ApiException.notFound("评分表"));
	}

	private String[] industries(List<String> codes) {
		List<String> given = codes == null ? List.of() : codes;
		List<String> unknown = given.stream().filter(code -> jdbc.sql("""
				SELECT count(*) FROM dict_item WHERE type = 'industry' AND code = :code
				""").param("code", code).query(Long.class).single() == 0).toList();
		if (!unknown.isEmpty()) {
			throw ApiException.invalid("industries", "未知的行业：" + String.join("、", unknown));
		}
		return given.stream().distinct().toArray(String[]::new);
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}
}
