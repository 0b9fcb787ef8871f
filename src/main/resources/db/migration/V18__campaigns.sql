-- 专项行动 (seed 003 §四(八)(十)): 安全生产大检查, 专项整治行动, 综合和专项督查 — a campaign with its scope, period,
-- participating departments, tasks and 定期调度: the due report slots (campaign × department × due instant) and the
-- reports filed against them. A slot whose due time passes with no report is announced once (late_announced) and
-- climbs the DISPATCH_REPORT_LATE ladder below.

CREATE TABLE campaign (
    id               bigserial    PRIMARY KEY,
    region_id        bigint       NOT NULL REFERENCES region (id),
    name             varchar(200) NOT NULL,
    type             varchar(32)  NOT NULL CHECK (type IN ('SAFETY_INSPECTION', 'SPECIAL_RECTIFICATION', 'SUPERVISION', 'SPECIAL_SUPERVISION')),
    description      varchar(2000),
    start_date       date         NOT NULL,
    end_date         date         NOT NULL,
    schedule_kind    varchar(16)  NOT NULL CHECK (schedule_kind IN ('WEEKLY', 'MONTHLY', 'DATES')),
    schedule_weekday int          CHECK (schedule_weekday BETWEEN 1 AND 7),
    schedule_day     int          CHECK (schedule_day BETWEEN 1 AND 31),
    schedule_time    time         NOT NULL,
    schedule_dates   date[],
    created_by       bigint       REFERENCES app_user (id),
    created_at       timestamptz  NOT NULL,
    CHECK (end_date >= start_date)
);
CREATE INDEX campaign_region_idx ON campaign (region_id, start_date DESC);
COMMENT ON TABLE campaign IS '专项行动（安全生产大检查、专项整治、综合/专项督查）';
COMMENT ON COLUMN campaign.id IS '主键';
COMMENT ON COLUMN campaign.region_id IS '组织单位所在区划（市或区县安委办）';
COMMENT ON COLUMN campaign.name IS '行动名称';
COMMENT ON COLUMN campaign.type IS '类型：SAFETY_INSPECTION安全生产大检查 SPECIAL_RECTIFICATION专项整治 SUPERVISION综合督查 SPECIAL_SUPERVISION专项督查';
COMMENT ON COLUMN campaign.description IS '工作要求';
COMMENT ON COLUMN campaign.start_date IS '开始日期';
COMMENT ON COLUMN campaign.end_date IS '结束日期';
COMMENT ON COLUMN campaign.schedule_kind IS '调度频次：WEEKLY每周 MONTHLY每月 DATES指定日期';
COMMENT ON COLUMN campaign.schedule_weekday IS '每周调度的星期（1周一…7周日）';
COMMENT ON COLUMN campaign.schedule_day IS '每月调度的日（大于当月天数时取月末）';
COMMENT ON COLUMN campaign.schedule_time IS '报送截止时刻（北京时间）';
COMMENT ON COLUMN campaign.schedule_dates IS '指定的调度日期';
COMMENT ON COLUMN campaign.created_by IS '创建人';
COMMENT ON COLUMN campaign.created_at IS '创建时间';

CREATE TABLE campaign_region (
    campaign_id bigint NOT NULL REFERENCES campaign (id),
    region_id   bigint NOT NULL REFERENCES region (id),
    PRIMARY KEY (campaign_id, region_id)
);
COMMENT ON TABLE campaign_region IS '专项行动范围（区划）';
COMMENT ON COLUMN campaign_region.campaign_id IS '专项行动';
COMMENT ON COLUMN campaign_region.region_id IS '范围内的区划（组织单位辖区之内）';

CREATE TABLE campaign_industry (
    campaign_id   bigint      NOT NULL REFERENCES campaign (id),
    region_id     bigint      NOT NULL REFERENCES region (id),
    industry_code varchar(64) NOT NULL,
    PRIMARY KEY (campaign_id, industry_code)
);
COMMENT ON TABLE campaign_industry IS '专项行动范围（行业）';
COMMENT ON COLUMN campaign_industry.campaign_id IS '专项行动';
COMMENT ON COLUMN campaign_industry.region_id IS '属地（同专项行动）';
COMMENT ON COLUMN campaign_industry.industry_code IS '行业（字典industry代码）';

