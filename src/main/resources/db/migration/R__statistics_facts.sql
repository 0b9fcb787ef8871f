-- The rules of the statistics' summarised figures (StatisticsCatalogue marks them), written once here and used twice:
-- by the triggers that keep stat_daily, and by the statistics of a department, which counts the same facts straight
-- from the records it may see. Flyway re-runs this file whenever it changes: the rules and the triggers are replaced
-- and the summary is recounted from the records, in one transaction (minutes on a city's data; nodes wait for it).
--
-- A fact (figure, dim, at, day, n) says: from the moment `at` the record adds n to the figure in dimension dim.
-- A period figure counts the facts whose day lies in the period; a snapshot figure sums every fact up to the moment
-- asked (SummarisedFigures reads them). `day` is the Beijing date of `at`; for an event that has happened at its very
-- moment (a deadline has come when it is reached) it is the date of the instant just before `at`, so that a snapshot
-- taken at midnight sees a deadline of midnight.

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
  -- 预警最高升级步骤: the warnings started in the period, by the highest step they have reached so far
  SELECT 'warningsByStep', coalesce(max(s.no), 0)::text, triggered_at, stat_day(triggered_at, false), 1 FROM step s
  UNION ALL
  -- 及时处置的预警数: started in the period and resolved before it reached a second step
  SELECT 'warningsHandled', kind, triggered_at, stat_day(triggered_at, false), 1
  WHERE state = 'RESOLVED' AND NOT EXISTS (SELECT 1 FROM step s WHERE s.no >= 2 AND s.at <= resolved_at)
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

-- The register at a moment, from each entity's creation: entities by social function; those whose key data is filled
-- in (contacts of the legal representative and the principal, address, coordinates, and the safety director where one
-- is required: seed 003 (二十三)); those that must run dual prevention, by industry; and those a department supervises
-- (三管三必须, seed 003 §三), from the start of an assignment until its end, over the union of the entity's assignments.
CREATE OR REPLACE FUNCTION stat_entity_facts(e supervised_entity, assignment_start timestamptz[], assignment_end timestamptz[])
RETURNS TABLE (figure text, dim text, at timestamptz, day date, n int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH assignment AS (
    SELECT greatest(a.started_at, e.created_at) AS started_at, a.ended_at
    FROM unnest(assignment_start, assignment_end) a(started_at, ended_at)
    WHERE a.ended_at IS NULL OR a.ended_at > greatest(a.started_at, e.created_at)
  ),
  -- supervised at a moment when an assignment started before it and had not ended before it; overlapping or touching
  -- assignments make one span
  ordered AS (
    SELECT started_at, ended_at, max(coalesce(ended_at, 'infinity')) OVER (ORDER BY started_at, ended_at
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_until
    FROM assignment
  ),
  span AS (
    SELECT min(started_at) AS started_at, nullif(max(coalesce(ended_at, 'infinity')), 'infinity') AS ended_at
    FROM (SELECT started_at, ended_at, count(*) FILTER (WHERE covered_until IS NULL OR started_at > covered_until)
      OVER (ORDER BY started_at, ended_at ROWS UNBOUNDED PRECEDING) AS span_no FROM ordered) o
    GROUP BY span_no
  )
  -- 监管对象数
  SELECT 'entities', e.social_function, e.created_at, stat_day(e.created_at, false), 1
  UNION ALL
  -- 基础数据完整的对象数
  SELECT 'entitiesComplete', e.social_function, e.created_at, stat_day(e.created_at, false), 1
  WHERE e.legal_representative IS NOT NULL AND e.legal_representative_phone IS NOT NULL AND e.principal_name IS NOT NULL
    AND e.principal_phone IS NOT NULL AND e.address IS NOT NULL AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL
    AND (NOT e.safety_director_required OR e.safety_director_name IS NOT NULL)
  UNION ALL
  -- 应建双重预防机制单位数
  SELECT 'preventionMandatory', e.industry, e.created_at, stat_day(e.created_at, false), 1 WHERE e.dual_prevention_mandatory
  UNION ALL
  -- 已明确监管部门的对象数
  SELECT 'entitiesSupervised', e.social_function, s.started_at, stat_day(s.started_at, false), 1 FROM span s
  UNION ALL
  SELECT 'entitiesSupervised', e.social_function, s.ended_at, stat_day(s.ended_at, false), -1 FROM span s
  WHERE s.ended_at IS NOT NULL
$$;

-- The triggers. Each statement that changes records adds their facts as they are now and takes back their facts as
-- they were (an update that touches no fact nets to nothing and writes nothing), appended to stat_delta: no summary row
-- is updated in the writer's transaction, so concurrent writers never wait on each other and a long import (200,000
-- statements in one transaction) does not pile up versions of one row. stat_compact() folds the deltas into the days
-- and months. stat_install writes each table's trigger function with static statements, which PostgreSQL plans once
-- per connection: 0.1 ms a firing, where the same statement run with EXECUTE cost 1.5 ms.
--
-- A table's facts are given as a query over REL, the rows of the statement, whose facts count SIGN times (the
-- transition table new_rows with 1, old_rows with -1), or, where the facts depend on other rows of the table (a
-- warning's steps, an entity's assignments), as a query over CHANGED: both transition tables with a column sign.
CREATE OR REPLACE FUNCTION stat_install(tbl text, facts text) RETURNS void
LANGUAGE plpgsql AS $install$
DECLARE
  inserted text;
  deleted text;
  updated text;
  append CONSTANT text := 'INSERT INTO stat_delta (figure, region_id, dim, day, n)
    SELECT figure, region_id, dim, day, sum(n) FROM (%s) f GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0';
BEGIN
  IF strpos(facts, 'CHANGED') > 0 THEN
    inserted := replace(facts, 'CHANGED', '(SELECT 1 AS sign, * FROM new_rows)');
    deleted := replace(facts, 'CHANGED', '(SELECT -1 AS sign, * FROM old_rows)');
    updated := replace(facts, 'CHANGED', '(SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows)');
  ELSE
    inserted := replace(replace(facts, 'REL', 'new_rows'), 'SIGN', '1');
    deleted := replace(replace(facts, 'REL', 'old_rows'), 'SIGN', '-1');
    updated := inserted || ' UNION ALL ' || deleted;
  END IF;
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        %s;
      ELSIF TG_OP = 'DELETE' THEN
        %s;
      ELSE
        %s;
      END IF;
      RETURN NULL;
    END $body$ $f$, 'stat_' || tbl || '_changed', format(append, inserted), format(append, deleted), format(append, updated));
  EXECUTE format('DROP TRIGGER IF EXISTS %1$I ON %2$I; DROP TRIGGER IF EXISTS %3$I ON %2$I; DROP TRIGGER IF EXISTS %4$I ON %2$I',
    'stat_' || tbl || '_inserted', tbl, 'stat_' || tbl || '_updated', 'stat_' || tbl || '_deleted');
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
    'stat_' || tbl || '_inserted', tbl, 'stat_' || tbl || '_changed');
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION %I()', 'stat_' || tbl || '_updated', tbl, 'stat_' || tbl || '_changed');
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
    'stat_' || tbl || '_deleted', tbl, 'stat_' || tbl || '_changed');
