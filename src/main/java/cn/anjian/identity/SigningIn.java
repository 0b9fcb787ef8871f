package cn.anjian.identity;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a username and password. Refuses an IP that tried too often recently (429), an account locked after
 * {@code lockAfter} consecutive failures (423, for {@code lockFor}), and wrong credentials (401, the same answer
 * for an unknown user). Failures are counted in their own transaction so the refusal does not roll them back.
 */
@Component
class SigningIn {

	private final Accounts accounts;
	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final OperationLog operationLog;
	private final TransactionTemplate independent;
	private final int lockAfter;
	private final Duration lockFor;
	private final int ipLimit;
	private final Duration ipWindow;

	SigningIn(Accounts accounts, JdbcClient jdbc, PasswordEncoder passwords, Clock clock, OperationLog operationLog,
			PlatformTransactionManager transactionManager,
			@Value("${anjian.security.lock-after-failures:5}") int lockAfter,
			@Value("${anjian.security.lock-duration:15m}") Duration lockFor,
			@Value("${anjian.security.ip-attempts-limit:30}") int ipLimit,
			@Value("${anjian.security.ip-attempts-window:5m}") Duration ipWindow) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.operationLog = operationLog;
		this.independent = new TransactionTemplate(transactionManager);
		this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.lockAfter = lockAfter;
		this.lockFor = lockFor;
		this.ipLimit = ipLimit;
		this.ipWindow = ipWindow;
	}

	AnjianUser signIn(String username, String password, String ip) {
		Instant now = clock.instant();
		if (recentAttempts(ip, now) >= ipLimit) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", "登录尝试过于频繁，请稍后再试");
		}
		Accounts.Credentials account = accounts.credentials(username).orElse(null);
		if (account == null || !account.enabled()) {
			passwords.matches(password, DUMMY_HASH); // same cost as a real check: no user enumeration by timing
			fail(null, username, ip, now);
			throw badCredentials();
		}
		if (account.lockedAt(now)) {
			fail(null, username, ip, now);
			throw locked();
		}
		if (!passwords.matches(password, account.passwordHash())) {
			fail(account, username, ip, now);
			throw account.failedAttempts() + 1 >= lockAfter ? locked() : badCredentials();
		}
		attempt(username, ip, now, true);
		accounts.recordSuccess(account.id(), now);
		AnjianUser user = accounts.signedInView(account.id()).orElseThrow(SigningIn::badCredentials);
		operationLog.record("LOGIN", "user", user.id(), null, Map.of("ip", ip));
		return user;
	}

	private void fail(Accounts.Credentials account, String username, String ip, Instant now) {
		independent.executeWithoutResult(status -> {
			attempt(username, ip, now, false);
			if (account != null) {
				accounts.recordFailure(account.id(), now, lockAfter, now.plus(lockFor));
			}
		});
		long region = account != null ? account.regionId()
				: jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(Long.class).single();
		operationLog.recordAnonymous(username, region, "LOGIN_FAILED", "user", account == null ? null : account.id(),
				Map.of("ip", ip));
	}

	private void attempt(String username, String ip, Instant now, boolean success) {
		jdbc.sql("INSERT INTO login_attempt (at, username, client_ip, success) VALUES (:at, :username, :ip, :success)")
			.param("at", Timestamp.from(now))
			.param("username", username)
			.param("ip", ip)
			.param("success", success)
			.update();
	}

	private long recentAttempts(String ip, Instant now) {
		return jdbc.sql("SELECT count(*) FROM login_attempt WHERE client_ip = :ip AND at > :since AND at <= :now AND NOT success")
			.param("ip", ip)
			.param("since", Timestamp.from(now.minus(ipWindow)))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	private static ApiException badCredentials() {
		return new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "用户名或密码错误");
	}

	private ApiException locked() {
		return new ApiException(HttpStatus.LOCKED, "ACCOUNT_LOCKED",
				"连续" + lockAfter + "次密码错误，账号已锁定" + lockFor.toMinutes() + "分钟");
	}

	private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Zx6c5Xm1fGQ2k4sX0yKZ0l2u";
}
