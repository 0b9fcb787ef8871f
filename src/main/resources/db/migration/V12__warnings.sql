-- 预警管理 (seed 003 §六): the escalation ladders as versioned data, the warnings they start, and every step reached.

CREATE TABLE warning_rule (
    id           bigserial   PRIMARY KEY,
    trigger_kind varchar(32) NOT NULL,
    origin_level varchar(16) NOT NULL CHECK (origin_level IN ('DISTRICT', 'CITY')),
    version      int         NOT NULL,
    clause       varchar(50) NOT NULL,
    name         varchar(200) NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (trigger_kind, origin_level, version)
);
CREATE UNIQUE INDEX warning_rule_active_idx ON warning_rule (trigger_kind, origin_level) WHERE active;
COMMENT ON TABLE warning_rule IS '预警升级规则（版本化：修改即新增版本，预警沿用其启动时的版本）';
COMMENT ON COLUMN warning_rule.id IS '主键';
COMMENT ON COLUMN warning_rule.trigger_kind IS '触发类型：OVERDUE_HAZARD逾期一般隐患 SUSPECTED_MAJOR_HAZARD疑似重大隐患 LEAD_UNHANDLED移交线索未受理 LICENCE_EXPIRED证照过期 PREVENTION_NOT_RUNNING双重预防未正常运行 DISPATCH_REPORT_LATE调度报告逾期';
COMMENT ON COLUMN warning_rule.origin_level IS '发现/责任层级：DISTRICT区县或街道 CITY市级部门';
COMMENT ON COLUMN warning_rule.version IS '版本号';
COMMENT ON COLUMN warning_rule.clause IS '依据条款';
COMMENT ON COLUMN warning_rule.name IS '规则名称';
COMMENT ON COLUMN warning_rule.active IS '是否为现行版本';
COMMENT ON COLUMN warning_rule.created_at IS '创建时间';

CREATE TABLE warning_rule_step (
    rule_id      bigint      NOT NULL REFERENCES warning_rule (id),
    step_no      int         NOT NULL CHECK (step_no >= 1),
    delay_hours  int         NOT NULL CHECK (delay_hours >= 0),
    screen_level varchar(16) NOT NULL CHECK (screen_level IN ('DISTRICT', 'CITY')),
    action       varchar(16) NOT NULL CHECK (action IN ('SUPERVISE', 'NOTICE', 'CONFIRM')),
    acting_level varchar(16) NOT NULL CHECK (acting_level IN ('DISTRICT', 'CITY')),
    PRIMARY KEY (rule_id, step_no)
);
COMMENT ON TABLE warning_rule_step IS '预警升级规则的各级步骤';
COMMENT ON COLUMN warning_rule_step.rule_id IS '规则';
COMMENT ON COLUMN warning_rule_step.step_no IS '步骤序号（从1起）';
COMMENT ON COLUMN warning_rule_step.delay_hours IS '距触发（第1步）或上一步的小时数（N天=N×24小时）';
COMMENT ON COLUMN warning_rule_step.screen_level IS '推送大屏：DISTRICT区级大屏 CITY市级大屏';
COMMENT ON COLUMN warning_rule_step.action IS '处置：SUPERVISE督办 NOTICE通报 CONFIRM通知确认';
COMMENT ON COLUMN warning_rule_step.acting_level IS '实施处置的安委办层级：DISTRICT区级 CITY市级';

CREATE TABLE warning (
    id               bigserial    PRIMARY KEY,
    rule_id          bigint       NOT NULL REFERENCES warning_rule (id),
    trigger_kind     varchar(32)  NOT NULL,
    subject_type     varchar(32)  NOT NULL,
    subject_id       bigint       NOT NULL,
    entity_id        bigint       REFERENCES supervised_entity (id),
    region_id        bigint       NOT NULL REFERENCES region (id),
    department_id    bigint       REFERENCES department (id),
    title            varchar(300) NOT NULL,
    triggered_at     timestamptz  NOT NULL,
    state            varchar(16)  NOT NULL CHECK (state IN ('ACTIVE', 'RESOLVED', 'CANCELLED')),
    current_step     int          NOT NULL DEFAULT 0,
    next_step_due_at timestamptz,
    resolved_at      timestamptz,
    created_at       timestamptz  NOT NULL
);
CREATE UNIQUE INDEX warning_active_subject_idx ON warning (trigger_kind, subject_type, subject_id) WHERE state = 'ACTIVE';
CREATE INDEX warning_due_idx ON warning (next_step_due_at) WHERE state = 'ACTIVE';
CREATE INDEX warning_region_idx ON warning (region_id, state, triggered_at DESC);
COMMENT ON TABLE warning IS '预警';
COMMENT ON COLUMN warning.id IS '主键';
COMMENT ON COLUMN warning.rule_id IS '所依规则（版本）';
COMMENT ON COLUMN warning.trigger_kind IS '触发类型';
COMMENT ON COLUMN warning.subject_type IS '对象类型：hazard隐患 lead线索 licence证照 prevention双重预防 dispatch_report调度报告';
COMMENT ON COLUMN warning.subject_id IS '对象ID';
COMMENT ON COLUMN warning.entity_id IS '涉及单位';
COMMENT ON COLUMN warning.region_id IS '属地';
COMMENT ON COLUMN warning.department_id IS '责任部门';
COMMENT ON COLUMN warning.title IS '预警内容';
COMMENT ON COLUMN warning.triggered_at IS '触发时间（条件成立的时刻，不是发现时刻）';
COMMENT ON COLUMN warning.state IS '状态：ACTIVE进行中 RESOLVED已解除 CANCELLED已撤销';
COMMENT ON COLUMN warning.current_step IS '已到达的步骤（0为尚未到达第1步）';
COMMENT ON COLUMN warning.next_step_due_at IS '下一步应到达时间（空为已到最后一步）';
COMMENT ON COLUMN warning.resolved_at IS '解除时间';
COMMENT ON COLUMN warning.created_at IS '创建时间';

