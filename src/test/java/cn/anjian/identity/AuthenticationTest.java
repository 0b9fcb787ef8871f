package cn.anjian.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in protection: lockout, IP rate limit, CSRF, session expiry, password policy, forced change, tokens. */
@AnjianTest
class AuthenticationTest {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	private void freezeAt(String instant) {
		((SimulatedClock) clock).freeze(Instant.parse(instant));
	}

	private void advance(Duration duration) {
		((SimulatedClock) clock).advance(duration);
	}

	@Test
	void demoAccountSignsInAndSeesItsScope() {
		var me = ApiClient.signedIn(port, "lixia_office").get("/api/auth/me").expect(200).body();
		assertThat(me.get("scope").get("label").asString()).isEqualTo("济南市 · 历下区");
		assertThat(me.get("permissions").toString()).contains("region:read");
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() {
		freezeAt("2030-01-01T00:00:00Z");
		var wrong = new ApiClient(port).login("shizhong_street", "Wrong@password1").expect(401);
		var unknown = new ApiClient(port).login("nobody_here", "Wrong@password1").expect(401);
		assertThat(wrong.body()).isEqualTo(unknown.body());
		assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void fiveFailuresLockTheAccountForFifteenMinutes() {
		freezeAt("2030-02-01T00:00:00Z");
		for (int i = 1; i <= 4; i++) {
			new ApiClient(port).login("shizhong_grid", "Wrong@password" + i).expect(401);
		}
		assertThat(new ApiClient(port).login("shizhong_grid", "Wrong@password5").expect(423).code())
			.isEqualTo("ACCOUNT_LOCKED");
		new ApiClient(port).login("shizhong_grid", ApiClient.DEMO_PASSWORD).expect(423);
		advance(Duration.ofMinutes(14).plusSeconds(59));
		new ApiClient(port).login("shizhong_grid", ApiClient.DEMO_PASSWORD).expect(423);
		advance(Duration.ofSeconds(1));
		new ApiClient(port).login("shizhong_grid", ApiClient.DEMO_PASSWORD).expect(200);
	}

	@Test
	void anIpWithTooManyFailuresIsRefusedWithinTheWindow() {
		freezeAt("2030-03-01T00:00:00Z");
		for (int i = 0; i < 12; i++) {
			new ApiClient(port).login("unknown" + i, "Wrong@password1").expect(401);
		}
		assertThat(new ApiClient(port).login("admin", ApiClient.DEMO_PASSWORD).expect(429).code())
			.isEqualTo("TOO_MANY_ATTEMPTS");
		advance(Duration.ofMinutes(5).plusSeconds(1));
		new ApiClient(port).login("admin", ApiClient.DEMO_PASSWORD).expect(200);
	}

	@Test
	void aWriteWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
		var admin = ApiClient.signedIn(port, "admin");
		long before = jdbc.sql("SELECT count(*) FROM department").query(Long.class).single();
		admin.postWithoutCsrf("/api/departments", "{\"regionId\":1,\"name\":\"伪造部门\",\"sortOrder\":1}").expect(403);
		assertThat(jdbc.sql("SELECT count(*) FROM department").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aSessionIdleForThirtyMinutesHasExpired() {
		var user = ApiClient.signedIn(port, "lixia_street");
		user.get("/api/auth/me").expect(200);
		int maxInactive = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = 'lixia_street'")
			.query(Integer.class).list().get(0);
		assertThat(maxInactive).isEqualTo(30 * 60);
		// Spring Session judges idleness by wall-clock time: age the stored session by 30 minutes and 1 second.
		jdbc.sql("""
				UPDATE spring_session SET last_access_time = last_access_time - 1801000, expiry_time = expiry_time - 1801000
				WHERE principal_name = 'lixia_street'
				""").update();
		assertThat(user.get("/api/auth/me").expect(401).code()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void newAccountMustChangeItsInitialPasswordBeforeDoingAnything() {
		var office = ApiClient.signedIn(port, "lixia_office");
		office.post("/api/users", """
				{"username":"lixia_new_staff","displayName":"新同事","roleCodes":["STREET_STAFF"],"regionId":%d,
				 "initialPassword":"Initial#Pass2026"}
				""".formatted(regionId("370102002"))).expect(200);
		var newcomer = new ApiClient(port);
		var login = newcomer.login("lixia_new_staff", "Initial#Pass2026").expect(200);
		assertThat(login.body().get("user").get("mustChangePassword").asBoolean()).isTrue();
		newcomer.get("/api/regions/tree").expect(403);

		var weak = newcomer.post("/api/auth/password", "{\"oldPassword\":\"Initial#Pass2026\",\"newPassword\":\"short1A\"}");
		assertThat(weak.expect(400).body().get("details").get(0).get("field").asString()).isEqualTo("newPassword");
		newcomer.post("/api/auth/password", "{\"oldPassword\":\"Initial#Pass2026\",\"newPassword\":\"alllowercaseletters\"}")
			.expect(400);
		newcomer.post("/api/auth/password", "{\"oldPassword\":\"wrong\",\"newPassword\":\"Str0ng&Secret!\"}").expect(400);
		newcomer.post("/api/auth/password", "{\"oldPassword\":\"Initial#Pass2026\",\"newPassword\":\"Str0ng&Secret!\"}")
			.expect(204);
		newcomer.get("/api/regions/tree").expect(200);
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'lixia_new_staff'").query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("Str0ng");
	}

	@Test
	void logoutEverywhereEndsTheUsersOtherSessions() {
		var laptop = ApiClient.signedIn(port, "shizhong_office");
		var phone = ApiClient.signedIn(port, "shizhong_office");
		phone.get("/api/auth/me").expect(200);
		laptop.post("/api/auth/logout-all", null).expect(204);
		phone.get("/api/auth/me").expect(401);
		laptop.get("/api/auth/me").expect(401);
	}

	@Test
	void logoutEndsTheSession() {
		var user = ApiClient.signedIn(port, "command");
		user.post("/api/auth/logout", null).expect(204);
		user.get("/api/auth/me").expect(401);
	}

	@Test
	void apiTokenActsWithItsUsersScopeIsShownOnceAndCanBeRevoked() {
		var admin = ApiClient.signedIn(port, "admin");
		var created = admin.post("/api/tokens", "{\"name\":\"区县系统对接\",\"username\":\"lixia_office\"}").expect(200).body();
		String token = created.get("token").asString();
		assertThat(admin.get("/api/tokens").raw()).doesNotContain(token);
		assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :t").param("t", token).query(Long.class).single())
			.isZero();

		var integration = ApiClient.withToken(port, token);
		var tree = integration.get("/api/regions/tree").expect(200).body();
		assertThat(tree).hasSize(1);
		assertThat(tree.get(0).get("name").asString()).isEqualTo("历下区");

		admin.delete("/api/tokens/" + created.get("id").asLong()).expect(204);
		integration.get("/api/regions/tree").expect(401);
		ApiClient.withToken(port, "anj_made_up").get("/api/regions/tree").expect(401);
	}

	private long regionId(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = :code").param("code", code).query(Long.class).single();
	}
}
