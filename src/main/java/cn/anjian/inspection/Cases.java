package cn.anjian.inspection;

import cn.anjian.platform.scope.DataScope;
import cn.anjian.platform.web.Page;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case rows (一案一档): the case, its penalties with amount changes, its transitions, and the blacklist it feeds. */
@Repository
class Cases {

	record CaseView(long id, long entityId, String entityName, String regionPath, Long hazardId, Long leadId, Long departmentId,
			String departmentName, String caseNumber, String legalBasis, String facts, EnforcementCase.State state,
			String closingBasis, String closingReason,
			String filedByName, Instant filedAt, Instant decidedAt, Instant executedAt, Instant closedAt, int version) {
	}

	record PenaltyView(long id, EnforcementCase.PenaltyKind kind, BigDecimal initialAmount, BigDecimal currentAmount,
			String detail) {
	}

	record AmountChange(long id, long penaltyId, BigDecimal fromAmount, BigDecimal toAmount, String reason,
			String changedByName, Instant changedAt) {
	}

	record Transition(String transition, String fromState, String toState, String actorName, Instant at, String note) {
	}

	record Filter(EnforcementCase.State state, Long entityId, Long hazardId, String keyword) {
	}

	private final JdbcClient jdbc;

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long entityId, long regionId, Long hazardId, Long leadId, Long departmentId, String number,
			String legalBasis, String facts, Long filedBy, Instant now) {
		return jdbc.sql("""
				INSERT INTO enforcement_case (region_id, entity_id, hazard_id, lead_id, department_id, case_number, legal_basis,
				                              facts, state, filed_by, filed_at)
				VALUES (:region, :entity, :hazard, :lead, :department, :number, :basis, :facts, 'FILED', :by, :now) RETURNING id
				""")
			.param("region", regionId).param("entity", entityId).param("hazard", hazardId).param("lead", leadId).param("department", departmentId)
			.param("number", number).param("basis", legalBasis).param("facts", facts).param("by", filedBy)
			.param("now", Timestamp.from(now))
			.query(Long.class).single();
	}

	Optional<EnforcementCase> lock(long id) {
		return jdbc.sql("SELECT id, state FROM enforcement_case WHERE id = :id FOR UPDATE").param("id", id)
			.query((rs, n) -> new EnforcementCase(rs.getLong("id"), EnforcementCase.State.valueOf(rs.getString("state"))))
			.optional();
	}

	/** Saves the new state (stamping the time of the step reached) and appends the transition. */
	void save(EnforcementCase c, String transition, EnforcementCase.State from, Long actorId, String actorName, String note,
			Instant at) {
		jdbc.sql("""
				UPDATE enforcement_case SET state = :state, version = version + 1,
				  decided_at = CASE WHEN :state = 'DECIDED' THEN CAST(:at AS timestamptz) ELSE decided_at END,
				  executed_at = CASE WHEN :state = 'EXECUTED' THEN CAST(:at AS timestamptz) ELSE executed_at END,
				  closed_at = CASE WHEN :state IN ('CLOSED', 'NOT_PENALIZED', 'WITHDRAWN') THEN CAST(:at AS timestamptz) ELSE closed_at END
				WHERE id = :id
				""").param("id", c.id()).param("state", c.state().name()).param("at", Timestamp.from(at)).update();
		jdbc.sql("""
				INSERT INTO case_transition (case_id, region_id, transition, from_state, to_state, actor_id, actor_name, at, note)
				SELECT id, region_id, :transition, :from, :to, :actor, :actorName, :at, :note FROM enforcement_case WHERE id = :id
				""")
			.param("id", c.id()).param("transition", transition).param("from", from == null ? null : from.name())
			.param("to", c.state().name()).param("actor", actorId).param("actorName", actorName)
			.param("at", Timestamp.from(at)).param("note", note).update();
	}

	/** The basis and reason of a case ended without a penalty (不予处罚, 撤案). */
	void closing(long caseId, String basis, String reason) {
		jdbc.sql("UPDATE enforcement_case SET closing_basis = :basis, closing_reason = :reason WHERE id = :id")
			.param("id", caseId).param("basis", basis == null ? null : basis.trim()).param("reason", reason.trim()).update();
	}

	void addPenalty(long caseId, EnforcementCase.Penalty p) {
		jdbc.sql("""
				INSERT INTO case_penalty (case_id, region_id, kind, initial_amount, current_amount, detail)
				SELECT id, region_id, :kind, :amount, :amount, :detail FROM enforcement_case WHERE id = :id
				""").param("id", caseId).param("kind", p.kind().name()).param("amount", p.amount()).param("detail", p.detail())
			.update();
	}

	List<PenaltyView> penalties(long caseId) {
		return jdbc.sql("SELECT id, kind, initial_amount, current_amount, detail FROM case_penalty WHERE case_id = :id ORDER BY id")
			.param("id", caseId).query(PenaltyView.class).list();
	}

	void changeAmount(long caseId, long penaltyId, BigDecimal from, BigDecimal to, String reason, Long actorId,
			String actorName, Instant at) {
		jdbc.sql("UPDATE case_penalty SET current_amount = :to WHERE id = :p AND case_id = :c")
			.param("to", to).param("p", penaltyId).param("c", caseId).update();
		jdbc.sql("""
				INSERT INTO case_penalty_change (penalty_id, case_id, region_id, from_amount, to_amount, reason, changed_by,
				                                 changed_by_name, changed_at)
				SELECT :p, id, region_id, :from, :to, :reason, :actor, :actorName, :at FROM enforcement_case WHERE id = :c
				""")
			.param("p", penaltyId).param("c", caseId).param("from", from).param("to", to).param("reason", reason.trim())
			.param("actor", actorId).param("actorName", actorName).param("at", Timestamp.from(at)).update();
	}

	List<AmountChange> changes(long caseId) {
		return jdbc.sql("""
				SELECT id, penalty_id, from_amount, to_amount, reason, changed_by_name, changed_at FROM case_penalty_change
				WHERE case_id = :id ORDER BY changed_at, id
				""").param("id", caseId).query(AmountChange.class).list();
	}

	List<Transition> transitions(long caseId) {
		return jdbc.sql("SELECT transition, from_state, to_state, actor_name, at, note FROM case_transition WHERE case_id = :id ORDER BY at, id")
			.param("id", caseId).query(Transition.class).list();
	}

	/** 黑名单: a decided penalty lists the entity, dated by the decision, naming the case. */
	void blacklist(long caseId, String reason, Instant at) {
		jdbc.sql("""
				INSERT INTO blacklist_entry (entity_id, region_id, department_id, case_id, listed_at, reason)
				SELECT entity_id, region_id, department_id, id, :at, :reason FROM enforcement_case WHERE id = :id
				""").param("id", caseId).param("at", Timestamp.from(at)).param("reason", reason).update();
	}

	Optional<CaseView> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql(SELECT + " WHERE c.id = :id AND " + filter(scope))).param("id", id)
			.query(CaseView.class).optional();
	}

	Page<CaseView> search(DataScope scope, Filter f, int page, int size) {
		String where = " WHERE " + filter(scope) + """
				 AND (CAST(:state AS text) IS NULL OR c.state = :state)
				 AND (CAST(:entityId AS bigint) IS NULL OR c.entity_id = :entityId)
				 AND (CAST(:hazardId AS bigint) IS NULL OR c.hazard_id = :hazardId)
				 AND (CAST(:keyword AS text) IS NULL OR c.case_number LIKE '%' || :keyword || '%' OR e.name LIKE '%' || :keyword || '%')
				""";
		long total = bind(scope, f, "SELECT count(*) FROM enforcement_case c JOIN supervised_entity e ON e.id = c.entity_id" + where)
			.query(Long.class).single();
		List<CaseView> items = bind(scope, f, SELECT + where + " ORDER BY c.filed_at DESC, c.id DESC LIMIT :size OFFSET :offset")
			.param("size", Page.size(size)).param("offset", Page.offset(page, size)).query(CaseView.class).list();
		return new Page<>(items, total);
	}

	private JdbcClient.StatementSpec bind(DataScope scope, Filter f, String sql) {
		return scope.bind(jdbc.sql(sql)).param("state", f.state() == null ? null : f.state().name())
			.param("entityId", f.entityId()).param("hazardId", f.hazardId())
			.param("keyword", f.keyword() == null || f.keyword().isBlank() ? null : f.keyword().trim());
	}

	static String filter(DataScope scope) {
		return scope.entityRecordFilter("c.entity_id", "c.region_id", "c.department_id");
	}

	private static final String SELECT = """
			SELECT c.id, c.entity_id, e.name AS entity_name,
			  (SELECT string_agg(a.name, ' / ' ORDER BY rc.depth DESC) FROM region_closure rc JOIN region a ON a.id = rc.ancestor_id
			   WHERE rc.descendant_id = c.region_id AND a.parent_id IS NOT NULL) AS region_path,
			  c.hazard_id, c.lead_id, c.department_id, d.name AS department_name, c.case_number, c.legal_basis, c.facts, c.state,
			  c.closing_basis, c.closing_reason,
			  u.display_name AS filed_by_name, c.filed_at, c.decided_at, c.executed_at, c.closed_at, c.version
			FROM enforcement_case c JOIN supervised_entity e ON e.id = c.entity_id
			LEFT JOIN department d ON d.id = c.department_id LEFT JOIN app_user u ON u.id = c.filed_by
			""";
}
