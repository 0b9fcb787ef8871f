package cn.anjian.identity;

import cn.anjian.platform.demo.DemoMode;
import cn.anjian.platform.oplog.OperationLog;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new installation without demo data gets one account, {@code admin} (系统管理员 of the whole city), so someone can
 * sign in and build the rest. Its password is {@code ANJIAN_ADMIN_PASSWORD} if set, else generated and written once
 * to the log; either way it must be changed at the first sign-in.
 */
@Component
@Order(2)
class FirstRunAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstRunAdmin.class);
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final DemoMode demo;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final PasswordEncoder passwords;
	private final OperationLog operationLog;
	private final Clock clock;
	private final String initialPassword;

	FirstRunAdmin(DemoMode demo, JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder passwords,
			OperationLog operationLog, Clock clock, @Value("${anjian.admin.initial-password:}") String initialPassword) {
		this.demo = demo;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.passwords = passwords;
		this.operationLog = operationLog;
		this.clock = clock;
		this.initialPassword = initialPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demo.enabled()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('anjian-first-run'))").query().singleRow();
			if (jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() > 0) {
				return;
			}
			String password = initialPassword.isBlank() ? generated() : initialPassword;
			PasswordPolicy.check(password, "admin");
			long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
			long id = jdbc.sql("""
					INSERT INTO app_user (username, password_hash, display_name, region_id, must_change_password, created_at)
					VALUES ('admin', :hash, '系统管理员', :city, true, :now) RETURNING id
					""").param("hash", passwords.encode(password)).param("city", city)
				.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
			jdbc.sql("INSERT INTO user_role (user_id, role_code, region_id) VALUES (:id, 'SYSTEM_ADMIN', :city)")
				.param("id", id).param("city", city).update();
			operationLog.record("FIRST_RUN", "user", id, null, Map.of("username", "admin", "role", "SYSTEM_ADMIN"));
			if (initialPassword.isBlank()) {
				log.warn("首次启动：已创建系统管理员 admin，初始密码 {} （首次登录须修改；设置 ANJIAN_ADMIN_PASSWORD 可指定）", password);
			}
		});
	}

	/** 16 characters: one of each class the policy counts, then twelve random letters and digits. */
	private static String generated() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("Aa2#");
		for (int i = 0; i < 12; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
