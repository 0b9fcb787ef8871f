package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiError;
import cn.anjian.platform.web.ApiException;
import cn.anjian.responsibility.AssignmentNames.Problem;
import cn.anjian.responsibility.AssignmentNames.Proposal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports assignment rows. Every row is checked first; then, depending on the mode, nothing or only the valid rows are
 * saved. A row whose entity, department and type already have a current assignment changes only its office and
 * inspectors, and only if they differ, so importing the same file twice changes nothing.
 */
@Component
class AssignmentImport {

	enum Mode {
		/** any bad row: nothing is saved, 400 with every problem */
		ALL_OR_NOTHING,
		/** the valid rows are saved, the bad ones reported */
		VALID_ONLY
	}

	record RowError(int row, String column, String message) {
	}

	record Result(Mode mode, int totalRows, int created, int updated, int unchanged, int failed, List<RowError> errors) {
	}

	/** A current assignment as the comparison needs it. */
	private record Current(long id, Long officeId, List<Long> inspectorIds) {
	}

	private static final int SHOWN_ERRORS = 1000;

	private final JdbcClient jdbc;
	private final AssignmentRule rule;
	private final Assignments assignments;
	private final OperationLog operationLog;
	private final Clock clock;

	AssignmentImport(JdbcClient jdbc, AssignmentRule rule, Assignments assignments, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.rule = rule;
		this.assignments = assignments;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	Result run(DataScope scope, List<AssignmentSheet.Line> lines, Mode mode) {
		AssignmentNames names = new AssignmentNames(rule.reach(scope), entities(scope, lines), types());
		List<Problem> problems = new ArrayList<>();
		Map<String, Proposal> proposals = new LinkedHashMap<>();
		for (AssignmentSheet.Line line : lines) {
			Proposal proposal = names.resolve(line, problems);
			if (proposal != null) {
				Proposal earlier = proposals.putIfAbsent(key(proposal), proposal);
				if (earlier != null) {
					problems.add(new Problem(line.row(), AssignmentSheet.Column.USCC,
							"与第" + earlier.row() + "行重复（同一单位、监管部门和监管类型）"));
				}
			}
		}
		List<RowError> errors = problems.stream().map(p -> new RowError(p.row(), p.column().title, p.message())).toList();
		int failed = (int) problems.stream().mapToInt(Problem::row).distinct().count();
		if (mode == Mode.ALL_OR_NOTHING && !errors.isEmpty()) {
			throw invalidRows(errors, failed);
		}
		return save(List.copyOf(proposals.values()), mode, lines.size(), failed, errors);
	}

	private Result save(List<Proposal> valid, Mode mode, int total, int failed, List<RowError> errors) {
		Map<String, Current> current = current(valid);
		Instant now = clock.instant();
		int created = 0;
		int updated = 0;
		for (Proposal p : valid) {
			Current existing = current.get(key(p));
			if (existing == null) {
				long id = assignments.start(p.entityId(), p.departmentId(), p.officeId(), p.supervisionType(), now);
				assignments.staff(id, p.officeId(), p.inspectorIds(), now, null);
				operationLog.record("ASSIGN", "supervised_entity", p.entityId(), null, state(id, p.officeId(), p.inspectorIds(), p));
				created++;
			}
			else if (!Objects.equals(existing.officeId(), p.officeId()) || !sorted(existing.inspectorIds()).equals(sorted(p.inspectorIds()))) {
				assignments.staff(existing.id(), p.officeId(), p.inspectorIds(), now, "Excel导入调整");
				operationLog.record("ASSIGN_STAFF", "supervised_entity", p.entityId(),
						state(existing.id(), existing.officeId(), existing.inspectorIds(), p), state(existing.id(), p.officeId(), p.inspectorIds(), p));
				updated++;
			}
		}
		Result result = new Result(mode, total, created, updated, valid.size() - created - updated, failed,
				errors.subList(0, Math.min(errors.size(), SHOWN_ERRORS)));
		operationLog.record("IMPORT", "entity_assignment", null, null, Map.of("mode", mode, "totalRows", total,
				"created", created, "updated", updated, "unchanged", result.unchanged(), "failed", failed));
		return result;
	}

	private static ApiException invalidRows(List<RowError> errors, int failed) {
		List<ApiError.Detail> details = errors.stream().limit(SHOWN_ERRORS)
			.map(e -> new ApiError.Detail(e.row() + ":" + e.column(), e.message())).toList();
		return new ApiException(HttpStatus.BAD_REQUEST, "IMPORT_INVALID_ROWS",
				"有" + failed + "行数据有误，未导入任何数据；请改正后重新导入，或选择“仅导入正确的行”", details);
	}

	/** Entities of the file in the caller's scope, by USCC (one query for the whole file). */
	private Map<String, AssignmentNames.Entity> entities(DataScope scope, List<AssignmentSheet.Line> lines) {
		String[] usccs = lines.stream().map(AssignmentNames::uscc).distinct().toArray(String[]::new);
		Map<String, AssignmentNames.Entity> byUscc = new HashMap<>();
		scope.bind(jdbc.sql("SELECT e.id, e.uscc, e.supervision_level FROM supervised_entity e WHERE e.uscc = ANY (CAST(:usccs AS char(18)[])) AND "
				+ scope.entityFilter("e.id", "e.region_id")))
			.param("usccs", usccs)
			.query(AssignmentNames.Entity.class).list()
			.forEach(e -> byUscc.put(e.uscc(), e));
		return byUscc;
	}

	/** Supervision types by label and by code, in dictionary order. */
	private Map<String, String> types() {
		Map<String, String> types = new LinkedHashMap<>();
		jdbc.sql("SELECT code, label FROM dict_item WHERE type = 'supervision_type' AND enabled ORDER BY sort_order, id")
			.query((rs, n) -> Map.entry(rs.getString("label"), rs.getString("code"))).list()
			.forEach(e -> {
				types.put(e.getKey(), e.getValue());
				types.putIfAbsent(e.getValue(), e.getValue());
			});
		return types;
	}

	private Map<String, Current> current(List<Proposal> proposals) {
		Map<String, Current> current = new HashMap<>();
		Long[] entityIds = proposals.stream().map(Proposal::entityId).distinct().toArray(Long[]::new);
		jdbc.sql("""
				SELECT a.id, a.entity_id, a.department_id, a.supervision_type, a.office_id,
				       ARRAY(SELECT i.user_id FROM entity_inspector i WHERE i.assignment_id = a.id AND i.ended_at IS NULL) AS inspectors
				FROM entity_assignment a WHERE a.ended_at IS NULL AND a.entity_id = ANY (CAST(:ids AS bigint[]))
				""")
			.param("ids", entityIds)
			.query((rs, n) -> Map.entry(rs.getLong("entity_id") + "|" + rs.getLong("department_id") + "|" + rs.getString("supervision_type"),
					new Current(rs.getLong("id"), (Long) rs.getObject("office_id"),
							List.of((Long[]) rs.getArray("inspectors").getArray()))))
			.list()
			.forEach(e -> current.put(e.getKey(), e.getValue()));
		return current;
	}

	private static String key(Proposal p) {
		return p.entityId() + "|" + p.departmentId() + "|" + p.supervisionType();
	}

	private static Map<String, Object> state(long assignmentId, Long officeId, List<Long> inspectorIds, Proposal p) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("assignment", assignmentId);
		state.put("departmentId", p.departmentId());
		state.put("supervisionType", p.supervisionType());
		state.put("officeId", officeId);
		state.put("inspectorIds", sorted(inspectorIds));
		state.put("row", p.row());
		return state;
	}

	private static List<Long> sorted(List<Long> ids) {
		return ids.stream().sorted().toList();
	}
}
