-- 监管对象数据库: supervised entities (生产经营单位), their licences and their supervising departments.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE supervised_entity (
    id                          bigserial     PRIMARY KEY,
    region_id                   bigint        NOT NULL REFERENCES region (id),
    name                        varchar(200)  NOT NULL,
    uscc                        char(18)      NOT NULL,
    legal_representative        varchar(50),
    legal_representative_phone  varchar(30),
    actual_controller           varchar(50),
    actual_controller_phone     varchar(30),
    principal_name              varchar(50),
    principal_phone             varchar(30),
    safety_director_name        varchar(50),
    safety_director_phone       varchar(30),
    address                     varchar(300),
    latitude                    numeric(9, 6),
    longitude                   numeric(9, 6),
    staff_count                 int           NOT NULL DEFAULT 0 CHECK (staff_count >= 0),
    founded_on                  date,
    status                      varchar(16)   NOT NULL DEFAULT 'OPERATING',
    social_function             varchar(64)   NOT NULL,
    industry                    varchar(64)   NOT NULL,
    supervision_types           varchar(64)[] NOT NULL DEFAULT '{}',
    supervision_level           varchar(16)   NOT NULL,
    high_risk                   boolean       NOT NULL DEFAULT false,
    major_hazard_source         boolean       NOT NULL DEFAULT false,
    major_hazard_grade          varchar(16),
    crowded_place               boolean       NOT NULL DEFAULT false,
    insured                     boolean       NOT NULL DEFAULT false,
    insurance_policy_no         varchar(64),
    insurance_valid_to          date,
    dual_prevention_override    boolean,
    safety_director_required    boolean       NOT NULL DEFAULT false,
    dual_prevention_mandatory   boolean       NOT NULL DEFAULT false,
    source_system               varchar(32),
    source_id                   varchar(64),
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    version                     int           NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX supervised_entity_uscc_idx ON supervised_entity (uscc);
CREATE UNIQUE INDEX supervised_entity_source_idx ON supervised_entity (source_system, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX supervised_entity_region_idx ON supervised_entity (region_id);
CREATE INDEX supervised_entity_industry_idx ON supervised_entity (industry, region_id);
CREATE INDEX supervised_entity_social_function_idx ON supervised_entity (social_function, region_id);
CREATE INDEX supervised_entity_name_trgm_idx ON supervised_entity USING gin (name gin_trgm_ops);
CREATE INDEX supervised_entity_supervision_types_idx ON supervised_entity USING gin (supervision_types);
COMMENT ON TABLE supervised_entity IS '监管对象（生产经营单位）';
COMMENT ON COLUMN supervised_entity.id IS '主键';
COMMENT ON COLUMN supervised_entity.region_id IS '属地（街道/镇或网格）';
COMMENT ON COLUMN supervised_entity.name IS '单位名称';
COMMENT ON COLUMN supervised_entity.uscc IS '统一社会信用代码（GB 32100-2015）';
COMMENT ON COLUMN supervised_entity.legal_representative IS '法定代表人（第一责任人）';
COMMENT ON COLUMN supervised_entity.legal_representative_phone IS '法定代表人电话';
COMMENT ON COLUMN supervised_entity.actual_controller IS '实际控制人（第一责任人）';
COMMENT ON COLUMN supervised_entity.actual_controller_phone IS '实际控制人电话';
COMMENT ON COLUMN supervised_entity.principal_name IS '主要负责人';
COMMENT ON COLUMN supervised_entity.principal_phone IS '主要负责人电话';
COMMENT ON COLUMN supervised_entity.safety_director_name IS '安全总监';
COMMENT ON COLUMN supervised_entity.safety_director_phone IS '安全总监电话';
COMMENT ON COLUMN supervised_entity.address IS '地址';
COMMENT ON COLUMN supervised_entity.latitude IS '纬度';
COMMENT ON COLUMN supervised_entity.longitude IS '经度';
COMMENT ON COLUMN supervised_entity.staff_count IS '从业人员数';
COMMENT ON COLUMN supervised_entity.founded_on IS '成立日期';
COMMENT ON COLUMN supervised_entity.status IS '经营状态（字典 entity_status）';
COMMENT ON COLUMN supervised_entity.social_function IS '社会功能（字典 social_function）';
COMMENT ON COLUMN supervised_entity.industry IS '行业类型（字典 industry）';
COMMENT ON COLUMN supervised_entity.supervision_types IS '监管类型（字典 supervision_type，可多选）';
COMMENT ON COLUMN supervised_entity.supervision_level IS '监管层级（字典 supervision_level）';
COMMENT ON COLUMN supervised_entity.high_risk IS '高危行业';
COMMENT ON COLUMN supervised_entity.major_hazard_source IS '重大危险源';
COMMENT ON COLUMN supervised_entity.major_hazard_grade IS '重大危险源等级（字典 major_hazard_grade）';
COMMENT ON COLUMN supervised_entity.crowded_place IS '人员密集场所';
COMMENT ON COLUMN supervised_entity.insured IS '已投保安全生产责任保险（安责险）';
COMMENT ON COLUMN supervised_entity.insurance_policy_no IS '安责险保单号';
COMMENT ON COLUMN supervised_entity.insurance_valid_to IS '安责险有效期至';
COMMENT ON COLUMN supervised_entity.dual_prevention_override IS '双重预防是否强制（人工认定，空则按规则推定）';
COMMENT ON COLUMN supervised_entity.safety_director_required IS '须配备安全总监（按规则推定：高危行业≥300人，其他≥1000人）';
COMMENT ON COLUMN supervised_entity.dual_prevention_mandatory IS '须建设双重预防机制（按规则推定或人工认定）';
COMMENT ON COLUMN supervised_entity.source_system IS '来源系统（数据合并用）';
COMMENT ON COLUMN supervised_entity.source_id IS '来源系统中的编号';
COMMENT ON COLUMN supervised_entity.created_at IS '创建时间';
COMMENT ON COLUMN supervised_entity.updated_at IS '最近修改时间';
COMMENT ON COLUMN supervised_entity.version IS '版本（乐观锁）';

CREATE TABLE entity_licence (
    id                bigserial    PRIMARY KEY,
    entity_id         bigint       NOT NULL REFERENCES supervised_entity (id),
    region_id         bigint       NOT NULL REFERENCES region (id),
    type              varchar(64)  NOT NULL,
    number            varchar(100) NOT NULL,
    issuer            varchar(200),
    valid_from        date,
    valid_to          date,
    scan_document_id  bigint,
    expiry_announced_for date,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX entity_licence_entity_idx ON entity_licence (entity_id);
CREATE INDEX entity_licence_valid_to_idx ON entity_licence (valid_to, region_id);
COMMENT ON TABLE entity_licence IS '证照';
COMMENT ON COLUMN entity_licence.id IS '主键';
COMMENT ON COLUMN entity_licence.entity_id IS '所属监管对象';
COMMENT ON COLUMN entity_licence.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN entity_licence.type IS '证照类型（字典 licence_type）';
COMMENT ON COLUMN entity_licence.number IS '证照编号';
COMMENT ON COLUMN entity_licence.issuer IS '发证机关';
COMMENT ON COLUMN entity_licence.valid_from IS '有效期起';
COMMENT ON COLUMN entity_licence.valid_to IS '有效期至';
COMMENT ON COLUMN entity_licence.scan_document_id IS '扫描件（文件）';
COMMENT ON COLUMN entity_licence.expiry_announced_for IS '已发布“证照过期”事件的有效期（避免重复发布）';
COMMENT ON COLUMN entity_licence.created_at IS '创建时间';
COMMENT ON COLUMN entity_licence.updated_at IS '最近修改时间';

-- Which department supervises which entity, per supervision type (the responsibility module adds offices and
-- named inspectors). A department's staff see the entities assigned to their department.
CREATE TABLE entity_assignment (
    id               bigserial   PRIMARY KEY,
    entity_id        bigint      NOT NULL REFERENCES supervised_entity (id),
    region_id        bigint      NOT NULL REFERENCES region (id),
    department_id    bigint      NOT NULL REFERENCES department (id),
    supervision_type varchar(64) NOT NULL,
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz
);
CREATE UNIQUE INDEX entity_assignment_current_idx ON entity_assignment (entity_id, department_id, supervision_type) WHERE ended_at IS NULL;
CREATE INDEX entity_assignment_department_idx ON entity_assignment (department_id, entity_id) WHERE ended_at IS NULL;
COMMENT ON TABLE entity_assignment IS '监管对象的监管部门分工（按监管类型）';
COMMENT ON COLUMN entity_assignment.id IS '主键';
COMMENT ON COLUMN entity_assignment.entity_id IS '监管对象';
COMMENT ON COLUMN entity_assignment.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN entity_assignment.department_id IS '监管部门';
COMMENT ON COLUMN entity_assignment.supervision_type IS '监管类型（字典 supervision_type）';
COMMENT ON COLUMN entity_assignment.started_at IS '分工起';
COMMENT ON COLUMN entity_assignment.ended_at IS '分工止（空为当前有效）';

ALTER TABLE app_user ADD CONSTRAINT app_user_entity_fk FOREIGN KEY (entity_id) REFERENCES supervised_entity (id);

INSERT INTO app_permission (code, name) VALUES ('entity:read', '查看监管对象'), ('entity:write', '维护监管对象'),
    ('entity:export', '导出监管对象');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'entity:read'), ('SYSTEM_ADMIN', 'entity:write'), ('SYSTEM_ADMIN', 'entity:export'),
    ('CITY_OFFICE', 'entity:read'), ('CITY_OFFICE', 'entity:write'), ('CITY_OFFICE', 'entity:export'),
    ('COMMAND_CENTER', 'entity:read'),
    ('DISTRICT_OFFICE', 'entity:read'), ('DISTRICT_OFFICE', 'entity:write'), ('DISTRICT_OFFICE', 'entity:export'),
    ('STREET_STAFF', 'entity:read'), ('STREET_STAFF', 'entity:write'),
    ('GRID_INSPECTOR', 'entity:read'),
    ('DEPARTMENT_LEADER', 'entity:read'), ('DEPARTMENT_LEADER', 'entity:write'), ('DEPARTMENT_LEADER', 'entity:export'),
    ('DEPARTMENT_INSPECTOR', 'entity:read'),
    ('LIAISON', 'entity:read'),
    ('BUSINESS_MANAGER', 'entity:read'), ('BUSINESS_MANAGER', 'entity:write');
