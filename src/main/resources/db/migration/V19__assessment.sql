-- 统计考评 (seed 000 §七–十, seed 001 §7, seed 003 (二十三)): accidents and targets, the yearly assessment scheme and
-- its results with the one-vote veto, quarterly bulletins, and formal interviews (约谈).

CREATE TABLE accident (
    id          bigserial     PRIMARY KEY,
    region_id   bigint        NOT NULL REFERENCES region (id),
    occurred_at timestamptz   NOT NULL,
    place       varchar(300)  NOT NULL,
    entity_id   bigint        REFERENCES supervised_entity (id),
    industry    varchar(64)   NOT NULL,
    level       varchar(20)   NOT NULL CHECK (level IN ('GENERAL', 'LARGER', 'MAJOR', 'ESPECIALLY_MAJOR')),
    deaths      int           NOT NULL DEFAULT 0 CHECK (deaths >= 0),
    injuries    int           NOT NULL DEFAULT 0 CHECK (injuries >= 0),
    direct_loss numeric(14, 2) NOT NULL DEFAULT 0 CHECK (direct_loss >= 0),
    summary     varchar(2000),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     int           NOT NULL DEFAULT 0
);
CREATE INDEX accident_region_idx ON accident (region_id, occurred_at);
COMMENT ON TABLE accident IS '生产安全事故';
COMMENT ON COLUMN accident.id IS '主键';
COMMENT ON COLUMN accident.region_id IS '事故发生地区划';
COMMENT ON COLUMN accident.occurred_at IS '发生时间';
COMMENT ON COLUMN accident.place IS '发生地点';
COMMENT ON COLUMN accident.entity_id IS '事故单位（可空）';
COMMENT ON COLUMN accident.industry IS '行业领域（字典 industry）';
COMMENT ON COLUMN accident.level IS '事故等级：一般/较大/重大/特别重大';
COMMENT ON COLUMN accident.deaths IS '死亡人数';
COMMENT ON COLUMN accident.injuries IS '受伤人数';
COMMENT ON COLUMN accident.direct_loss IS '直接经济损失（万元）';
COMMENT ON COLUMN accident.summary IS '事故简要经过';
COMMENT ON COLUMN accident.created_at IS '登记时间';
COMMENT ON COLUMN accident.updated_at IS '最后修改时间';
COMMENT ON COLUMN accident.version IS '乐观锁版本';

CREATE TABLE safety_target (
    id        bigserial     PRIMARY KEY,
    region_id bigint        NOT NULL REFERENCES region (id),
    year      int           NOT NULL,
    industry  varchar(64)   NOT NULL,
    metric    varchar(16)   NOT NULL CHECK (metric IN ('DEATHS', 'ACCIDENTS')),
    kind      varchar(16)   NOT NULL CHECK (kind IN ('AT_MOST', 'REDUCE_PCT')),
    value     numeric(10, 2) NOT NULL CHECK (value >= 0),
    note      varchar(500),
    UNIQUE (region_id, year, industry, metric)
);
COMMENT ON TABLE safety_target IS '安全生产控制目标（按年度、行业领域）';
COMMENT ON COLUMN safety_target.id IS '主键';
COMMENT ON COLUMN safety_target.region_id IS '目标所属区划';
COMMENT ON COLUMN safety_target.year IS '年度';
COMMENT ON COLUMN safety_target.industry IS '行业领域（字典 industry，ALL 表示全部行业）';
COMMENT ON COLUMN safety_target.metric IS '指标：死亡人数/事故起数';
COMMENT ON COLUMN safety_target.kind IS '目标类型：不超过N / 同比下降X%';
COMMENT ON COLUMN safety_target.value IS '目标值（人数、起数或百分比）';
COMMENT ON COLUMN safety_target.note IS '说明';

