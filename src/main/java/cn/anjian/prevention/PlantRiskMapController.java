package cn.anjian.prevention;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.oplog.OperationLog;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.ApiException;
import cn.anjian.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 风险四色分布图: a business uploads its site plan (an image; every upload is kept, the latest is current) and places
 * its risk points on it as fractions of the image's width and height, each drawn in its grade's colour. Government
 * users in scope view it read-only.
 */
@RestController
@RequestMapping("/api/prevention")
class PlantRiskMapController {

	record Plan(long id, String fileName, String contentType, long fileSize, boolean isCurrent, String uploadedByName,
			Instant uploadedAt, Instant replacedAt) {
	}

	/** {@code x}, {@code y}: null while the point is not placed on the plan. */
	record Marker(long id, String name, String area, String building, String grade, boolean active, BigDecimal x,
			BigDecimal y) {
	}

	record PlantMap(long entityId, String entityName, Plan plan, List<Plan> history, List<Marker> points) {
	}

	/** A business with a current plan, for the government's picker. */
	record Mapped(long entityId, String entityName, long placedPoints, Instant uploadedAt) {
	}

	/** Fractions of the image: 0 is the left (top) edge, 1 the right (bottom) edge. */
	record Placement(@NotNull(message = "请给出横坐标") BigDecimal x, @NotNull(message = "请给出纵坐标") BigDecimal y) {
	}

	private final JdbcClient jdbc;
	private final OwnRecords records;
	private final FileTransfers files;
	private final OperationLog operationLog;
	private final Clock clock;

	PlantRiskMapController(JdbcClient jdbc, OwnRecords records, FileTransfers files, OperationLog operationLog, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.files = files;
		this.operationLog = operationLog;
		this.clock = clock;
	}

	/** The map of the caller's own business, or (government) of {@code entityId} in scope. */
	@GetMapping("/site-plan")
	@PreAuthorize("hasAuthority('prevention:read')")
	PlantMap map(@RequestParam(required = false) Long entityId, DataScope scope) {
		long entity = scope.kind() == DataScope.Kind.ENTITY ? scope.entityId() : required(entityId);
		return map(scope, entity);
	}

	@GetMapping("/site-plans")
	@PreAuthorize("hasAuthority('prevention:read')")
	Page<Mapped> mapped(@RequestParam(required = false) String keyword, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		String where = " WHERE s.is_current AND " + scope.entityFilter("s.entity_id", "s.region_id")
				+ " AND (CAST(:keyword AS text) IS NULL OR e.name LIKE '%' || :keyword || '%')";
		String kw = keyword == null || keyword.isBlank() ? null : keyword.trim();
		String from = " FROM site_plan s JOIN supervised_entity e ON e.id = s.entity_id";
		long total = scope.bind(jdbc.sql("SELECT count(*)" + from + where)).param("keyword", kw).query(Long.class).single();
		List<Mapped> items = scope.bind(jdbc.sql("""
				SELECT e.id AS entity_id, e.name AS entity_name, s.uploaded_at,
				  (SELECT count(*) FROM risk_point_placement l WHERE l.entity_id = e.id) AS placed_points
				""" + from + where
				+ " ORDER BY e.name, e.id LIMIT :size OFFSET :offset"))
			.param("keyword", kw).param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query(Mapped.class).list();
		return new Page<>(items, total);
	}

