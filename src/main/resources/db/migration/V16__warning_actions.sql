-- 预警处置 (seed 003 §六): what each step of a ladder sets in motion — a 督办单 (supervision order) to the responsible
-- department or entity, an entry in the next 通报 (notice) the city office compiles, or a 通知确认 (confirmation task)
-- for the competent department — and the working-day calendar a ladder may count in.

-- Working-day calendar: national reference data (no region), read by add_working_days().
CREATE TABLE work_calendar_day (
    day        date         PRIMARY KEY,
    kind       varchar(20)  NOT NULL CHECK (kind IN ('HOLIDAY', 'ADJUSTED_WORKDAY')),
    name       varchar(50)  NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);
COMMENT ON TABLE work_calendar_day IS '工作日历：法定节假日与调休上班日（未列出的日期：周一至周五为工作日，周六周日休息）';
COMMENT ON COLUMN work_calendar_day.day IS '日期';
COMMENT ON COLUMN work_calendar_day.kind IS '类型：HOLIDAY放假 ADJUSTED_WORKDAY调休上班';
COMMENT ON COLUMN work_calendar_day.name IS '节日名称（如 春节）';
COMMENT ON COLUMN work_calendar_day.updated_at IS '最后修改时间';

-- 2026 as the State Council's arrangement (国办发明电〔2025〕号 notice, November 2025) is best known to us; the system
-- administrator must check it against the official notice and enter later years when they are published.
INSERT INTO work_calendar_day (day, kind, name)
SELECT d::date, 'HOLIDAY', h.name
FROM (VALUES ('元旦', '2026-01-01', '2026-01-03'), ('春节', '2026-02-15', '2026-02-23'), ('清明节', '2026-04-04', '2026-04-06'),
             ('劳动节', '2026-05-01', '2026-05-05'), ('端午节', '2026-06-19', '2026-06-21'), ('中秋节', '2026-09-25', '2026-09-27'),
             ('国庆节', '2026-10-01', '2026-10-07')) h(name, first_day, last_day),
     generate_series(CAST(h.first_day AS date), CAST(h.last_day AS date), interval '1 day') d;
INSERT INTO work_calendar_day (day, kind, name) VALUES
    ('2026-01-04', 'ADJUSTED_WORKDAY', '元旦'), ('2026-02-14', 'ADJUSTED_WORKDAY', '春节'),
    ('2026-02-28', 'ADJUSTED_WORKDAY', '春节'), ('2026-05-09', 'ADJUSTED_WORKDAY', '劳动节'),
    ('2026-09-20', 'ADJUSTED_WORKDAY', '国庆节'), ('2026-10-10', 'ADJUSTED_WORKDAY', '国庆节'),
    -- 2027: only the fixed-date days, until the official arrangement is published
    ('2027-01-01', 'HOLIDAY', '元旦'), ('2027-05-01', 'HOLIDAY', '劳动节'), ('2027-10-01', 'HOLIDAY', '国庆节'),
    ('2027-10-02', 'HOLIDAY', '国庆节'), ('2027-10-03', 'HOLIDAY', '国庆节');

-- n working days after t, at the same time of day (Beijing time): each day after t's date counts when it is an
-- adjusted working day, or a Monday–Friday that is not a holiday. n = 0 is t itself.
CREATE FUNCTION add_working_days(t timestamptz, n int) RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN n <= 0 THEN t ELSE (
        SELECT (days.d + ((t AT TIME ZONE 'Asia/Shanghai') - CAST(CAST(t AT TIME ZONE 'Asia/Shanghai' AS date) AS timestamp)))
               AT TIME ZONE 'Asia/Shanghai'
        FROM (SELECT CAST(g AS date) AS d
              FROM generate_series(CAST(t AT TIME ZONE 'Asia/Shanghai' AS date) + 1,
                                   CAST(t AT TIME ZONE 'Asia/Shanghai' AS date) + 3 * n + 30, interval '1 day') g) days
        LEFT JOIN work_calendar_day c ON c.day = days.d
        WHERE coalesce(c.kind = 'ADJUSTED_WORKDAY', extract(isodow FROM days.d) < 6)
        ORDER BY days.d OFFSET n - 1 LIMIT 1) END
$$;
COMMENT ON FUNCTION add_working_days(timestamptz, int) IS '某时刻之后第n个工作日的同一时刻（北京时间，按工作日历）';

