-- 隐患排查整治: hazards in their closed loop, every transition of each, and the photos and evidence attached.

CREATE TABLE hazard (
    id                    bigserial     PRIMARY KEY,
    entity_id             bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id             bigint        NOT NULL REFERENCES region (id),
    department_id         bigint        REFERENCES department (id),
    origin_level          varchar(16)   NOT NULL CHECK (origin_level IN ('DISTRICT', 'CITY')),
    found_by              bigint        REFERENCES app_user (id),
    found_at              timestamptz   NOT NULL,
    description           varchar(2000) NOT NULL,
    location              varchar(300),
    legal_basis           varchar(1000),
    level                 varchar(16)   NOT NULL CHECK (level IN ('GENERAL', 'SUSPECTED_MAJOR', 'MAJOR')),
    state                 varchar(16)   NOT NULL CHECK (state IN ('REPORTED', 'RECTIFYING', 'SUBMITTED', 'CLOSED')),
    reinspection_required boolean       NOT NULL,
    rectification_type    varchar(16),
    original_deadline     timestamptz,
    deadline              timestamptz,
    extension_requested   timestamptz,
    extension_reason      varchar(500),
    extension_used        boolean       NOT NULL DEFAULT false,
    plan                  jsonb,
    overdue_announced_for timestamptz,
    closed_at             timestamptz,
    updated_at            timestamptz   NOT NULL,
    version               int           NOT NULL DEFAULT 0
);
CREATE INDEX hazard_region_state_idx ON hazard (region_id, state, found_at DESC);
CREATE INDEX hazard_entity_idx ON hazard (entity_id, found_at DESC);
CREATE INDEX hazard_department_state_idx ON hazard (department_id, state);
CREATE INDEX hazard_open_deadline_idx ON hazard (deadline) WHERE state = 'RECTIFYING';
COMMENT ON TABLE hazard IS '安全隐患';
COMMENT ON COLUMN hazard.id IS '主键';
COMMENT ON COLUMN hazard.entity_id IS '隐患所在单位（监管对象）';
COMMENT ON COLUMN hazard.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN hazard.department_id IS '负责督促整改的部门';
COMMENT ON COLUMN hazard.origin_level IS '发现层级：DISTRICT区县/街道 CITY市级部门（决定预警升级规则）';
COMMENT ON COLUMN hazard.found_by IS '发现人（用户）';
COMMENT ON COLUMN hazard.found_at IS '发现时间';
COMMENT ON COLUMN hazard.description IS '隐患描述';
COMMENT ON COLUMN hazard.location IS '隐患部位';
COMMENT ON COLUMN hazard.legal_basis IS '依据（法律法规、标准条款）';
COMMENT ON COLUMN hazard.level IS '等级：GENERAL一般 SUSPECTED_MAJOR疑似重大 MAJOR重大';
COMMENT ON COLUMN hazard.state IS '状态：REPORTED已上报 RECTIFYING整改中 SUBMITTED待复查/验收 CLOSED已销号';
COMMENT ON COLUMN hazard.reinspection_required IS '是否需要复查';
COMMENT ON COLUMN hazard.rectification_type IS '整改方式：DEADLINE限期整改 SUSPEND停产停业整顿';
COMMENT ON COLUMN hazard.original_deadline IS '原整改期限';
COMMENT ON COLUMN hazard.deadline IS '当前整改期限（批准延期或复查不合格后更新）';
COMMENT ON COLUMN hazard.extension_requested IS '申请延期至（待审批）';
COMMENT ON COLUMN hazard.extension_reason IS '延期理由';
COMMENT ON COLUMN hazard.extension_used IS '是否已申请过延期（只能一次）';
COMMENT ON COLUMN hazard.plan IS '重大隐患整改方案（五落实：措施、资金、责任人、预案）';
COMMENT ON COLUMN hazard.overdue_announced_for IS '已发布“隐患逾期”事件的整改期限（避免重复发布）';
COMMENT ON COLUMN hazard.closed_at IS '销号时间';
COMMENT ON COLUMN hazard.updated_at IS '最近变更时间';
COMMENT ON COLUMN hazard.version IS '版本（乐观锁）';

