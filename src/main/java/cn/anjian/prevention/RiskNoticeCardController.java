package cn.anjian.prevention;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printable 风险告知卡 of a risk point, for the business and the government in scope. Emergency measures are
 * the point's measures of category EMERGENCY; the contact phones are the business's principal and safety director
 * from the registry, since a risk point stores neither.
 */
@RestController
class RiskNoticeCardController {

	private static final Map<String, String> KINDS = Map.of("UNIT", "单元", "SITE", "场所", "EQUIPMENT", "设备设施",
			"OPERATION", "作业活动");
	private static final Map<String, String> LEVELS = Map.of("COMPANY", "公司（厂部）", "DEPARTMENT", "车间（部门）", "TEAM",
			"班组", "POST", "岗位");
	private static final Map<String, String> CATEGORIES = Map.of("ENGINEERING", "工程技术", "MANAGEMENT", "管理",
			"TRAINING", "培训教育", "PPE", "个体防护", "EMERGENCY", "应急处置");

	private final JdbcClient jdbc;
	private final OwnRecords records;
	private final RiskPoints points;
	private final Clock clock;

	RiskNoticeCardController(JdbcClient jdbc, OwnRecords records, RiskPoints points, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.points = points;
		this.clock = clock;
	}

	@GetMapping("/api/prevention/points/{id}/notice-card.pdf")
	@PreAuthorize("hasAuthority('prevention:read')")
	ResponseEntity<byte[]> card(@PathVariable long id, DataScope scope) {
		records.readable(scope, "risk_point", id, "风险点");
		LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
		RiskNoticeCardPdf.Card card = card(points.detail(scope, id, today), today);
		var out = new ByteArrayOutputStream();
		RiskNoticeCardPdf.write(card, out);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("风险告知卡-" + card.pointName() + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

	private RiskNoticeCardPdf.Card card(RiskPoints.PointDetail detail, LocalDate today) {
		RiskPoints.PointRow point = detail.point();
		List<String> hazards = detail.factors().stream()
			.map(f -> f.description() + (f.grade() == null ? "" : "（" + RiskGrade.valueOf(f.grade()).label() + "）"))
			.toList();
		Set<String> typeCodes = new LinkedHashSet<>();
		detail.factors().forEach(f -> typeCodes.addAll(f.accidentTypes()));
		List<String> types = typeCodes.isEmpty() ? List.of() : jdbc.sql("""
				SELECT label FROM dict_item WHERE type = 'accident_type' AND code IN (:codes) ORDER BY sort_order
				""").param("codes", typeCodes).query(String.class).list();
		List<RiskPoints.Measure> measures = detail.measures().stream().filter(RiskPoints.Measure::active).toList();
		List<String> control = measures.stream().filter(m -> !"EMERGENCY".equals(m.category()))
			.map(m -> "【" + CATEGORIES.get(m.category()) + "】" + m.content()).toList();
		List<String> emergency = measures.stream().filter(m -> "EMERGENCY".equals(m.category()))
			.map(RiskPoints.Measure::content).toList();
		return new RiskNoticeCardPdf.Card(point.entityName(), point.name(), KINDS.get(point.kind()),
				String.join(" / ", java.util.stream.Stream.of(point.area(), point.building())
					.filter(s -> s != null && !s.isBlank()).toList()),
				point.grade() == null ? null : RiskGrade.valueOf(point.grade()), point.controlLevel() == null ? null : LEVELS.get(point.controlLevel()), hazards,
				types, control, emergency, responsible(measures), contacts(point.entityId()), point.lastAssessedOn(),
				point.reassessDueOn(), today);
	}

	/** Each measure's owner at their level, then the 包保 leads of a major hazard source, each named once. */
	private static List<String> responsible(List<RiskPoints.Measure> measures) {
		Set<String> names = new LinkedHashSet<>();
		measures.forEach(m -> names.add("管控责任人：" + m.ownerName() + "（" + LEVELS.get(m.controlLevel()) + "）"));
		measures.forEach(m -> {
			if (m.principalName() != null && !m.principalName().isBlank()) {
				names.add("包保主要负责人：" + m.principalName());
			}
			if (m.technicalName() != null && !m.technicalName().isBlank()) {
				names.add("包保技术负责人：" + m.technicalName());
			}
			if (m.operationalName() != null && !m.operationalName().isBlank()) {
				names.add("包保操作负责人：" + m.operationalName());
			}
		});
		return new ArrayList<>(names);
	}

	private List<String> contacts(long entityId) {
		return jdbc.sql("""
				SELECT principal_name, principal_phone, safety_director_name, safety_director_phone
				FROM supervised_entity WHERE id = :id
				""").param("id", entityId).query((rs, n) -> {
			List<String> lines = new ArrayList<>();
			contact(lines, "主要负责人", rs.getString(1), rs.getString(2));
			contact(lines, "安全总监", rs.getString(3), rs.getString(4));
			return lines;
		}).single();
	}

	private static void contact(List<String> lines, String role, String name, String phone) {
		if (phone != null && !phone.isBlank()) {
			lines.add(role + (name == null || name.isBlank() ? "" : " " + name) + "：" + phone);
		}
	}
}
