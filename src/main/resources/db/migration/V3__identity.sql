-- Accounts, roles and permissions (as data), login attempts, API tokens.

CREATE TABLE app_permission (
    code varchar(64)  PRIMARY KEY,
    name varchar(100) NOT NULL
);
COMMENT ON TABLE app_permission IS '权限';
COMMENT ON COLUMN app_permission.code IS '权限编码';
COMMENT ON COLUMN app_permission.name IS '权限名称';

CREATE TABLE app_role (
    code        varchar(64)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    description varchar(500),
    sort_order  int          NOT NULL DEFAULT 0
);
COMMENT ON TABLE app_role IS '角色';
COMMENT ON COLUMN app_role.code IS '角色编码';
COMMENT ON COLUMN app_role.name IS '角色名称';
COMMENT ON COLUMN app_role.description IS '说明';
COMMENT ON COLUMN app_role.sort_order IS '排序';

CREATE TABLE role_permission (
    role_code       varchar(64) NOT NULL REFERENCES app_role (code),
    permission_code varchar(64) NOT NULL REFERENCES app_permission (code),
    PRIMARY KEY (role_code, permission_code)
);
COMMENT ON TABLE role_permission IS '角色权限';
COMMENT ON COLUMN role_permission.role_code IS '角色';
COMMENT ON COLUMN role_permission.permission_code IS '权限';

CREATE TABLE app_user (
    id                   bigserial    PRIMARY KEY,
    username             varchar(64)  NOT NULL,
    password_hash        varchar(200) NOT NULL,
    display_name         varchar(50)  NOT NULL,
    phone                varchar(30),
    region_id            bigint       NOT NULL REFERENCES region (id),
    department_id        bigint       REFERENCES department (id),
    office_id            bigint       REFERENCES department_office (id),
    entity_id            bigint,
    enabled              boolean      NOT NULL DEFAULT true,
    must_change_password boolean      NOT NULL DEFAULT true,
    failed_attempts      int          NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    last_login_at        timestamptz,
    password_changed_at  timestamptz,
    created_at           timestamptz  NOT NULL
);
CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username));
CREATE INDEX app_user_region_idx ON app_user (region_id);
CREATE INDEX app_user_department_idx ON app_user (department_id);
COMMENT ON TABLE app_user IS '用户账号';
COMMENT ON COLUMN app_user.id IS '主键';
COMMENT ON COLUMN app_user.username IS '登录名（不区分大小写唯一）';
COMMENT ON COLUMN app_user.password_hash IS '密码哈希（bcrypt）';
COMMENT ON COLUMN app_user.display_name IS '姓名';
COMMENT ON COLUMN app_user.phone IS '电话';
COMMENT ON COLUMN app_user.region_id IS '所属区划（数据权限范围的根）';
COMMENT ON COLUMN app_user.department_id IS '所属部门（部门用户）';
COMMENT ON COLUMN app_user.office_id IS '所属处（科）室';
COMMENT ON COLUMN app_user.entity_id IS '所属生产经营单位（企业用户）';
COMMENT ON COLUMN app_user.enabled IS '是否启用';
COMMENT ON COLUMN app_user.must_change_password IS '下次登录须修改密码';
COMMENT ON COLUMN app_user.failed_attempts IS '连续登录失败次数';
COMMENT ON COLUMN app_user.locked_until IS '锁定至';
COMMENT ON COLUMN app_user.last_login_at IS '最近登录时间';
COMMENT ON COLUMN app_user.password_changed_at IS '最近修改密码时间';
COMMENT ON COLUMN app_user.created_at IS '创建时间';

CREATE TABLE user_role (
    user_id   bigint      NOT NULL REFERENCES app_user (id),
    role_code varchar(64) NOT NULL REFERENCES app_role (code),
    region_id bigint      NOT NULL REFERENCES region (id),
    PRIMARY KEY (user_id, role_code)
);
COMMENT ON TABLE user_role IS '用户角色';
COMMENT ON COLUMN user_role.user_id IS '用户';
COMMENT ON COLUMN user_role.role_code IS '角色';
COMMENT ON COLUMN user_role.region_id IS '所属区划（同用户）';

CREATE TABLE login_attempt (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL,
    username  varchar(64),
    client_ip varchar(64) NOT NULL,
    success   boolean     NOT NULL
);
CREATE INDEX login_attempt_ip_idx ON login_attempt (client_ip, at DESC);
COMMENT ON TABLE login_attempt IS '登录尝试（用于按IP限流与审计）';
COMMENT ON COLUMN login_attempt.id IS '主键';
COMMENT ON COLUMN login_attempt.at IS '时间';
COMMENT ON COLUMN login_attempt.username IS '登录名';
COMMENT ON COLUMN login_attempt.client_ip IS '客户端IP';
COMMENT ON COLUMN login_attempt.success IS '是否成功';