-- Ladders may count their "N days" as N working days instead of N×24 hours.
ALTER TABLE warning_rule ADD COLUMN delay_unit varchar(16) NOT NULL DEFAULT 'HOURS' CHECK (delay_unit IN ('HOURS', 'WORKING_DAYS'));
ALTER TABLE warning_rule ADD COLUMN created_by bigint REFERENCES app_user (id);
COMMENT ON COLUMN warning_rule.delay_unit IS '时限计算方式：HOURS按自然小时（N天=N×24小时） WORKING_DAYS按工作日（N天=N个工作日，同一时刻）';
COMMENT ON COLUMN warning_rule.created_by IS '创建该版本的用户（初始版本为空）';

CREATE TABLE supervision_order (
    id                      bigserial     PRIMARY KEY,
    warning_id              bigint        NOT NULL REFERENCES warning (id),
    step_no                 int           NOT NULL,
    region_id               bigint        NOT NULL REFERENCES region (id),
    entity_id               bigint        REFERENCES supervised_entity (id),
    issuer_region_id        bigint        NOT NULL REFERENCES region (id),
    number_year             int           NOT NULL,
    number_seq              int           NOT NULL,
    number                  varchar(50)   NOT NULL,
    addressee_department_id bigint        REFERENCES department (id),
    addressee_entity_id     bigint        REFERENCES supervised_entity (id),
    office_id               bigint        REFERENCES department_office (id),
    content                 varchar(1000) NOT NULL,
    issued_at               timestamptz   NOT NULL,
    reply_due_at            timestamptz   NOT NULL,
    state                   varchar(16)   NOT NULL CHECK (state IN ('OPEN', 'REPLIED', 'ACCEPTED', 'REJECTED')),
    reply_text              varchar(2000),
    replied_at              timestamptz,
    replied_by              bigint        REFERENCES app_user (id),
    routed_at               timestamptz,
    routed_by               bigint        REFERENCES app_user (id),
    reviewed_at             timestamptz,
    reviewed_by             bigint        REFERENCES app_user (id),
    review_comment          varchar(1000),
    UNIQUE (warning_id, step_no),
    UNIQUE (issuer_region_id, number_year, number_seq)
);
CREATE INDEX supervision_order_department_idx ON supervision_order (addressee_department_id, state);
CREATE INDEX supervision_order_entity_idx ON supervision_order (addressee_entity_id, state);
CREATE INDEX supervision_order_region_idx ON supervision_order (region_id, state);
CREATE INDEX supervision_order_issuer_idx ON supervision_order (issuer_region_id, state);
COMMENT ON TABLE supervision_order IS '督办单（预警升级到督办步骤时生成，每步一张）';
COMMENT ON COLUMN supervision_order.id IS '主键';
COMMENT ON COLUMN supervision_order.warning_id IS '预警';
COMMENT ON COLUMN supervision_order.step_no IS '预警步骤序号';
COMMENT ON COLUMN supervision_order.region_id IS '属地（同预警）';
COMMENT ON COLUMN supervision_order.entity_id IS '涉及单位';
COMMENT ON COLUMN supervision_order.issuer_region_id IS '签发的安委办所在区划（区级督办为区县，市级督办为市）';
COMMENT ON COLUMN supervision_order.number_year IS '文号年度';
COMMENT ON COLUMN supervision_order.number_seq IS '文号序号（按签发区划、年度连续）';
COMMENT ON COLUMN supervision_order.number IS '督办单编号（如 历下安办督〔2026〕3号）';
COMMENT ON COLUMN supervision_order.addressee_department_id IS '被督办部门（预警的责任部门）';
COMMENT ON COLUMN supervision_order.addressee_entity_id IS '被督办单位（无责任部门时；两者皆空则督办属地）';
COMMENT ON COLUMN supervision_order.office_id IS '联络员分转的处（科）室';
COMMENT ON COLUMN supervision_order.content IS '督办内容';
COMMENT ON COLUMN supervision_order.issued_at IS '签发时间';
COMMENT ON COLUMN supervision_order.reply_due_at IS '答复期限';
COMMENT ON COLUMN supervision_order.state IS '状态：OPEN待答复 REPLIED已答复 ACCEPTED已认可 REJECTED退回重办';
COMMENT ON COLUMN supervision_order.reply_text IS '答复内容';
COMMENT ON COLUMN supervision_order.replied_at IS '答复时间';
COMMENT ON COLUMN supervision_order.replied_by IS '答复人';
COMMENT ON COLUMN supervision_order.routed_at IS '分转时间';
COMMENT ON COLUMN supervision_order.routed_by IS '分转人（联络员）';
COMMENT ON COLUMN supervision_order.reviewed_at IS '审核时间';
COMMENT ON COLUMN supervision_order.reviewed_by IS '审核人（签发单位）';
COMMENT ON COLUMN supervision_order.review_comment IS '审核意见';

