package cn.anjian.identity;

import cn.anjian.platform.demo.FirstRun;
import cn.anjian.platform.oplog.OperationLog;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A new installation without demo data gets one account, {@code admin} (系统管理员 of the whole city), so someone can
 * sign in and build the rest. Its password is {@code ANJIAN_ADMIN_PASSWORD} if set, else generated and written once
 * to the log; either way it must be changed at the first sign-in.
 */
@Component
class FirstRunAdmin implements FirstRun {

	private static final Logger log = LoggerFactory.getLogger(FirstRunAdmin.class);
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final OperationLog operationLog;
	private final Clock clock;
	private final String initialPassword;

	FirstRunAdmin(JdbcClient jdbc, PasswordEncoder passwords, OperationLog operationLog, Clock clock,
			@Value("${anjian.admin.initial-password:}") String initialPassword) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.operationLog = operationLog;
		this.clock = clock;
		this.initialPassword = initialPassword;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public void apply() {
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
