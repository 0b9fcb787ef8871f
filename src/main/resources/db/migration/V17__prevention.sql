-- 双重预防机制 (seed 003 §五): risk points, their hazard factors and assessments, control measures, check tasks and
-- the check instances the platform generates from them, and the daily running status the government watches.

CREATE TABLE risk_point (
    id                bigserial    PRIMARY KEY,
    entity_id         bigint       NOT NULL REFERENCES supervised_entity (id),
    region_id         bigint       NOT NULL REFERENCES region (id),
    name              varchar(200) NOT NULL,
    kind              varchar(16)  NOT NULL CHECK (kind IN ('UNIT', 'SITE', 'EQUIPMENT', 'OPERATION')),
    area              varchar(100),
    building          varchar(100),
    grade             varchar(8)   CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    control_level     varchar(16)  CHECK (control_level IN ('COMPANY', 'DEPARTMENT', 'TEAM', 'POST')),
    last_assessed_on  date,
    reassess_due_on   date,
    active            boolean      NOT NULL DEFAULT true,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX risk_point_entity_idx ON risk_point (entity_id) WHERE active;
CREATE INDEX risk_point_region_idx ON risk_point (region_id, grade) WHERE active;
COMMENT ON TABLE risk_point IS '风险点（单元、场所、设备设施或作业活动）';
COMMENT ON COLUMN risk_point.id IS '主键';
COMMENT ON COLUMN risk_point.entity_id IS '所属单位（监管对象）';
COMMENT ON COLUMN risk_point.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN risk_point.name IS '风险点名称';
COMMENT ON COLUMN risk_point.kind IS '类型：UNIT单元 SITE场所 EQUIPMENT设备设施 OPERATION作业活动';
COMMENT ON COLUMN risk_point.area IS '所在区域（厂区）';
COMMENT ON COLUMN risk_point.building IS '所在建筑/车间';
COMMENT ON COLUMN risk_point.grade IS '风险等级（取其危险源最高者）：RED重大 ORANGE较大 YELLOW一般 BLUE低';
COMMENT ON COLUMN risk_point.control_level IS '管控层级（随等级）：COMPANY公司 DEPARTMENT车间/部门 TEAM班组 POST岗位';
COMMENT ON COLUMN risk_point.last_assessed_on IS '最近评价日期';
COMMENT ON COLUMN risk_point.reassess_due_on IS '应重新评价日期（评价后一年，或发生变化时立即）';
COMMENT ON COLUMN risk_point.active IS '是否在用';
COMMENT ON COLUMN risk_point.created_at IS '创建时间';
COMMENT ON COLUMN risk_point.updated_at IS '最近修改时间';

CREATE TABLE risk_factor (
    id              bigserial     PRIMARY KEY,
    risk_point_id   bigint        NOT NULL REFERENCES risk_point (id),
    entity_id       bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id       bigint        NOT NULL REFERENCES region (id),
    description     varchar(500)  NOT NULL,
    accident_types  varchar(32)[] NOT NULL DEFAULT '{}',
    grade           varchar(8)    CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    residual_grade  varchar(8)    CHECK (residual_grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    created_at      timestamptz   NOT NULL
);
CREATE INDEX risk_factor_point_idx ON risk_factor (risk_point_id);
COMMENT ON TABLE risk_factor IS '危险源/危害因素（辨识结果）';
COMMENT ON COLUMN risk_factor.id IS '主键';
COMMENT ON COLUMN risk_factor.risk_point_id IS '所属风险点';
COMMENT ON COLUMN risk_factor.entity_id IS '所属单位';
COMMENT ON COLUMN risk_factor.region_id IS '属地';
COMMENT ON COLUMN risk_factor.description IS '危险源/危害因素描述';
COMMENT ON COLUMN risk_factor.accident_types IS '可能导致的事故类型（字典 accident_type，GB 6441）';
COMMENT ON COLUMN risk_factor.grade IS '固有风险等级（最近一次评价）';
COMMENT ON COLUMN risk_factor.residual_grade IS '采取措施后的剩余风险等级';
COMMENT ON COLUMN risk_factor.created_at IS '辨识时间';

CREATE TABLE risk_assessment (
    id              bigserial     PRIMARY KEY,
    risk_factor_id  bigint        NOT NULL REFERENCES risk_factor (id),
    entity_id       bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id       bigint        NOT NULL REFERENCES region (id),
    method          varchar(8)    NOT NULL CHECK (method IN ('LEC', 'LS')),
    residual        boolean       NOT NULL,
    likelihood      numeric(6, 2) NOT NULL,
    exposure        numeric(6, 2),
    consequence     numeric(6, 2),
    severity        numeric(6, 2),
    score           numeric(10, 2) NOT NULL,
    grade           varchar(8)    NOT NULL CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    assessed_by     bigint        REFERENCES app_user (id),
    assessed_at     timestamptz   NOT NULL
);
CREATE INDEX risk_assessment_factor_idx ON risk_assessment (risk_factor_id, assessed_at DESC);
COMMENT ON TABLE risk_assessment IS '风险评价记录（LEC作业条件危险性分析法或LS风险矩阵法）';
COMMENT ON COLUMN risk_assessment.id IS '主键';
COMMENT ON COLUMN risk_assessment.risk_factor_id IS '危险源/危害因素';
COMMENT ON COLUMN risk_assessment.entity_id IS '所属单位';
COMMENT ON COLUMN risk_assessment.region_id IS '属地';
COMMENT ON COLUMN risk_assessment.method IS '评价方法：LEC（D=L×E×C） LS（R=L×S）';
COMMENT ON COLUMN risk_assessment.residual IS '是否为采取措施后的剩余风险评价';
COMMENT ON COLUMN risk_assessment.likelihood IS 'L 事故发生的可能性';
COMMENT ON COLUMN risk_assessment.exposure IS 'E 暴露于危险环境的频繁程度（LEC）';
COMMENT ON COLUMN risk_assessment.consequence IS 'C 发生事故可能造成的后果（LEC）';
COMMENT ON COLUMN risk_assessment.severity IS 'S 后果严重程度（LS）';
COMMENT ON COLUMN risk_assessment.score IS '风险值 D 或 R';
COMMENT ON COLUMN risk_assessment.grade IS '风险等级：RED重大 ORANGE较大 YELLOW一般 BLUE低';
COMMENT ON COLUMN risk_assessment.assessed_by IS '评价人（用户）';
COMMENT ON COLUMN risk_assessment.assessed_at IS '评价时间';

CREATE TABLE control_measure (
    id                bigserial     PRIMARY KEY,
    risk_point_id     bigint        NOT NULL REFERENCES risk_point (id),
    risk_factor_id    bigint        REFERENCES risk_factor (id),
    entity_id         bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id         bigint        NOT NULL REFERENCES region (id),
    category          varchar(16)   NOT NULL CHECK (category IN ('ENGINEERING', 'MANAGEMENT', 'TRAINING', 'PPE', 'EMERGENCY')),
    content           varchar(1000) NOT NULL,
    control_level     varchar(16)   NOT NULL CHECK (control_level IN ('COMPANY', 'DEPARTMENT', 'TEAM', 'POST')),
    owner_name        varchar(50)   NOT NULL,
    principal_name    varchar(50),
    technical_name    varchar(50),
    operational_name  varchar(50),
    active            boolean       NOT NULL DEFAULT true,
    created_at        timestamptz   NOT NULL
);
CREATE INDEX control_measure_point_idx ON control_measure (risk_point_id);
COMMENT ON TABLE control_measure IS '管控措施';
COMMENT ON COLUMN control_measure.id IS '主键';
COMMENT ON COLUMN control_measure.risk_point_id IS '所属风险点';
COMMENT ON COLUMN control_measure.risk_factor_id IS '针对的危险源（空为整个风险点）';
COMMENT ON COLUMN control_measure.entity_id IS '所属单位';
COMMENT ON COLUMN control_measure.region_id IS '属地';
COMMENT ON COLUMN control_measure.category IS '类别：ENGINEERING工程技术 MANAGEMENT管理 TRAINING培训教育 PPE个体防护 EMERGENCY应急处置';
COMMENT ON COLUMN control_measure.content IS '措施内容';
COMMENT ON COLUMN control_measure.control_level IS '管控层级：COMPANY公司 DEPARTMENT车间/部门 TEAM班组 POST岗位';
COMMENT ON COLUMN control_measure.owner_name IS '管控责任人';
COMMENT ON COLUMN control_measure.principal_name IS '包保主要负责人（重大危险源）';
COMMENT ON COLUMN control_measure.technical_name IS '包保技术负责人（重大危险源）';
COMMENT ON COLUMN control_measure.operational_name IS '包保操作负责人（重大危险源）';
COMMENT ON COLUMN control_measure.active IS '是否在用';
COMMENT ON COLUMN control_measure.created_at IS '创建时间';

CREATE TABLE check_task (
    id               bigserial     PRIMARY KEY,
    measure_id       bigint        NOT NULL REFERENCES control_measure (id),
    risk_point_id    bigint        NOT NULL REFERENCES risk_point (id),
    entity_id        bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id        bigint        NOT NULL REFERENCES region (id),
    name             varchar(200)  NOT NULL,
    items            varchar(200)[] NOT NULL DEFAULT '{}',
    frequency        varchar(16)   NOT NULL CHECK (frequency IN ('SHIFT', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY')),
    shifts_per_day   int           NOT NULL DEFAULT 3 CHECK (shifts_per_day BETWEEN 1 AND 4),
    assignee_id      bigint        REFERENCES app_user (id),
    assignee_name    varchar(50)   NOT NULL,
    starts_on        date          NOT NULL,
    active           boolean       NOT NULL DEFAULT true,
    created_at       timestamptz   NOT NULL
);
CREATE INDEX check_task_entity_idx ON check_task (entity_id) WHERE active;
COMMENT ON TABLE check_task IS '隐患排查任务（由管控措施派生）';
COMMENT ON COLUMN check_task.id IS '主键';
COMMENT ON COLUMN check_task.measure_id IS '来源管控措施';
COMMENT ON COLUMN check_task.risk_point_id IS '风险点';
COMMENT ON COLUMN check_task.entity_id IS '所属单位';
COMMENT ON COLUMN check_task.region_id IS '属地';
COMMENT ON COLUMN check_task.name IS '任务名称';
COMMENT ON COLUMN check_task.items IS '排查项目';
COMMENT ON COLUMN check_task.frequency IS '排查频次：SHIFT每班 DAILY每日 WEEKLY每周 MONTHLY每月 QUARTERLY每季度';
COMMENT ON COLUMN check_task.shifts_per_day IS '每日班次数（每班排查时）';
COMMENT ON COLUMN check_task.assignee_id IS '排查人（用户，可空）';
COMMENT ON COLUMN check_task.assignee_name IS '排查人姓名';
COMMENT ON COLUMN check_task.starts_on IS '开始日期';
COMMENT ON COLUMN check_task.active IS '是否在用';
COMMENT ON COLUMN check_task.created_at IS '创建时间';

CREATE TABLE check_instance (
    id             bigserial     PRIMARY KEY,
    task_id        bigint        NOT NULL REFERENCES check_task (id),
    entity_id      bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id      bigint        NOT NULL REFERENCES region (id),
    period_start   date          NOT NULL,
    shift_no       int           NOT NULL DEFAULT 0,
    due_at         timestamptz   NOT NULL,
    done_at        timestamptz,
    done_by        bigint        REFERENCES app_user (id),
    done_by_name   varchar(100),
    result         varchar(16)   CHECK (result IN ('OK', 'HAZARD_FOUND')),
    item_results   jsonb,
    note           varchar(1000),
    hazard_id      bigint        REFERENCES hazard (id),
    photo_sha256   char(64),
    photo_name     varchar(255),
    photo_type     varchar(100),
    photo_size     bigint,
    UNIQUE (task_id, period_start, shift_no)
);
CREATE INDEX check_instance_due_idx ON check_instance (due_at, entity_id);
CREATE INDEX check_instance_entity_idx ON check_instance (entity_id, due_at);
COMMENT ON TABLE check_instance IS '排查任务的每一次应排查（平台按频次生成）';
COMMENT ON COLUMN check_instance.id IS '主键';
COMMENT ON COLUMN check_instance.task_id IS '排查任务';
COMMENT ON COLUMN check_instance.entity_id IS '所属单位';
COMMENT ON COLUMN check_instance.region_id IS '属地';
COMMENT ON COLUMN check_instance.period_start IS '周期起始日（班/日/周一/月初/季初）';
COMMENT ON COLUMN check_instance.shift_no IS '班次（每班排查时从1起，其他为0）';
COMMENT ON COLUMN check_instance.due_at IS '应完成时间（周期结束时刻）';
COMMENT ON COLUMN check_instance.done_at IS '完成时间';
COMMENT ON COLUMN check_instance.done_by IS '排查人（用户）';
COMMENT ON COLUMN check_instance.done_by_name IS '排查人姓名';
COMMENT ON COLUMN check_instance.result IS '结果：OK正常 HAZARD_FOUND发现隐患';
COMMENT ON COLUMN check_instance.item_results IS '各排查项目结果';
COMMENT ON COLUMN check_instance.note IS '说明';
COMMENT ON COLUMN check_instance.hazard_id IS '发现的隐患（进入隐患闭环）';
COMMENT ON COLUMN check_instance.photo_sha256 IS '现场照片（文件SHA-256）';
COMMENT ON COLUMN check_instance.photo_name IS '照片文件名';
COMMENT ON COLUMN check_instance.photo_type IS '照片类型';
COMMENT ON COLUMN check_instance.photo_size IS '照片大小（字节）';

CREATE TABLE prevention_rule (
    id                 int           PRIMARY KEY CHECK (id = 1),
    on_time_share      numeric(4, 3) NOT NULL CHECK (on_time_share > 0 AND on_time_share <= 1),
    consecutive_days   int           NOT NULL CHECK (consecutive_days >= 1),
    updated_at         timestamptz   NOT NULL DEFAULT now()
);
COMMENT ON TABLE prevention_rule IS '双重预防“正常运行”判定参数（seed 003 §六(十九)）';
COMMENT ON COLUMN prevention_rule.id IS '主键（仅一行）';
COMMENT ON COLUMN prevention_rule.on_time_share IS '当日按时完成排查的比例不低于此值为正常运行日';
COMMENT ON COLUMN prevention_rule.consecutive_days IS '连续多少个非正常运行日触发预警';
COMMENT ON COLUMN prevention_rule.updated_at IS '修改时间';
INSERT INTO prevention_rule (id, on_time_share, consecutive_days) VALUES (1, 0.900, 7);

CREATE TABLE prevention_daily_status (
    entity_id           bigint      NOT NULL REFERENCES supervised_entity (id),
    day                 date        NOT NULL,
    region_id           bigint      NOT NULL REFERENCES region (id),
    due_count           int         NOT NULL,
    on_time_count       int         NOT NULL,
    missed_count        int         NOT NULL,
    unassessed_points   int         NOT NULL,
    running             boolean     NOT NULL,
    computed_at         timestamptz NOT NULL,
    PRIMARY KEY (entity_id, day)
);
CREATE INDEX prevention_daily_status_day_idx ON prevention_daily_status (day, region_id);
COMMENT ON TABLE prevention_daily_status IS '双重预防每日运行状态（每日计算）';
COMMENT ON COLUMN prevention_daily_status.entity_id IS '单位';
COMMENT ON COLUMN prevention_daily_status.day IS '日期（Asia/Shanghai）';
COMMENT ON COLUMN prevention_daily_status.region_id IS '属地';
COMMENT ON COLUMN prevention_daily_status.due_count IS '当日应完成的排查数';
COMMENT ON COLUMN prevention_daily_status.on_time_count IS '其中按时完成数';
COMMENT ON COLUMN prevention_daily_status.missed_count IS '逾期未完成数';
COMMENT ON COLUMN prevention_daily_status.unassessed_points IS '逾期未重新评价的风险点数';
COMMENT ON COLUMN prevention_daily_status.running IS '当日是否正常运行';
COMMENT ON COLUMN prevention_daily_status.computed_at IS '计算时间';

CREATE TABLE prevention_stoppage (
    id            bigserial   PRIMARY KEY,
    entity_id     bigint      NOT NULL REFERENCES supervised_entity (id),
    region_id     bigint      NOT NULL REFERENCES region (id),
    since         date        NOT NULL,
    triggered_at  timestamptz NOT NULL,
    resumed_on    date
);
CREATE UNIQUE INDEX prevention_stoppage_open_idx ON prevention_stoppage (entity_id) WHERE resumed_on IS NULL;
COMMENT ON TABLE prevention_stoppage IS '双重预防连续未正常运行（达到天数后记录，恢复后关闭）';
COMMENT ON COLUMN prevention_stoppage.id IS '主键';
COMMENT ON COLUMN prevention_stoppage.entity_id IS '单位';
COMMENT ON COLUMN prevention_stoppage.region_id IS '属地';
COMMENT ON COLUMN prevention_stoppage.since IS '首个未正常运行日';
COMMENT ON COLUMN prevention_stoppage.triggered_at IS '触发预警时刻（连续第N个未正常运行日结束时）';
COMMENT ON COLUMN prevention_stoppage.resumed_on IS '恢复正常运行日';

ALTER TABLE hazard ADD COLUMN source varchar(16) NOT NULL DEFAULT 'GOVERNMENT' CHECK (source IN ('GOVERNMENT', 'SELF_CHECK'));
COMMENT ON COLUMN hazard.source IS '来源：GOVERNMENT政府检查发现 SELF_CHECK企业自查（双重预防排查）';

-- GB 6441-1986 企业职工伤亡事故分类: the 20 accident types
INSERT INTO dict_type (type, name, sort_order) VALUES ('accident_type', '事故类型（GB 6441）', 40);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('accident_type', 'STRUCK_BY_OBJECT', '物体打击', 1), ('accident_type', 'VEHICLE', '车辆伤害', 2),
    ('accident_type', 'MACHINERY', '机械伤害', 3), ('accident_type', 'LIFTING', '起重伤害', 4),
    ('accident_type', 'ELECTRIC_SHOCK', '触电', 5), ('accident_type', 'DROWNING', '淹溺', 6),
    ('accident_type', 'SCALD_BURN', '灼烫', 7), ('accident_type', 'FIRE', '火灾', 8),
    ('accident_type', 'FALL_FROM_HEIGHT', '高处坠落', 9), ('accident_type', 'COLLAPSE', '坍塌', 10),
    ('accident_type', 'ROOF_FALL', '冒顶片帮', 11), ('accident_type', 'FLOODING', '透水', 12),
    ('accident_type', 'BLASTING', '放炮', 13), ('accident_type', 'EXPLOSIVE', '火药爆炸', 14),
    ('accident_type', 'GAS_EXPLOSION', '瓦斯爆炸', 15), ('accident_type', 'BOILER_EXPLOSION', '锅炉爆炸', 16),
    ('accident_type', 'VESSEL_EXPLOSION', '容器爆炸', 17), ('accident_type', 'OTHER_EXPLOSION', '其他爆炸', 18),
    ('accident_type', 'POISONING_ASPHYXIA', '中毒和窒息', 19), ('accident_type', 'OTHER_INJURY', '其他伤害', 20);

-- LEC reference values (common practice, editable): code = the value, label = its meaning
INSERT INTO dict_type (type, name, sort_order) VALUES ('lec_likelihood', 'LEC 可能性 L', 41),
    ('lec_exposure', 'LEC 暴露频繁程度 E', 42), ('lec_consequence', 'LEC 后果 C', 43),
    ('ls_likelihood', 'LS 可能性 L', 44), ('ls_severity', 'LS 严重程度 S', 45);
INSERT INTO dict_item (type, code, label, sort_order) VALUES
    ('lec_likelihood', '10', '完全可以预料', 1), ('lec_likelihood', '6', '相当可能', 2),
    ('lec_likelihood', '3', '可能，但不经常', 3), ('lec_likelihood', '1', '可能性小，完全意外', 4),
    ('lec_likelihood', '0.5', '很不可能，可以设想', 5), ('lec_likelihood', '0.2', '极不可能', 6),
    ('lec_likelihood', '0.1', '实际不可能', 7),
    ('lec_exposure', '10', '连续暴露', 1), ('lec_exposure', '6', '每天工作时间内暴露', 2),
    ('lec_exposure', '3', '每周一次或偶然暴露', 3), ('lec_exposure', '2', '每月一次暴露', 4),
    ('lec_exposure', '1', '每年几次暴露', 5), ('lec_exposure', '0.5', '非常罕见地暴露', 6),
    ('lec_consequence', '100', '大灾难，许多人死亡', 1), ('lec_consequence', '40', '灾难，数人死亡', 2),
    ('lec_consequence', '15', '非常严重，一人死亡', 3), ('lec_consequence', '7', '严重，重伤', 4),
    ('lec_consequence', '3', '重大，致残', 5), ('lec_consequence', '1', '引人注目，需要救护', 6),
    ('ls_likelihood', '5', '在现场没有采取防范、监测、保护、控制措施，或危害的发生不能被发现', 1),
    ('ls_likelihood', '4', '危害的发生不容易被发现，或没有保护措施，或未严格执行操作规程', 2),
    ('ls_likelihood', '3', '没有保护措施或未严格执行操作规程，但危害一旦发生容易被发现', 3),
    ('ls_likelihood', '2', '危害一旦发生能及时发现，并定期进行监测', 4),
    ('ls_likelihood', '1', '有充分、有效的防范、控制、监测、保护措施', 5),
    ('ls_severity', '5', '死亡或重大财产损失', 1), ('ls_severity', '4', '永久丧失劳动能力', 2),
    ('ls_severity', '3', '短期丧失劳动能力', 3), ('ls_severity', '2', '轻伤', 4), ('ls_severity', '1', '无伤亡', 5);

INSERT INTO app_permission (code, name) VALUES ('prevention:read', '查看双重预防'), ('prevention:write', '维护本单位双重预防');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'prevention:read'), ('CITY_OFFICE', 'prevention:read'), ('COMMAND_CENTER', 'prevention:read'),
    ('DISTRICT_OFFICE', 'prevention:read'), ('STREET_STAFF', 'prevention:read'), ('GRID_INSPECTOR', 'prevention:read'),
    ('DEPARTMENT_LEADER', 'prevention:read'), ('DEPARTMENT_INSPECTOR', 'prevention:read'), ('LIAISON', 'prevention:read'),
    ('BUSINESS_MANAGER', 'prevention:read'), ('BUSINESS_MANAGER', 'prevention:write');
