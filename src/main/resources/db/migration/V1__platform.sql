-- Platform facilities: HTTP sessions shared by all nodes, the scheduler's table, the simulated clock,
-- dictionaries and the append-only operation log.

-- Spring Session JDBC (schema of spring-session-jdbc, PostgreSQL flavour)
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL PRIMARY KEY,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
COMMENT ON TABLE spring_session IS '登录会话（多节点共享）';
COMMENT ON COLUMN spring_session.primary_id IS '主键';
COMMENT ON COLUMN spring_session.session_id IS '会话编号';
COMMENT ON COLUMN spring_session.creation_time IS '创建时间（毫秒）';
COMMENT ON COLUMN spring_session.last_access_time IS '最近访问时间（毫秒）';
COMMENT ON COLUMN spring_session.max_inactive_interval IS '最长空闲秒数';
COMMENT ON COLUMN spring_session.expiry_time IS '过期时间（毫秒）';
COMMENT ON COLUMN spring_session.principal_name IS '登录用户名';
COMMENT ON TABLE spring_session_attributes IS '登录会话属性';
COMMENT ON COLUMN spring_session_attributes.session_primary_id IS '会话主键';
COMMENT ON COLUMN spring_session_attributes.attribute_name IS '属性名';
COMMENT ON COLUMN spring_session_attributes.attribute_bytes IS '属性值（序列化）';

-- db-scheduler (schema of db-scheduler, PostgreSQL flavour)
CREATE TABLE scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
COMMENT ON TABLE scheduled_tasks IS '定时任务（db-scheduler，多节点共享）';
COMMENT ON COLUMN scheduled_tasks.task_name IS '任务名';
COMMENT ON COLUMN scheduled_tasks.task_instance IS '任务实例';
COMMENT ON COLUMN scheduled_tasks.task_data IS '任务数据';
COMMENT ON COLUMN scheduled_tasks.execution_time IS '下次执行时间';
COMMENT ON COLUMN scheduled_tasks.picked IS '是否已被节点领取';
COMMENT ON COLUMN scheduled_tasks.picked_by IS '领取节点';
COMMENT ON COLUMN scheduled_tasks.last_success IS '最近成功时间';
COMMENT ON COLUMN scheduled_tasks.last_failure IS '最近失败时间';
COMMENT ON COLUMN scheduled_tasks.consecutive_failures IS '连续失败次数';
COMMENT ON COLUMN scheduled_tasks.last_heartbeat IS '最近心跳';
COMMENT ON COLUMN scheduled_tasks.version IS '乐观锁版本';
COMMENT ON COLUMN scheduled_tasks.priority IS '优先级';

CREATE TABLE simulated_clock (
    id             int         PRIMARY KEY CHECK (id = 1),
    offset_seconds bigint      NOT NULL,
    frozen_at      timestamptz
);
COMMENT ON TABLE simulated_clock IS '模拟时钟（仅演示模式，多节点共享）';
COMMENT ON COLUMN simulated_clock.id IS '固定为1';
COMMENT ON COLUMN simulated_clock.offset_seconds IS '相对真实时间的偏移秒数';
COMMENT ON COLUMN simulated_clock.frozen_at IS '冻结时刻（非空时时钟停止）';

CREATE TABLE dict_type (
    type       varchar(64)  PRIMARY KEY,
    name       varchar(100) NOT NULL,
    sort_order int          NOT NULL DEFAULT 0
);
COMMENT ON TABLE dict_type IS '字典类型';
COMMENT ON COLUMN dict_type.type IS '类型编码';
COMMENT ON COLUMN dict_type.name IS '类型名称';
COMMENT ON COLUMN dict_type.sort_order IS '排序';

CREATE TABLE dict_item (
    id         bigserial    PRIMARY KEY,
    type       varchar(64)  NOT NULL REFERENCES dict_type (type),
    code       varchar(64)  NOT NULL,
    label      varchar(200) NOT NULL,
    sort_order int          NOT NULL DEFAULT 0,
    enabled    boolean      NOT NULL DEFAULT true,
    UNIQUE (type, code)
);
COMMENT ON TABLE dict_item IS '字典项';
COMMENT ON COLUMN dict_item.id IS '主键';
COMMENT ON COLUMN dict_item.type IS '字典类型';
COMMENT ON COLUMN dict_item.code IS '编码（创建后不可改）';
COMMENT ON COLUMN dict_item.label IS '中文名称';
COMMENT ON COLUMN dict_item.sort_order IS '排序';
COMMENT ON COLUMN dict_item.enabled IS '是否启用';

CREATE TABLE operation_log (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor_id    bigint,
    actor_name  varchar(100) NOT NULL,
    actor_role  varchar(200),
    client_ip   varchar(64),
    region_id   bigint,
    action      varchar(64)  NOT NULL,
    target_type varchar(64)  NOT NULL,
    target_id   varchar(64),
    before      jsonb,
    after       jsonb,
    request_id  varchar(64)
);
CREATE INDEX operation_log_at_idx ON operation_log (at DESC);
CREATE INDEX operation_log_target_idx ON operation_log (target_type, target_id);
CREATE INDEX operation_log_actor_idx ON operation_log (actor_id, at DESC);
COMMENT ON TABLE operation_log IS '操作日志（只增不改）';
COMMENT ON COLUMN operation_log.id IS '主键';
COMMENT ON COLUMN operation_log.at IS '操作时间';
COMMENT ON COLUMN operation_log.actor_id IS '操作人用户ID';
COMMENT ON COLUMN operation_log.actor_name IS '操作人';
COMMENT ON COLUMN operation_log.actor_role IS '操作人角色';
COMMENT ON COLUMN operation_log.client_ip IS '客户端IP';
COMMENT ON COLUMN operation_log.region_id IS '操作人所属区划（数据权限）';
COMMENT ON COLUMN operation_log.action IS '操作类型';
COMMENT ON COLUMN operation_log.target_type IS '对象类型';
COMMENT ON COLUMN operation_log.target_id IS '对象ID';
COMMENT ON COLUMN operation_log.before IS '变更前';
COMMENT ON COLUMN operation_log.after IS '变更后';
COMMENT ON COLUMN operation_log.request_id IS '请求编号';

-- Append-only: the application can insert, never change or delete an entry.
CREATE FUNCTION operation_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'operation_log is append-only';
END $$;
CREATE TRIGGER operation_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON operation_log
    FOR EACH STATEMENT EXECUTE FUNCTION operation_log_is_append_only();