CREATE TABLE assessment_scheme (
    id                  bigserial    PRIMARY KEY,
    region_id           bigint       NOT NULL REFERENCES region (id),
    year                int          NOT NULL UNIQUE,
    name                varchar(200) NOT NULL,
    excellent_threshold numeric(6, 2) NOT NULL,
    pass_threshold      numeric(6, 2) NOT NULL,
    state               varchar(16)  NOT NULL CHECK (state IN ('DRAFT', 'SCORED', 'PUBLISHED')),
    scored_at           timestamptz,
    approved_by         bigint       REFERENCES app_user (id),
    published_at        timestamptz,
    created_at          timestamptz  NOT NULL,
    CHECK (excellent_threshold > pass_threshold)
);
COMMENT ON TABLE assessment_scheme IS '年度安全生产考评方案（年初制定：要素、权重、评分规则、等次线）';
COMMENT ON COLUMN assessment_scheme.id IS '主键';
COMMENT ON COLUMN assessment_scheme.region_id IS '制定方案的区划（市）';
COMMENT ON COLUMN assessment_scheme.year IS '考评年度';
COMMENT ON COLUMN assessment_scheme.name IS '方案名称';
COMMENT ON COLUMN assessment_scheme.excellent_threshold IS '优秀分数线（≥）';
COMMENT ON COLUMN assessment_scheme.pass_threshold IS '合格分数线（≥）';
COMMENT ON COLUMN assessment_scheme.state IS '状态：草稿/已评分/已审定发布';
COMMENT ON COLUMN assessment_scheme.scored_at IS '最近评分时间';
COMMENT ON COLUMN assessment_scheme.approved_by IS '审定人（市安委办）';
COMMENT ON COLUMN assessment_scheme.published_at IS '发布时间（发布后结果不可更改）';
COMMENT ON COLUMN assessment_scheme.created_at IS '创建时间';

CREATE TABLE assessment_element (
    id         bigserial     PRIMARY KEY,
    scheme_id  bigint        NOT NULL REFERENCES assessment_scheme (id),
    region_id  bigint        NOT NULL REFERENCES region (id),
    code       varchar(32)   NOT NULL,
    name       varchar(200)  NOT NULL,
    weight     numeric(6, 2) NOT NULL CHECK (weight > 0),
    kind       varchar(16)   NOT NULL CHECK (kind IN ('AUTO', 'MANUAL')),
    statistic  varchar(64),
    low        numeric(12, 4),
    high       numeric(12, 4),
    sort_order int           NOT NULL DEFAULT 0,
    UNIQUE (scheme_id, code),
    CHECK (kind = 'MANUAL' OR (statistic IS NOT NULL AND low IS NOT NULL AND high IS NOT NULL AND low <> high))
);
COMMENT ON TABLE assessment_element IS '考评要素';
COMMENT ON COLUMN assessment_element.id IS '主键';
COMMENT ON COLUMN assessment_element.scheme_id IS '所属方案';
COMMENT ON COLUMN assessment_element.region_id IS '方案所属区划';
COMMENT ON COLUMN assessment_element.code IS '要素编码';
COMMENT ON COLUMN assessment_element.name IS '要素名称';
COMMENT ON COLUMN assessment_element.weight IS '权重（满分分值）';
COMMENT ON COLUMN assessment_element.kind IS '类型：AUTO 读取统计指标自动评分 / MANUAL 人工评分并附佐证';
COMMENT ON COLUMN assessment_element.statistic IS '读取的统计指标编码（AUTO）';
COMMENT ON COLUMN assessment_element.low IS '线性评分下限：指标值不高于此得0分（可高于上限，表示越低越好）';
COMMENT ON COLUMN assessment_element.high IS '线性评分上限：指标值达到此得满分';
COMMENT ON COLUMN assessment_element.sort_order IS '排序';

CREATE TABLE assessment_manual_score (
    element_id bigint        NOT NULL REFERENCES assessment_element (id),
    unit_type  varchar(16)   NOT NULL CHECK (unit_type IN ('DISTRICT', 'DEPARTMENT')),
    unit_id    bigint        NOT NULL,
    region_id  bigint        NOT NULL REFERENCES region (id),
    score      numeric(6, 2) NOT NULL CHECK (score >= 0),
    note       varchar(1000),
    evidence_name   varchar(255),
    evidence_sha256 char(64),
    evidence_type   varchar(100),
    evidence_size   bigint,
    updated_at timestamptz   NOT NULL,
    PRIMARY KEY (element_id, unit_type, unit_id)
);
COMMENT ON TABLE assessment_manual_score IS '人工评分要素的得分与佐证材料';
COMMENT ON COLUMN assessment_manual_score.element_id IS '考评要素';
COMMENT ON COLUMN assessment_manual_score.unit_type IS '被考评单位类型：区县/部门';
COMMENT ON COLUMN assessment_manual_score.unit_id IS '被考评单位（区划或部门主键）';
COMMENT ON COLUMN assessment_manual_score.region_id IS '被考评单位所在区划';
COMMENT ON COLUMN assessment_manual_score.score IS '得分（不超过权重）';
COMMENT ON COLUMN assessment_manual_score.note IS '评分说明';
COMMENT ON COLUMN assessment_manual_score.evidence_name IS '佐证材料文件名';
COMMENT ON COLUMN assessment_manual_score.evidence_sha256 IS '佐证材料内容摘要（文件存储键）';
COMMENT ON COLUMN assessment_manual_score.evidence_type IS '佐证材料类型';
COMMENT ON COLUMN assessment_manual_score.evidence_size IS '佐证材料大小（字节）';
COMMENT ON COLUMN assessment_manual_score.updated_at IS '最后修改时间';

