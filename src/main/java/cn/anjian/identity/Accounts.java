package cn.anjian.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account rows: credentials and lockout state, and the signed-in view of a user with roles and permissions. */
@Repository
class Accounts {

	record Credentials(long id, String username, String passwordHash, boolean enabled, int failedAttempts,
			Instant lockedUntil, long regionId) {

		boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}
	}

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Credentials> credentials(String username) {
		return jdbc.sql("""
				SELECT id, username, password_hash, enabled, failed_attempts, locked_until, region_id
				FROM app_user WHERE lower(username) = lower(:username)
				""")
			.param("username", username)
			.query((rs, n) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getInt(5), instant(rs.getTimestamp(6)), rs.getLong(7)))
			.optional();
	}

	Optional<AnjianUser> signedInView(long id) {
		return jdbc.sql("""
				SELECT id, username, display_name, region_id, department_id, entity_id, must_change_password
				FROM app_user WHERE id = :id AND enabled
				""")
			.param("id", id)
			.query((rs, n) -> new AnjianUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					(Long) rs.getObject(5), (Long) rs.getObject(6), roles(id), new HashSet<>(permissions(id)),
					rs.getBoolean(7)))
			.optional();
	}

	private List<AnjianUser.Role> roles(long userId) {
		return jdbc.sql("""
				SELECT r.code, r.name FROM user_role ur JOIN app_role r ON r.code = ur.role_code
				WHERE ur.user_id = :id ORDER BY r.sort_order
				""")
			.param("id", userId)
			.query((rs, n) -> new AnjianUser.Role(rs.getString(1), rs.getString(2)))
			.list();
	}

	private List<String> permissions(long userId) {
		return jdbc.sql("""
				SELECT DISTINCT rp.permission_code FROM user_role ur
				JOIN role_permission rp ON rp.role_code = ur.role_code WHERE ur.user_id = :id
				""")
			.param("id", userId)
			.query(String.class)
			.list();
	}

	void recordFailure(long id, Instant now, int lockAfter, Instant lockUntil) {
		jdbc.sql("""
				UPDATE app_user SET failed_attempts = failed_attempts + 1,
				       locked_until = CASE WHEN failed_attempts + 1 >= :lockAfter THEN :lockUntil ELSE locked_until END
				WHERE id = :id
				""")
			.param("id", id)
			.param("lockAfter", lockAfter)
			.param("lockUntil", Timestamp.from(lockUntil))
			.update();
	}

	void recordSuccess(long id, Instant now) {
		jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_login_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	void changePassword(long id, String hash, boolean mustChange, Instant now) {
		jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, must_change_password = :mustChange,
				       password_changed_at = :now, failed_attempts = 0, locked_until = NULL
				WHERE id = :id
				""")
			.param("id", id)
			.param("hash", hash)
			.param("mustChange", mustChange)
			.param("now", Timestamp.from(now))
			.update();
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
