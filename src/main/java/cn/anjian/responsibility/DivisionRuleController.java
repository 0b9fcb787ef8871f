package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's 安全生产工作任务分工 as a rule table (industry × level → kind of department), the assignments it
 * proposes for entities not yet so supervised, and the actual assignments that contradict it.
 */
@RestController
@RequestMapping("/api/responsibility")
class DivisionRuleController {

	record Rule(long id, String industry, String industryLabel, String level, String departmentKind,
			String departmentKindLabel, String supervisionType, String supervisionTypeLabel) {
	}

	record RuleForm(@NotBlank(message = "请选择行业") String industry,
			@NotBlank @Pattern(regexp = "CITY|DISTRICT", message = "层级只能是市级或区县级") String level,
			@NotBlank(message = "请选择部门类别") String departmentKind, @NotBlank(message = "请选择监管类型") String supervisionType) {
	}

	record Proposal(long entityId, String entityName, String industryLabel, long departmentId, String departmentName,
			String supervisionType) {
	}

	record Contradiction(long assignmentId, long entityId, String entityName, String industryLabel, String departmentName,
			String expectedKinds) {
	}

	record Apply(List<Long> entityIds) {
	}

	private final JdbcClient jdbc;
	private final OperationLog operationLog;
	private final Clock clock;

	DivisionRuleController(JdbcClient jdbc, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	@GetMapping("/division-rules")
	@PreAuthorize("hasAuthority('responsibility:read')")
	List<Rule> rules() {
		return jdbc.sql("""
				SELECT r.id, r.industry, i.label AS industry_label, r.level, r.department_kind, k.label AS department_kind_label,
				       r.supervision_type, t.label AS supervision_type_label
				FROM division_rule r
				LEFT JOIN dict_item i ON i.type = 'industry' AND i.code = r.industry
				LEFT JOIN dict_item k ON k.type = 'department_kind' AND k.code = r.department_kind
				LEFT JOIN dict_item t ON t.type = 'supervision_type' AND t.code = r.supervision_type
				ORDER BY i.sort_order, r.level, r.id
				""").query(Rule.class).list();
	}

	@PostMapping("/division-rules")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Rule addRule(@Valid @RequestBody RuleForm form, DataScope scope) {
		requireCityLevel(scope);
		long id = jdbc.sql("""
				INSERT INTO division_rule (industry, level, department_kind, supervision_type)
				SELECT :industry, :level, :kind, :type WHERE EXISTS (SELECT 1 FROM dict_item WHERE type = 'industry' AND code = :industry)
				  AND EXISTS (SELECT 1 FROM dict_item WHERE type = 'department_kind' AND code = :kind)
				  AND EXISTS (SELECT 1 FROM dict_item WHERE type = 'supervision_type' AND code = :type)
				RETURNING id
				""")
			.param("industry", form.industry()).param("level", form.level()).param("kind", form.departmentKind())
			.param("type", form.supervisionType())
			.query(Long.class).optional()
			.orElseThrow(() -> ApiException.invalid("industry", "行业、部门类别或监管类型不在字典中"));
		Rule created = rules().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
		operationLog.record("CREATE", "division_rule", id, null, created);
		return created;
	}

	@DeleteMapping("/division-rules/{id}")
	@PreAuthorize("hasAuthority('responsibility:write')")
	ResponseEntity<Void> deleteRule(@PathVariable long id, DataScope scope) {
		requireCityLevel(scope);
		Rule before = rules().stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> ApiException.notFound("分工规则"));
		jdbc.sql("DELETE FROM division_rule WHERE id = :id").param("id", id).update();
		operationLog.record("DELETE", "division_rule", id, before, null);
		return ResponseEntity.noContent().build();
	}

	/** Entities in scope that a rule says a department in the caller's reach should supervise, but does not yet. */
	@GetMapping("/proposals")
	@PreAuthorize("hasAuthority('responsibility:read')")
	Page<Proposal> proposals(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			DataScope scope) {
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM (" + proposed(scope) + ") p")).query(Long.class).single();
		List<Proposal> rows = scope.bind(jdbc.sql("SELECT * FROM (" + proposed(scope) + ") p ORDER BY entity_id, department_id LIMIT :size OFFSET :offset"))
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(Proposal.class).list();
		return new Page<>(rows, total);
	}

