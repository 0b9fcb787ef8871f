package cn.anjian.inspection;

import cn.anjian.platform.files.FileTransfers;
import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lead rows: the aggregate (row-locked for a transition), each transfer as a hop, evidence files, scoped lists. */
@Repository
class Leads {

	record LeadView(long id, Long entityId, String subjectName, String subjectAddress, String regionPath,
			String description, String legalBasis, String senderName, String senderLevel, Long senderDepartmentId,
			long receiverDepartmentId, String receiverDepartmentName, Lead.State state, Instant transferredAt,
			Instant createdAt, int version) {
	}

	record Hop(long id, long receiverDepartmentId, String receiverDepartmentName, Instant transferredAt,
			String transferredByName, String outcome, Instant handledAt, String handledByName, String note) {
	}

	record Attachment(long id, String fileName, String contentType, long sizeBytes, String sha256, Instant uploadedAt) {
	}

	/** {@code box}: SENT (我移交的), RECEIVED (移交给我部门的), or null for everything in scope. */
	record Filter(String box, Lead.State state, String keyword) {
	}

	record NewRow(Long entityId, long regionId, String subjectName, String subjectAddress, String description,
			String legalBasis, long senderRegionId, Long senderDepartmentId, Hazard.OriginLevel senderLevel,
			String senderName, Long sentBy, long receiverDepartmentId) {
	}

	private final JdbcClient jdbc;