CREATE TABLE assessment_result (
    id             bigserial     PRIMARY KEY,
    scheme_id      bigint        NOT NULL REFERENCES assessment_scheme (id),
    unit_type      varchar(16)   NOT NULL CHECK (unit_type IN ('DISTRICT', 'DEPARTMENT')),
    unit_id        bigint        NOT NULL,
    unit_name      varchar(100)  NOT NULL,
    region_id      bigint        NOT NULL REFERENCES region (id),
    total          numeric(7, 2) NOT NULL,
    score_grade    varchar(16)   NOT NULL CHECK (score_grade IN ('EXCELLENT', 'PASS', 'FAIL')),
    grade          varchar(16)   NOT NULL CHECK (grade IN ('EXCELLENT', 'PASS', 'FAIL')),
    vetoed         boolean       NOT NULL,
    veto_reason    varchar(2000),
    elements       jsonb         NOT NULL,
    UNIQUE (scheme_id, unit_type, unit_id)
);
COMMENT ON TABLE assessment_result IS '考评结果（每单位每年一条，发布后不可更改）';
COMMENT ON COLUMN assessment_result.id IS '主键';
COMMENT ON COLUMN assessment_result.scheme_id IS '考评方案';
COMMENT ON COLUMN assessment_result.unit_type IS '被考评单位类型：区县/部门';
COMMENT ON COLUMN assessment_result.unit_id IS '被考评单位（区划或部门主键）';
COMMENT ON COLUMN assessment_result.unit_name IS '被考评单位名称';
COMMENT ON COLUMN assessment_result.region_id IS '被考评单位所在区划（数据权限）';
COMMENT ON COLUMN assessment_result.total IS '总分';
COMMENT ON COLUMN assessment_result.score_grade IS '按分数线得出的等次';
COMMENT ON COLUMN assessment_result.grade IS '最终等次（一票否决后为不合格）';
COMMENT ON COLUMN assessment_result.vetoed IS '是否一票否决';
COMMENT ON COLUMN assessment_result.veto_reason IS '一票否决理由（列明事故）';
COMMENT ON COLUMN assessment_result.elements IS '各要素得分明细（指标值、得分）';

CREATE TABLE bulletin (
    id           bigserial    PRIMARY KEY,
    region_id    bigint       NOT NULL REFERENCES region (id),
    year         int          NOT NULL,
    quarter      int          NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    state        varchar(16)  NOT NULL CHECK (state IN ('DRAFT', 'ISSUED')),
    title        varchar(200) NOT NULL,
    sections     jsonb        NOT NULL,
    issuer       varchar(100) NOT NULL,
    number       int,
    doc_number   varchar(50),
    issued_on    date,
    issued_by    bigint       REFERENCES app_user (id),
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      int          NOT NULL DEFAULT 0,
    UNIQUE (region_id, year, number)
);
COMMENT ON TABLE bulletin IS '安全生产季度通报';
COMMENT ON COLUMN bulletin.id IS '主键';
COMMENT ON COLUMN bulletin.region_id IS '发文区划（市）';
COMMENT ON COLUMN bulletin.year IS '通报年度';
COMMENT ON COLUMN bulletin.quarter IS '通报季度';
COMMENT ON COLUMN bulletin.state IS '状态：草稿/已印发（印发后不可修改，存档）';
COMMENT ON COLUMN bulletin.title IS '标题';
COMMENT ON COLUMN bulletin.sections IS '正文各部分（标题与文字）';
COMMENT ON COLUMN bulletin.issuer IS '发文机关';
COMMENT ON COLUMN bulletin.number IS '年度顺序号';
COMMENT ON COLUMN bulletin.doc_number IS '文号（如 济安办通〔2026〕3号）';
COMMENT ON COLUMN bulletin.issued_on IS '印发日期';
COMMENT ON COLUMN bulletin.issued_by IS '印发人';
COMMENT ON COLUMN bulletin.created_at IS '起草时间';
COMMENT ON COLUMN bulletin.updated_at IS '最后修改时间';
COMMENT ON COLUMN bulletin.version IS '乐观锁版本';

