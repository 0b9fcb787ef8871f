package cn.anjian.responsibility;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The 权责清单 items. Callers check the owner's scope through {@link DutyOwners} first. */
@Repository
class Duties {

	record Duty(long id, String ownerType, long ownerId, String content, String legalBasis, int sortOrder) {
	}

	private static final String SELECT = "SELECT id, owner_type, owner_id, content, legal_basis, sort_order FROM duty_item ";
	private static final String ORDER = " ORDER BY sort_order, id";

	private final JdbcClient jdbc;

	Duties(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Duty> of(DutyOwners.Type type, long ownerId) {
		return jdbc.sql(SELECT + "WHERE owner_type = :type AND owner_id = :owner" + ORDER)
			.param("type", type.name()).param("owner", ownerId).query(Duty.class).list();
	}

	/** Every duty of a department, its offices and its leaders. */
	List<Duty> ofDepartment(long departmentId) {
		return jdbc.sql(SELECT + "WHERE department_id = :d" + ORDER).param("d", departmentId).query(Duty.class).list();
	}

	Optional<Duty> find(long id) {
		return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(Duty.class).optional();
	}

	Duty insert(DutyOwners.Owner owner, String content, String legalBasis, int sortOrder) {
		long id = jdbc.sql("""
				INSERT INTO duty_item (region_id, department_id, owner_type, owner_id, content, legal_basis, sort_order)
				VALUES (:region, :department, :type, :owner, :content, :basis, :sort) RETURNING id
				""")
			.param("region", owner.regionId()).param("department", owner.departmentId())
			.param("type", owner.type().name()).param("owner", owner.id())
			.param("content", content).param("basis", legalBasis).param("sort", sortOrder)
			.query(Long.class).single();
		return find(id).orElseThrow();
	}

	Duty update(long id, String content, String legalBasis, int sortOrder) {
		jdbc.sql("UPDATE duty_item SET content = :content, legal_basis = :basis, sort_order = :sort WHERE id = :id")
			.param("id", id).param("content", content).param("basis", legalBasis).param("sort", sortOrder).update();
		return find(id).orElseThrow();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM duty_item WHERE id = :id").param("id", id).update();
	}
}