CREATE TABLE campaign_department (
    campaign_id   bigint NOT NULL REFERENCES campaign (id),
    department_id bigint NOT NULL REFERENCES department (id),
    region_id     bigint NOT NULL REFERENCES region (id),
    PRIMARY KEY (campaign_id, department_id)
);
CREATE INDEX campaign_department_department_idx ON campaign_department (department_id);
COMMENT ON TABLE campaign_department IS '专项行动参与部门';
COMMENT ON COLUMN campaign_department.campaign_id IS '专项行动';
COMMENT ON COLUMN campaign_department.department_id IS '参与部门';
COMMENT ON COLUMN campaign_department.region_id IS '部门所属区划';

CREATE TABLE campaign_task (
    id            bigserial     PRIMARY KEY,
    campaign_id   bigint        NOT NULL REFERENCES campaign (id),
    region_id     bigint        NOT NULL REFERENCES region (id),
    department_id bigint        NOT NULL REFERENCES department (id),
    content       varchar(1000) NOT NULL,
    due_date      date          NOT NULL,
    sort_order    int           NOT NULL DEFAULT 0,
    done_at       timestamptz,
    done_by       bigint        REFERENCES app_user (id),
    done_note     varchar(1000)
);
CREATE INDEX campaign_task_campaign_idx ON campaign_task (campaign_id, sort_order);
COMMENT ON TABLE campaign_task IS '专项行动任务';
COMMENT ON COLUMN campaign_task.id IS '主键';
COMMENT ON COLUMN campaign_task.campaign_id IS '专项行动';
COMMENT ON COLUMN campaign_task.region_id IS '责任部门所属区划';
COMMENT ON COLUMN campaign_task.department_id IS '责任部门';
COMMENT ON COLUMN campaign_task.content IS '任务内容';
COMMENT ON COLUMN campaign_task.due_date IS '完成时限（当日24时前，北京时间）';
COMMENT ON COLUMN campaign_task.sort_order IS '排序';
COMMENT ON COLUMN campaign_task.done_at IS '完成时间';
COMMENT ON COLUMN campaign_task.done_by IS '报完成人';
COMMENT ON COLUMN campaign_task.done_note IS '完成情况说明';

CREATE TABLE dispatch_slot (
    id             bigserial   PRIMARY KEY,
    campaign_id    bigint      NOT NULL REFERENCES campaign (id),
    department_id  bigint      NOT NULL REFERENCES department (id),
    region_id      bigint      NOT NULL REFERENCES region (id),
    opens_at       timestamptz NOT NULL,
    due_at         timestamptz NOT NULL,
    late_announced boolean     NOT NULL DEFAULT false,
    UNIQUE (campaign_id, department_id, due_at)
);
CREATE INDEX dispatch_slot_unannounced_idx ON dispatch_slot (due_at) WHERE NOT late_announced;
CREATE INDEX dispatch_slot_department_idx ON dispatch_slot (department_id, due_at);
COMMENT ON TABLE dispatch_slot IS '调度报告应报时点（专项行动×部门×截止时间）';
COMMENT ON COLUMN dispatch_slot.id IS '主键';
COMMENT ON COLUMN dispatch_slot.campaign_id IS '专项行动';
COMMENT ON COLUMN dispatch_slot.department_id IS '应报部门';
COMMENT ON COLUMN dispatch_slot.region_id IS '应报部门所属区划';
COMMENT ON COLUMN dispatch_slot.opens_at IS '本期起算时间（上一截止时间或行动开始），此后可报送';
COMMENT ON COLUMN dispatch_slot.due_at IS '报送截止时间';
COMMENT ON COLUMN dispatch_slot.late_announced IS '是否已发布“调度报告逾期未报”事件（只发布一次）';