CREATE TABLE interview (
    id            bigserial     PRIMARY KEY,
    region_id     bigint        NOT NULL REFERENCES region (id),
    target_unit   varchar(200)  NOT NULL,
    target_leaders varchar(500) NOT NULL,
    reason        varchar(2000) NOT NULL,
    links         jsonb         NOT NULL DEFAULT '[]',
    state         varchar(16)   NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'NOTIFIED', 'HELD', 'FOLLOWING_UP', 'ARCHIVED')),
    scheduled_at  timestamptz,
    place         varchar(300),
    notice        varchar(4000),
    materials     varchar(4000),
    minutes       varchar(8000),
    created_by    bigint        REFERENCES app_user (id),
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       int           NOT NULL DEFAULT 0
);
CREATE INDEX interview_region_idx ON interview (region_id, created_at DESC);
COMMENT ON TABLE interview IS '安全生产约谈';
COMMENT ON COLUMN interview.id IS '主键';
COMMENT ON COLUMN interview.region_id IS '约谈组织方所在区划（数据权限）';
COMMENT ON COLUMN interview.target_unit IS '被约谈单位';
COMMENT ON COLUMN interview.target_leaders IS '被约谈负责人';
COMMENT ON COLUMN interview.reason IS '约谈原因';
COMMENT ON COLUMN interview.links IS '关联的预警、事故、隐患（类型与主键）';
COMMENT ON COLUMN interview.state IS '状态：提出/批准/已通知/已约谈/整改跟踪/归档';
COMMENT ON COLUMN interview.scheduled_at IS '约谈时间';
COMMENT ON COLUMN interview.place IS '约谈地点';
COMMENT ON COLUMN interview.notice IS '书面通知内容';
COMMENT ON COLUMN interview.materials IS '被约谈单位提交的汇报材料';
COMMENT ON COLUMN interview.minutes IS '约谈纪要';
COMMENT ON COLUMN interview.created_by IS '提出人';
COMMENT ON COLUMN interview.created_at IS '提出时间';
COMMENT ON COLUMN interview.updated_at IS '最后修改时间';
COMMENT ON COLUMN interview.version IS '乐观锁版本';

CREATE TABLE interview_follow_up (
    id           bigserial     PRIMARY KEY,
    interview_id bigint        NOT NULL REFERENCES interview (id),
    region_id    bigint        NOT NULL REFERENCES region (id),
    content      varchar(1000) NOT NULL,
    deadline     date          NOT NULL,
    done_at      timestamptz,
    result       varchar(1000)
);
CREATE INDEX interview_follow_up_interview_idx ON interview_follow_up (interview_id);
COMMENT ON TABLE interview_follow_up IS '约谈整改事项（限期落实）';
COMMENT ON COLUMN interview_follow_up.id IS '主键';
COMMENT ON COLUMN interview_follow_up.interview_id IS '所属约谈';
COMMENT ON COLUMN interview_follow_up.region_id IS '约谈组织方所在区划';
COMMENT ON COLUMN interview_follow_up.content IS '整改要求';
COMMENT ON COLUMN interview_follow_up.deadline IS '落实期限';
COMMENT ON COLUMN interview_follow_up.done_at IS '落实时间';
COMMENT ON COLUMN interview_follow_up.result IS '落实情况';

INSERT INTO app_permission (code, name) VALUES ('statistics:read', '查看统计分析'), ('assessment:read', '查看考评、通报与约谈'),
    ('assessment:write', '制定考评方案、评分、审定发布、印发通报'), ('accident:write', '登记生产安全事故与控制目标'),
    ('interview:write', '组织安全生产约谈');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'statistics:read'), ('SYSTEM_ADMIN', 'assessment:read'),
    ('CITY_OFFICE', 'statistics:read'), ('CITY_OFFICE', 'assessment:read'), ('CITY_OFFICE', 'assessment:write'),
    ('CITY_OFFICE', 'accident:write'), ('CITY_OFFICE', 'interview:write'),
    ('COMMAND_CENTER', 'statistics:read'), ('COMMAND_CENTER', 'assessment:read'),
    ('DISTRICT_OFFICE', 'statistics:read'), ('DISTRICT_OFFICE', 'assessment:read'), ('DISTRICT_OFFICE', 'accident:write'),
    ('DISTRICT_OFFICE', 'interview:write'),
    ('STREET_STAFF', 'statistics:read'),
    ('DEPARTMENT_LEADER', 'statistics:read'), ('DEPARTMENT_LEADER', 'assessment:read'),
    ('LIAISON', 'statistics:read');
