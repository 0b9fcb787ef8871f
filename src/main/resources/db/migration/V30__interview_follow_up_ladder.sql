-- 约谈 follow-up items feed the warning engine (seed 000 §九(五) "督促落实"): an item not done by the end of its
-- deadline day is announced once (overdue_announced) and climbs the INTERVIEW_FOLLOW_UP_OVERDUE ladder; reporting it
-- done ends the warning. The seeds give no timetable for it, so it follows the dispatch-report ladder (V18): an
-- interview of a district (or street) → district screen, district 督办; +3 d still not done → city screen, city 督办;
-- +3 d → city screen, city 通报. An interview of the city's own territory → city screen, city 督办; +3 d → city 通报.
ALTER TABLE interview_follow_up ADD COLUMN overdue_announced boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN interview_follow_up.overdue_announced IS '逾期未落实已推送预警（每项只推送一次）';
CREATE INDEX interview_follow_up_due_idx ON interview_follow_up (deadline) WHERE done_at IS NULL AND NOT overdue_announced;

INSERT INTO warning_rule (trigger_kind, origin_level, version, clause, name) VALUES
    ('INTERVIEW_FOLLOW_UP_OVERDUE', 'DISTRICT', 1, '约谈§九(五)', '约谈整改事项逾期未落实（区县约谈）'),
    ('INTERVIEW_FOLLOW_UP_OVERDUE', 'CITY', 1, '约谈§九(五)', '约谈整改事项逾期未落实（市级约谈）');
INSERT INTO warning_rule_step (rule_id, step_no, delay_hours, screen_level, action, acting_level)
SELECT r.id, s.step_no, s.delay_hours, s.screen_level, s.action, s.acting_level
FROM warning_rule r JOIN (VALUES
    ('DISTRICT', 1, 0, 'DISTRICT', 'SUPERVISE', 'DISTRICT'),
    ('DISTRICT', 2, 72, 'CITY', 'SUPERVISE', 'CITY'),
    ('DISTRICT', 3, 72, 'CITY', 'NOTICE', 'CITY'),
    ('CITY', 1, 0, 'CITY', 'SUPERVISE', 'CITY'),
    ('CITY', 2, 72, 'CITY', 'NOTICE', 'CITY')
) s(origin_level, step_no, delay_hours, screen_level, action, acting_level)
  ON r.trigger_kind = 'INTERVIEW_FOLLOW_UP_OVERDUE' AND s.origin_level = r.origin_level;

COMMENT ON COLUMN warning_rule.trigger_kind IS '触发类型：OVERDUE_HAZARD逾期一般隐患 SUSPECTED_MAJOR_HAZARD疑似重大隐患 LEAD_UNHANDLED移交线索未受理 LICENCE_EXPIRED证照过期 PREVENTION_NOT_RUNNING双重预防未正常运行 DISPATCH_REPORT_LATE调度报告逾期 INTERVIEW_FOLLOW_UP_OVERDUE约谈整改事项逾期';
COMMENT ON COLUMN warning.subject_type IS '对象类型：hazard隐患 lead线索 licence证照 prevention双重预防 dispatch_report调度报告 interview_follow_up约谈整改事项';
