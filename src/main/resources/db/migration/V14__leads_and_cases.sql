-- 违法线索移交, 立案处罚 (一案一档) with the blacklist, and the number of a hazard's 整改通知书.

CREATE TABLE lead_transfer (
    id                     bigserial     PRIMARY KEY,
    region_id              bigint        NOT NULL REFERENCES region (id),
    entity_id              bigint        REFERENCES supervised_entity (id),
    subject_name           varchar(200)  NOT NULL,
    subject_address        varchar(300),
    description            varchar(2000) NOT NULL,
    legal_basis            varchar(1000),
    sender_region_id       bigint        NOT NULL REFERENCES region (id),
    sender_department_id   bigint        REFERENCES department (id),
    sender_level           varchar(16)   NOT NULL CHECK (sender_level IN ('DISTRICT', 'CITY')),
    sender_name            varchar(100)  NOT NULL,
    sent_by                bigint        REFERENCES app_user (id),
    receiver_department_id bigint        NOT NULL REFERENCES department (id),
    state                  varchar(16)   NOT NULL CHECK (state IN ('TRANSFERRED', 'ACCEPTED', 'RETURNED')),
    transferred_at         timestamptz   NOT NULL,
    created_at             timestamptz   NOT NULL,
    version                int           NOT NULL DEFAULT 0
);
CREATE INDEX lead_transfer_region_idx ON lead_transfer (region_id, transferred_at DESC);
CREATE INDEX lead_transfer_sender_idx ON lead_transfer (sender_department_id, sender_region_id);
CREATE INDEX lead_transfer_receiver_idx ON lead_transfer (receiver_department_id, state);
COMMENT ON TABLE lead_transfer IS '违法线索移交';
COMMENT ON COLUMN lead_transfer.id IS '主键';
COMMENT ON COLUMN lead_transfer.region_id IS '属地（涉及单位所在区划，未登记单位为填写的区划）';
COMMENT ON COLUMN lead_transfer.entity_id IS '涉及的监管对象（未登记的经营主体为空）';
COMMENT ON COLUMN lead_transfer.subject_name IS '涉及单位名称';
COMMENT ON COLUMN lead_transfer.subject_address IS '涉及单位地址';
COMMENT ON COLUMN lead_transfer.description IS '违法线索描述';
COMMENT ON COLUMN lead_transfer.legal_basis IS '涉嫌违反的法律法规条款';
COMMENT ON COLUMN lead_transfer.sender_region_id IS '移交单位所在区划';
COMMENT ON COLUMN lead_transfer.sender_department_id IS '移交部门（区划机构移交时为空）';
COMMENT ON COLUMN lead_transfer.sender_level IS '移交单位层级：DISTRICT区县/街道 CITY市级（决定预警升级规则）';
COMMENT ON COLUMN lead_transfer.sender_name IS '移交单位名称';
COMMENT ON COLUMN lead_transfer.sent_by IS '移交人（用户）';
COMMENT ON COLUMN lead_transfer.receiver_department_id IS '当前接收部门';
COMMENT ON COLUMN lead_transfer.state IS '状态：TRANSFERRED已移交待受理 ACCEPTED已受理 RETURNED已退回';
COMMENT ON COLUMN lead_transfer.transferred_at IS '最近一次移交时间（未受理计时起点）';
COMMENT ON COLUMN lead_transfer.created_at IS '首次移交时间';
COMMENT ON COLUMN lead_transfer.version IS '版本（乐观锁）';

