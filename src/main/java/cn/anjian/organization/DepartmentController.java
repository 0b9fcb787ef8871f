package cn.anjian.organization;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The safety committee's member departments of the city and districts, with offices, liaisons and leaders. */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

	record Department(long id, long regionId, String regionName, String level, String name, String shortName,
			String kind, int sortOrder) {
	}

	record DepartmentDetail(long id, long regionId, String regionName, String level, String name, String shortName,
			String kind, int sortOrder, List<Office> offices, List<Liaison> liaisons, List<RoleHolder> roleHolders, List<Staff> staff) {
	}

	record Office(long id, String name, int sortOrder) {
	}

	record Liaison(long id, String name, String phone) {
	}

	record RoleHolder(long id, String role, String roleLabel, String name, String title, String phone,
			LocalDate termFrom, LocalDate termTo) {
	}

	record Staff(long id, String username, String displayName, String phone, String officeName, List<RoleRef> roles) {
	}

	record RoleRef(String code, String name) {
	}

	/** {@code kind}: dictionary department_kind, matches the task-division rules; left as it is when absent. */
	record DepartmentForm(Long regionId, @NotBlank(message = "请填写部门名称") String name, String shortName, String kind,
			@NotNull Integer sortOrder) {
	}

	record OfficeForm(@NotBlank(message = "请填写处（科）室名称") String name, @NotNull Integer sortOrder) {
	}

	record LiaisonForm(@NotBlank(message = "请填写姓名") String name, String phone) {
	}

	record RoleHolderForm(@NotBlank @Pattern(regexp = "FIRST_RESPONSIBLE|IN_CHARGE|OTHER_IN_CHARGE",
			message = "责任角色不正确") String role, @NotBlank(message = "请填写姓名") String name, String title,
			String phone, LocalDate termFrom, LocalDate termTo) {
	}

	/** 第一责任人, 分管责任人, 其他分管责任人 (seed 003 §三). */
	private static final Map<String, String> ROLE_LABELS = Map.of("FIRST_RESPONSIBLE", "安全生产第一责任人",
			"IN_CHARGE", "分管责任人", "OTHER_IN_CHARGE", "其他分管责任人");
	private static final int MAX_LIAISONS = 2;

	private final JdbcClient jdbc;
	private final ScopeChecks scopeChecks;
	private final OperationLog operationLog;

	DepartmentController(JdbcClient jdbc, ScopeChecks scopeChecks, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.scopeChecks = scopeChecks;
		this.operationLog = operationLog;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('department:read')")
	List<Department> list(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String keyword, DataScope scope) {
		return scope.bind(jdbc.sql(SELECT + " WHERE " + scope.regionFilter("d.region_id") + """
				 AND (CAST(:regionId AS bigint) IS NULL OR d.region_id = :regionId)
				 AND (CAST(:keyword AS text) IS NULL OR d.name LIKE '%' || :keyword || '%' OR d.short_name LIKE '%' || :keyword || '%')
				ORDER BY r.level, r.sort_order, d.sort_order, d.id
				"""))
			.param("regionId", regionId)
			.param("keyword", keyword == null || keyword.isBlank() ? null : keyword.trim())
			.query(Department.class)
			.list();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('department:read')")
	DepartmentDetail get(@PathVariable long id, DataScope scope) {
		Department d = find(id, scope);
		return new DepartmentDetail(d.id(), d.regionId(), d.regionName(), d.level(), d.name(), d.shortName(), d.kind(),
				d.sortOrder(), offices(id), liaisons(id), roleHolders(id), staff(id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('department:write')")
	Department create(@Valid @RequestBody DepartmentForm form, DataScope scope) {
		if (form.regionId() == null) {
			throw ApiException.invalid("regionId", "请选择所属区划");
		}
		scopeChecks.requireRegion(scope, form.regionId(), "region", form.regionId(), "行政区划");
		String level = jdbc.sql("SELECT level FROM region WHERE id = :id").param("id", form.regionId())
			.query(String.class).single();
		if (!level.equals("CITY") && !level.equals("DISTRICT")) {
			throw ApiException.invalid("regionId", "部门只能设在市或区县一级");
		}
		long id = jdbc.sql("""
				INSERT INTO department (region_id, level, name, short_name, kind, sort_order)
				VALUES (:regionId, :level, :name, :shortName, :kind, :sortOrder) RETURNING id
				""")
			.param("regionId", form.regionId())
			.param("level", level)
			.param("name", form.name().trim())
			.param("shortName", form.shortName())
			.param("kind", form.kind())
			.param("sortOrder", form.sortOrder())
			.query(Long.class)
			.single();
		Department created = find(id, scope);
		operationLog.record("CREATE", "department", id, null, created);
		return created;
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('department:write')")
	Department update(@PathVariable long id, @Valid @RequestBody DepartmentForm form, DataScope scope) {
		Department before = find(id, scope);
		jdbc.sql("""
				UPDATE department SET name = :name, short_name = :shortName, kind = coalesce(:kind, kind),
				       sort_order = :sortOrder WHERE id = :id
				""")
			.param("id", id)
			.param("kind", form.kind())
			.param("name", form.name().trim())
			.param("shortName", form.shortName())
			.param("sortOrder", form.sortOrder())
			.update();
		Department after = find(id, scope);
		operationLog.record("UPDATE", "department", id, before, after);
		return after;
	}

	@PostMapping("/{id}/offices")
	@PreAuthorize("hasAuthority('department:write')")
	Office addOffice(@PathVariable long id, @Valid @RequestBody OfficeForm form, DataScope scope) {
		Department department = find(id, scope);
		Office office = jdbc.sql("""
				INSERT INTO department_office (department_id, region_id, name, sort_order)
				VALUES (:id, :regionId, :name, :sortOrder) RETURNING id, name, sort_order
				""")
			.param("id", id)
			.param("regionId", department.regionId())
			.param("name", form.name().trim())
			.param("sortOrder", form.sortOrder())
			.query(Office.class)
			.single();
		operationLog.record("CREATE", "department_office", office.id(), null, office);
		return office;
	}

	@PutMapping("/{id}/offices/{officeId}")
	@PreAuthorize("hasAuthority('department:write')")
	Office updateOffice(@PathVariable long id, @PathVariable long officeId, @Valid @RequestBody OfficeForm form,
			DataScope scope) {
		find(id, scope);
		Office before = offices(id).stream().filter(o -> o.id() == officeId).findFirst()
			.orElseThrow(() -> ApiException.notFound("处（科）室"));
		Office after = jdbc.sql("""
				UPDATE department_office SET name = :name, sort_order = :sortOrder WHERE id = :officeId
				RETURNING id, name, sort_order
				""")
			.param("officeId", officeId)
			.param("name", form.name().trim())
			.param("sortOrder", form.sortOrder())
			.query(Office.class)
			.single();
		operationLog.record("UPDATE", "department_office", officeId, before, after);
		return after;
	}

	@PostMapping("/{id}/liaisons")
	@PreAuthorize("hasAuthority('department:write')")
	Liaison addLiaison(@PathVariable long id, @Valid @RequestBody LiaisonForm form, DataScope scope) {
		Department department = find(id, scope);
		if (liaisons(id).size() >= MAX_LIAISONS) {
			throw ApiException.conflict("TOO_MANY_LIAISONS", "每个部门最多设联络员" + MAX_LIAISONS + "名");
		}
		Liaison liaison = jdbc.sql("""
				INSERT INTO department_liaison (department_id, region_id, name, phone)
				VALUES (:id, :regionId, :name, :phone) RETURNING id, name, phone
				""")
			.param("id", id)
			.param("regionId", department.regionId())
			.param("name", form.name().trim())
			.param("phone", form.phone())
			.query(Liaison.class)
			.single();
		operationLog.record("CREATE", "department_liaison", liaison.id(), null, liaison);
		return liaison;
	}

	@DeleteMapping("/{id}/liaisons/{liaisonId}")
	@PreAuthorize("hasAuthority('department:write')")
	ResponseEntity<Void> removeLiaison(@PathVariable long id, @PathVariable long liaisonId, DataScope scope) {
		find(id, scope);
		Liaison before = liaisons(id).stream().filter(l -> l.id() == liaisonId).findFirst()
			.orElseThrow(() -> ApiException.notFound("联络员"));
		jdbc.sql("DELETE FROM department_liaison WHERE id = :id").param("id", liaisonId).update();
		operationLog.record("DELETE", "department_liaison", liaisonId, before, null);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/role-holders")
	@PreAuthorize("hasAuthority('department:write')")
	RoleHolder addRoleHolder(@PathVariable long id, @Valid @RequestBody RoleHolderForm form, DataScope scope) {
		Department department = find(id, scope);
		if (form.termFrom() != null && form.termTo() != null && form.termTo().isBefore(form.termFrom())) {
			throw ApiException.invalid("termTo", "任职止日期不能早于任职起日期");
		}
		long holderId = jdbc.sql("""
				INSERT INTO department_role_holder (department_id, region_id, role, name, title, phone, term_from, term_to)
				VALUES (:id, :regionId, :role, :name, :title, :phone, :termFrom, :termTo) RETURNING id
				""")
			.param("id", id)
			.param("regionId", department.regionId())
			.param("role", form.role())
			.param("name", form.name().trim())
			.param("title", form.title())
			.param("phone", form.phone())
			.param("termFrom", form.termFrom())
			.param("termTo", form.termTo())
			.query(Long.class)
			.single();
		RoleHolder created = roleHolders(id).stream().filter(h -> h.id() == holderId).findFirst().orElseThrow();
		operationLog.record("CREATE", "department_role_holder", holderId, null, created);
		return created;
	}

	@DeleteMapping("/{id}/role-holders/{holderId}")
	@PreAuthorize("hasAuthority('department:write')")
	ResponseEntity<Void> removeRoleHolder(@PathVariable long id, @PathVariable long holderId, DataScope scope) {
		find(id, scope);
		RoleHolder before = roleHolders(id).stream().filter(h -> h.id() == holderId).findFirst()
			.orElseThrow(() -> ApiException.notFound("责任人"));
		jdbc.sql("DELETE FROM department_role_holder WHERE id = :id").param("id", holderId).update();
		operationLog.record("DELETE", "department_role_holder", holderId, before, null);
		return ResponseEntity.noContent().build();
	}

	private Department find(long id, DataScope scope) {
		Department department = jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(Department.class)
			.optional()
			.orElseThrow(() -> ApiException.notFound("部门"));
		scopeChecks.requireRegion(scope, department.regionId(), "department", id, "部门");
		return department;
	}

	private List<Office> offices(long departmentId) {
		return jdbc.sql("SELECT id, name, sort_order FROM department_office WHERE department_id = :id ORDER BY sort_order, id")
			.param("id", departmentId).query(Office.class).list();
	}

	private List<Liaison> liaisons(long departmentId) {
		return jdbc.sql("SELECT id, name, phone FROM department_liaison WHERE department_id = :id ORDER BY id")
			.param("id", departmentId).query(Liaison.class).list();
	}

	private List<RoleHolder> roleHolders(long departmentId) {
		return jdbc.sql("""
				SELECT id, role, name, title, phone, term_from, term_to FROM department_role_holder
				WHERE department_id = :id ORDER BY CASE role WHEN 'FIRST_RESPONSIBLE' THEN 0 WHEN 'IN_CHARGE' THEN 1 ELSE 2 END, id
				""")
			.param("id", departmentId)
			.query((rs, n) -> new RoleHolder(rs.getLong("id"), rs.getString("role"), ROLE_LABELS.get(rs.getString("role")),
					rs.getString("name"), rs.getString("title"), rs.getString("phone"),
					rs.getObject("term_from", LocalDate.class), rs.getObject("term_to", LocalDate.class)))
			.list();
	}

	/** Staff accounts of the department (a read of the identity module's table: the organisation shows who works where). */
	private List<Staff> staff(long departmentId) {
		return jdbc.sql("""
				SELECT u.id, u.username, u.display_name, u.phone, o.name AS office_name,
				       (SELECT string_agg(r.code || '=' || r.name, ';' ORDER BY r.sort_order) FROM user_role ur
				        JOIN app_role r ON r.code = ur.role_code WHERE ur.user_id = u.id) AS roles
				FROM app_user u LEFT JOIN department_office o ON o.id = u.office_id
				WHERE u.department_id = :id ORDER BY u.id
				""")
			.param("id", departmentId)
			.query((rs, n) -> new Staff(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("phone"), rs.getString("office_name"), rs.getString("roles") == null ? List.of()
							: java.util.Arrays.stream(rs.getString("roles").split(";")).map(r -> r.split("=", 2))
								.map(r -> new RoleRef(r[0], r[1])).toList()))
			.list();
	}

	private static final String SELECT = """
			SELECT d.id, d.region_id, r.name AS region_name, d.level, d.name, d.short_name, d.kind, d.sort_order
			FROM department d JOIN region r ON r.id = d.region_id
			""";
}