CREATE TABLE supervision_order_attachment (
    id           bigserial    PRIMARY KEY,
    order_id     bigint       NOT NULL REFERENCES supervision_order (id),
    region_id    bigint       NOT NULL REFERENCES region (id),
    file_name    varchar(255) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   bigint       NOT NULL,
    sha256       char(64)     NOT NULL,
    uploaded_by  bigint       REFERENCES app_user (id),
    uploaded_at  timestamptz  NOT NULL
);
CREATE INDEX supervision_order_attachment_order_idx ON supervision_order_attachment (order_id);
COMMENT ON TABLE supervision_order_attachment IS '督办答复附件';
COMMENT ON COLUMN supervision_order_attachment.id IS '主键';
COMMENT ON COLUMN supervision_order_attachment.order_id IS '督办单';
COMMENT ON COLUMN supervision_order_attachment.region_id IS '属地（同督办单）';
COMMENT ON COLUMN supervision_order_attachment.file_name IS '文件名';
COMMENT ON COLUMN supervision_order_attachment.content_type IS '文件类型';
COMMENT ON COLUMN supervision_order_attachment.size_bytes IS '大小（字节）';
COMMENT ON COLUMN supervision_order_attachment.sha256 IS '内容摘要（文件存储地址）';
COMMENT ON COLUMN supervision_order_attachment.uploaded_by IS '上传人';
COMMENT ON COLUMN supervision_order_attachment.uploaded_at IS '上传时间';

CREATE TABLE notice (
    id           bigserial     PRIMARY KEY,
    region_id    bigint        NOT NULL REFERENCES region (id),
    number_year  int           NOT NULL,
    number_seq   int           NOT NULL,
    number       varchar(50)   NOT NULL,
    title        varchar(200)  NOT NULL,
    intro        varchar(4000) NOT NULL,
    issuer       varchar(100)  NOT NULL,
    issued_on    date          NOT NULL,
    issued_at    timestamptz   NOT NULL,
    issued_by    bigint        REFERENCES app_user (id),
    UNIQUE (region_id, number_year, number_seq)
);
COMMENT ON TABLE notice IS '通报（市安委办汇编待通报事项后签发，签发后不可修改）';
COMMENT ON COLUMN notice.id IS '主键';
COMMENT ON COLUMN notice.region_id IS '发文单位所在区划';
COMMENT ON COLUMN notice.number_year IS '文号年度';
COMMENT ON COLUMN notice.number_seq IS '文号序号';
COMMENT ON COLUMN notice.number IS '文号（如 济安办通〔2026〕3号）';
COMMENT ON COLUMN notice.title IS '标题';
COMMENT ON COLUMN notice.intro IS '正文导语';
COMMENT ON COLUMN notice.issuer IS '发文单位';
COMMENT ON COLUMN notice.issued_on IS '成文日期';
COMMENT ON COLUMN notice.issued_at IS '签发时间';
COMMENT ON COLUMN notice.issued_by IS '签发人';

CREATE TABLE notice_entry (
    id            bigserial     PRIMARY KEY,
    warning_id    bigint        NOT NULL REFERENCES warning (id),
    step_no       int           NOT NULL,
    region_id     bigint        NOT NULL REFERENCES region (id),
    entity_id     bigint        REFERENCES supervised_entity (id),
    department_id bigint        REFERENCES department (id),
    issuer_region_id bigint     NOT NULL REFERENCES region (id),
    issue         varchar(1000) NOT NULL,
    created_at    timestamptz   NOT NULL,
    notice_id     bigint        REFERENCES notice (id),
    unit_name     varchar(200),
    region_name   varchar(200),
    department_name varchar(100),
    UNIQUE (warning_id, step_no)
);
CREATE INDEX notice_entry_pending_idx ON notice_entry (issuer_region_id, created_at) WHERE notice_id IS NULL;
CREATE INDEX notice_entry_notice_idx ON notice_entry (notice_id);
CREATE INDEX notice_entry_region_idx ON notice_entry (region_id);
COMMENT ON TABLE notice_entry IS '待通报事项（预警升级到通报步骤时生成，汇编进通报后即不可变）';
COMMENT ON COLUMN notice_entry.id IS '主键';
COMMENT ON COLUMN notice_entry.warning_id IS '预警';
COMMENT ON COLUMN notice_entry.step_no IS '预警步骤序号';
COMMENT ON COLUMN notice_entry.region_id IS '属地（同预警）';
COMMENT ON COLUMN notice_entry.entity_id IS '被通报单位';
COMMENT ON COLUMN notice_entry.department_id IS '责任部门';
COMMENT ON COLUMN notice_entry.issuer_region_id IS '通报的安委办所在区划';
COMMENT ON COLUMN notice_entry.issue IS '通报问题';
COMMENT ON COLUMN notice_entry.created_at IS '生成时间';
COMMENT ON COLUMN notice_entry.notice_id IS '已编入的通报（空为待通报）';
COMMENT ON COLUMN notice_entry.unit_name IS '编入时的被通报单位名称（留档）';
COMMENT ON COLUMN notice_entry.region_name IS '编入时的属地名称（留档）';
COMMENT ON COLUMN notice_entry.department_name IS '编入时的责任部门名称（留档）';

