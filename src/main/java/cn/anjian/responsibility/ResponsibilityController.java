package cn.anjian.responsibility;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.time.BusinessTime;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The no-blind-spot report and the supervised-entity lists of a department, an office and an inspector. */
@RestController
@RequestMapping("/api/responsibility")
class ResponsibilityController {

	record Supervised(long entityId, String entityName, String regionPath, String industryLabel,
			String supervisionTypeLabel, String departmentName, String officeName, String inspectors) {
	}

	private final BlindSpots blindSpots;
	private final JdbcClient jdbc;
	private final Clock clock;

	ResponsibilityController(BlindSpots blindSpots, JdbcClient jdbc, Clock clock) {
		this.blindSpots = blindSpots;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/gaps")
	@PreAuthorize("hasAuthority('responsibility:read')")
	Page<BlindSpots.Row> gaps(@RequestParam(required = false) String kind, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String industry, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return blindSpots.list(scope, BlindSpots.gap(kind), regionId, industry == null || industry.isBlank() ? null : industry,
				today(), page, size);
	}

	@GetMapping("/gaps/summary")
	@PreAuthorize("hasAuthority('responsibility:read')")
	BlindSpots.Summary summary(DataScope scope) {
		return blindSpots.summary(scope, today());
	}

	@GetMapping("/gaps/departments")
	@PreAuthorize("hasAuthority('responsibility:read')")
	List<BlindSpots.DepartmentGap> departments(DataScope scope) {
		return blindSpots.departments(scope, today());
	}

	/**
	 * "My supervised entities" — the lists inspection plans start from: {@code of=department} (the caller's
	 * department), {@code office} (the caller's office), {@code inspector} (named on the caller).
	 */
	@GetMapping("/my-entities")
	@PreAuthorize("hasAuthority('responsibility:read')")
	Page<Supervised> mine(@RequestParam(defaultValue = "inspector") String of, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		if (scope.kind() != DataScope.Kind.DEPARTMENT) {
			throw ApiException.forbidden("仅部门人员有“我监管的对象”");
		}
		String condition = switch (of) {
			case "department" -> "a.department_id = :department";
			case "office" -> "a.department_id = :department AND a.office_id = (SELECT office_id FROM app_user WHERE id = :user)";
			case "inspector" -> "EXISTS (SELECT 1 FROM entity_inspector i WHERE i.assignment_id = a.id AND i.user_id = :user AND i.ended_at IS NULL)";
			default -> throw ApiException.invalid("of", "of 只能是 department、office 或 inspector");
		};
		String from = " FROM entity_assignment a JOIN supervised_entity e ON e.id = a.entity_id WHERE a.ended_at IS NULL AND " + condition;
		long total = jdbc.sql("SELECT count(*)" + from).param("department", scope.departmentId()).param("user", scope.userId())
			.query(Long.class).single();
		List<Supervised> rows = jdbc.sql("""
				SELECT e.id AS entity_id, e.name AS entity_name,
				  (SELECT string_agg(x.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region x ON x.id = c.ancestor_id
				   WHERE c.descendant_id = e.region_id AND x.parent_id IS NOT NULL) AS region_path,
				  (SELECT label FROM dict_item WHERE type = 'industry' AND code = e.industry) AS industry_label,
				  (SELECT label FROM dict_item WHERE type = 'supervision_type' AND code = a.supervision_type) AS supervision_type_label,
				  (SELECT name FROM department WHERE id = a.department_id) AS department_name,
				  (SELECT name FROM department_office WHERE id = a.office_id) AS office_name,
				  (SELECT string_agg(u.display_name, '、') FROM entity_inspector i JOIN app_user u ON u.id = i.user_id
				   WHERE i.assignment_id = a.id AND i.ended_at IS NULL) AS inspectors""" + from
				+ " ORDER BY e.name, a.id LIMIT :size OFFSET :offset")
			.param("department", scope.departmentId()).param("user", scope.userId())
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(Supervised.class).list();
		return new Page<>(rows, total);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BusinessTime.ZONE));
	}
}