END
$install$;

SELECT stat_install('hazard', 'SELECT f.figure, h.region_id, f.dim, f.day, SIGN * f.n AS n FROM REL h
  CROSS JOIN LATERAL stat_hazard_facts(h.level, h.state, h.found_at, h.closed_at, h.deadline) f');

SELECT stat_install('hazard_transition', 'SELECT f.figure, t.region_id, f.dim, f.day, SIGN * f.n AS n FROM REL t
  CROSS JOIN LATERAL stat_hazard_transition_facts(t.transition, t.at) f');

-- a warning with its steps
SELECT stat_install('warning', 'SELECT f.figure, w.region_id, f.dim, f.day, SIGN * f.n AS n FROM REL w
  CROSS JOIN LATERAL (SELECT array_agg(s.step_no ORDER BY s.step_no) AS no, array_agg(s.reached_at ORDER BY s.step_no) AS at,
    array_agg(s.action ORDER BY s.step_no) AS action FROM warning_step s WHERE s.warning_id = w.id) s
  CROSS JOIN LATERAL stat_warning_facts(w.trigger_kind, w.state, w.triggered_at, w.resolved_at, s.no, s.at, s.action) f');

-- the warnings whose steps changed: their facts with the steps they have now, minus with the steps they had
SELECT stat_install('warning_step', 'WITH changed AS (SELECT * FROM CHANGED c),
  touched AS (SELECT DISTINCT warning_id FROM changed),
  steps_now AS (SELECT s.warning_id, s.step_no, s.reached_at, s.action FROM warning_step s
    WHERE s.warning_id IN (SELECT warning_id FROM touched)),
  -- the steps now, less the new rows, plus the old ones (counted, not anti-joined: a sweep changes 100,000 at once)
  steps_before AS (
    SELECT warning_id, step_no, reached_at, action FROM (
      SELECT s.warning_id, s.step_no, s.reached_at, s.action, 1 AS n FROM steps_now s
      UNION ALL SELECT c.warning_id, c.step_no, c.reached_at, c.action, -c.sign FROM changed c) v
    GROUP BY 1, 2, 3, 4 HAVING sum(n) > 0),
  versions AS (
    SELECT 1 AS sign, t.warning_id, a.no, a.at, a.action FROM touched t LEFT JOIN (SELECT warning_id,
      array_agg(step_no ORDER BY step_no) AS no, array_agg(reached_at ORDER BY step_no) AS at,
      array_agg(action ORDER BY step_no) AS action FROM steps_now GROUP BY warning_id) a USING (warning_id)
    UNION ALL
    SELECT -1, t.warning_id, b.no, b.at, b.action FROM touched t LEFT JOIN (SELECT warning_id,
      array_agg(step_no ORDER BY step_no) AS no, array_agg(reached_at ORDER BY step_no) AS at,
      array_agg(action ORDER BY step_no) AS action FROM steps_before GROUP BY warning_id) b USING (warning_id))
  SELECT f.figure, w.region_id, f.dim, f.day, v.sign * f.n AS n FROM versions v JOIN warning w ON w.id = v.warning_id
  CROSS JOIN LATERAL stat_warning_facts(w.trigger_kind, w.state, w.triggered_at, w.resolved_at, v.no, v.at, v.action) f');

-- an entity with its assignments (the whole row goes to stat_entity_facts straight from the transition table: a
-- subquery would lose its type)
SELECT stat_install('supervised_entity', 'SELECT f.figure, e.region_id, f.dim, f.day, SIGN * f.n AS n FROM REL e
  CROSS JOIN LATERAL (SELECT array_agg(a.started_at) AS started_at, array_agg(a.ended_at) AS ended_at
    FROM entity_assignment a WHERE a.entity_id = e.id) a
  CROSS JOIN LATERAL stat_entity_facts(e, a.started_at, a.ended_at) f');

-- the entities whose assignments changed: their facts with the assignments they have now, minus with those they had
SELECT stat_install('entity_assignment', 'WITH changed AS (SELECT * FROM CHANGED c),
  touched AS (SELECT DISTINCT entity_id FROM changed),
  now AS (SELECT a.id, a.entity_id, a.started_at, a.ended_at FROM entity_assignment a
    WHERE a.entity_id IN (SELECT entity_id FROM touched)),
  -- the assignments now, less the new rows, plus the old ones (counted, not anti-joined)
  before AS (
    SELECT id, entity_id, started_at, ended_at FROM (
      SELECT a.id, a.entity_id, a.started_at, a.ended_at, 1 AS n FROM now a
      UNION ALL SELECT c.id, c.entity_id, c.started_at, c.ended_at, -c.sign FROM changed c) v
    GROUP BY 1, 2, 3, 4 HAVING sum(n) > 0),
  versions AS (
    SELECT 1 AS sign, t.entity_id, a.started_at, a.ended_at FROM touched t LEFT JOIN (SELECT entity_id,
      array_agg(started_at) AS started_at, array_agg(ended_at) AS ended_at FROM now GROUP BY entity_id) a USING (entity_id)
    UNION ALL
    SELECT -1, t.entity_id, b.started_at, b.ended_at FROM touched t LEFT JOIN (SELECT entity_id,
      array_agg(started_at) AS started_at, array_agg(ended_at) AS ended_at FROM before GROUP BY entity_id) b USING (entity_id))
  SELECT f.figure, e.region_id, f.dim, f.day, v.sign * f.n AS n FROM versions v JOIN supervised_entity e ON e.id = v.entity_id
  CROSS JOIN LATERAL stat_entity_facts(e, v.started_at, v.ended_at) f');

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
    UNION ALL
    SELECT f.figure, e.region_id, f.dim, f.day, f.n FROM supervised_entity e
    LEFT JOIN (SELECT entity_id, array_agg(started_at) AS started_at, array_agg(ended_at) AS ended_at FROM entity_assignment
      GROUP BY entity_id) a ON a.entity_id = e.id
    CROSS JOIN LATERAL stat_entity_facts(e, a.started_at, a.ended_at) f
  ) f
  GROUP BY 1, 2, 3, 4 HAVING sum(f.n) <> 0
$$;

-- Folds the deltas into the days and the months, in key order; run every minute (StatisticsCompaction). A delta
-- appended meanwhile stays for the next run; two runs at once fold each delta once (the second's DELETE skips the rows
-- the first took).
CREATE OR REPLACE FUNCTION stat_compact() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  folded bigint;
BEGIN
  WITH taken AS (DELETE FROM stat_delta RETURNING *),
  days AS (SELECT figure, region_id, dim, day, sum(n) AS n FROM taken GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0),
  into_days AS (
    INSERT INTO stat_daily (figure, region_id, dim, day, n) SELECT * FROM days ORDER BY 1, 2, 3, 4
    ON CONFLICT (figure, day, region_id, dim) DO UPDATE SET n = stat_daily.n + EXCLUDED.n),
  into_months AS (
    INSERT INTO stat_monthly (figure, region_id, dim, month, n)
    SELECT figure, region_id, dim, CAST(date_trunc('month', day) AS date), sum(n) FROM days
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (figure, month, region_id, dim) DO UPDATE SET n = stat_monthly.n + EXCLUDED.n)
  SELECT count(*) INTO folded FROM taken;
  RETURN folded;
END
$$;

-- Recounts the summary from the records (this file does it after any change of a rule; an operator may after a
-- TRUNCATE of the records, which fires no trigger).
CREATE OR REPLACE FUNCTION stat_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE stat_daily, stat_monthly, stat_delta;
  INSERT INTO stat_daily (figure, region_id, dim, day, n) SELECT * FROM stat_recount();
  INSERT INTO stat_monthly (figure, region_id, dim, month, n)
  SELECT figure, region_id, dim, CAST(date_trunc('month', day) AS date), sum(n) FROM stat_daily GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0;
END
$$;

SELECT stat_rebuild();