	Leads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewRow r, Instant now) {
		return jdbc.sql("""
				INSERT INTO lead_transfer (region_id, entity_id, subject_name, subject_address, description, legal_basis,
				  sender_region_id, sender_department_id, sender_level, sender_name, sent_by, receiver_department_id, state,
				  transferred_at, created_at)
				VALUES (:region, :entity, :name, :address, :description, :basis, :senderRegion, :senderDepartment,
				  :senderLevel, :senderName, :sentBy, :receiver, 'TRANSFERRED', :now, :now)
				RETURNING id
				""")
			.param("region", r.regionId()).param("entity", r.entityId()).param("name", r.subjectName())
			.param("address", r.subjectAddress()).param("description", r.description()).param("basis", r.legalBasis())
			.param("senderRegion", r.senderRegionId()).param("senderDepartment", r.senderDepartmentId())
			.param("senderLevel", r.senderLevel().name()).param("senderName", r.senderName()).param("sentBy", r.sentBy())
			.param("receiver", r.receiverDepartmentId()).param("now", Timestamp.from(now))
			.query(Long.class).single();
	}

	Optional<Lead> lock(long id) {
		return jdbc.sql("SELECT * FROM lead_transfer WHERE id = :id FOR UPDATE").param("id", id)
			.query((rs, n) -> new Lead(rs.getLong("id"), (Long) rs.getObject("entity_id"), rs.getLong("region_id"),
					rs.getString("subject_name"), Hazard.OriginLevel.valueOf(rs.getString("sender_level")),
					rs.getLong("receiver_department_id"), Lead.State.valueOf(rs.getString("state")),
					rs.getTimestamp("transferred_at").toInstant()))
			.optional();
	}

	void save(Lead lead) {
		jdbc.sql("""
				UPDATE lead_transfer SET state = :state, receiver_department_id = :receiver, transferred_at = :at,
				  version = version + 1 WHERE id = :id
				""")
			.param("id", lead.id()).param("state", lead.state().name()).param("receiver", lead.receiverDepartmentId())
			.param("at", Timestamp.from(lead.transferredAt())).update();
	}

	/** The sender's correction: the subject's name and address only for an unregistered business. */
	void edit(long id, String description, String legalBasis, String subjectName, String subjectAddress) {
		jdbc.sql("""
				UPDATE lead_transfer SET description = :description, legal_basis = :basis,
				  subject_name = CASE WHEN entity_id IS NULL THEN coalesce(:name, subject_name) ELSE subject_name END,
				  subject_address = CASE WHEN entity_id IS NULL THEN :address ELSE subject_address END,
				  version = version + 1 WHERE id = :id
				""")
			.param("id", id).param("description", description).param("basis", legalBasis).param("name", subjectName)
			.param("address", subjectAddress).update();
	}

	void hopStarted(Lead lead, String byName) {
		jdbc.sql("""
				INSERT INTO lead_hop (lead_id, region_id, receiver_department_id, transferred_at, transferred_by_name)
				VALUES (:id, :region, :receiver, :at, :by)
				""")
			.param("id", lead.id()).param("region", lead.regionId()).param("receiver", lead.receiverDepartmentId())
			.param("at", Timestamp.from(lead.transferredAt())).param("by", byName).update();
	}

	void hopEnded(long leadId, String outcome, Instant at, Long userId, String userName, String note) {
		jdbc.sql("""
				UPDATE lead_hop SET outcome = :outcome, handled_at = :at, handled_by = :user, handled_by_name = :name, note = :note
				WHERE id = (SELECT max(id) FROM lead_hop WHERE lead_id = :id) AND outcome IS NULL
				""")
			.param("id", leadId).param("outcome", outcome).param("at", Timestamp.from(at)).param("user", userId)
			.param("name", userName).param("note", note).update();
	}

	Optional<LeadView> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE l.id = :id AND " + filter(scope))).param("id", id)
			.query((rs, n) -> map(rs)).optional();
	}

	Page<LeadView> search(DataScope scope, Filter f, int page, int size) {
		String where = " WHERE " + filter(scope) + " AND " + box(scope, f.box()) + """
				 AND (CAST(:state AS text) IS NULL OR l.state = :state)
				 AND (CAST(:keyword AS text) IS NULL OR l.subject_name LIKE '%' || :keyword || '%' OR l.description LIKE '%' || :keyword || '%')
				""";
		long total = bind(scope, f, "SELECT count(*) FROM lead_transfer l" + where).query(Long.class).single();
		List<LeadView> items = bind(scope, f, SELECT + where + " ORDER BY l.transferred_at DESC, l.id DESC LIMIT :size OFFSET :offset")
			.param("size", Page.size(size)).param("offset", Page.offset(page, size))
			.query((rs, n) -> map(rs)).list();
		return new Page<>(items, total);
	}

	List<Hop> hops(long leadId) {
		return jdbc.sql("""
				SELECT h.id, h.receiver_department_id, d.name AS receiver_department_name, h.transferred_at,
				       h.transferred_by_name, h.outcome, h.handled_at, h.handled_by_name, h.note
				FROM lead_hop h JOIN department d ON d.id = h.receiver_department_id WHERE h.lead_id = :id ORDER BY h.id
				""").param("id", leadId).query(Hop.class).list();
	}

	Attachment attach(long leadId, FileTransfers.Received file, Long userId, Instant now) {
		return jdbc.sql("""
				INSERT INTO lead_attachment (lead_id, region_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at)
				SELECT l.id, l.region_id, :name, :type, :size, :sha, :user, :now FROM lead_transfer l WHERE l.id = :id
				RETURNING id, file_name, content_type, size_bytes, sha256, uploaded_at
				""")
			.param("id", leadId).param("name", file.fileName()).param("type", file.file().contentType())
			.param("size", file.file().size()).param("sha", file.file().sha256()).param("user", userId)
			.param("now", Timestamp.from(now))
			.query(Attachment.class).single();
	}

	List<Attachment> attachments(long leadId) {
		return jdbc.sql("""
				SELECT id, file_name, content_type, size_bytes, sha256, uploaded_at FROM lead_attachment
				WHERE lead_id = :id ORDER BY uploaded_at, id
				""").param("id", leadId).query(Attachment.class).list();
	}

	/**
	 * Who sees a lead: region users, leads about a place in their territory or sent from it; department staff, the
	 * leads their department sent or was ever sent (a returned lead stays in the returning department's history);
	 * a business, none.
	 */
	static String filter(DataScope scope) {
		return "(" + scope.unitFilter("l.sender_region_id", "l.sender_department_id")
				+ " OR EXISTS (SELECT 1 FROM lead_hop sh WHERE sh.lead_id = l.id AND "
				+ scope.unitFilter("l.region_id", "sh.receiver_department_id") + "))";
	}

	private static String box(DataScope scope, String box) {
		if ("SENT".equals(box)) {
			return scope.kind() == DataScope.Kind.DEPARTMENT ? scope.unitFilter("l.sender_region_id", "l.sender_department_id")
					: "(l.sender_department_id IS NULL AND " + scope.regionFilter("l.sender_region_id") + ")";
		}
		if ("RECEIVED".equals(box)) {
			return scope.kind() == DataScope.Kind.DEPARTMENT ? scope.unitFilter("l.region_id", "l.receiver_department_id")
					: "FALSE";
		}
		return "TRUE";
	}

	private JdbcClient.StatementSpec bind(DataScope scope, Filter f, String sql) {
		return scope.bind(jdbc.sql(sql)).param("state", f.state() == null ? null : f.state().name())
			.param("keyword", f.keyword() == null || f.keyword().isBlank() ? null : f.keyword().trim());
	}

	private static LeadView map(ResultSet rs) throws SQLException {
		return new LeadView(rs.getLong("id"), (Long) rs.getObject("entity_id"), rs.getString("subject_name"),
				rs.getString("subject_address"), rs.getString("region_path"), rs.getString("description"),
				rs.getString("legal_basis"), rs.getString("sender_name"), rs.getString("sender_level"),
				(Long) rs.getObject("sender_department_id"), rs.getLong("receiver_department_id"),
				rs.getString("receiver_department_name"), Lead.State.valueOf(rs.getString("state")),
				rs.getTimestamp("transferred_at").toInstant(), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

	private static final String SELECT = """
			SELECT l.*, d.name AS receiver_department_name,
			  (SELECT string_agg(a.name, ' / ' ORDER BY c.depth DESC) FROM region_closure c JOIN region a ON a.id = c.ancestor_id
			   WHERE c.descendant_id = l.region_id AND a.parent_id IS NOT NULL) AS region_path
			FROM lead_transfer l JOIN department d ON d.id = l.receiver_department_id
			""";
}
