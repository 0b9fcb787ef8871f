package cn.anjian.registry;

import cn.anjian.platform.files.StoredFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The safety-management documents (安全管理文件) of an entity and their versions. Callers check the entity is in
 * the caller's scope ({@link Entities#find}) first; every statement here is then limited to that entity.
 */
@Repository
class EntityDocuments {

	record Version(long id, long documentId, int versionNo, String fileName, String contentType, long sizeBytes,
			String sha256, String uploadedByName, Instant uploadedAt) {
	}

	record Document(long id, long entityId, String type, String typeLabel, String title, Instant createdAt,
			String createdByName, Instant archivedAt, int versionCount, Version current) {
	}

	/** A document as the operation log (and so the entity's history) shows it: flat, one field per fact. */
	record Snapshot(long documentId, String type, String typeLabel, String title, int versionNo, String fileName,
			long sizeBytes, String sha256, Instant archivedAt) {

		static Snapshot of(Document d) {
			Version v = d.current();
			return new Snapshot(d.id(), d.type(), d.typeLabel(), d.title(), v.versionNo(), v.fileName(), v.sizeBytes(),
					v.sha256(), d.archivedAt());
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	EntityDocuments(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Document> list(long entityId, boolean includeArchived) {
		return jdbc.sql(SELECT + " WHERE d.entity_id = :entityId AND (:includeArchived OR d.archived_at IS NULL)"
				+ " ORDER BY d.archived_at NULLS FIRST, t.sort_order NULLS LAST, d.id")
			.param("entityId", entityId)
			.param("includeArchived", includeArchived)
			.query((rs, n) -> document(rs))
			.list();
	}

	Optional<Document> find(long entityId, long id) {
		return jdbc.sql(SELECT + " WHERE d.entity_id = :entityId AND d.id = :id")
			.param("entityId", entityId)
			.param("id", id)
			.query((rs, n) -> document(rs))
			.optional();
	}

	/** Locks the document until the request's transaction ends, so two uploads cannot take the same version number. */
	boolean lock(long entityId, long id) {
		return jdbc.sql("SELECT id FROM entity_document WHERE entity_id = :entityId AND id = :id FOR UPDATE")
			.param("entityId", entityId)
			.param("id", id)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	long create(long entityId, long regionId, String type, String title, long userId) {
		return jdbc.sql("""
				INSERT INTO entity_document (entity_id, region_id, type, title, created_at, created_by)
				VALUES (:entityId, :regionId, :type, :title, :now, :userId) RETURNING id
				""")
			.param("entityId", entityId)
			.param("regionId", regionId)
			.param("type", type)
			.param("title", title)
			.param("now", Timestamp.from(clock.instant()))
			.param("userId", userId)
			.query(Long.class)
			.single();
	}

	/** Adds the next version; the caller holds the document's {@link #lock}. */
	void addVersion(long documentId, StoredFile file, String fileName, long userId) {
		jdbc.sql("""
				INSERT INTO entity_document_version (document_id, region_id, version_no, file_name, content_type, size_bytes,
				                                     sha256, uploaded_by, uploaded_at)
				SELECT d.id, d.region_id,
				       (SELECT coalesce(max(v.version_no), 0) + 1 FROM entity_document_version v WHERE v.document_id = d.id),
				       :fileName, :contentType, :size, :sha256, :userId, :now
				FROM entity_document d WHERE d.id = :documentId
				""")
			.param("documentId", documentId)
			.param("fileName", fileName)
			.param("contentType", file.contentType())
			.param("size", file.size())
			.param("sha256", file.sha256())
			.param("userId", userId)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	List<Version> versions(long documentId) {
		return jdbc.sql(VERSIONS + " WHERE v.document_id = :documentId ORDER BY v.version_no DESC")
			.param("documentId", documentId)
			.query((rs, n) -> version(rs))
			.list();
	}

	Optional<Version> version(long documentId, int versionNo) {
		return jdbc.sql(VERSIONS + " WHERE v.document_id = :documentId AND v.version_no = :versionNo")
			.param("documentId", documentId)
			.param("versionNo", versionNo)
			.query((rs, n) -> version(rs))
			.optional();
	}

	void archive(long documentId) {
		jdbc.sql("UPDATE entity_document SET archived_at = :now WHERE id = :id AND archived_at IS NULL")
			.param("id", documentId)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	boolean typeExists(String type) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dict_item WHERE type = 'document_type' AND code = :code AND enabled)")
			.param("code", type)
			.query(Boolean.class)
			.single();
	}

	/** Whether the document exists and belongs to the entity (a licence's scan must be the same entity's). */
	boolean belongsTo(long entityId, long id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM entity_document WHERE entity_id = :entityId AND id = :id)")
			.param("entityId", entityId)
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	private static Document document(ResultSet rs) throws SQLException {
		return new Document(rs.getLong("id"), rs.getLong("entity_id"), rs.getString("type"), rs.getString("type_label"),
				rs.getString("title"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"),
				instant(rs.getTimestamp("archived_at")), rs.getInt("version_count"), version(rs));
	}

	private static Version version(ResultSet rs) throws SQLException {
		return new Version(rs.getLong("v_id"), rs.getLong("v_document_id"), rs.getInt("v_version_no"),
				rs.getString("v_file_name"), rs.getString("v_content_type"), rs.getLong("v_size_bytes"),
				rs.getString("v_sha256"), rs.getString("v_uploaded_by_name"), rs.getTimestamp("v_uploaded_at").toInstant());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static final String VERSION_COLUMNS = """
			v.id AS v_id, v.document_id AS v_document_id, v.version_no AS v_version_no, v.file_name AS v_file_name,
			v.content_type AS v_content_type, v.size_bytes AS v_size_bytes, v.sha256 AS v_sha256,
			(SELECT display_name FROM app_user WHERE id = v.uploaded_by) AS v_uploaded_by_name, v.uploaded_at AS v_uploaded_at
			""";

	private static final String VERSIONS = "SELECT " + VERSION_COLUMNS + " FROM entity_document_version v";

	/** Each document with its current (highest) version; every document has at least version 1. */
	private static final String SELECT = """
			SELECT d.*, t.label AS type_label, (SELECT display_name FROM app_user WHERE id = d.created_by) AS created_by_name,
			  (SELECT count(*) FROM entity_document_version c WHERE c.document_id = d.id) AS version_count, cur.*
			FROM entity_document d
			LEFT JOIN dict_item t ON t.type = 'document_type' AND t.code = d.type
			JOIN LATERAL (SELECT %s FROM entity_document_version v WHERE v.document_id = d.id
			              ORDER BY v.version_no DESC LIMIT 1) cur ON true
			""".formatted(VERSION_COLUMNS);
}
