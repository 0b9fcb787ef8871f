package cn.anjian.inspection;

import cn.anjian.platform.files.FileTransfers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Photos of a hazard as found and the evidence of its rectification, stored in the shared file store. */
@Repository
class HazardAttachments {

	record Attachment(long id, String kind, String fileName, String contentType, long sizeBytes, String sha256,
			Instant uploadedAt) {
	}

	private final JdbcClient jdbc;

	HazardAttachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Attachment add(long hazardId, String kind, FileTransfers.Received file, long userId, Instant now) {
		return jdbc.sql("""
				INSERT INTO hazard_attachment (hazard_id, region_id, kind, file_name, content_type, size_bytes, sha256,
				                               uploaded_by, uploaded_at)
				SELECT h.id, h.region_id, :kind, :name, :type, :size, :sha, :user, :now FROM hazard h WHERE h.id = :id
				RETURNING id, kind, file_name, content_type, size_bytes, sha256, uploaded_at
				""")
			.param("id", hazardId).param("kind", kind).param("name", file.fileName())
			.param("type", file.file().contentType()).param("size", file.file().size()).param("sha", file.file().sha256())
			.param("user", userId).param("now", Timestamp.from(now))
			.query(Attachment.class).single();
	}

	List<Attachment> of(long hazardId) {
		return jdbc.sql("""
				SELECT id, kind, file_name, content_type, size_bytes, sha256, uploaded_at FROM hazard_attachment
				WHERE hazard_id = :id ORDER BY uploaded_at, id
				""").param("id", hazardId).query(Attachment.class).list();
	}

	/** Evidence uploaded since {@code since} (the latest order to rectify): a resubmission needs new evidence. */
	List<String> evidenceSince(long hazardId, Instant since) {
		return jdbc.sql("""
				SELECT sha256 FROM hazard_attachment WHERE hazard_id = :id AND kind = 'EVIDENCE'
				AND (CAST(:since AS timestamptz) IS NULL OR uploaded_at > :since)
				""").param("id", hazardId).param("since", since == null ? null : Timestamp.from(since))
			.query(String.class).list();
	}
}