	/** Turns proposals into assignments: the given entities', or all in scope. */
	@PostMapping("/proposals/apply")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Map<String, Integer> apply(@RequestBody Apply body, DataScope scope) {
		List<Long> only = body == null || body.entityIds() == null ? null : body.entityIds();
		List<Map<String, Object>> created = scope.bind(jdbc.sql("""
				INSERT INTO entity_assignment (entity_id, region_id, department_id, supervision_type, started_at)
				SELECT p.entity_id, e.region_id, p.department_id, p.supervision_type, :now
				FROM (""" + proposed(scope) + """
				) p JOIN supervised_entity e ON e.id = p.entity_id
				WHERE CAST(:only AS bigint[]) IS NULL OR p.entity_id = ANY (CAST(:only AS bigint[]))
				RETURNING id, entity_id, department_id, supervision_type
				"""))
			.param("now", Timestamp.from(clock.instant()))
			.param("only", only == null ? null : only.toArray(Long[]::new))
			.query().listOfRows();
		created.forEach(row -> operationLog.record("ASSIGN", "supervised_entity", row.get("entity_id"), null,
				Map.of("assignment", row.get("id"), "departmentId", row.get("department_id"),
						"supervisionType", row.get("supervision_type"), "byRule", true)));
		if (created.isEmpty()) {
			operationLog.nothingChanged();
		}
		return Map.of("assigned", created.size());
	}

	/** Current industry-supervision assignments to a kind of department no rule names for the entity's industry. */
	@GetMapping("/contradictions")
	@PreAuthorize("hasAuthority('responsibility:read')")
	Page<Contradiction> contradictions(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
			DataScope scope) {
		String from = """
				 FROM entity_assignment a JOIN supervised_entity e ON e.id = a.entity_id JOIN department d ON d.id = a.department_id
				WHERE a.ended_at IS NULL AND a.supervision_type = 'INDUSTRY_SUPERVISION'
				  AND EXISTS (SELECT 1 FROM division_rule r WHERE r.industry = e.industry AND r.supervision_type = a.supervision_type)
				  AND NOT EXISTS (SELECT 1 FROM division_rule r WHERE r.industry = e.industry AND r.supervision_type = a.supervision_type
				                  AND r.department_kind = d.kind)
				  AND""" + " " + scope.entityFilter("e.id", "e.region_id");
		long total = scope.bind(jdbc.sql("SELECT count(*)" + from)).query(Long.class).single();
		List<Contradiction> rows = scope.bind(jdbc.sql("""
				SELECT a.id AS assignment_id, e.id AS entity_id, e.name AS entity_name,
				  (SELECT label FROM dict_item WHERE type = 'industry' AND code = e.industry) AS industry_label, d.name AS department_name,
				  (SELECT string_agg(DISTINCT k.label, '、') FROM division_rule r JOIN dict_item k ON k.type = 'department_kind'
				   AND k.code = r.department_kind WHERE r.industry = e.industry AND r.supervision_type = a.supervision_type) AS expected_kinds
				""" + from + " ORDER BY e.id LIMIT :size OFFSET :offset"))
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(Contradiction.class).list();
		return new Page<>(rows, total);
	}

	/**
	 * Proposed (entity, department, type): the rule for the entity's industry at its level (city-level entities → the
	 * city's department of that kind, others → their district's), where that assignment is not current yet.
	 */
	private static String proposed(DataScope scope) {
		return """
				SELECT e.id AS entity_id, e.name AS entity_name,
				       (SELECT label FROM dict_item WHERE type = 'industry' AND code = e.industry) AS industry_label,
				       d.id AS department_id, d.name AS department_name, r.supervision_type
				FROM supervised_entity e
				JOIN division_rule r ON r.industry = e.industry
				 AND r.level = CASE WHEN e.supervision_level = 'CITY' THEN 'CITY' ELSE 'DISTRICT' END
				JOIN region_closure c ON c.descendant_id = e.region_id
				JOIN region owner ON owner.id = c.ancestor_id AND owner.level = r.level
				JOIN department d ON d.region_id = owner.id AND d.kind = r.department_kind
				WHERE e.status <> 'CANCELLED'
				  AND NOT EXISTS (SELECT 1 FROM entity_assignment a WHERE a.entity_id = e.id AND a.department_id = d.id
				                  AND a.supervision_type = r.supervision_type AND a.ended_at IS NULL)
				  AND""" + " " + scope.entityFilter("e.id", "e.region_id") + " AND " + scope.unitFilter("d.region_id", "d.id");
	}

	private void requireCityLevel(DataScope scope) {
		boolean city = scope.kind() == DataScope.Kind.REGION && jdbc.sql("SELECT level = 'CITY' FROM region WHERE id = :id")
			.param("id", scope.regionId()).query(Boolean.class).single();
		if (!city) {
			throw ApiException.forbidden("任务分工规则由市级统一维护");
		}
	}
}
