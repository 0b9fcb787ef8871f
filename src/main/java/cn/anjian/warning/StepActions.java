package cn.anjian.warning;

/**
 * What each step of a ladder sets in motion (seed 003 §六): 督办 — a supervision order to the warning's responsible
 * department (else its entity, else its territory), numbered by the acting office; 通报 — an entry waiting for the
 * acting office's next notice (the city office's, or a district office's for a district 通报 step); 通知确认 — a task
 * for the competent department to confirm.
 * <p>
 * These are common table expressions appended to {@link WarningEngine}'s climb statement after {@code due} (the
 * warnings taken, with their entity, department and title) and {@code reached} (the step rows that statement really
 * inserted, with {@code RETURNING}), so an action is created in the same statement
 * as its step: exactly once, with no second pass. The acting office is the district of the warning's region for a
 * district step and the city (the root of the region tree) for a city step, or when the region has no district. Orders are numbered gaplessly per issuing office and year: the batch
 * adds its count to the office's {@code document_number} row (locked until commit, offices in id order so
 * concurrent sweeps cannot deadlock) and each order takes its place in the block just reserved.
 */
final class StepActions {

	private StepActions() {
	}

	static final String SQL = """
			, acted AS (
			  SELECT r.warning_id, r.step_no, r.action, taken.region_id, taken.entity_id, taken.department_id, taken.title,
			         coalesce(d.id, city.id) AS office_region_id,
			         CASE WHEN d.id IS NULL THEN left(city.name, 1) ELSE regexp_replace(d.name, '(区|县|市)$', '') END AS office_prefix
			  FROM reached r JOIN due taken ON taken.id = r.warning_id
			  CROSS JOIN (SELECT id, name FROM region WHERE parent_id IS NULL) city
			  LEFT JOIN (region_closure dc JOIN region d ON d.id = dc.ancestor_id AND d.level = 'DISTRICT')
			    ON dc.descendant_id = taken.region_id AND r.acting_level = 'DISTRICT'
			), orders AS (
			  SELECT a.*, row_number() OVER (PARTITION BY a.office_region_id ORDER BY a.warning_id, a.step_no) AS place,
			         count(*) OVER (PARTITION BY a.office_region_id) AS reserved
			  FROM acted a WHERE a.action = 'SUPERVISE'
			), counter AS (
			  INSERT INTO document_number (kind, region_id, year, last_no)
			  SELECT 'SUPERVISION_ORDER', o.office_region_id, :year, count(*) FROM orders o
			  GROUP BY o.office_region_id ORDER BY o.office_region_id
			  ON CONFLICT (kind, region_id, year) DO UPDATE SET last_no = document_number.last_no + EXCLUDED.last_no
			  RETURNING region_id, last_no
			), issued AS (
			  INSERT INTO supervision_order (warning_id, step_no, region_id, entity_id, issuer_region_id, number_year, number_seq,
			                                 number, addressee_department_id, addressee_entity_id, content, issued_at, reply_due_at, state)
			  SELECT o.warning_id, o.step_no, o.region_id, o.entity_id, o.office_region_id, :year, c.last_no - o.reserved + o.place,
			         o.office_prefix || '安办督〔' || :year || '〕' || (c.last_no - o.reserved + o.place) || '号',
			         o.department_id, CASE WHEN o.department_id IS NULL THEN o.entity_id END,
			         o.title, :now, CAST(:now AS timestamptz) + make_interval(days => :replyDays), 'OPEN'
			  FROM orders o JOIN counter c ON c.region_id = o.office_region_id
			), noticed AS (
			  INSERT INTO notice_entry (warning_id, step_no, region_id, entity_id, department_id, issuer_region_id, issue, created_at)
			  SELECT a.warning_id, a.step_no, a.region_id, a.entity_id, a.department_id, a.office_region_id, a.title, :now
			  FROM acted a WHERE a.action = 'NOTICE'
			), asked AS (
			  INSERT INTO confirmation_task (warning_id, step_no, region_id, entity_id, department_id, issuer_region_id, content,
			                                 created_at, state)
			  SELECT a.warning_id, a.step_no, a.region_id, a.entity_id, a.department_id, a.office_region_id, a.title, :now, 'OPEN'
			  FROM acted a WHERE a.action = 'CONFIRM'
			)""";
}
