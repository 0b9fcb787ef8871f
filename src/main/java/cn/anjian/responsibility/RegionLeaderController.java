package cn.anjian.responsibility;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The responsible leaders of a people's government (市、区县、街道镇), with their terms of office: 安全生产第一责任人,
 * 分管责任人, 其他分管责任人 (seed 003 §三(六); 党政同责, seed 001 §3). Grids have no government.
 */
@RestController
@RequestMapping("/api/responsibility/regions/{regionId}/role-holders")
class RegionLeaderController {

	record Leader(long id, long regionId, String role, String roleLabel, String name, String title, String phone,
			LocalDate termFrom, LocalDate termTo) {
	}

	record LeaderForm(@NotBlank(message = "请选择责任角色") String role, @NotBlank(message = "请填写姓名") String name,
			String title, String phone, LocalDate termFrom, LocalDate termTo) {
	}

	private final JdbcClient jdbc;
	private final DutyOwners owners;
	private final Duties duties;
	private final OperationLog operationLog;

	RegionLeaderController(JdbcClient jdbc, DutyOwners owners, Duties duties, OperationLog operationLog) {
		this.jdbc = jdbc;
		this.owners = owners;
		this.duties = duties;
		this.operationLog = operationLog;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('responsibility:read')")
	List<Leader> list(@PathVariable long regionId, DataScope scope) {
		owners.readable(scope, DutyOwners.Type.REGION, regionId);
		return leaders(regionId, null);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('responsibility:write')")
	Leader create(@PathVariable long regionId, @Valid @RequestBody LeaderForm form, DataScope scope) {
		owners.writable(scope, DutyOwners.Type.REGION, regionId);
		long id = jdbc.sql("""
				INSERT INTO region_role_holder (region_id, role, name, title, phone, term_from, term_to)
				VALUES (:regionId, :role, :name, :title, :phone, :termFrom, :termTo) RETURNING id
				""").param("regionId", regionId).params(params(form)).query(Long.class).single();
		Leader created = find(regionId, id);
		operationLog.record("CREATE", "region_role_holder", id, null, created);
		return created;
	}

	@PutMapping("/{holderId}")
	@PreAuthorize("hasAuthority('responsibility:write')")
	Leader update(@PathVariable long regionId, @PathVariable long holderId, @Valid @RequestBody LeaderForm form,
			DataScope scope) {
		owners.writable(scope, DutyOwners.Type.REGION, regionId);
		Leader before = find(regionId, holderId);
		jdbc.sql("""
				UPDATE region_role_holder SET role = :role, name = :name, title = :title, phone = :phone,
				       term_from = :termFrom, term_to = :termTo WHERE id = :id
				""").param("id", holderId).params(params(form)).update();
		Leader after = find(regionId, holderId);
		operationLog.record("UPDATE", "region_role_holder", holderId, before, after);
		return after;
	}

	/** Removes a leader entered by mistake, with their duties; a leader who left keeps the record with a term end. */
	@DeleteMapping("/{holderId}")
	@PreAuthorize("hasAuthority('responsibility:write')")
	ResponseEntity<Void> delete(@PathVariable long regionId, @PathVariable long holderId, DataScope scope) {
		owners.writable(scope, DutyOwners.Type.REGION, regionId);
		Leader before = find(regionId, holderId);
		var dutiesBefore = duties.of(DutyOwners.Type.REGION_ROLE_HOLDER, holderId);
		jdbc.sql("DELETE FROM region_role_holder WHERE id = :id").param("id", holderId).update();
		operationLog.record("DELETE", "region_role_holder", holderId, Map.of("leader", before, "duties", dutiesBefore), null);
		return ResponseEntity.noContent().build();
	}

	private Leader find(long regionId, long holderId) {
		return leaders(regionId, holderId).stream().findFirst().orElseThrow(() -> ApiException.notFound("政府责任人"));
	}

	private List<Leader> leaders(long regionId, Long holderId) {
		return jdbc.sql("""
				SELECT id, region_id, role, name, title, phone, term_from, term_to FROM region_role_holder
				WHERE region_id = :regionId AND (CAST(:holderId AS bigint) IS NULL OR id = :holderId)
				ORDER BY""" + " " + LeadershipRole.orderBy("role") + ", term_from DESC NULLS LAST, id")
			.param("regionId", regionId).param("holderId", holderId)
			.query((rs, n) -> new Leader(rs.getLong("id"), rs.getLong("region_id"), rs.getString("role"),
					LeadershipRole.valueOf(rs.getString("role")).label(), rs.getString("name"), rs.getString("title"),
					rs.getString("phone"), rs.getObject("term_from", LocalDate.class), rs.getObject("term_to", LocalDate.class)))
			.list();
	}

	private static Map<String, Object> params(LeaderForm form) {
		LeadershipRole role = LeadershipRole.of(form.role());
		if (form.termFrom() != null && form.termTo() != null && form.termTo().isBefore(form.termFrom())) {
			throw ApiException.invalid("termTo", "任职止日期不能早于任职起日期");
		}
		var params = new java.util.HashMap<String, Object>();
		params.put("role", role.name());
		params.put("name", form.name().trim());
		params.put("title", form.title());
		params.put("phone", form.phone());
		params.put("termFrom", form.termFrom());
		params.put("termTo", form.termTo());
		return params;
	}
}
