package cn.anjian.organization;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.RestController;

/** The region tree, limited to the caller's subtree; new regions only below one the caller owns. */
@RestController
@RequestMapping("/api/regions")
class RegionController {

	record Region(long id, Long parentId, String code, String name, String level, String kind, String kindLabel,
			String gridInspectorName, String gridInspectorPhone, int sortOrder, List<Region> children) {
	}

	record RegionForm(Long parentId, @NotBlank(message = "请填写区划代码") @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}",
			message = "区划代码应为6、9或12位数字") String code, @NotBlank(message = "请填写名称") String name,
			@NotBlank(message = "请选择类型") String kind, @NotNull Integer sortOrder, String gridInspectorName,
			String gridInspectorPhone) {
	}

	/** Which level a kind of region sits at, and which kinds may be its parent's level. */
	private static final Map<String, String> LEVEL_OF_KIND = Map.of("CITY", "CITY", "DISTRICT", "DISTRICT", "COUNTY",
			"DISTRICT", "ZONE", "DISTRICT", "STREET", "STREET", "TOWN", "STREET", "GRID", "GRID");
	private static final Map<String, String> PARENT_LEVEL = Map.of("DISTRICT", "CITY", "STREET", "DISTRICT", "GRID",
			"STREET");

	private final JdbcClient jdbc;
	private final ScopeChecks scopeChecks;
	private final OperationLog operationLog;

	RegionController(JdbcClient jdbc, ScopeChecks scopeChecks, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.scopeChecks = scopeChecks;
		this.operationLog = operationLog;
	}

	@GetMapping("/tree")
	@PreAuthorize("hasAuthority('region:read')")
	List<Region> tree(DataScope scope) {
		List<Region> flat = scope.bind(jdbc.sql(SELECT + " WHERE " + scope.regionFilter("r.id")
				+ " ORDER BY r.level, r.sort_order, r.code"))
			.query((rs, n) -> map(rs))
			.list();
		Map<Long, Region> byId = new HashMap<>();
		flat.forEach(r -> byId.put(r.id(), r));
		List<Region> roots = new ArrayList<>();
		for (Region r : flat) {
			Region parent = r.parentId() == null ? null : byId.get(r.parentId());
			(parent == null ? roots : parent.children()).add(r);
		}
		return roots;
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('region:read')")
	Region get(@PathVariable long id, DataScope scope) {
		return find(id, scope);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('region:write')")
	Region create(@Valid @RequestBody RegionForm form, DataScope scope) {
		if (form.parentId() == null) {
			throw ApiException.invalid("parentId", "请选择上级区划");
		}
		Region parent = find(form.parentId(), scope);
		String level = levelOf(form.kind());
		if (!parent.level().equals(PARENT_LEVEL.get(level))) {
			throw ApiException.invalid("kind", "该类型不能作为“" + parent.name() + "”的下级");
		}
		long id = jdbc.sql("""
				INSERT INTO region (parent_id, code, name, level, kind, grid_inspector_name, grid_inspector_phone, sort_order)
				VALUES (:parentId, :code, :name, :level, :kind, :inspector, :phone, :sortOrder) RETURNING id
				""")
			.param("parentId", parent.id())
			.param("code", form.code())
			.param("name", form.name().trim())
			.param("level", level)
			.param("kind", form.kind())
			.param("inspector", form.gridInspectorName())
			.param("phone", form.gridInspectorPhone())
			.param("sortOrder", form.sortOrder())
			.query(Long.class)
			.single();
		Region created = find(id, scope);
		operationLog.record("CREATE", "region", id, null, created);
		return created;
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('region:write')")
	Region update(@PathVariable long id, @Valid @RequestBody RegionForm form, DataScope scope) {
		Region before = find(id, scope);
		if (!levelOf(form.kind()).equals(before.level())) {
			throw ApiException.invalid("kind", "不能改变区划的层级");
		}
		if (before.id() == scope.regionId() && !before.name().equals(form.name().trim())) {
			throw ApiException.forbidden("不能修改本级区划，请联系上级管理员");
		}
		jdbc.sql("""
				UPDATE region SET code = :code, name = :name, kind = :kind, grid_inspector_name = :inspector,
				       grid_inspector_phone = :phone, sort_order = :sortOrder WHERE id = :id
				""")
			.param("id", id)
			.param("code", form.code())
			.param("name", form.name().trim())
			.param("kind", form.kind())
			.param("inspector", form.gridInspectorName())
			.param("phone", form.gridInspectorPhone())
			.param("sortOrder", form.sortOrder())
			.update();
		Region after = find(id, scope);
		operationLog.record("UPDATE", "region", id, before, after);
		return after;
	}

	private Region find(long id, DataScope scope) {
		scopeChecks.requireRegion(scope, id, "region", id, "行政区划");
		return jdbc.sql(SELECT + " WHERE r.id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs))
			.single();
	}

	private static Region map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Region(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getString("code"), rs.getString("name"),
				rs.getString("level"), rs.getString("kind"), rs.getString("kind_label"), rs.getString("grid_inspector_name"),
				rs.getString("grid_inspector_phone"), rs.getInt("sort_order"), new ArrayList<>());
	}

	private static String levelOf(String kind) {
		String level = LEVEL_OF_KIND.get(kind);
		if (level == null || level.equals("CITY")) {
			throw ApiException.invalid("kind", "区划类型不正确");
		}
		return level;
	}

	private static final String SELECT = """
			SELECT r.id, r.parent_id, r.code, r.name, r.level, r.kind, k.label AS kind_label, r.grid_inspector_name,
			       r.grid_inspector_phone, r.sort_order
			FROM region r LEFT JOIN dict_item k ON k.type = 'region_kind' AND k.code = r.kind
			""";
}
