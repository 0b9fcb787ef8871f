package cn.anjian.identity;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.scope.ScopeChecks;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts within the caller's scope. Nobody creates an account outside their territory or department, and
 * nobody grants a role whose permissions they do not hold themselves (no widening).
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	record UserForm(@NotBlank(message = "请填写登录名") @Pattern(regexp = "[A-Za-z0-9_.-]{3,64}",
			message = "登录名为3-64位字母、数字或 _ . -") String username, @NotBlank(message = "请填写姓名") String displayName,
			String phone, @NotEmpty(message = "请至少选择一个角色") List<String> roleCodes, Long regionId,
			Long departmentId, Long officeId, Long entityId, @NotBlank(message = "请设置初始密码") String initialPassword) {
	}

	record UserUpdate(@NotBlank(message = "请填写姓名") String displayName, String phone,
			@NotEmpty(message = "请至少选择一个角色") List<String> roleCodes, @NotNull Boolean enabled) {
	}

	record PasswordReset(@NotBlank(message = "请填写新密码") String newPassword) {
	}

	private static final Set<String> DEPARTMENT_ROLES = Set.of("DEPARTMENT_LEADER", "DEPARTMENT_INSPECTOR", "LIAISON");

	private final Users users;
	private final JdbcClient jdbc;
	private final ScopeChecks scopeChecks;
	private final PasswordEncoder passwords;
	private final OperationLog operationLog;
	private final FindByIndexNameSessionRepository<? extends Session> sessions;
	private final Clock clock;

	UserController(Users users, JdbcClient jdbc, ScopeChecks scopeChecks, PasswordEncoder passwords,
			OperationLog operationLog, FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock) {
		this.users = users;
		this.jdbc = jdbc;
		this.scopeChecks = scopeChecks;
		this.passwords = passwords;
		this.operationLog = operationLog;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('user:read')")
	Page<Users.UserView> list(@RequestParam(required = false) String keyword, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long departmentId, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return users.search(scope, keyword, regionId, departmentId, page, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('user:read')")
	Users.UserView get(@PathVariable long id, DataScope scope) {
		Users.UserView user = users.find(scope, id).orElseThrow(() -> denied(id));
		operationLog.record("VIEW", "user", id, null, null); // personal data (phone): a sensitive read
		return user;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('user:write')")
	Users.UserView create(@Valid @RequestBody UserForm form, DataScope scope) {
		AnjianUser caller = SecurityConfiguration.currentUser();
		checkGrantable(caller, form.roleCodes());
		if (form.entityId() != null || form.roleCodes().contains("BUSINESS_MANAGER")) {
			form = placeAtEntity(scope, form);
		}
		else {
			if (form.regionId() == null) {
				throw ApiException.invalid("regionId", "请选择所属区划");
			}
			scopeChecks.requireRegion(scope, form.regionId(), "region", form.regionId(), "所属区划");
			checkPlacement(scope, form);
		}
		PasswordPolicy.check(form.initialPassword(), form.username());
		long id = jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, phone, region_id, department_id, office_id,
				                      entity_id, must_change_password, created_at)
				VALUES (:username, :hash, :name, :phone, :regionId, :departmentId, :officeId, :entityId, true, :now)
				RETURNING id
				""")
			.param("username", form.username())
			.param("hash", passwords.encode(form.initialPassword()))
			.param("name", form.displayName().trim())
			.param("phone", form.phone())
			.param("regionId", form.regionId())
			.param("departmentId", form.departmentId())
			.param("officeId", form.officeId())
			.param("entityId", form.entityId())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		users.replaceRoles(id, form.roleCodes());
		Users.UserView created = users.find(scope, id).orElseThrow();
		operationLog.record("CREATE", "user", id, null, created);
		return created;
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('user:write')")
	Users.UserView update(@PathVariable long id, @Valid @RequestBody UserUpdate form, DataScope scope) {
		AnjianUser caller = SecurityConfiguration.currentUser();
		Users.UserView before = users.find(scope, id).orElseThrow(() -> denied(id));
		checkGrantable(caller, before.roles().stream().map(AnjianUser.Role::code).toList());
		checkGrantable(caller, form.roleCodes());
		if (id == caller.id() && !form.enabled()) {
			throw ApiException.invalid("enabled", "不能停用自己的账号");
		}
		if (before.departmentId() == null && form.roleCodes().stream().anyMatch(DEPARTMENT_ROLES::contains)) {
			throw ApiException.invalid("roleCodes", "部门角色只能授予部门人员");
		}
		jdbc.sql("UPDATE app_user SET display_name = :name, phone = :phone, enabled = :enabled WHERE id = :id")
			.param("id", id)
			.param("name", form.displayName().trim())
			.param("phone", form.phone())
			.param("enabled", form.enabled())
			.update();
		users.replaceRoles(id, form.roleCodes());
		endSessions(before.username()); // new roles or a disabled account take effect at once
		Users.UserView after = users.find(scope, id).orElseThrow();
		operationLog.record("UPDATE", "user", id, before, after);
		return after;
	}

	@PostMapping("/{id}/reset-password")
	@PreAuthorize("hasAuthority('user:write')")
	ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset body, DataScope scope) {
		Users.UserView user = users.find(scope, id).orElseThrow(() -> denied(id));
		checkGrantable(SecurityConfiguration.currentUser(), user.roles().stream().map(AnjianUser.Role::code).toList());
		PasswordPolicy.check(body.newPassword(), user.username());
		jdbc.sql("UPDATE app_user SET password_hash = :hash, must_change_password = true, failed_attempts = 0, locked_until = NULL WHERE id = :id")
			.param("id", id)
			.param("hash", passwords.encode(body.newPassword()))
			.update();
		endSessions(user.username());
		operationLog.record("RESET_PASSWORD", "user", id, null, Map.of("mustChangePassword", true));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/unlock")
	@PreAuthorize("hasAuthority('user:write')")
	Users.UserView unlock(@PathVariable long id, DataScope scope) {
		Users.UserView before = users.find(scope, id).orElseThrow(() -> denied(id));
		jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id").param("id", id).update();
		Users.UserView after = users.find(scope, id).orElseThrow();
		operationLog.record("UNLOCK", "user", id, before, after);
		return after;
	}

	/**
	 * Permissions that only answer what is addressed to the holder's own unit or keep its own records — a business
	 * reporting its own rectification or running its own dual prevention, a department accepting a lead sent to it,
	 * answering or routing a 督办单 addressed to it, filing its own dispatch report. Granting them widens nobody's reach into others' data, so an office
	 * that creates such accounts need not hold them.
	 */
	private static final Set<String> ANSWERING_OWN_UNIT_ONLY = Set.of("hazard:rectify", "prevention:write", "lead:handle",
			"supervision:reply", "supervision:route", "campaign:report");

	/** No widening: every permission of every granted role must be one the caller holds. */
	private void checkGrantable(AnjianUser caller, List<String> roleCodes) {
		Set<String> needed = new HashSet<>(users.permissionsOf(roleCodes));
		needed.removeAll(ANSWERING_OWN_UNIT_ONLY);
		if (users.knownRoles(roleCodes) != new HashSet<>(roleCodes).size()) {
			throw ApiException.invalid("roleCodes", "角色不存在");
		}
		needed.removeAll(caller.permissions());
		if (!needed.isEmpty()) {
			throw ApiException.forbidden("不能授予超出本人权限的角色");
		}
	}

	/**
	 * A business account (企业安全管理人员) belongs to one supervised entity within the caller's scope, sits at the
	 * entity's place and holds only the business role.
	 */
	private UserForm placeAtEntity(DataScope scope, UserForm form) {
		if (form.entityId() == null) {
			throw ApiException.invalid("entityId", "企业账号须选择所属单位");
		}
		if (!form.roleCodes().equals(List.of("BUSINESS_MANAGER"))) {
			throw ApiException.invalid("roleCodes", "企业账号只能授予“企业安全管理人员”角色");
		}
		Long region = scope.bind(jdbc.sql("SELECT e.region_id FROM supervised_entity e WHERE e.id = :id AND "
				+ scope.entityFilter("e.id", "e.region_id")))
			.param("id", form.entityId()).query(Long.class).optional()
			.orElseThrow(() -> {
				operationLog.recordDenied("supervised_entity", form.entityId());
				return ApiException.notFound("监管对象");
			});
		return new UserForm(form.username(), form.displayName(), form.phone(), form.roleCodes(), region, null, null,
				form.entityId(), form.initialPassword());
	}

	/** Department staff sit in their department's region. */
	private void checkPlacement(DataScope scope, UserForm form) {
		boolean departmentRole = form.roleCodes().stream().anyMatch(DEPARTMENT_ROLES::contains);
		if (form.departmentId() == null) {
			if (departmentRole) {
				throw ApiException.invalid("departmentId", "部门角色须选择所属部门");
			}
			if (scope.kind() != DataScope.Kind.REGION) {
				throw ApiException.forbidden("只能在本部门内创建账号");
			}
			return;
		}
		Long departmentRegion = jdbc.sql("SELECT region_id FROM department WHERE id = :id")
			.param("id", form.departmentId()).query(Long.class).optional()
			.orElseThrow(() -> ApiException.notFound("部门"));
		scopeChecks.requireRegion(scope, departmentRegion, "department", form.departmentId(), "部门");
		if (scope.kind() == DataScope.Kind.DEPARTMENT && !form.departmentId().equals(scope.departmentId())) {
			throw ApiException.notFound("部门");
		}
		if (departmentRegion != form.regionId()) {
			throw ApiException.invalid("regionId", "部门人员的所属区划须与部门一致");
		}
		if (form.officeId() != null && jdbc.sql("SELECT count(*) FROM department_office WHERE id = :o AND department_id = :d")
			.param("o", form.officeId()).param("d", form.departmentId()).query(Long.class).single() == 0) {
			throw ApiException.invalid("officeId", "处（科）室不属于所选部门");
		}
	}

	private void endSessions(String username) {
		sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
	}

	private ApiException denied(long id) {
		operationLog.recordDenied("user", id);
		return ApiException.notFound("用户");
	}
}