CREATE TABLE lead_hop (
    id                     bigserial    PRIMARY KEY,
    lead_id                bigint       NOT NULL REFERENCES lead_transfer (id),
    region_id              bigint       NOT NULL REFERENCES region (id),
    receiver_department_id bigint       NOT NULL REFERENCES department (id),
    transferred_at         timestamptz  NOT NULL,
    transferred_by_name    varchar(100) NOT NULL,
    outcome                varchar(16)  CHECK (outcome IN ('ACCEPTED', 'RETURNED')),
    handled_at             timestamptz,
    handled_by             bigint       REFERENCES app_user (id),
    handled_by_name        varchar(100),
    note                   varchar(500)
);
CREATE INDEX lead_hop_lead_idx ON lead_hop (lead_id, transferred_at);
CREATE INDEX lead_hop_receiver_idx ON lead_hop (receiver_department_id);
COMMENT ON TABLE lead_hop IS '线索每一次移交及其受理/退回结果';
COMMENT ON COLUMN lead_hop.id IS '主键';
COMMENT ON COLUMN lead_hop.lead_id IS '线索';
COMMENT ON COLUMN lead_hop.region_id IS '属地（同线索）';
COMMENT ON COLUMN lead_hop.receiver_department_id IS '接收部门';
COMMENT ON COLUMN lead_hop.transferred_at IS '移交时间';
COMMENT ON COLUMN lead_hop.transferred_by_name IS '移交人';
COMMENT ON COLUMN lead_hop.outcome IS '结果：ACCEPTED受理 RETURNED退回（空为待受理）';
COMMENT ON COLUMN lead_hop.handled_at IS '受理/退回时间';
COMMENT ON COLUMN lead_hop.handled_by IS '受理/退回人（用户）';
COMMENT ON COLUMN lead_hop.handled_by_name IS '受理/退回人';
COMMENT ON COLUMN lead_hop.note IS '受理意见或退回理由';

CREATE TABLE lead_attachment (
    id           bigserial    PRIMARY KEY,
    lead_id      bigint       NOT NULL REFERENCES lead_transfer (id),
    region_id    bigint       NOT NULL REFERENCES region (id),
    file_name    varchar(255) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   bigint       NOT NULL,
    sha256       char(64)     NOT NULL,
    uploaded_by  bigint       REFERENCES app_user (id),
    uploaded_at  timestamptz  NOT NULL
);
CREATE INDEX lead_attachment_lead_idx ON lead_attachment (lead_id);
COMMENT ON TABLE lead_attachment IS '线索证据材料';
COMMENT ON COLUMN lead_attachment.id IS '主键';
COMMENT ON COLUMN lead_attachment.lead_id IS '线索';
COMMENT ON COLUMN lead_attachment.region_id IS '属地（同线索）';
COMMENT ON COLUMN lead_attachment.file_name IS '文件名';
COMMENT ON COLUMN lead_attachment.content_type IS '文件类型（按内容识别）';
COMMENT ON COLUMN lead_attachment.size_bytes IS '大小（字节）';
COMMENT ON COLUMN lead_attachment.sha256 IS '文件SHA-256（共享文件存储中的地址）';
COMMENT ON COLUMN lead_attachment.uploaded_by IS '上传人';
COMMENT ON COLUMN lead_attachment.uploaded_at IS '上传时间';

