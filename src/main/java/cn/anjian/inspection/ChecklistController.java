package cn.anjian.inspection;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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
 * Checklist templates (检查表) per industry: items with their legal basis. City-wide reference data like the
 * dictionaries — every government user reads them, the city edits them. An inspection copies the items when it
 * starts, so editing a template never changes a record already made.
 */
@RestController
@RequestMapping("/api/checklist-templates")
class ChecklistController {

	record Summary(long id, String name, List<String> industries, String description, boolean enabled, int itemCount) {
	}

	record Item(String content, String legalBasis) {
	}

	record Template(long id, String name, List<String> industries, String description, boolean enabled, List<Item> items) {
	}

	record Form(@NotBlank(message = "请填写模板名称") @Size(max = 100, message = "名称不超过100字") String name,
			List<String> industries, String description, Boolean enabled,
			@NotEmpty(message = "请至少填写一个检查项") List<@Valid ItemForm> items) {
	}

	record ItemForm(@NotBlank(message = "请填写检查内容") @Size(max = 500, message = "检查内容不超过500字") String content,
			@Size(max = 500, message = "依据不超过500字") String legalBasis) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	ChecklistController(JdbcClient jdbc, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	/** {@code industry}: the templates for that industry first-class, plus the general ones (no industry named). */
	@GetMapping
	@PreAuthorize("hasAuthority('checklist:read')")
	List<Summary> list(@RequestParam(required = false) String industry, @RequestParam(required = false) Boolean enabled) {
		return jdbc.sql("""
				SELECT t.id, t.name, t.industries, t.description, t.enabled,
				  (SELECT count(*) FROM checklist_template_item i WHERE i.template_id = t.id) AS item_count
				FROM checklist_template t
				WHERE (CAST(:industry AS text) IS NULL OR CAST(:industry AS varchar) = ANY (t.industries) OR t.industries = '{}')
				  AND (CAST(:enabled AS boolean) IS NULL OR t.enabled = :enabled)
				ORDER BY (CAST(:industry AS text) IS NOT NULL AND t.industries = '{}'), t.id
				""").param("industry", blankToNull(industry)).param("enabled", enabled)
			.query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("name"), strings(rs.getArray("industries")),
					rs.getString("description"), rs.getBoolean("enabled"), rs.getInt("item_count")))
			.list();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('checklist:read')")
	Template get(@PathVariable long id) {
		return find(id);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('checklist:write')")
	Template create(@Valid @RequestBody Form form) {
		long id = jdbc.sql("""
				INSERT INTO checklist_template (name, industries, description, enabled, updated_at)
				VALUES (:name, CAST(:industries AS varchar[]), :description, :enabled, :now) RETURNING id
				""").param("name", form.name().trim()).param("industries", industries(form))
			.param("description", form.description()).param("enabled", form.enabled() == null || form.enabled())
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		insertItems(id, form.items());
		Template created = find(id);
		operationLog.record("CHECKLIST_CREATE", "checklist_template", id, null, created);
		return created;
	}

	/** Replaces name, industries and the whole item list. */
	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('checklist:write')")
	Template update(@PathVariable long id, @Valid @RequestBody Form form) {
		Template before = find(id);
		jdbc.sql("""
				UPDATE checklist_template SET name = :name, industries = CAST(:industries AS varchar[]),
				  description = :description, enabled = :enabled, updated_at = :now WHERE id = :id
				""").param("id", id).param("name", form.name().trim()).param("industries", industries(form))
			.param("description", form.description()).param("enabled", form.enabled() == null || form.enabled())
			.param("now", Timestamp.from(clock.instant())).update();
		jdbc.sql("DELETE FROM checklist_template_item WHERE template_id = :id").param("id", id).update();
		insertItems(id, form.items());
		Template after = find(id);
		operationLog.record("CHECKLIST_UPDATE", "checklist_template", id, before, after);
		return after;
	}

	Template find(long id) {
		List<Item> items = jdbc.sql("""
				SELECT content, legal_basis FROM checklist_template_item WHERE template_id = :id ORDER BY sort_order, id
				""").param("id", id).query(Item.class).list();
		return jdbc.sql("SELECT id, name, industries, description, enabled FROM checklist_template WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Template(rs.getLong("id"), rs.getString("name"), strings(rs.getArray("industries")),
					rs.getString("description"), rs.getBoolean("enabled"), items))
			.optional().orElseThrow(() -> ApiException.notFound("检查表模板"));
	}

	private void insertItems(long templateId, List<ItemForm> items) {
		for (int i = 0; i < items.size(); i++) {
			ItemForm item = items.get(i);
			jdbc.sql("""
					INSERT INTO checklist_template_item (template_id, sort_order, content, legal_basis)
					VALUES (:t, :n, :content, :basis)
					""").param("t", templateId).param("n", i + 1).param("content", item.content().trim())
				.param("basis", blankToNull(item.legalBasis())).update();
		}
	}

	private String[] industries(Form form) {
		List<String> codes = form.industries() == null ? List.of() : form.industries();
		List<String> unknown = codes.stream().filter(code -> jdbc.sql("""
				SELECT count(*) FROM dict_item WHERE type = 'industry' AND code = :code
				""").param("code", code).query(Long.class).single() == 0).toList();
		if (!unknown.isEmpty()) {
			throw ApiException.invalid("industries", "未知的行业：" + String.join("、", unknown));
		}
		return codes.stream().distinct().toArray(String[]::new);
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
