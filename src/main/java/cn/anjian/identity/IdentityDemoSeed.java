package cn.anjian.identity;

import cn.anjian.platform.demo.DemoSeed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo accounts for every role in two districts (listed in the README). All share {@link #PASSWORD}; in demo
 * mode they skip the forced change of the initial password.
 */
@Component
class IdentityDemoSeed implements DemoSeed {

	static final String PASSWORD = "Anjian@2026";

	/** username, display name, role, region code, department name (or null), office name (or null). */
	record DemoAccount(String username, String displayName, String role, String regionCode, String department,
			String office) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("admin", "系统管理员", "SYSTEM_ADMIN", "370100", null, null),
			new DemoAccount("city_office", "市安委办 王主任", "CITY_OFFICE", "370100", null, null),
			new DemoAccount("command", "指挥中心 值班员", "COMMAND_CENTER", "370100", null, null),
			new DemoAccount("city_yj_leader", "市应急局 周局长", "DEPARTMENT_LEADER", "370100", "市应急管理局", null),
			new DemoAccount("city_yj_inspector", "市应急局 吴监管员", "DEPARTMENT_INSPECTOR", "370100", "市应急管理局", "危险化学品安全监督管理处"),
			new DemoAccount("city_yj_liaison", "市应急局 郑联络员", "LIAISON", "370100", "市应急管理局", "安全生产综合协调处"),
			new DemoAccount("lixia_office", "历下区安委办 刘主任", "DISTRICT_OFFICE", "370102", null, null),
			new DemoAccount("lixia_street", "解放路街道 陈干事", "STREET_STAFF", "370102001", null, null),
			new DemoAccount("lixia_grid", "解放路街道第一网格 网格员", "GRID_INSPECTOR", "370102001001", null, null),
			new DemoAccount("lixia_yj_leader", "历下区应急局 孙局长", "DEPARTMENT_LEADER", "370102", "历下区应急管理局", null),
			new DemoAccount("lixia_yj_inspector", "历下区应急局 钱监管员", "DEPARTMENT_INSPECTOR", "370102", "历下区应急管理局", "安全监管科"),
			new DemoAccount("lixia_yj_liaison", "历下区应急局 冯联络员", "LIAISON", "370102", "历下区应急管理局", "综合科"),
			new DemoAccount("shizhong_office", "市中区安委办 赵主任", "DISTRICT_OFFICE", "370103", null, null),
			new DemoAccount("shizhong_street", "大观园街道 杨干事", "STREET_STAFF", "370103001", null, null),
			new DemoAccount("shizhong_grid", "大观园街道第一网格 网格员", "GRID_INSPECTOR", "370103001001", null, null),
			new DemoAccount("shizhong_yj_leader", "市中区应急局 何局长", "DEPARTMENT_LEADER", "370103", "市中区应急管理局", null),
			new DemoAccount("shizhong_yj_inspector", "市中区应急局 吕监管员", "DEPARTMENT_INSPECTOR", "370103", "市中区应急管理局", "安全监管科"),
			new DemoAccount("shizhong_yj_liaison", "市中区应急局 施联络员", "LIAISON", "370103", "市中区应急管理局", "综合科"));

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Clock clock;

	IdentityDemoSeed(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() > 0) {
			return;
		}
		String hash = passwords.encode(PASSWORD);
		for (DemoAccount account : ACCOUNTS) {
			long id = jdbc.sql("""
					INSERT INTO app_user (username, password_hash, display_name, phone, region_id, department_id, office_id,
					                      must_change_password, created_at)
					SELECT :username, :hash, :name, '13900000000', r.id, d.id, o.id, false, :now
					FROM region r
					LEFT JOIN department d ON d.name = :department
					LEFT JOIN department_office o ON o.department_id = d.id AND o.name = :office
					WHERE r.code = :region
					RETURNING id
					""")
				.param("username", account.username())
				.param("hash", hash)
				.param("name", account.displayName())
				.param("department", account.department())
				.param("office", account.office())
				.param("region", account.regionCode())
				.param("now", Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
			jdbc.sql("INSERT INTO user_role (user_id, role_code, region_id) SELECT :id, :role, region_id FROM app_user WHERE id = :id")
				.param("id", id)
				.param("role", account.role())
				.update();
		}
	}
}