CREATE TABLE confirmation_task (
    id               bigserial     PRIMARY KEY,
    warning_id       bigint        NOT NULL REFERENCES warning (id),
    step_no          int           NOT NULL,
    region_id        bigint        NOT NULL REFERENCES region (id),
    entity_id        bigint        REFERENCES supervised_entity (id),
    department_id    bigint        REFERENCES department (id),
    issuer_region_id bigint        NOT NULL REFERENCES region (id),
    content          varchar(1000) NOT NULL,
    created_at       timestamptz   NOT NULL,
    state            varchar(16)   NOT NULL CHECK (state IN ('OPEN', 'ANSWERED', 'RESOLVED')),
    answer_text      varchar(2000),
    answered_at      timestamptz,
    answered_by      bigint        REFERENCES app_user (id),
    resolved_at      timestamptz,
    UNIQUE (warning_id, step_no)
);
CREATE INDEX confirmation_task_department_idx ON confirmation_task (department_id, state);
CREATE INDEX confirmation_task_region_idx ON confirmation_task (region_id, state);
COMMENT ON TABLE confirmation_task IS '通知确认任务（疑似重大隐患等：请主管部门确认）';
COMMENT ON COLUMN confirmation_task.id IS '主键';
COMMENT ON COLUMN confirmation_task.warning_id IS '预警';
COMMENT ON COLUMN confirmation_task.step_no IS '预警步骤序号';
COMMENT ON COLUMN confirmation_task.region_id IS '属地（同预警）';
COMMENT ON COLUMN confirmation_task.entity_id IS '涉及单位';
COMMENT ON COLUMN confirmation_task.department_id IS '负责确认的主管部门（预警的责任部门）';
COMMENT ON COLUMN confirmation_task.issuer_region_id IS '发出通知的安委办所在区划';
COMMENT ON COLUMN confirmation_task.content IS '确认事项';
COMMENT ON COLUMN confirmation_task.created_at IS '生成时间';
COMMENT ON COLUMN confirmation_task.state IS '状态：OPEN待确认 ANSWERED已答复 RESOLVED已办结（隐患已认定或降级）';
COMMENT ON COLUMN confirmation_task.answer_text IS '答复内容';
COMMENT ON COLUMN confirmation_task.answered_at IS '答复时间';
COMMENT ON COLUMN confirmation_task.answered_by IS '答复人';
COMMENT ON COLUMN confirmation_task.resolved_at IS '办结时间';

INSERT INTO app_permission (code, name) VALUES
    ('supervision:read', '查看督办单与通知确认'), ('supervision:reply', '答复督办单与通知确认'),
    ('supervision:route', '分转督办单（联络员）'), ('supervision:review', '审核督办答复（签发单位）'),
    ('notice:read', '查看通报'), ('notice:write', '汇编签发通报'),
    ('calendar:write', '维护工作日历');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'supervision:read'), ('SYSTEM_ADMIN', 'notice:read'), ('SYSTEM_ADMIN', 'calendar:write'),
    ('CITY_OFFICE', 'supervision:read'), ('CITY_OFFICE', 'supervision:review'), ('CITY_OFFICE', 'notice:read'),
    ('CITY_OFFICE', 'notice:write'),
    ('COMMAND_CENTER', 'supervision:read'), ('COMMAND_CENTER', 'notice:read'),
    ('DISTRICT_OFFICE', 'supervision:read'), ('DISTRICT_OFFICE', 'supervision:review'), ('DISTRICT_OFFICE', 'notice:read'),
    ('STREET_STAFF', 'supervision:read'),
    ('DEPARTMENT_LEADER', 'supervision:read'), ('DEPARTMENT_LEADER', 'supervision:reply'), ('DEPARTMENT_LEADER', 'supervision:route'),
    ('DEPARTMENT_LEADER', 'notice:read'),
    ('DEPARTMENT_INSPECTOR', 'supervision:read'), ('DEPARTMENT_INSPECTOR', 'supervision:reply'),
    ('LIAISON', 'supervision:read'), ('LIAISON', 'supervision:reply'), ('LIAISON', 'supervision:route'), ('LIAISON', 'notice:read'),
    ('BUSINESS_MANAGER', 'supervision:read'), ('BUSINESS_MANAGER', 'supervision:reply');
