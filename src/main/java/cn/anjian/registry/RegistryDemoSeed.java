package cn.anjian.registry;

import cn.anjian.platform.demo.DemoSeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Synthetic supervised entities across every street and grid (no real company names), their safety licences (some
 * expired, some expiring), their supervising departments, and one business account in each of two districts.
 */
@Component
class RegistryDemoSeed implements DemoSeed {

	private static final String[] WORDS = { "恒泰", "鲁信", "泉城", "华源", "金泽", "瑞丰", "盛达", "鼎新", "明湖", "泰和", "远航",
			"宏基", "东岳", "齐鲁", "海川", "佳禾", "信诚", "正通", "安澜", "嘉业", "润德", "永安", "中联", "天衢", "华阳", "兴隆" };

	/** industry code → name suffix; social function, share of the demo population. */
	private record Kind(String industry, String suffix, String socialFunction, int weight, String department) {
	}

	private static final List<Kind> KINDS = List.of(
			new Kind("IND001", "化工有限公司", "ENTERPRISE", 4, "应急管理局"),
			new Kind("IND002", "化学品储运有限公司", "ENTERPRISE", 3, "应急管理局"),
			new Kind("IND005", "加油站", "ENTERPRISE", 4, "应急管理局"),
			new Kind("IND007", "矿业有限公司", "ENTERPRISE", 1, "应急管理局"),
			new Kind("IND012", "冶金有限公司", "ENTERPRISE", 1, "应急管理局"),
			new Kind("IND013", "冷链食品有限公司", "ENTERPRISE", 2, "应急管理局"),
			new Kind("IND014", "木业有限公司", "ENTERPRISE", 3, "应急管理局"),
			new Kind("IND016", "机械制造有限公司", "ENTERPRISE", 8, "应急管理局"),
			new Kind("IND017", "建筑工程有限公司", "ENTERPRISE", 6, "住房和城乡建设局"),
			new Kind("IND021", "燃气有限公司", "ENTERPRISE", 2, "住房和城乡建设局"),
			new Kind("IND022", "物业管理有限公司", "ENTERPRISE", 4, "市场监督管理局"),
			new Kind("IND037", "购物广场", "ENTERPRISE", 3, "市场监督管理局"),
			new Kind("IND038", "大酒店", "ENTERPRISE", 3, "市场监督管理局"),
			new Kind("IND043", "学校", "PUBLIC_INSTITUTION", 2, null),
			new Kind("IND044", "医院", "PUBLIC_INSTITUTION", 2, null),
			new Kind("IND045", "养老服务中心", "PRIVATE_NON_ENTERPRISE", 2, null),
			new Kind("IND074", "便利店", "NINE_SMALL_PLACES", 12, null),
			new Kind("IND075", "小吃店", "NINE_SMALL_PLACES", 14, null),
			new Kind("IND076", "宾馆", "NINE_SMALL_PLACES", 5, null),
			new Kind("IND078", "网吧", "NINE_SMALL_PLACES", 3, null),
			new Kind("IND041", "旅游开发协会", "SOCIAL_ORGANIZATION", 1, null));

	private static final Map<String, String> LICENCES = Map.of("IND001", "SAFETY_PRODUCTION", "IND002", "HAZCHEM_OPERATION",
			"IND005", "HAZCHEM_OPERATION", "IND007", "MINING", "IND017", "CONSTRUCTION_SAFETY", "IND021", "GAS_OPERATION");

	private final JdbcClient jdbc;
	private final Entities entities;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final int count;