CREATE TABLE enforcement_case (
    id            bigserial     PRIMARY KEY,
    region_id     bigint        NOT NULL REFERENCES region (id),
    entity_id     bigint        NOT NULL REFERENCES supervised_entity (id),
    hazard_id     bigint        REFERENCES hazard (id),
    lead_id       bigint        REFERENCES lead_transfer (id),
    department_id bigint        REFERENCES department (id),
    case_number   varchar(60)   NOT NULL UNIQUE,
    legal_basis   varchar(1000) NOT NULL,
    facts         varchar(4000) NOT NULL,
    state         varchar(16)   NOT NULL CHECK (state IN ('FILED', 'DECIDED', 'EXECUTED', 'CLOSED')),
    filed_by      bigint        REFERENCES app_user (id),
    filed_at      timestamptz   NOT NULL,
    decided_at    timestamptz,
    executed_at   timestamptz,
    closed_at     timestamptz,
    version       int           NOT NULL DEFAULT 0
);
CREATE INDEX enforcement_case_region_idx ON enforcement_case (region_id, filed_at DESC);
CREATE INDEX enforcement_case_entity_idx ON enforcement_case (entity_id);
CREATE INDEX enforcement_case_department_idx ON enforcement_case (department_id, state);
COMMENT ON TABLE enforcement_case IS '行政处罚案件（立案，一案一档）';
COMMENT ON COLUMN enforcement_case.id IS '主键';
COMMENT ON COLUMN enforcement_case.region_id IS '属地（同当事单位）';
COMMENT ON COLUMN enforcement_case.entity_id IS '当事单位（监管对象）';
COMMENT ON COLUMN enforcement_case.hazard_id IS '来源隐患';
COMMENT ON COLUMN enforcement_case.lead_id IS '来源线索（本部门受理的移交线索）';
COMMENT ON COLUMN enforcement_case.department_id IS '办案部门（区划机构立案时为空）';
COMMENT ON COLUMN enforcement_case.case_number IS '立案编号（如 历下应急立〔2026〕1号）';
COMMENT ON COLUMN enforcement_case.legal_basis IS '立案依据（法律法规条款）';
COMMENT ON COLUMN enforcement_case.facts IS '违法事实';
COMMENT ON COLUMN enforcement_case.state IS '状态：FILED已立案 DECIDED已作出处罚决定 EXECUTED已执行 CLOSED已结案';
COMMENT ON COLUMN enforcement_case.filed_by IS '立案人（用户）';
COMMENT ON COLUMN enforcement_case.filed_at IS '立案时间';
COMMENT ON COLUMN enforcement_case.decided_at IS '处罚决定时间';
COMMENT ON COLUMN enforcement_case.executed_at IS '执行完毕时间';
COMMENT ON COLUMN enforcement_case.closed_at IS '结案时间';
COMMENT ON COLUMN enforcement_case.version IS '版本（乐观锁）';

CREATE TABLE case_penalty (
    id             bigserial     PRIMARY KEY,
    case_id        bigint        NOT NULL REFERENCES enforcement_case (id),
    region_id      bigint        NOT NULL REFERENCES region (id),
    kind           varchar(20)   NOT NULL CHECK (kind IN ('FINE', 'SUSPEND', 'LICENCE_SUSPEND', 'LICENCE_REVOKE', 'CLOSE')),
    initial_amount numeric(14, 2) CHECK (initial_amount >= 0),
    current_amount numeric(14, 2) CHECK (current_amount >= 0),
    detail         varchar(500),
    CHECK ((kind = 'FINE') = (initial_amount IS NOT NULL AND current_amount IS NOT NULL))
);
CREATE INDEX case_penalty_case_idx ON case_penalty (case_id);
COMMENT ON TABLE case_penalty IS '处罚决定的处罚种类（一案可并处多项）';
COMMENT ON COLUMN case_penalty.id IS '主键';
COMMENT ON COLUMN case_penalty.case_id IS '案件';
COMMENT ON COLUMN case_penalty.region_id IS '属地（同案件）';
COMMENT ON COLUMN case_penalty.kind IS '种类：FINE罚款 SUSPEND停产停业整顿 LICENCE_SUSPEND暂扣证照 LICENCE_REVOKE吊销证照 CLOSE关闭';
COMMENT ON COLUMN case_penalty.initial_amount IS '原决定罚款金额（元）';
COMMENT ON COLUMN case_penalty.current_amount IS '现罚款金额（元，听证、复议等变更后）';
COMMENT ON COLUMN case_penalty.detail IS '说明（整顿期限、证照名称等）';