CREATE TABLE dispatch_report (
    id                bigserial     PRIMARY KEY,
    slot_id           bigint        NOT NULL UNIQUE REFERENCES dispatch_slot (id),
    campaign_id       bigint        NOT NULL REFERENCES campaign (id),
    department_id     bigint        NOT NULL REFERENCES department (id),
    region_id         bigint        NOT NULL REFERENCES region (id),
    entities_checked  int           NOT NULL CHECK (entities_checked >= 0),
    hazards_found     int           NOT NULL CHECK (hazards_found >= 0),
    hazards_rectified int           NOT NULL CHECK (hazards_rectified >= 0),
    cases             int           NOT NULL CHECK (cases >= 0),
    content           varchar(4000),
    filed_by          bigint        REFERENCES app_user (id),
    filed_by_name     varchar(100)  NOT NULL,
    filed_at          timestamptz   NOT NULL,
    late              boolean       NOT NULL
);
CREATE INDEX dispatch_report_campaign_idx ON dispatch_report (campaign_id, department_id);
COMMENT ON TABLE dispatch_report IS '调度报告';
COMMENT ON COLUMN dispatch_report.id IS '主键';
COMMENT ON COLUMN dispatch_report.slot_id IS '所报时点';
COMMENT ON COLUMN dispatch_report.campaign_id IS '专项行动';
COMMENT ON COLUMN dispatch_report.department_id IS '报送部门';
COMMENT ON COLUMN dispatch_report.region_id IS '报送部门所属区划';
COMMENT ON COLUMN dispatch_report.entities_checked IS '检查单位数';
COMMENT ON COLUMN dispatch_report.hazards_found IS '发现隐患数';
COMMENT ON COLUMN dispatch_report.hazards_rectified IS '整改隐患数';
COMMENT ON COLUMN dispatch_report.cases IS '立案查处数';
COMMENT ON COLUMN dispatch_report.content IS '工作进展（文字）';
COMMENT ON COLUMN dispatch_report.filed_by IS '报送人';
COMMENT ON COLUMN dispatch_report.filed_by_name IS '报送人姓名';
COMMENT ON COLUMN dispatch_report.filed_at IS '报送时间';
COMMENT ON COLUMN dispatch_report.late IS '是否迟报（报送时间晚于截止时间）';

-- The dispatch-report ladder (seed 003 §四(十) "定期调度、及时预警、跟踪督办"; not tabulated in §六, so decided here
-- after the pattern of (十五)/(十八)): a district (or street) department's report not in by its due time → district
-- screen, district 督办; +3 d still missing → city screen, city 督办; +3 d → city screen, city 通报. A city
-- department's → city screen, city 督办; +3 d → city screen, city 通报. Filing the report ends the warning.
INSERT INTO warning_rule (trigger_kind, origin_level, version, clause, name) VALUES
    ('DISPATCH_REPORT_LATE', 'DISTRICT', 1, '§四(十)', '专项行动调度报告逾期未报（区县部门）'),
    ('DISPATCH_REPORT_LATE', 'CITY', 1, '§四(十)', '专项行动调度报告逾期未报（市级部门）');
INSERT INTO warning_rule_step (rule_id, step_no, delay_hours, screen_level, action, acting_level)
SELECT r.id, s.step_no, s.delay_hours, s.screen_level, s.action, s.acting_level
FROM warning_rule r JOIN (VALUES
    ('DISTRICT', 1, 0, 'DISTRICT', 'SUPERVISE', 'DISTRICT'),
    ('DISTRICT', 2, 72, 'CITY', 'SUPERVISE', 'CITY'),
    ('DISTRICT', 3, 72, 'CITY', 'NOTICE', 'CITY'),
    ('CITY', 1, 0, 'CITY', 'SUPERVISE', 'CITY'),
    ('CITY', 2, 72, 'CITY', 'NOTICE', 'CITY')
) s(origin_level, step_no, delay_hours, screen_level, action, acting_level)
  ON r.trigger_kind = 'DISPATCH_REPORT_LATE' AND s.origin_level = r.origin_level;

INSERT INTO app_permission (code, name) VALUES ('campaign:read', '查看专项行动'), ('campaign:write', '组织专项行动'),
    ('campaign:report', '报送调度报告');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'campaign:read'),
    ('CITY_OFFICE', 'campaign:read'), ('CITY_OFFICE', 'campaign:write'),
    ('COMMAND_CENTER', 'campaign:read'),
    ('DISTRICT_OFFICE', 'campaign:read'), ('DISTRICT_OFFICE', 'campaign:write'),
    ('DEPARTMENT_LEADER', 'campaign:read'), ('DEPARTMENT_LEADER', 'campaign:report'),
    ('DEPARTMENT_INSPECTOR', 'campaign:read'), ('DEPARTMENT_INSPECTOR', 'campaign:report'),
    ('LIAISON', 'campaign:read'), ('LIAISON', 'campaign:report');

-- The hazard list's default order (newest first) walks this index and stops at the page; the quarterly statistics
-- read a quarter's range of it without touching the table (docs/PERFORMANCE.md, "Hazard list over 2,000,000 hazards").
CREATE INDEX hazard_found_at_idx ON hazard (found_at DESC, id DESC) INCLUDE (region_id, level, state, deadline, closed_at);
-- The overdue list (longest overdue first) and its count read the hazards being rectified in deadline order.
CREATE INDEX hazard_rectifying_deadline_idx ON hazard (deadline, id) INCLUDE (region_id) WHERE state = 'RECTIFYING';