CREATE TABLE warning_step (
    warning_id   bigint      NOT NULL REFERENCES warning (id),
    step_no      int         NOT NULL,
    region_id    bigint      NOT NULL REFERENCES region (id),
    due_at       timestamptz NOT NULL,
    reached_at   timestamptz NOT NULL,
    screen_level varchar(16) NOT NULL,
    action       varchar(16) NOT NULL,
    acting_level varchar(16) NOT NULL,
    PRIMARY KEY (warning_id, step_no)
);
CREATE INDEX warning_step_screen_idx ON warning_step (screen_level, region_id, due_at DESC);
COMMENT ON TABLE warning_step IS '预警到达的每一步（每步只记录一次：主键保证多节点、重复扫描不重复）';
COMMENT ON COLUMN warning_step.warning_id IS '预警';
COMMENT ON COLUMN warning_step.step_no IS '步骤序号';
COMMENT ON COLUMN warning_step.region_id IS '属地（同预警）';
COMMENT ON COLUMN warning_step.due_at IS '按规则应到达的时间';
COMMENT ON COLUMN warning_step.reached_at IS '实际记录时间（扫描滞后时晚于应到达时间）';
COMMENT ON COLUMN warning_step.screen_level IS '推送大屏层级';
COMMENT ON COLUMN warning_step.action IS '处置：督办/通报/通知确认';
COMMENT ON COLUMN warning_step.acting_level IS '实施处置的安委办层级';

-- The five ladders of seed 003 §六 (十五)–(十九), exactly as DOMAIN.md §2.5 tabulates them.
INSERT INTO warning_rule (trigger_kind, origin_level, version, clause, name) VALUES
    ('OVERDUE_HAZARD', 'DISTRICT', 1, '§六(十五)', '需复查的一般隐患逾期未整改（区县/街道发现）'),
    ('OVERDUE_HAZARD', 'CITY', 1, '§六(十五)', '需复查的一般隐患逾期未整改（市级部门发现）'),
    ('SUSPECTED_MAJOR_HAZARD', 'DISTRICT', 1, '§六(十六)', '疑似重大事故隐患（区县/街道发现）'),
    ('SUSPECTED_MAJOR_HAZARD', 'CITY', 1, '§六(十六)', '疑似重大事故隐患（市级部门发现）'),
    ('LEAD_UNHANDLED', 'DISTRICT', 1, '§六(十七)', '移交的违法线索未处理（区县/街道）'),
    ('LEAD_UNHANDLED', 'CITY', 1, '§六(十七)', '移交的违法线索未处理（市级部门）'),
    ('LICENCE_EXPIRED', 'DISTRICT', 1, '§六(十八)', '企业安全生产许可证照过期（区县/街道监管）'),
    ('LICENCE_EXPIRED', 'CITY', 1, '§六(十八)', '企业安全生产许可证照过期（市级部门监管）'),
    ('PREVENTION_NOT_RUNNING', 'DISTRICT', 1, '§六(十九)', '双重预防机制未正常运行超过7天（区县/街道监管）'),
    ('PREVENTION_NOT_RUNNING', 'CITY', 1, '§六(十九)', '双重预防机制未正常运行超过7天（市级部门监管）');

