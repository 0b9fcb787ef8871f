-- 监管责任数据库: who supervises each entity (department → office → named inspectors, per supervision type, with
-- history), the territorial owner (street and grid), and the city's task-division rules.

ALTER TABLE entity_assignment ADD COLUMN office_id bigint REFERENCES department_office (id);
ALTER TABLE entity_assignment ADD COLUMN end_reason varchar(200);
COMMENT ON COLUMN entity_assignment.office_id IS '监管处（科）室';
COMMENT ON COLUMN entity_assignment.end_reason IS '分工结束原因（调整、移交等）';
CREATE INDEX entity_assignment_entity_idx ON entity_assignment (entity_id, started_at);

CREATE TABLE entity_inspector (
    id            bigserial    PRIMARY KEY,
    assignment_id bigint       NOT NULL REFERENCES entity_assignment (id),
    entity_id     bigint       NOT NULL REFERENCES supervised_entity (id),
    region_id     bigint       NOT NULL REFERENCES region (id),
    user_id       bigint       NOT NULL REFERENCES app_user (id),
    started_at    timestamptz  NOT NULL,
    ended_at      timestamptz,
    end_reason    varchar(200)
);
CREATE UNIQUE INDEX entity_inspector_current_idx ON entity_inspector (assignment_id, user_id) WHERE ended_at IS NULL;
CREATE INDEX entity_inspector_user_idx ON entity_inspector (user_id) WHERE ended_at IS NULL;
CREATE INDEX entity_inspector_entity_idx ON entity_inspector (entity_id, started_at);
COMMENT ON TABLE entity_inspector IS '监管对象的具体监管人员（按分工，含历史）';
COMMENT ON COLUMN entity_inspector.id IS '主键';
COMMENT ON COLUMN entity_inspector.assignment_id IS '所属监管分工';
COMMENT ON COLUMN entity_inspector.entity_id IS '监管对象';
COMMENT ON COLUMN entity_inspector.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN entity_inspector.user_id IS '监管人员（用户）';
COMMENT ON COLUMN entity_inspector.started_at IS '起';
COMMENT ON COLUMN entity_inspector.ended_at IS '止（空为当前）';
COMMENT ON COLUMN entity_inspector.end_reason IS '结束原因';

ALTER TABLE department ADD COLUMN kind varchar(32);
COMMENT ON COLUMN department.kind IS '部门类别（字典 department_kind，用于任务分工规则匹配区县对口部门）';
INSERT INTO dict_type (type, name, sort_order) VALUES ('department_kind', '部门类别', 20);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('department_kind', 'EMERGENCY', '应急管理', 1), ('department_kind', 'HOUSING', '住房和城乡建设', 2),
    ('department_kind', 'TRANSPORT', '交通运输', 3), ('department_kind', 'MARKET', '市场监督管理', 4),
    ('department_kind', 'INDUSTRY', '工业和信息化', 5), ('department_kind', 'FIRE', '消防救援', 6),
    ('department_kind', 'POLICE', '公安', 7), ('department_kind', 'URBAN', '城市管理', 8),
    ('department_kind', 'CULTURE', '文化和旅游', 9), ('department_kind', 'EDUCATION', '教育', 10);
UPDATE department SET kind = CASE
    WHEN name LIKE '%应急管理局' THEN 'EMERGENCY' WHEN name LIKE '%住房和城乡建设局' THEN 'HOUSING'
    WHEN name LIKE '%交通运输局' THEN 'TRANSPORT' WHEN name LIKE '%市场监督管理局' THEN 'MARKET'
    WHEN name LIKE '%工业和信息化局' THEN 'INDUSTRY' WHEN name LIKE '%消防救援%' THEN 'FIRE'
    WHEN name LIKE '%公安局' THEN 'POLICE' WHEN name LIKE '%城市管理局' THEN 'URBAN'
    WHEN name LIKE '%文化和旅游局' THEN 'CULTURE' WHEN name LIKE '%教育局' THEN 'EDUCATION' END;

-- 安全生产工作任务分工: which kind of department supervises which industry, at which level.
CREATE TABLE division_rule (
    id               bigserial   PRIMARY KEY,
    industry         varchar(64) NOT NULL,
    level            varchar(16) NOT NULL CHECK (level IN ('CITY', 'DISTRICT')),
    department_kind  varchar(32) NOT NULL,
    supervision_type varchar(64) NOT NULL,
    UNIQUE (industry, level, department_kind, supervision_type)
);
COMMENT ON TABLE division_rule IS '安全生产工作任务分工规则（行业×层级→部门类别）';
COMMENT ON COLUMN division_rule.id IS '主键';
COMMENT ON COLUMN division_rule.industry IS '行业类型（字典 industry）';
COMMENT ON COLUMN division_rule.level IS '监管层级：CITY市级 DISTRICT区县级';
COMMENT ON COLUMN division_rule.department_kind IS '负责的部门类别（字典 department_kind）';
COMMENT ON COLUMN division_rule.supervision_type IS '监管类型（字典 supervision_type）';
INSERT INTO division_rule (industry, level, department_kind, supervision_type)
SELECT i.code, l.level, k.kind, 'INDUSTRY_SUPERVISION'
FROM dict_item i
CROSS JOIN (VALUES ('CITY'), ('DISTRICT')) l(level)
JOIN (VALUES ('IND001','EMERGENCY'),('IND002','EMERGENCY'),('IND003','EMERGENCY'),('IND004','EMERGENCY'),
             ('IND005','EMERGENCY'),('IND006','EMERGENCY'),('IND007','EMERGENCY'),('IND008','EMERGENCY'),
             ('IND009','EMERGENCY'),('IND010','EMERGENCY'),('IND011','EMERGENCY'),('IND012','EMERGENCY'),
             ('IND013','EMERGENCY'),('IND014','EMERGENCY'),('IND015','EMERGENCY'),('IND016','EMERGENCY'),
             ('IND017','HOUSING'),('IND018','HOUSING'),('IND019','HOUSING'),('IND020','HOUSING'),('IND021','HOUSING'),
             ('IND022','MARKET'),('IND023','MARKET'),('IND024','MARKET'),('IND025','TRANSPORT'),('IND026','TRANSPORT'),
             ('IND027','TRANSPORT'),('IND028','TRANSPORT'),('IND029','TRANSPORT'),('IND037','MARKET'),
             ('IND038','MARKET'),('IND040','CULTURE'),('IND042','CULTURE'),('IND043','EDUCATION')) k(code, kind)
  ON k.code = i.code
WHERE i.type = 'industry';

INSERT INTO app_permission (code, name) VALUES ('responsibility:read', '查看监管责任'), ('responsibility:write', '维护监管分工');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'responsibility:read'), ('SYSTEM_ADMIN', 'responsibility:write'),
    ('CITY_OFFICE', 'responsibility:read'), ('CITY_OFFICE', 'responsibility:write'),
    ('COMMAND_CENTER', 'responsibility:read'),
    ('DISTRICT_OFFICE', 'responsibility:read'), ('DISTRICT_OFFICE', 'responsibility:write'),
    ('STREET_STAFF', 'responsibility:read'), ('GRID_INSPECTOR', 'responsibility:read'),
    ('DEPARTMENT_LEADER', 'responsibility:read'), ('DEPARTMENT_LEADER', 'responsibility:write'),
    ('DEPARTMENT_INSPECTOR', 'responsibility:read'), ('LIAISON', 'responsibility:read');