	/** A new plan replaces the current one, which is kept (as history); placements stay where they were. */
	@PostMapping("/site-plan")
	@PreAuthorize("hasAuthority('prevention:write')")
	PlantMap upload(@RequestParam(required = false) MultipartFile file, DataScope scope) {
		OwnRecords.requireBusiness(scope);
		FileTransfers.Received received = files.receive(file);
		if (!received.file().contentType().startsWith("image/")) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "SITE_PLAN_NOT_IMAGE", "厂区平面图须为图片（PNG、JPEG 或 GIF）");
		}
		Timestamp now = Timestamp.from(clock.instant());
		Plan before = current(scope.entityId());
		jdbc.sql("UPDATE site_plan SET is_current = false, replaced_at = :now WHERE entity_id = :entity AND is_current")
			.param("entity", scope.entityId()).param("now", now).update();
		long id = jdbc.sql("""
				INSERT INTO site_plan (entity_id, region_id, file_sha256, file_name, content_type, file_size, uploaded_by, uploaded_at)
				SELECT e.id, e.region_id, :sha, :name, :type, :size, :user, :now FROM supervised_entity e WHERE e.id = :entity
				RETURNING id
				""").param("entity", scope.entityId()).param("sha", received.file().sha256()).param("name", received.fileName())
			.param("type", received.file().contentType()).param("size", received.file().size()).param("user", scope.userId())
			.param("now", now).query(Long.class).single();
		operationLog.record(before == null ? "SITE_PLAN_UPLOAD" : "SITE_PLAN_REPLACE", "site_plan", id, before,
				current(scope.entityId()));
		return map(scope, scope.entityId());
	}

	@GetMapping("/site-plans/{id}/image")
	@PreAuthorize("hasAuthority('prevention:read')")
	ResponseEntity<InputStreamResource> image(@PathVariable long id, DataScope scope) {
		records.readable(scope, "site_plan", id, "厂区平面图");
		return jdbc.sql("SELECT file_sha256, file_name, content_type, file_size FROM site_plan WHERE id = :id").param("id", id)
			.query((rs, n) -> files.send(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).single();
	}

	@PutMapping("/points/{id}/placement")
	@PreAuthorize("hasAuthority('prevention:write')")
	Marker place(@PathVariable long id, @Valid @RequestBody Placement form, DataScope scope) {
		records.writable(scope, "risk_point", id, "风险点");
		fraction("x", form.x());
		fraction("y", form.y());
		if (current(scope.entityId()) == null) {
			throw ApiException.conflict("NO_SITE_PLAN", "请先上传厂区平面图");
		}
		Marker before = marker(id);
		jdbc.sql("""
				INSERT INTO risk_point_placement (risk_point_id, entity_id, region_id, x, y, placed_at)
				SELECT p.id, p.entity_id, p.region_id, :x, :y, :now FROM risk_point p WHERE p.id = :id
				ON CONFLICT (risk_point_id) DO UPDATE SET x = EXCLUDED.x, y = EXCLUDED.y, placed_at = EXCLUDED.placed_at
				""").param("id", id).param("x", form.x()).param("y", form.y()).param("now", Timestamp.from(clock.instant()))
			.update();
		Marker after = marker(id);
		operationLog.record("RISK_POINT_PLACE", "risk_point", id, before, after);
		return after;
	}

	@DeleteMapping("/points/{id}/placement")
	@PreAuthorize("hasAuthority('prevention:write')")
	Marker unplace(@PathVariable long id, DataScope scope) {
		records.writable(scope, "risk_point", id, "风险点");
		Marker before = marker(id);
		jdbc.sql("DELETE FROM risk_point_placement WHERE risk_point_id = :id").param("id", id).update();
		Marker after = marker(id);
		operationLog.record("RISK_POINT_UNPLACE", "risk_point", id, before, after);
		return after;
	}

	private PlantMap map(DataScope scope, long entity) {
		String name = scope.bind(jdbc.sql("SELECT e.name FROM supervised_entity e WHERE e.id = :id AND "
				+ scope.entityFilter("e.id", "e.region_id")))
			.param("id", entity).query(String.class).optional().orElseThrow(() -> {
				operationLog.recordDenied("supervised_entity", entity);
				return ApiException.notFound("单位");
			});
		List<Plan> plans = jdbc.sql(PLANS + " WHERE s.entity_id = :entity ORDER BY s.uploaded_at DESC, s.id DESC")
			.param("entity", entity).query(Plan.class).list();
		List<Marker> markers = jdbc.sql(MARKERS + " WHERE p.entity_id = :entity AND (p.active OR l.risk_point_id IS NOT NULL)"
				+ " ORDER BY array_position(ARRAY['RED','ORANGE','YELLOW','BLUE']::varchar[], p.grade), p.id")
			.param("entity", entity).query(Marker.class).list();
		Plan current = plans.stream().filter(Plan::isCurrent).findFirst().orElse(null);
		return new PlantMap(entity, name, current, plans.stream().filter(p -> !p.isCurrent()).toList(), markers);
	}

	private Plan current(long entity) {
		return jdbc.sql(PLANS + " WHERE s.entity_id = :entity AND s.is_current").param("entity", entity).query(Plan.class)
			.optional().orElse(null);
	}

	private Marker marker(long point) {
		return jdbc.sql(MARKERS + " WHERE p.id = :id").param("id", point).query(Marker.class).single();
	}

	private static void fraction(String field, BigDecimal value) {
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			throw ApiException.invalid(field, "位置须在平面图内（0～1）");
		}
	}

	private static long required(Long entityId) {
		if (entityId == null) {
			throw ApiException.invalid("entityId", "请选择单位");
		}
		return entityId;
	}

	private static final String PLANS = """
			SELECT s.id, s.file_name, s.content_type, s.file_size, s.is_current, u.display_name AS uploaded_by_name,
			  s.uploaded_at, s.replaced_at
			FROM site_plan s LEFT JOIN app_user u ON u.id = s.uploaded_by""";

	private static final String MARKERS = """
			SELECT p.id, p.name, p.area, p.building, p.grade, p.active, l.x, l.y
			FROM risk_point p LEFT JOIN risk_point_placement l ON l.risk_point_id = p.id""";
}
