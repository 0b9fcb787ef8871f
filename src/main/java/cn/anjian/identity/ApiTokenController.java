package cn.anjian.identity;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Long-lived tokens for system integrations. A token acts as an existing account of the caller's scope (so it is
 * scoped like that user), is shown once, stored only as its SHA-256 hash, and can be revoked.
 */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {

	record TokenView(long id, String name, String username, Instant createdAt, Instant expiresAt, Instant revokedAt,
			Instant lastUsedAt) {
	}

	record TokenForm(@NotBlank(message = "请填写用途名称") String name, @NotBlank(message = "请选择令牌使用的账号") String username,
			Instant expiresAt) {
	}

	record CreatedToken(long id, String token) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Users users;
	private final Accounts accounts;
	private final OperationLog operationLog;
	private final Clock clock;

	ApiTokenController(JdbcClient jdbc, Users users, Accounts accounts, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.accounts = accounts;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('token:write')")
	List<TokenView> list(DataScope scope) {
		return scope.bind(jdbc.sql("""
				SELECT t.id, t.name, u.username, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
				FROM api_token t JOIN app_user u ON u.id = t.user_id
				WHERE""" + " " + scope.unitFilter("t.region_id", "u.department_id") + " ORDER BY t.id DESC"))
			.query(TokenView.class)
			.list();
	}

	@PostMapping
	@PreAuthorize("hasAuthority('token:write')")
	CreatedToken create(@Valid @RequestBody TokenForm form, DataScope scope) {
		long userId = accounts.credentials(form.username()).map(Accounts.Credentials::id)
			.filter(id -> users.find(scope, id).isPresent())
			.orElseThrow(() -> ApiException.notFound("账号"));
		if (form.expiresAt() != null && !form.expiresAt().isAfter(clock.instant())) {
			throw ApiException.invalid("expiresAt", "过期时间须晚于当前时间");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "anj_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = jdbc.sql("""
				INSERT INTO api_token (name, user_id, region_id, token_hash, created_at, created_by, expires_at)
				SELECT :name, u.id, u.region_id, :hash, :now, :by, :expires FROM app_user u WHERE u.id = :userId
				RETURNING id
				""")
			.param("name", form.name().trim())
			.param("userId", userId)
			.param("hash", ApiTokenFilter.sha256(token))
			.param("now", Timestamp.from(clock.instant()))
			.param("by", SecurityConfiguration.currentUser().id())
			.param("expires", form.expiresAt() == null ? null : Timestamp.from(form.expiresAt()))
			.query(Long.class)
			.single();
		operationLog.record("CREATE", "api_token", id, null,
				Map.of("name", form.name(), "username", form.username(), "expiresAt", String.valueOf(form.expiresAt())));
		return new CreatedToken(id, token);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('token:write')")
	ResponseEntity<Void> revoke(@PathVariable long id, DataScope scope) {
		TokenView before = list(scope).stream().filter(t -> t.id() == id).findFirst().orElseThrow(() -> {
			operationLog.recordDenied("api_token", id);
			return ApiException.notFound("令牌");
		});
		jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("id", id).param("now", Timestamp.from(clock.instant())).update();
		operationLog.record("REVOKE", "api_token", id, before, Map.of("revoked", true));
		return ResponseEntity.noContent().build();
	}
}
