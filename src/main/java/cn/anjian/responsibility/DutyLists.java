package cn.anjian.responsibility;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Assembles a department's {@link DutyList}; the caller has checked the department's scope. */
@Component
class DutyLists {

	private final JdbcClient jdbc;
	private final Duties duties;

	DutyLists(JdbcClient jdbc, Duties duties) {
		this.jdbc = jdbc;
		this.duties = duties;
	}

	DutyList of(long departmentId, LocalDate today) {
		Map<String, List<Duties.Duty>> byOwner = duties.ofDepartment(departmentId).stream()
			.collect(Collectors.groupingBy(d -> d.ownerType() + ":" + d.ownerId()));
		return jdbc.sql("SELECT d.name, r.name AS region_name FROM department d JOIN region r ON r.id = d.region_id WHERE d.id = :id")
			.param("id", departmentId)
			.query((rs, n) -> new DutyList(departmentId, rs.getString("name"), rs.getString("region_name"), today,
					leaders(departmentId, today, byOwner), offices(departmentId, byOwner),
					owned(byOwner, DutyOwners.Type.DEPARTMENT, departmentId)))
			.single();
	}

	/** Leaders whose term has not ended by {@code today}: the list states who answers now. */
	private List<DutyList.Leader> leaders(long departmentId, LocalDate today, Map<String, List<Duties.Duty>> byOwner) {
		return jdbc.sql("""
				SELECT id, role, name, title, term_from, term_to FROM department_role_holder
				WHERE department_id = :d AND (term_to IS NULL OR term_to >= :today)
				ORDER BY""" + " " + LeadershipRole.orderBy("role") + ", id")
			.param("d", departmentId).param("today", Date.valueOf(today))
			.query((rs, n) -> new DutyList.Leader(rs.getLong("id"), rs.getString("role"),
					LeadershipRole.valueOf(rs.getString("role")).label(), rs.getString("name"), rs.getString("title"),
					rs.getObject("term_from", LocalDate.class), rs.getObject("term_to", LocalDate.class),
					owned(byOwner, DutyOwners.Type.ROLE_HOLDER, rs.getLong("id"))))
			.list();
	}

	/** The lead office first, then the others in their usual order. */
	private List<DutyList.Office> offices(long departmentId, Map<String, List<Duties.Duty>> byOwner) {
		return jdbc.sql("""
				SELECT id, name, lead, work_share FROM department_office WHERE department_id = :d
				ORDER BY lead DESC, sort_order, id
				""")
			.param("d", departmentId)
			.query((rs, n) -> new DutyList.Office(rs.getLong("id"), rs.getString("name"), rs.getBoolean("lead"),
					rs.getString("work_share"), owned(byOwner, DutyOwners.Type.OFFICE, rs.getLong("id"))))
			.list();
	}

	private static List<Duties.Duty> owned(Map<String, List<Duties.Duty>> byOwner, DutyOwners.Type type, long id) {
		return byOwner.getOrDefault(type.name() + ":" + id, List.of());
	}
}