	RegistryDemoSeed(JdbcClient jdbc, Entities entities, PasswordEncoder passwords, Clock clock,
			@Value("${anjian.demo.entities:3000}") int count) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.passwords = passwords;
		this.clock = clock;
		this.count = count;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM supervised_entity").query(Long.class).single() > 0) {
			return;
		}
		record Place(long id, String district, long districtId) {
		}
		List<Place> places = jdbc.sql("""
				SELECT r.id, d.name, d.id FROM region r
				JOIN region_closure c ON c.descendant_id = r.id JOIN region d ON d.id = c.ancestor_id AND d.level = 'DISTRICT'
				WHERE r.level IN ('STREET', 'GRID') ORDER BY r.id
				""").query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
		List<Kind> weighted = new ArrayList<>();
		KINDS.forEach(k -> { for (int i = 0; i < k.weight(); i++) weighted.add(k); });
		Random random = new Random(20261125);
		LocalDate today = entities.today();
		for (int i = 0; i < count; i++) {
			Place place = places.get(i % places.size());
			Kind kind = weighted.get(random.nextInt(weighted.size()));
			String name = place.district().substring(0, 2) + WORDS[random.nextInt(WORDS.length)]
					+ WORDS[random.nextInt(WORDS.length)] + kind.suffix();
			int staff = kind.socialFunction().equals("NINE_SMALL_PLACES") ? 2 + random.nextInt(12)
					: 10 + random.nextInt(random.nextInt(10) == 0 ? 1500 : 280);
			boolean majorHazard = LICENCES.containsKey(kind.industry()) && random.nextInt(6) == 0;
			long id = entities.insert(new EntityForm(name, uscc(random), "法人" + (i + 1), "1380000" + String.format("%04d", i % 10000),
					null, null, "负责人" + (i + 1), "1390000" + String.format("%04d", i % 10000),
					staff >= 300 && random.nextInt(3) > 0 ? "总监" + (i + 1) : null, null,
					place.district() + "某路" + (1 + random.nextInt(300)) + "号",
					BigDecimal.valueOf(36.55 + random.nextDouble() * 0.3).setScale(6, RoundingMode.HALF_UP),
					BigDecimal.valueOf(116.85 + random.nextDouble() * 0.4).setScale(6, RoundingMode.HALF_UP), staff,
					today.minusDays(365L + random.nextInt(7000)), random.nextInt(40) == 0 ? "SUSPENDED" : "OPERATING",
					kind.socialFunction(), kind.industry(),
					kind.department() == null ? List.of("TERRITORIAL") : List.of("INDUSTRY_SUPERVISION", "TERRITORIAL"),
					majorHazard ? "CITY" : kind.department() == null ? "STREET" : "DISTRICT", place.id(), null, majorHazard,
					majorHazard ? "GRADE_" + (1 + random.nextInt(4)) : null, kind.industry().equals("IND037"),
					random.nextInt(3) == 0, null, null, null, null));
			if (random.nextInt(3) == 0) {
				jdbc.sql("UPDATE supervised_entity SET insurance_policy_no = :no, insurance_valid_to = :to WHERE id = :id AND insured")
					.param("no", "AZX" + id).param("to", today.plusDays(random.nextInt(400))).param("id", id).update();
			}
			String licence = LICENCES.get(kind.industry());
			if (licence != null) {
				// about one in eight expired, one in twelve expiring within 30 days
				int roll = random.nextInt(24);
				LocalDate validTo = roll < 3 ? today.minusDays(1 + random.nextInt(60))
						: roll < 5 ? today.plusDays(random.nextInt(30)) : today.plusDays(31 + random.nextInt(1000));
				jdbc.sql("""
						INSERT INTO entity_licence (entity_id, region_id, type, number, issuer, valid_from, valid_to, created_at, updated_at)
						VALUES (:e, :r, :t, :n, '济南市应急管理局', :from, :to, :now, :now)
						""").param("e", id).param("r", place.id()).param("t", licence).param("n", "（鲁）WH安许证字[" + id + "]")
					.param("from", validTo.minusYears(3)).param("to", validTo).param("now", Timestamp.from(clock.instant()))
					.update();
			}
			if (kind.department() != null) {
				jdbc.sql("""
						INSERT INTO entity_assignment (entity_id, region_id, department_id, supervision_type, started_at)
						SELECT :e, :r, d.id, 'INDUSTRY_SUPERVISION', :now FROM department d WHERE d.name = :name
						""").param("e", id).param("r", place.id()).param("name", place.district() + kind.department())
					.param("now", Timestamp.from(clock.instant())).update();
				if (majorHazard && kind.department().equals("应急管理局")) {
					jdbc.sql("""
							INSERT INTO entity_assignment (entity_id, region_id, department_id, supervision_type, started_at)
							SELECT :e, :r, d.id, 'SPECIAL_SUPERVISION', :now FROM department d WHERE d.name = '市应急管理局'
							""").param("e", id).param("r", place.id()).param("now", Timestamp.from(clock.instant())).update();
				}
			}
		}
		businessAccount("lixia_biz", "370102");
		businessAccount("shizhong_biz", "370103");
	}

	/** A business safety manager for the district's first hazardous-chemical producer (or else first enterprise). */
	private void businessAccount(String username, String districtCode) {
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, phone, region_id, entity_id, must_change_password, created_at)
				SELECT :username, :hash, e.name || ' 安全员', '13700000000', e.region_id, e.id, false, :now
				FROM supervised_entity e JOIN region_closure c ON c.descendant_id = e.region_id
				JOIN region d ON d.id = c.ancestor_id AND d.code = :district
				WHERE e.social_function = 'ENTERPRISE' ORDER BY (e.industry = 'IND001') DESC, e.id LIMIT 1
				""").param("username", username).param("hash", passwords.encode("Anjian@2026")).param("district", districtCode)
			.param("now", Timestamp.from(clock.instant())).update();
		jdbc.sql("INSERT INTO user_role (user_id, role_code, region_id) SELECT id, 'BUSINESS_MANAGER', region_id FROM app_user WHERE username = :u")
			.param("u", username).update();
	}

	/** A syntactically valid USCC: 9 (enterprise) 1 (company) 370100 (Jinan) + 9 random + check character. */
	static String uscc(Random random) {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder code = new StringBuilder("91370100");
		for (int i = 0; i < 9; i++) {
			code.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return code.append(Uscc.checkCharacter(code.toString())).toString();
	}
}
