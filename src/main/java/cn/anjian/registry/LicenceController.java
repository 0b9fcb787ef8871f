package cn.anjian.registry;

import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Licences and certificates (证照) of an entity, and the list of expired or soon-expiring safety licences. A change
 * is logged against the entity so it shows in the entity's history.
 */
@RestController
class LicenceController {

	record Licence(long id, long entityId, String type, String typeLabel, String number, String issuer,
			LocalDate validFrom, LocalDate validTo, Long scanDocumentId, boolean safetyLicence, String state) {
	}

	record LicenceRow(long id, long entityId, String entityName, String regionPath, String type, String typeLabel,
			String number, LocalDate validTo, String state) {
	}

	record LicenceForm(@NotBlank(message = "请选择证照类型") String type, @NotBlank(message = "请填写证照编号") String number,
			String issuer, LocalDate validFrom, LocalDate validTo, Long scanDocumentId) {
	}

	private final JdbcClient jdbc;
	private final Entities entities;
	private final EntityDocuments documents;
	private final OperationLog operationLog;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LicenceController(JdbcClient jdbc, Entities entities, EntityDocuments documents, OperationLog operationLog,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.documents = documents;
		this.operationLog = operationLog;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/api/entities/{entityId}/licences")
	@PreAuthorize("hasAuthority('entity:read')")
	List<Licence> list(@PathVariable long entityId, DataScope scope) {
		entity(scope, entityId);
		return jdbc.sql(SELECT + " WHERE l.entity_id = :entityId ORDER BY l.valid_to NULLS LAST, l.id")
			.param("entityId", entityId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Expired ({@code state=EXPIRED}) or expiring within 30 days ({@code EXPIRING}) safety licences in scope. */
	@GetMapping("/api/licences")
	@PreAuthorize("hasAuthority('entity:read')")
	Page<LicenceRow> byState(@RequestParam(defaultValue = "EXPIRED") String state,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		LocalDate today = entities.today();
		String condition = switch (state) {
			case "EXPIRED" -> "l.valid_to < :today";
			case "EXPIRING" -> "l.valid_to >= :today AND l.valid_to <= :expiringBy";
			default -> throw ApiException.invalid("state", "状态只能是 EXPIRED 或 EXPIRING");
		};
		String where = " WHERE l.type IN (:safetyTypes) AND " + condition + " AND " + scope.entityFilter("e.id", "e.region_id");
		var params = Map.<String, Object>of("today", Date.valueOf(today), "expiringBy",
				Date.valueOf(today.plusDays(EntityRules.EXPIRING_WITHIN_DAYS)), "safetyTypes",
				List.copyOf(EntityRules.SAFETY_LICENCE_TYPES));
		long total = scope.bind(jdbc.sql("SELECT count(*) FROM entity_licence l JOIN supervised_entity e ON e.id = l.entity_id" + where))
			.params(params).query(Long.class).single();
		List<LicenceRow> rows = scope.bind(jdbc.sql("""
				SELECT l.id, l.entity_id, e.name AS entity_name,
				  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
				   WHERE c.descendant_id = e.region_id AND a.parent_id IS NOT NULL) AS region_path,
				  l.type, d.label AS type_label, l.number, l.valid_to
				FROM entity_licence l JOIN supervised_entity e ON e.id = l.entity_id
				LEFT JOIN dict_item d ON d.type = 'licence_type' AND d.code = l.type""" + where
				+ " ORDER BY l.valid_to, l.id LIMIT :size OFFSET :offset"))
			.params(params).param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query((rs, n) -> new LicenceRow(rs.getLong("id"), rs.getLong("entity_id"), rs.getString("entity_name"),
					rs.getString("region_path"), rs.getString("type"), rs.getString("type_label"), rs.getString("number"),
					rs.getObject("valid_to", LocalDate.class), state))
			.list();
		return new Page<>(rows, total);
	}

	@PostMapping("/api/entities/{entityId}/licences")
	@PreAuthorize("hasAuthority('entity:write')")
	Licence add(@PathVariable long entityId, @Valid @RequestBody LicenceForm form, DataScope scope) {
		EntityView entity = entity(scope, entityId);
		checkForm(entityId, form);
		long id = jdbc.sql("""
				INSERT INTO entity_licence (entity_id, region_id, type, number, issuer, valid_from, valid_to, scan_document_id,
				                            created_at, updated_at)
				VALUES (:entityId, :regionId, :type, :number, :issuer, :validFrom, :validTo, :scan, :now, :now) RETURNING id
				""")
			.param("entityId", entityId).param("regionId", entity.regionId()).params(values(form))
			.query(Long.class).single();
		entities.refreshSafetyLicence(entityId);
		Licence created = find(entityId, id);
		operationLog.record("LICENCE_CREATE", "supervised_entity", entityId, null, created);
		return created;
	}

	@PutMapping("/api/entities/{entityId}/licences/{id}")
	@PreAuthorize("hasAuthority('entity:write')")
	Licence update(@PathVariable long entityId, @PathVariable long id, @Valid @RequestBody LicenceForm form,
			DataScope scope) {
		EntityView entity = entity(scope, entityId);
		Licence before = find(entityId, id);
		checkForm(entityId, form);
		jdbc.sql("""
				UPDATE entity_licence SET type = :type, number = :number, issuer = :issuer, valid_from = :validFrom,
				       valid_to = :validTo, scan_document_id = :scan, updated_at = :now WHERE id = :id
				""").param("id", id).params(values(form)).update();
		entities.refreshSafetyLicence(entityId);
		Licence after = find(entityId, id);
		operationLog.record("LICENCE_UPDATE", "supervised_entity", entityId, before, after);
		if ("EXPIRED".equals(before.state()) && !"EXPIRED".equals(after.state()) && before.safetyLicence()) {
			events.publishEvent(new LicenceRenewed(id, entityId, entity.regionId(), clock.instant()));
		}
		return after;
	}

	@DeleteMapping("/api/entities/{entityId}/licences/{id}")
	@PreAuthorize("hasAuthority('entity:write')")
	ResponseEntity<Void> delete(@PathVariable long entityId, @PathVariable long id, DataScope scope) {
		entity(scope, entityId);
		Licence before = find(entityId, id);
		jdbc.sql("DELETE FROM entity_licence WHERE id = :id").param("id", id).update();
		entities.refreshSafetyLicence(entityId);
		operationLog.record("LICENCE_DELETE", "supervised_entity", entityId, before, null);
		return ResponseEntity.noContent().build();
	}

	private void checkForm(long entityId, LicenceForm form) {
		if (form.validFrom() != null && form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
			throw ApiException.invalid("validTo", "有效期至不能早于有效期起");
		}
		if (form.scanDocumentId() != null && !documents.belongsTo(entityId, form.scanDocumentId())) {
			throw ApiException.invalid("scanDocumentId", "扫描件须是本单位已上传的安全管理文件");
		}
	}

	private Map<String, Object> values(LicenceForm form) {
		var values = new java.util.HashMap<String, Object>();
		values.put("type", form.type());
		values.put("number", form.number().trim());
		values.put("issuer", form.issuer());
		values.put("validFrom", form.validFrom());
		values.put("validTo", form.validTo());
		values.put("scan", form.scanDocumentId());
		values.put("now", Timestamp.from(clock.instant()));
		return values;
	}

	private EntityView entity(DataScope scope, long entityId) {
		return entities.find(scope, entityId).orElseThrow(() -> {
			operationLog.recordDenied("supervised_entity", entityId);
			return ApiException.notFound("监管对象");
		});
	}

	private Licence find(long entityId, long id) {
		return jdbc.sql(SELECT + " WHERE l.id = :id AND l.entity_id = :entityId")
			.param("id", id).param("entityId", entityId)
			.query((rs, n) -> map(rs)).optional()
			.orElseThrow(() -> ApiException.notFound("证照"));
	}

	private Licence map(java.sql.ResultSet rs) throws java.sql.SQLException {
		LocalDate validTo = rs.getObject("valid_to", LocalDate.class);
		String type = rs.getString("type");
		return new Licence(rs.getLong("id"), rs.getLong("entity_id"), type, rs.getString("type_label"),
				rs.getString("number"), rs.getString("issuer"), rs.getObject("valid_from", LocalDate.class), validTo,
				(Long) rs.getObject("scan_document_id"), EntityRules.SAFETY_LICENCE_TYPES.contains(type),
				EntityRules.licenceState(validTo, entities.today()).name());
	}

	private static final String SELECT = """
			SELECT l.*, d.label AS type_label FROM entity_licence l
			LEFT JOIN dict_item d ON d.type = 'licence_type' AND d.code = l.type
			""";
}
