package cn.anjian.responsibility;

import cn.anjian.responsibility.AssignmentSheet.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the names a person types in an assignment row (USCC, department, office, type label, usernames) into ids,
 * within the caller's reach, then judges the row by {@link AssignmentRule}. Every problem of a row is reported, each
 * against its column.
 */
final class AssignmentNames {

	record Entity(long id, String uscc, String supervisionLevel) {
	}

	/** A row that passed: what to assign. */
	record Proposal(int row, long entityId, long departmentId, Long officeId, String supervisionType,
			List<Long> inspectorIds) {
	}

	record Problem(int row, Column column, String message) {
	}

	private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\s]+");

	private final AssignmentRule.Reach reach;
	private final Map<String, Entity> entities;
	private final Map<String, String> types;
	private final Map<String, List<AssignmentRule.Department>> departments;
	private final Map<String, AssignmentRule.Inspector> inspectors;

	/** {@code entities} by USCC (those in the caller's scope), {@code types} from label and code to code. */
	AssignmentNames(AssignmentRule.Reach reach, Map<String, Entity> entities, Map<String, String> types) {
		this.reach = reach;
		this.entities = entities;
		this.types = types;
		this.departments = reach.departments().values().stream().collect(Collectors.groupingBy(AssignmentRule.Department::name));
		this.inspectors = reach.inspectors().values().stream()
			.collect(Collectors.toMap(AssignmentRule.Inspector::username, i -> i));
	}

	static String uscc(AssignmentSheet.Line line) {
		return line.get(Column.USCC).toUpperCase();
	}

	/** The proposal, or the row's problems (and then no proposal). */
	Proposal resolve(AssignmentSheet.Line line, List<Problem> problems) {
		int before = problems.size();
		Entity entity = entity(line, problems);
		Long department = department(line, problems);
		Long office = department == null ? null : office(line, department, problems);
		String type = type(line, problems);
		List<Long> named = inspectors(line, problems);
		if (problems.size() > before || entity == null || department == null) {
			return null;
		}
		for (AssignmentRule.Refusal refusal : AssignmentRule.judge(reach, entity.supervisionLevel(), department, office, named)) {
			problems.add(new Problem(line.row(), column(refusal), refusal.message));
		}
		return problems.size() > before ? null : new Proposal(line.row(), entity.id(), department, office, type, named);
	}

	private Entity entity(AssignmentSheet.Line line, List<Problem> problems) {
		String uscc = uscc(line);
		Entity entity = entities.get(uscc);
		if (entity == null) {
			problems.add(new Problem(line.row(), Column.USCC, uscc.isEmpty() ? "请填写统一社会信用代码"
					: "监管对象不存在或无权访问（" + uscc + "）"));
		}
		return entity;
	}

	private Long department(AssignmentSheet.Line line, List<Problem> problems) {
		String name = line.get(Column.DEPARTMENT);
		List<AssignmentRule.Department> matches = departments.getOrDefault(name, List.of());
		if (matches.size() == 1) {
			return matches.get(0).id();
		}
		problems.add(new Problem(line.row(), Column.DEPARTMENT, name.isEmpty() ? "请填写监管部门"
				: matches.isEmpty() ? "监管部门“" + name + "”不存在或无权访问" : "监管部门名称“" + name + "”对应多个部门，请联系管理员"));
		return null;
	}

	private Long office(AssignmentSheet.Line line, long department, List<Problem> problems) {
		String name = line.get(Column.OFFICE);
		if (name.isEmpty()) {
			return null;
		}
		return reach.offices().values().stream().filter(o -> o.departmentId() == department && o.name().equals(name))
			.map(AssignmentRule.Office::id).findFirst()
			.orElseGet(() -> {
				problems.add(new Problem(line.row(), Column.OFFICE, "处（科）室“" + name + "”不属于该部门"));
				return null;
			});
	}

	private String type(AssignmentSheet.Line line, List<Problem> problems) {
		String label = line.get(Column.TYPE);
		String code = types.get(label);
		if (code == null) {
			problems.add(new Problem(line.row(), Column.TYPE, label.isEmpty() ? "请填写监管类型"
					: "监管类型“" + label + "”不在字典中（可选：" + String.join("、", labels()) + "）"));
		}
		return code;
	}

	/** Usernames of enabled accounts in reach; whether each is the department's own is the rule's question. */
	private List<Long> inspectors(AssignmentSheet.Line line, List<Problem> problems) {
		List<Long> ids = new ArrayList<>();
		String cell = line.get(Column.INSPECTORS);
		for (String username : cell.isEmpty() ? new String[0] : SEPARATORS.split(cell)) {
			AssignmentRule.Inspector inspector = inspectors.get(username);
			if (inspector == null) {
				problems.add(new Problem(line.row(), Column.INSPECTORS, "监管人员账号“" + username + "”不存在、已停用或无权访问"));
			}
			else if (!ids.contains(inspector.id())) {
				ids.add(inspector.id());
			}
		}
		return ids;
	}

	private List<String> labels() {
		return types.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).map(Map.Entry::getKey).toList();
	}

	private static Column column(AssignmentRule.Refusal refusal) {
		return switch (refusal) {
			case DEPARTMENT_NOT_IN_SCOPE -> Column.DEPARTMENT;
			case CITY_LEVEL_ENTITY -> Column.USCC;
			case OFFICE_NOT_OF_DEPARTMENT -> Column.OFFICE;
			case INSPECTOR_NOT_OF_DEPARTMENT -> Column.INSPECTORS;
		};
	}
}