CREATE TABLE hazard_transition (
    id          bigserial    PRIMARY KEY,
    hazard_id   bigint       NOT NULL REFERENCES hazard (id),
    region_id   bigint       NOT NULL REFERENCES region (id),
    transition  varchar(32)  NOT NULL,
    from_state  varchar(16),
    to_state    varchar(16)  NOT NULL,
    level       varchar(16)  NOT NULL,
    deadline    timestamptz,
    actor_id    bigint       REFERENCES app_user (id),
    actor_name  varchar(100) NOT NULL,
    at          timestamptz  NOT NULL,
    note        varchar(1000)
);
CREATE INDEX hazard_transition_hazard_idx ON hazard_transition (hazard_id, at);
COMMENT ON TABLE hazard_transition IS '隐患状态变更记录（闭环每一步）';
COMMENT ON COLUMN hazard_transition.id IS '主键';
COMMENT ON COLUMN hazard_transition.hazard_id IS '隐患';
COMMENT ON COLUMN hazard_transition.region_id IS '属地（同隐患）';
COMMENT ON COLUMN hazard_transition.transition IS '操作';
COMMENT ON COLUMN hazard_transition.from_state IS '变更前状态';
COMMENT ON COLUMN hazard_transition.to_state IS '变更后状态';
COMMENT ON COLUMN hazard_transition.level IS '变更后等级';
COMMENT ON COLUMN hazard_transition.deadline IS '变更后整改期限';
COMMENT ON COLUMN hazard_transition.actor_id IS '操作人（用户）';
COMMENT ON COLUMN hazard_transition.actor_name IS '操作人';
COMMENT ON COLUMN hazard_transition.at IS '时间';
COMMENT ON COLUMN hazard_transition.note IS '说明';

CREATE TABLE hazard_attachment (
    id            bigserial    PRIMARY KEY,
    hazard_id     bigint       NOT NULL REFERENCES hazard (id),
    region_id     bigint       NOT NULL REFERENCES region (id),
    kind          varchar(16)  NOT NULL CHECK (kind IN ('FINDING', 'EVIDENCE')),
    file_name     varchar(255) NOT NULL,
    content_type  varchar(100) NOT NULL,
    size_bytes    bigint       NOT NULL,
    sha256        char(64)     NOT NULL,
    uploaded_by   bigint       REFERENCES app_user (id),
    uploaded_at   timestamptz  NOT NULL
);
CREATE INDEX hazard_attachment_hazard_idx ON hazard_attachment (hazard_id);
COMMENT ON TABLE hazard_attachment IS '隐患照片与整改佐证材料';
COMMENT ON COLUMN hazard_attachment.id IS '主键';
COMMENT ON COLUMN hazard_attachment.hazard_id IS '隐患';
COMMENT ON COLUMN hazard_attachment.region_id IS '属地（同隐患）';
COMMENT ON COLUMN hazard_attachment.kind IS '类别：FINDING发现时照片 EVIDENCE整改佐证';
COMMENT ON COLUMN hazard_attachment.file_name IS '文件名';
COMMENT ON COLUMN hazard_attachment.content_type IS '文件类型（按内容识别）';
COMMENT ON COLUMN hazard_attachment.size_bytes IS '大小（字节）';
COMMENT ON COLUMN hazard_attachment.sha256 IS '文件SHA-256（共享文件存储中的地址）';
COMMENT ON COLUMN hazard_attachment.uploaded_by IS '上传人';
COMMENT ON COLUMN hazard_attachment.uploaded_at IS '上传时间';

INSERT INTO app_permission (code, name) VALUES ('hazard:read', '查看隐患'), ('hazard:write', '登记与督促整改隐患'),
    ('hazard:confirm', '认定疑似重大隐患'), ('hazard:rectify', '报告隐患整改（企业）');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'hazard:read'),
    ('CITY_OFFICE', 'hazard:read'), ('CITY_OFFICE', 'hazard:write'), ('CITY_OFFICE', 'hazard:confirm'),
    ('COMMAND_CENTER', 'hazard:read'),
    ('DISTRICT_OFFICE', 'hazard:read'), ('DISTRICT_OFFICE', 'hazard:write'), ('DISTRICT_OFFICE', 'hazard:confirm'),
    ('STREET_STAFF', 'hazard:read'), ('STREET_STAFF', 'hazard:write'),
    ('GRID_INSPECTOR', 'hazard:read'), ('GRID_INSPECTOR', 'hazard:write'),
    ('DEPARTMENT_LEADER', 'hazard:read'), ('DEPARTMENT_LEADER', 'hazard:write'), ('DEPARTMENT_LEADER', 'hazard:confirm'),
    ('DEPARTMENT_INSPECTOR', 'hazard:read'), ('DEPARTMENT_INSPECTOR', 'hazard:write'),
    ('LIAISON', 'hazard:read'),
    ('BUSINESS_MANAGER', 'hazard:read'), ('BUSINESS_MANAGER', 'hazard:rectify');
