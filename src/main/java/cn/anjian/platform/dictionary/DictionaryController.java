package cn.anjian.platform.dictionary;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dictionaries (字典): the city-wide code lists behind every classification. Global reference data, the same for
 * every scope; only administrators edit them, and a code never changes once created (records refer to it).
 */
@RestController
@RequestMapping("/api/dict")
class DictionaryController {

	record DictType(String type, String name, int itemCount) {
	}

	record DictItem(long id, String code, String label, int sortOrder, boolean enabled) {
	}

	record NewItem(@NotBlank(message = "请填写编码") @Pattern(regexp = "[A-Za-z0-9_]{1,64}", message = "编码为字母、数字或下划线")
			String code, @NotBlank(message = "请填写名称") String label, @NotNull Integer sortOrder, @NotNull Boolean enabled) {
	}

	record ItemChange(@NotBlank(message = "请填写名称") String label, @NotNull Integer sortOrder, @NotNull Boolean enabled) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;

	DictionaryController(JdbcClient jdbc, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('dict:read')")
	List<DictType> types() {
		return jdbc.sql("""
				SELECT t.type, t.name, (SELECT count(*) FROM dict_item i WHERE i.type = t.type) AS item_count
				FROM dict_type t ORDER BY t.sort_order
				""").query(DictType.class).list();
	}

	@GetMapping("/{type}")
	@PreAuthorize("hasAuthority('dict:read')")
	List<DictItem> items(@PathVariable String type) {
		requireType(type);
		return jdbc.sql("SELECT id, code, label, sort_order, enabled FROM dict_item WHERE type = :type ORDER BY sort_order, id")
			.param("type", type).query(DictItem.class).list();
	}

	@PostMapping("/{type}")
	@PreAuthorize("hasAuthority('dict:write')")
	DictItem add(@PathVariable String type, @Valid @RequestBody NewItem item) {
		requireType(type);
		DictItem created = jdbc.sql("""
				INSERT INTO dict_item (type, code, label, sort_order, enabled) VALUES (:type, :code, :label, :sortOrder, :enabled)
				RETURNING id, code, label, sort_order, enabled
				""")
			.param("type", type).param("code", item.code()).param("label", item.label().trim())
			.param("sortOrder", item.sortOrder()).param("enabled", item.enabled())
			.query(DictItem.class).single();
		operationLog.record("CREATE", "dict_item", created.id(), null, created);
		return created;
	}

	@PutMapping("/{type}/{id}")
	@PreAuthorize("hasAuthority('dict:write')")
	DictItem change(@PathVariable String type, @PathVariable long id, @Valid @RequestBody ItemChange change) {
		DictItem before = items(type).stream().filter(i -> i.id() == id).findFirst()
			.orElseThrow(() -> ApiException.notFound("字典项"));
		DictItem after = jdbc.sql("""
				UPDATE dict_item SET label = :label, sort_order = :sortOrder, enabled = :enabled WHERE id = :id
				RETURNING id, code, label, sort_order, enabled
				""")
			.param("id", id).param("label", change.label().trim()).param("sortOrder", change.sortOrder())
			.param("enabled", change.enabled())
			.query(DictItem.class).single();
		operationLog.record("UPDATE", "dict_item", id, before, after);
		return after;
	}

	private void requireType(String type) {
		if (jdbc.sql("SELECT count(*) FROM dict_type WHERE type = :type").param("type", type).query(Long.class).single() == 0) {
			throw ApiException.notFound("字典类型");
		}
	}
}