CREATE TABLE api_token (
    id           bigserial    PRIMARY KEY,
    name         varchar(100) NOT NULL,
    user_id      bigint       NOT NULL REFERENCES app_user (id),
    region_id    bigint       NOT NULL REFERENCES region (id),
    token_hash   varchar(64)  NOT NULL UNIQUE,
    created_at   timestamptz  NOT NULL,
    created_by   bigint       NOT NULL REFERENCES app_user (id),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
COMMENT ON TABLE api_token IS '接口令牌（系统对接用，按所属用户的数据权限）';
COMMENT ON COLUMN api_token.id IS '主键';
COMMENT ON COLUMN api_token.name IS '用途名称';
COMMENT ON COLUMN api_token.user_id IS '以哪个用户的身份与权限访问';
COMMENT ON COLUMN api_token.region_id IS '所属区划（同用户）';
COMMENT ON COLUMN api_token.token_hash IS '令牌SHA-256哈希（明文只在创建时显示一次）';
COMMENT ON COLUMN api_token.created_at IS '创建时间';
COMMENT ON COLUMN api_token.created_by IS '创建人';
COMMENT ON COLUMN api_token.expires_at IS '过期时间';
COMMENT ON COLUMN api_token.revoked_at IS '吊销时间';
COMMENT ON COLUMN api_token.last_used_at IS '最近使用时间';

INSERT INTO app_permission (code, name) VALUES
    ('region:read', '查看行政区划'), ('region:write', '维护行政区划'),
    ('department:read', '查看部门机构'), ('department:write', '维护部门机构'),
    ('dict:read', '查看数据字典'), ('dict:write', '维护数据字典'),
    ('user:read', '查看用户'), ('user:write', '维护用户'),
    ('token:write', '管理接口令牌'),
    ('oplog:read', '查看操作日志'),
    ('clock:write', '调整模拟时钟（演示）');

INSERT INTO app_role (code, name, description, sort_order) VALUES
    ('SYSTEM_ADMIN', '系统管理员', '维护区划、部门、字典、账号与令牌', 1),
    ('CITY_OFFICE', '市安委办', '全市数据；市级督办、通报', 2),
    ('COMMAND_CENTER', '市应急指挥中心值班员', '全市大屏与预警值守', 3),
    ('DISTRICT_OFFICE', '区县安委办', '本区县数据；区级督办', 4),
    ('STREET_STAFF', '街道/镇工作人员', '本街道/镇的监管对象与检查', 5),
    ('GRID_INSPECTOR', '网格员', '本网格的监管对象与巡查', 6),
    ('DEPARTMENT_LEADER', '部门负责人', '本部门监管的对象、检查、隐患与任务', 7),
    ('DEPARTMENT_INSPECTOR', '部门监管人员', '本部门分配给本人的监管对象与检查', 8),
    ('LIAISON', '部门联络员', '接收并分转本部门的预警与督办', 9),
    ('BUSINESS_MANAGER', '企业安全管理人员', '本单位档案、双重预防与隐患整改', 10);

INSERT INTO role_permission (role_code, permission_code)
SELECT 'SYSTEM_ADMIN', code FROM app_permission;
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('CITY_OFFICE', 'region:read'), ('CITY_OFFICE', 'department:read'), ('CITY_OFFICE', 'dict:read'),
    ('CITY_OFFICE', 'user:read'), ('CITY_OFFICE', 'oplog:read'),
    ('COMMAND_CENTER', 'region:read'), ('COMMAND_CENTER', 'department:read'), ('COMMAND_CENTER', 'dict:read'),
    ('DISTRICT_OFFICE', 'region:read'), ('DISTRICT_OFFICE', 'region:write'), ('DISTRICT_OFFICE', 'department:read'),
    ('DISTRICT_OFFICE', 'department:write'), ('DISTRICT_OFFICE', 'dict:read'), ('DISTRICT_OFFICE', 'user:read'),
    ('DISTRICT_OFFICE', 'user:write'), ('DISTRICT_OFFICE', 'oplog:read'),
    ('STREET_STAFF', 'region:read'), ('STREET_STAFF', 'department:read'), ('STREET_STAFF', 'dict:read'),
    ('GRID_INSPECTOR', 'region:read'), ('GRID_INSPECTOR', 'dict:read'),
    ('DEPARTMENT_LEADER', 'region:read'), ('DEPARTMENT_LEADER', 'department:read'), ('DEPARTMENT_LEADER', 'dict:read'),
    ('DEPARTMENT_LEADER', 'user:read'),
    ('DEPARTMENT_INSPECTOR', 'region:read'), ('DEPARTMENT_INSPECTOR', 'department:read'), ('DEPARTMENT_INSPECTOR', 'dict:read'),
    ('LIAISON', 'region:read'), ('LIAISON', 'department:read'), ('LIAISON', 'dict:read'),
    ('BUSINESS_MANAGER', 'dict:read');