INSERT INTO warning_rule_step (rule_id, step_no, delay_hours, screen_level, action, acting_level)
SELECT r.id, s.step_no, s.delay_hours, s.screen_level, s.action, s.acting_level
FROM warning_rule r JOIN (VALUES
    -- (十五) overdue → district screen, district 督办; +3 d → city screen, city 督办; +3 d → city screen, city 通报
    ('OVERDUE_HAZARD', 'DISTRICT', 1, 0, 'DISTRICT', 'SUPERVISE', 'DISTRICT'),
    ('OVERDUE_HAZARD', 'DISTRICT', 2, 72, 'CITY', 'SUPERVISE', 'CITY'),
    ('OVERDUE_HAZARD', 'DISTRICT', 3, 72, 'CITY', 'NOTICE', 'CITY'),
    ('OVERDUE_HAZARD', 'CITY', 1, 0, 'CITY', 'SUPERVISE', 'CITY'),
    ('OVERDUE_HAZARD', 'CITY', 2, 72, 'CITY', 'NOTICE', 'CITY'),
    -- (十六) found → district screen, district notifies to confirm; +3 d → city 督办; +3 d → city 通报
    ('SUSPECTED_MAJOR_HAZARD', 'DISTRICT', 1, 0, 'DISTRICT', 'CONFIRM', 'DISTRICT'),
    ('SUSPECTED_MAJOR_HAZARD', 'DISTRICT', 2, 72, 'CITY', 'SUPERVISE', 'CITY'),
    ('SUSPECTED_MAJOR_HAZARD', 'DISTRICT', 3, 72, 'CITY', 'NOTICE', 'CITY'),
    ('SUSPECTED_MAJOR_HAZARD', 'CITY', 1, 0, 'CITY', 'CONFIRM', 'CITY'),
    ('SUSPECTED_MAJOR_HAZARD', 'CITY', 2, 72, 'CITY', 'NOTICE', 'CITY'),
    -- (十七) +3 d unhandled → district 督办; +3 d → city 督办; +3 d → city 通报
    ('LEAD_UNHANDLED', 'DISTRICT', 1, 72, 'DISTRICT', 'SUPERVISE', 'DISTRICT'),
    ('LEAD_UNHANDLED', 'DISTRICT', 2, 72, 'CITY', 'SUPERVISE', 'CITY'),
    ('LEAD_UNHANDLED', 'DISTRICT', 3, 72, 'CITY', 'NOTICE', 'CITY'),
    ('LEAD_UNHANDLED', 'CITY', 1, 72, 'CITY', 'SUPERVISE', 'CITY'),
    ('LEAD_UNHANDLED', 'CITY', 2, 72, 'CITY', 'NOTICE', 'CITY'),
    -- (十八) expired → district screen, district 督办; +3 d → city 督办; +3 d → city 通报
    ('LICENCE_EXPIRED', 'DISTRICT', 1, 0, 'DISTRICT', 'SUPERVISE', 'DISTRICT'),
    ('LICENCE_EXPIRED', 'DISTRICT', 2, 72, 'CITY', 'SUPERVISE', 'CITY'),
    ('LICENCE_EXPIRED', 'DISTRICT', 3, 72, 'CITY', 'NOTICE', 'CITY'),
    ('LICENCE_EXPIRED', 'CITY', 1, 0, 'CITY', 'SUPERVISE', 'CITY'),
    ('LICENCE_EXPIRED', 'CITY', 2, 72, 'CITY', 'NOTICE', 'CITY'),
    -- (十九) >7 d not running (the trigger is the end of the 7th day) → district 督办; +3 d → city 督办; +3 d → 通报
    ('PREVENTION_NOT_RUNNING', 'DISTRICT', 1, 0, 'DISTRICT', 'SUPERVISE', 'DISTRICT'),
    ('PREVENTION_NOT_RUNNING', 'DISTRICT', 2, 72, 'CITY', 'SUPERVISE', 'CITY'),
    ('PREVENTION_NOT_RUNNING', 'DISTRICT', 3, 72, 'CITY', 'NOTICE', 'CITY'),
    ('PREVENTION_NOT_RUNNING', 'CITY', 1, 0, 'CITY', 'SUPERVISE', 'CITY'),
    ('PREVENTION_NOT_RUNNING', 'CITY', 2, 72, 'CITY', 'NOTICE', 'CITY')
) s(trigger_kind, origin_level, step_no, delay_hours, screen_level, action, acting_level)
  ON s.trigger_kind = r.trigger_kind AND s.origin_level = r.origin_level;

INSERT INTO app_permission (code, name) VALUES ('warning:read', '查看预警'), ('warning:write', '维护预警规则');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'warning:read'), ('SYSTEM_ADMIN', 'warning:write'),
    ('CITY_OFFICE', 'warning:read'), ('COMMAND_CENTER', 'warning:read'), ('DISTRICT_OFFICE', 'warning:read'),
    ('STREET_STAFF', 'warning:read'), ('DEPARTMENT_LEADER', 'warning:read'), ('DEPARTMENT_INSPECTOR', 'warning:read'),
    ('LIAISON', 'warning:read');