CREATE TABLE case_penalty_change (
    id          bigserial      PRIMARY KEY,
    penalty_id  bigint         NOT NULL REFERENCES case_penalty (id),
    case_id     bigint         NOT NULL REFERENCES enforcement_case (id),
    region_id   bigint         NOT NULL REFERENCES region (id),
    from_amount numeric(14, 2) NOT NULL,
    to_amount   numeric(14, 2) NOT NULL,
    reason      varchar(500)   NOT NULL,
    changed_by  bigint         REFERENCES app_user (id),
    changed_by_name varchar(100) NOT NULL,
    changed_at  timestamptz    NOT NULL
);
CREATE INDEX case_penalty_change_case_idx ON case_penalty_change (case_id, changed_at);
COMMENT ON TABLE case_penalty_change IS '罚款金额变更记录（听证、复议、诉讼等）';
COMMENT ON COLUMN case_penalty_change.id IS '主键';
COMMENT ON COLUMN case_penalty_change.penalty_id IS '处罚项';
COMMENT ON COLUMN case_penalty_change.case_id IS '案件';
COMMENT ON COLUMN case_penalty_change.region_id IS '属地（同案件）';
COMMENT ON COLUMN case_penalty_change.from_amount IS '变更前金额（元）';
COMMENT ON COLUMN case_penalty_change.to_amount IS '变更后金额（元）';
COMMENT ON COLUMN case_penalty_change.reason IS '变更理由';
COMMENT ON COLUMN case_penalty_change.changed_by IS '操作人（用户）';
COMMENT ON COLUMN case_penalty_change.changed_by_name IS '操作人';
COMMENT ON COLUMN case_penalty_change.changed_at IS '变更时间';

CREATE TABLE case_transition (
    id         bigserial    PRIMARY KEY,
    case_id    bigint       NOT NULL REFERENCES enforcement_case (id),
    region_id  bigint       NOT NULL REFERENCES region (id),
    transition varchar(32)  NOT NULL,
    from_state varchar(16),
    to_state   varchar(16)  NOT NULL,
    actor_id   bigint       REFERENCES app_user (id),
    actor_name varchar(100) NOT NULL,
    at         timestamptz  NOT NULL,
    note       varchar(1000)
);
CREATE INDEX case_transition_case_idx ON case_transition (case_id, at);
COMMENT ON TABLE case_transition IS '案件办理记录（立案、决定、执行、结案）';
COMMENT ON COLUMN case_transition.id IS '主键';
COMMENT ON COLUMN case_transition.case_id IS '案件';
COMMENT ON COLUMN case_transition.region_id IS '属地（同案件）';
COMMENT ON COLUMN case_transition.transition IS '操作：FILE立案 DECIDE处罚决定 EXECUTE执行完毕 CLOSE结案';
COMMENT ON COLUMN case_transition.from_state IS '变更前状态';
COMMENT ON COLUMN case_transition.to_state IS '变更后状态';
COMMENT ON COLUMN case_transition.actor_id IS '操作人（用户）';
COMMENT ON COLUMN case_transition.actor_name IS '操作人';
COMMENT ON COLUMN case_transition.at IS '时间';
COMMENT ON COLUMN case_transition.note IS '说明';

CREATE TABLE blacklist_entry (
    id              bigserial    PRIMARY KEY,
    entity_id       bigint       NOT NULL REFERENCES supervised_entity (id),
    region_id       bigint       NOT NULL REFERENCES region (id),
    department_id   bigint       REFERENCES department (id),
    case_id         bigint       NOT NULL UNIQUE REFERENCES enforcement_case (id),
    listed_at       timestamptz  NOT NULL,
    reason          varchar(500) NOT NULL,
    removed_at      timestamptz,
    removed_by      bigint       REFERENCES app_user (id),
    removed_by_name varchar(100),
    removal_reason  varchar(500),
    CHECK ((removed_at IS NULL) = (removal_reason IS NULL))
);
CREATE INDEX blacklist_entry_region_idx ON blacklist_entry (region_id, listed_at DESC);
CREATE INDEX blacklist_entry_entity_idx ON blacklist_entry (entity_id);
COMMENT ON TABLE blacklist_entry IS '安全生产不良记录黑名单（受到行政处罚的单位；信用修复后保留历史）';
COMMENT ON COLUMN blacklist_entry.id IS '主键';
COMMENT ON COLUMN blacklist_entry.entity_id IS '单位（监管对象）';
COMMENT ON COLUMN blacklist_entry.region_id IS '属地（同单位）';
COMMENT ON COLUMN blacklist_entry.department_id IS '作出处罚的部门';
COMMENT ON COLUMN blacklist_entry.case_id IS '所依案件';
COMMENT ON COLUMN blacklist_entry.listed_at IS '列入日期（处罚决定时间）';
COMMENT ON COLUMN blacklist_entry.reason IS '列入原因';
COMMENT ON COLUMN blacklist_entry.removed_at IS '移出时间（信用修复）';
COMMENT ON COLUMN blacklist_entry.removed_by IS '移出操作人（用户）';
COMMENT ON COLUMN blacklist_entry.removed_by_name IS '移出操作人';
COMMENT ON COLUMN blacklist_entry.removal_reason IS '信用修复理由';

