package cn.anjian.organization;

import cn.anjian.platform.demo.DemoSeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo geography of a Jinan-like city (real district names, a few streets and grids each) and its departments. */
@Component
class OrganizationDemoSeed implements DemoSeed {

	record District(String code, String name, String kind, List<String> streets) {
	}

	static final List<District> DISTRICTS = List.of(
			new District("370102", "历下区", "DISTRICT", List.of("解放路街道", "千佛山街道", "泉城路街道", "大明湖街道")),
			new District("370103", "市中区", "DISTRICT", List.of("大观园街道", "杆石桥街道", "四里村街道", "魏家庄街道")),
			new District("370104", "槐荫区", "DISTRICT", List.of("振兴街街道", "中大槐树街道", "道德街街道", "西市场街道")),
			new District("370105", "天桥区", "DISTRICT", List.of("天桥东街街道", "北村街道", "南村街道", "堤口路街道")),
			new District("370112", "历城区", "DISTRICT", List.of("山大路街道", "洪家楼街道", "东风街道", "王舍人街道")),
			new District("370113", "长清区", "DISTRICT", List.of("文昌街道", "崮云湖街道", "平安街道", "归德街道")),
			new District("370114", "章丘区", "DISTRICT", List.of("明水街道", "双山街道", "枣园街道", "龙山街道")),
			new District("370115", "济阳区", "DISTRICT", List.of("济阳街道", "济北街道", "回河街道", "崔寨街道")),
			new District("370116", "莱芜区", "DISTRICT", List.of("凤城街道", "张家洼街道", "高庄街道", "鹏泉街道")),
			new District("370117", "钢城区", "DISTRICT", List.of("艾山街道", "里辛街道", "汶源街道", "颜庄街道")),
			new District("370124", "平阴县", "COUNTY", List.of("榆山街道", "锦水街道", "东阿镇", "玫瑰镇")),
			new District("370126", "商河县", "COUNTY", List.of("许商街道", "玉皇庙镇", "殷巷镇", "怀仁镇")),
			new District("370171", "高新区", "ZONE", List.of("舜华路街道", "孙村街道", "巨野河街道")),
			new District("370172", "起步区", "ZONE", List.of("孙耿街道", "大桥街道", "太平街道")),
			new District("370173", "南部山区", "ZONE", List.of("仲宫街道", "柳埠街道", "西营街道")));

	static final Map<String, List<String>> CITY_DEPARTMENTS = new LinkedHashMap<>();
	static {
		CITY_DEPARTMENTS.put("市应急管理局", List.of("安全生产综合协调处", "危险化学品安全监督管理处", "非煤矿山安全监督管理处", "工贸行业安全监督管理处", "执法监督处"));
		CITY_DEPARTMENTS.put("市住房和城乡建设局", List.of("建筑施工安全监管处", "城镇燃气管理处"));
		CITY_DEPARTMENTS.put("市交通运输局", List.of("安全监督处", "道路运输管理处"));
		CITY_DEPARTMENTS.put("市市场监督管理局", List.of("特种设备安全监察处", "食品生产安全监管处"));
		CITY_DEPARTMENTS.put("市工业和信息化局", List.of("安全生产处"));
		CITY_DEPARTMENTS.put("市消防救援支队", List.of("防火监督处"));
		CITY_DEPARTMENTS.put("市公安局", List.of("治安管理支队", "交通警察支队"));
		CITY_DEPARTMENTS.put("市城市管理局", List.of("安全生产处"));
		CITY_DEPARTMENTS.put("市文化和旅游局", List.of("安全监管处"));
		CITY_DEPARTMENTS.put("市教育局", List.of("安全稳定处"));
	}
	static final List<String> DISTRICT_DEPARTMENTS = List.of("应急管理局", "住房和城乡建设局", "市场监督管理局");

	private final JdbcClient jdbc;

	OrganizationDemoSeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void seed() {
		if (jdbc.sql("SELECT count(*) FROM region").query(Long.class).single() > 0) {
			return;
		}
		long city = region(null, "370100", "济南市", "CITY", "CITY", 0, null);
		CITY_DEPARTMENTS.forEach((name, offices) -> department(city, "CITY", name, offices));
		int d = 0;
		for (District district : DISTRICTS) {
			long districtId = region(city, district.code(), district.name(), "DISTRICT", district.kind(), ++d, null);
			for (String department : DISTRICT_DEPARTMENTS) {
				department(districtId, "DISTRICT", district.name() + department, List.of("综合科", "安全监管科"));
			}
			for (int s = 0; s < district.streets().size(); s++) {
				String street = district.streets().get(s);
				long streetId = region(districtId, district.code() + "%03d".formatted(s + 1), street,
						"STREET", street.endsWith("镇") ? "TOWN" : "STREET", s + 1, null);
				for (int g = 1; s < 2 && g <= 2; g++) {
					region(streetId, district.code() + "%03d%03d".formatted(s + 1, g), "第" + "一二".charAt(g - 1) + "网格",
							"GRID", "GRID", g, "网格员" + district.name().charAt(0) + (s * 2 + g));
				}
			}
		}
	}

	private long region(Long parent, String code, String name, String level, String kind, int order, String inspector) {
		return jdbc.sql("""
				INSERT INTO region (parent_id, code, name, level, kind, sort_order, grid_inspector_name, grid_inspector_phone)
				VALUES (:parent, :code, :name, :level, :kind, :order, :inspector, :phone) RETURNING id
				""")
			.param("parent", parent)
			.param("code", code)
			.param("name", name)
			.param("level", level)
			.param("kind", kind)
			.param("order", order)
			.param("inspector", inspector)
			.param("phone", inspector == null ? null : "1380000" + code.substring(code.length() - 4))
			.query(Long.class)
			.single();
	}

	/** Department kind by the ending of its name, for the task-division rules (dictionary department_kind). */
	private static final Map<String, String> KINDS = Map.of("应急管理局", "EMERGENCY", "住房和城乡建设局", "HOUSING",
			"交通运输局", "TRANSPORT", "市场监督管理局", "MARKET", "工业和信息化局", "INDUSTRY", "消防救援支队", "FIRE",
			"公安局", "POLICE", "城市管理局", "URBAN", "文化和旅游局", "CULTURE", "教育局", "EDUCATION");

	private void department(long region, String level, String name, List<String> offices) {
		String kind = KINDS.entrySet().stream().filter(k -> name.endsWith(k.getKey())).map(Map.Entry::getValue)
			.findFirst().orElse(null);
		long id = jdbc.sql("""
				INSERT INTO department (region_id, level, name, short_name, kind, sort_order)
				VALUES (:region, :level, :name, :short, :kind, (SELECT count(*) FROM department WHERE region_id = :region))
				RETURNING id
				""")
			.param("kind", kind)
			.param("region", region)
			.param("level", level)
			.param("name", name)
			.param("short", name.replace("管理局", "局").replace("监督", "监"))
			.query(Long.class)
			.single();
		for (int i = 0; i < offices.size(); i++) {
			jdbc.sql("INSERT INTO department_office (department_id, region_id, name, sort_order) VALUES (:d, :r, :n, :o)")
				.param("d", id).param("r", region).param("n", offices.get(i)).param("o", i).update();
		}
		jdbc.sql("""
				INSERT INTO department_role_holder (department_id, region_id, role, name, title)
				VALUES (:d, :r, 'FIRST_RESPONSIBLE', :n1, '局长'), (:d, :r, 'IN_CHARGE', :n2, '副局长')
				""")
			.param("d", id).param("r", region).param("n1", "张" + (id % 100)).param("n2", "李" + (id % 100)).update();
	}
}
