-- The rules of the statistics' summarised figures (StatisticsCatalogue marks them), written once here and used twice:
-- by the triggers that keep stat_daily, and by the statistics of a department, which counts the same facts straight
-- from the records it may see. Flyway re-runs this file whenever it changes: the rules and the triggers are replaced
-- and the summary is recounted from the records, in one transaction (minutes on a city's data; nodes wait for it).
--
-- A fact (figure, dim, at, day, n) says: from the moment `at` the record adds n to the figure in dimension dim.
-- A period figure counts the facts whose day lies in the period; a snapshot figure sums every fact up to the moment
-- asked. `day` is the Beijing date of `at`; for a snapshot, where what happens at the very moment asked counts as
-- happened, it is the date of the instant just before `at`, so that a snapshot at midnight sees an event at midnight.

CREATE OR REPLACE FUNCTION stat_day(at timestamptz, at_or_before boolean) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CAST((CASE WHEN at_or_before THEN at - interval '1 microsecond' ELSE at END) AT TIME ZONE 'Asia/Shanghai' AS date)
$$;

-- Hazards, by level (a confirmed or downgraded hazard counts at its current level, in every period).
CREATE OR REPLACE FUNCTION stat_hazard_facts(level text, state text, found_at timestamptz, closed_at timestamptz,
    deadline timestamptz)
RETURNS TABLE (figure text, dim text, at timestamptz, day date, n int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT f.figure, level, f.at, stat_day(f.at, f.snapshot), f.n
  FROM (VALUES
    -- 发现隐患数: found in the period
    ('hazardsFound', found_at, false, 1),
    -- 整改销号隐患数: closed in the period
    ('hazardsRectified', closed_at, false, 1),
    -- 按期整改隐患数: closed in the period by the deadline in force (an extension or a failed re-inspection moves it)
    ('hazardsRectifiedOnTime', CASE WHEN closed_at <= coalesce(deadline, closed_at) THEN closed_at END, false, 1),
    -- 未销号隐患数 at a moment: found by then and not closed by then
    ('hazardsOpen', found_at, true, 1),
    ('hazardsOpen', closed_at, true, -1),
    -- 逾期未整改隐患数 at a moment: its deadline has come and it is not closed by then; a hazard waiting for its
    -- re-inspection (SUBMITTED) is not overdue
    ('hazardsOverdue', CASE WHEN state <> 'SUBMITTED' AND (closed_at IS NULL OR closed_at > deadline) THEN deadline END, true, 1),
    ('hazardsOverdue', CASE WHEN state <> 'SUBMITTED' AND closed_at > deadline THEN closed_at END, true, -1)
  ) f(figure, at, snapshot, n)
  WHERE f.at IS NOT NULL
$$;

-- 复查次数: re-inspections done in the period, passed or failed.
CREATE OR REPLACE FUNCTION stat_hazard_transition_facts(transition text, at timestamptz)
RETURNS TABLE (figure text, dim text, at timestamptz, day date, n int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'reinspections', transition, at, stat_day(at, false), 1
  WHERE transition IN ('PASS_REINSPECTION', 'FAIL_REINSPECTION')
$$;

-- Warnings, by trigger kind or by the step reached; the steps come as parallel arrays.
CREATE OR REPLACE FUNCTION stat_warning_facts(kind text, state text, triggered_at timestamptz, resolved_at timestamptz,
    step_no int[], step_at timestamptz[], step_action text[])
RETURNS TABLE (figure text, dim text, at timestamptz, day date, n int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH step AS (
    SELECT s.no, s.at, s.action FROM unnest(step_no, step_at, step_action) s(no, at, action)
  ),
  -- the steps reached while the warning was in progress, with the highest step reached before and after each
  climb AS (
    SELECT greatest(s.at, triggered_at) AS at,
      coalesce(max(s.no) OVER (ORDER BY s.at, s.no ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
      max(s.no) OVER (ORDER BY s.at, s.no ROWS UNBOUNDED PRECEDING) AS after
    FROM step s WHERE resolved_at IS NULL OR s.at < resolved_at
  )
  -- 启动预警数: started in the period (a cancelled one too: it was started)
  SELECT 'warnings', kind, triggered_at, stat_day(triggered_at, false), 1
  UNION ALL
  -- 升级至通报的预警数: reached a notice (通报) step for the first time in the period
  SELECT 'warningsNoticed', kind, min(s.at), stat_day(min(s.at), false), 1 FROM step s WHERE s.action = 'NOTICE'
  HAVING count(*) > 0
  UNION ALL
  -- 进行中预警数 at a moment, by the highest step reached by then: from its start until it is resolved; a cancelled
  -- warning never counts
  SELECT 'warningsActive', f.dim, f.at, stat_day(f.at, true), f.n FROM (
    SELECT '0' AS dim, triggered_at AS at, 1 AS n
    UNION ALL SELECT c.before::text, c.at, -1 FROM climb c WHERE c.after > c.before
    UNION ALL SELECT c.after::text, c.at, 1 FROM climb c WHERE c.after > c.before
    UNION ALL SELECT coalesce((SELECT max(c.after) FROM climb c), 0)::text, resolved_at, -1 WHERE resolved_at IS NOT NULL
  ) f
  WHERE state <> 'CANCELLED'
$$;

-- The rows a statement changed, as a relation of the trigger (new_rows, old_rows) with a sign: what they are now
-- counts, what they were is taken back. An update that touches no fact nets to nothing and writes nothing.
CREATE OR REPLACE FUNCTION stat_changed_rows(op text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END
$$;

-- The statement adding facts to the summary, to its days and to its months, in key order (two transactions lock the
-- rows they share in the same order). A trigger function must EXECUTE it itself: the transition tables are visible to
-- its own statements only.
CREATE OR REPLACE FUNCTION stat_upsert(facts text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH facts AS MATERIALIZED (
      SELECT figure, region_id, dim, day, sum(n) AS n FROM (' || facts || ') f GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0),
    days AS (
      INSERT INTO stat_daily (figure, region_id, dim, day, n) SELECT * FROM facts ORDER BY 1, 2, 3, 4
      ON CONFLICT (figure, region_id, dim, day) DO UPDATE SET n = stat_daily.n + EXCLUDED.n)
    INSERT INTO stat_monthly (figure, region_id, dim, month, n)
    SELECT figure, region_id, dim, CAST(date_trunc(''month'', day) AS date), sum(n) FROM facts
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (figure, region_id, dim, month) DO UPDATE SET n = stat_monthly.n + EXCLUDED.n'
$$;

CREATE OR REPLACE FUNCTION stat_hazard_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stat_upsert('SELECT f.figure, h.region_id, f.dim, f.day, h.sign * f.n AS n FROM (' || stat_changed_rows(TG_OP) || ') h
    CROSS JOIN LATERAL stat_hazard_facts(h.level, h.state, h.found_at, h.closed_at, h.deadline) f');
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION stat_hazard_transition_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stat_upsert('SELECT f.figure, t.region_id, f.dim, f.day, t.sign * f.n AS n FROM (' || stat_changed_rows(TG_OP) || ') t
    CROSS JOIN LATERAL stat_hazard_transition_facts(t.transition, t.at) f');
  RETURN NULL;
END
$$;

-- A warning changed: its facts with its steps, as it is now minus as it was.
CREATE OR REPLACE FUNCTION stat_warning_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stat_upsert('SELECT f.figure, w.region_id, f.dim, f.day, w.sign * f.n AS n FROM (' || stat_changed_rows(TG_OP) || ') w
    CROSS JOIN LATERAL (SELECT array_agg(s.step_no ORDER BY s.step_no) AS no, array_agg(s.reached_at ORDER BY s.step_no) AS at,
      array_agg(s.action ORDER BY s.step_no) AS action FROM warning_step s WHERE s.warning_id = w.id) s
    CROSS JOIN LATERAL stat_warning_facts(w.trigger_kind, w.state, w.triggered_at, w.resolved_at, s.no, s.at, s.action) f');
  RETURN NULL;
END
$$;

-- A warning's steps changed: its facts with the steps it has now, minus with the steps it had.
CREATE OR REPLACE FUNCTION stat_warning_step_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stat_upsert('WITH changed AS (' || stat_changed_rows(TG_OP) || '),
    touched AS (SELECT DISTINCT warning_id FROM changed),
    steps_now AS (SELECT s.warning_id, s.step_no, s.reached_at, s.action FROM warning_step s
      WHERE s.warning_id IN (SELECT warning_id FROM touched)),
    steps_before AS (
      SELECT * FROM steps_now s WHERE NOT EXISTS (SELECT 1 FROM changed c
        WHERE c.sign = 1 AND c.warning_id = s.warning_id AND c.step_no = s.step_no)
      UNION ALL SELECT c.warning_id, c.step_no, c.reached_at, c.action FROM changed c WHERE c.sign = -1),
    now_agg AS (SELECT warning_id, array_agg(step_no ORDER BY step_no) AS no, array_agg(reached_at ORDER BY step_no) AS at,
      array_agg(action ORDER BY step_no) AS action FROM steps_now GROUP BY warning_id),
    before_agg AS (SELECT warning_id, array_agg(step_no ORDER BY step_no) AS no, array_agg(reached_at ORDER BY step_no) AS at,
      array_agg(action ORDER BY step_no) AS action FROM steps_before GROUP BY warning_id),
    versions AS (
      SELECT 1 AS sign, t.warning_id, a.no, a.at, a.action FROM touched t LEFT JOIN now_agg a USING (warning_id)
      UNION ALL SELECT -1, t.warning_id, b.no, b.at, b.action FROM touched t LEFT JOIN before_agg b USING (warning_id))
    SELECT f.figure, w.region_id, f.dim, f.day, v.sign * f.n AS n FROM versions v JOIN warning w ON w.id = v.warning_id
    CROSS JOIN LATERAL stat_warning_facts(w.trigger_kind, w.state, w.triggered_at, w.resolved_at, v.no, v.at, v.action) f');
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS stat_hazard_inserted ON hazard;
DROP TRIGGER IF EXISTS stat_hazard_updated ON hazard;
DROP TRIGGER IF EXISTS stat_hazard_deleted ON hazard;
CREATE TRIGGER stat_hazard_inserted AFTER INSERT ON hazard REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_hazard_changed();
CREATE TRIGGER stat_hazard_updated AFTER UPDATE ON hazard REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_hazard_changed();
CREATE TRIGGER stat_hazard_deleted AFTER DELETE ON hazard REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_hazard_changed();

DROP TRIGGER IF EXISTS stat_hazard_transition_inserted ON hazard_transition;
DROP TRIGGER IF EXISTS stat_hazard_transition_updated ON hazard_transition;
DROP TRIGGER IF EXISTS stat_hazard_transition_deleted ON hazard_transition;
CREATE TRIGGER stat_hazard_transition_inserted AFTER INSERT ON hazard_transition REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_hazard_transition_changed();
CREATE TRIGGER stat_hazard_transition_updated AFTER UPDATE ON hazard_transition REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_hazard_transition_changed();
CREATE TRIGGER stat_hazard_transition_deleted AFTER DELETE ON hazard_transition REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_hazard_transition_changed();

DROP TRIGGER IF EXISTS stat_warning_inserted ON warning;
DROP TRIGGER IF EXISTS stat_warning_updated ON warning;
DROP TRIGGER IF EXISTS stat_warning_deleted ON warning;
CREATE TRIGGER stat_warning_inserted AFTER INSERT ON warning REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_warning_changed();
CREATE TRIGGER stat_warning_updated AFTER UPDATE ON warning REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_warning_changed();
CREATE TRIGGER stat_warning_deleted AFTER DELETE ON warning REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_warning_changed();

DROP TRIGGER IF EXISTS stat_warning_step_inserted ON warning_step;
DROP TRIGGER IF EXISTS stat_warning_step_updated ON warning_step;
DROP TRIGGER IF EXISTS stat_warning_step_deleted ON warning_step;
CREATE TRIGGER stat_warning_step_inserted AFTER INSERT ON warning_step REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_warning_step_changed();
CREATE TRIGGER stat_warning_step_updated AFTER UPDATE ON warning_step REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_warning_step_changed();
CREATE TRIGGER stat_warning_step_deleted AFTER DELETE ON warning_step REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_warning_step_changed();

-- Every fact of every record, summed as stat_daily holds them: what the triggers must have kept (a test compares).
CREATE OR REPLACE FUNCTION stat_recount() RETURNS TABLE (figure text, region_id bigint, dim text, day date, n bigint)
LANGUAGE sql STABLE AS $$
  SELECT f.figure, f.region_id, f.dim, f.day, sum(f.n) FROM (
    SELECT f.figure, h.region_id, f.dim, f.day, f.n FROM hazard h
    CROSS JOIN LATERAL stat_hazard_facts(h.level, h.state, h.found_at, h.closed_at, h.deadline) f
    UNION ALL
    SELECT f.figure, t.region_id, f.dim, f.day, f.n FROM hazard_transition t
    CROSS JOIN LATERAL stat_hazard_transition_facts(t.transition, t.at) f
    UNION ALL
    SELECT f.figure, w.region_id, f.dim, f.day, f.n FROM warning w
    LEFT JOIN (SELECT warning_id, array_agg(step_no ORDER BY step_no) AS no, array_agg(reached_at ORDER BY step_no) AS at,
      array_agg(action ORDER BY step_no) AS action FROM warning_step GROUP BY warning_id) s ON s.warning_id = w.id
    CROSS JOIN LATERAL stat_warning_facts(w.trigger_kind, w.state, w.triggered_at, w.resolved_at, s.no, s.at, s.action) f
  ) f
  GROUP BY 1, 2, 3, 4 HAVING sum(f.n) <> 0
$$;

-- Recounts the summary from the records (this file does it after any change of a rule; an operator may after a
-- TRUNCATE of the records, which fires no trigger).
CREATE OR REPLACE FUNCTION stat_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE stat_daily, stat_monthly;
  INSERT INTO stat_daily (figure, region_id, dim, day, n) SELECT * FROM stat_recount();
  INSERT INTO stat_monthly (figure, region_id, dim, month, n)
  SELECT figure, region_id, dim, CAST(date_trunc('month', day) AS date), sum(n) FROM stat_daily GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0;
END
$$;

SELECT stat_rebuild();