ALTER TABLE hazard ADD COLUMN notice_number varchar(60) UNIQUE;
ALTER TABLE hazard ADD COLUMN notice_issued_at timestamptz;
ALTER TABLE hazard ADD COLUMN notice_issuer varchar(100);
COMMENT ON COLUMN hazard.notice_number IS '整改通知书（责令限期整改指令书）文号';
COMMENT ON COLUMN hazard.notice_issued_at IS '整改通知书签发时间';
COMMENT ON COLUMN hazard.notice_issuer IS '整改通知书签发单位';

INSERT INTO app_permission (code, name) VALUES
    ('lead:read', '查看违法线索'), ('lead:write', '移交违法线索'), ('lead:handle', '受理或退回移交的线索'),
    ('case:read', '查看处罚案件'), ('case:write', '立案与作出处罚决定'),
    ('blacklist:read', '查看黑名单'), ('blacklist:write', '黑名单信用修复');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'lead:read'), ('SYSTEM_ADMIN', 'case:read'), ('SYSTEM_ADMIN', 'blacklist:read'),
    ('CITY_OFFICE', 'lead:read'), ('CITY_OFFICE', 'lead:write'), ('CITY_OFFICE', 'case:read'), ('CITY_OFFICE', 'case:write'),
    ('CITY_OFFICE', 'blacklist:read'), ('CITY_OFFICE', 'blacklist:write'),
    ('COMMAND_CENTER', 'lead:read'), ('COMMAND_CENTER', 'case:read'), ('COMMAND_CENTER', 'blacklist:read'),
    ('DISTRICT_OFFICE', 'lead:read'), ('DISTRICT_OFFICE', 'lead:write'), ('DISTRICT_OFFICE', 'case:read'),
    ('DISTRICT_OFFICE', 'case:write'), ('DISTRICT_OFFICE', 'blacklist:read'), ('DISTRICT_OFFICE', 'blacklist:write'),
    ('STREET_STAFF', 'lead:read'), ('STREET_STAFF', 'lead:write'), ('STREET_STAFF', 'case:read'), ('STREET_STAFF', 'blacklist:read'),
    ('GRID_INSPECTOR', 'lead:read'), ('GRID_INSPECTOR', 'lead:write'),
    ('DEPARTMENT_LEADER', 'lead:read'), ('DEPARTMENT_LEADER', 'lead:write'), ('DEPARTMENT_LEADER', 'lead:handle'),
    ('DEPARTMENT_LEADER', 'case:read'), ('DEPARTMENT_LEADER', 'case:write'), ('DEPARTMENT_LEADER', 'blacklist:read'),
    ('DEPARTMENT_LEADER', 'blacklist:write'),
    ('DEPARTMENT_INSPECTOR', 'lead:read'), ('DEPARTMENT_INSPECTOR', 'lead:write'), ('DEPARTMENT_INSPECTOR', 'lead:handle'),
    ('DEPARTMENT_INSPECTOR', 'case:read'), ('DEPARTMENT_INSPECTOR', 'case:write'), ('DEPARTMENT_INSPECTOR', 'blacklist:read'),
    ('LIAISON', 'lead:read'), ('LIAISON', 'lead:handle'), ('LIAISON', 'case:read'), ('LIAISON', 'blacklist:read');
