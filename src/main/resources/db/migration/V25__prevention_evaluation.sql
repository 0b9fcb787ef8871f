-- 量化评估 (seed 004 "双体系": hazardous-chemical enterprises scored on 100 points and graded into four colours):
-- city-wide scoring sheets per industry, versioned (a new version never changes an evaluation already made), and the
-- evaluations of businesses with their per-item scores. Plus the permissions to evaluate and to configure.

CREATE TABLE evaluation_sheet (
    id          bigserial     PRIMARY KEY,
    code        varchar(32)   NOT NULL,
    version     int           NOT NULL,
    name        varchar(100)  NOT NULL,
    industries  varchar(64)[] NOT NULL DEFAULT '{}',
    current     boolean       NOT NULL,
    created_at  timestamptz   NOT NULL,
    created_by  bigint        REFERENCES app_user (id),
    UNIQUE (code, version)
);
CREATE UNIQUE INDEX evaluation_sheet_current_idx ON evaluation_sheet (code) WHERE current;
COMMENT ON TABLE evaluation_sheet IS '量化评分表（按行业；全市通用的基础数据，由市级维护；每次修改生成新版本）';
COMMENT ON COLUMN evaluation_sheet.id IS '主键（即某一版本）';
COMMENT ON COLUMN evaluation_sheet.code IS '评分表编码（各版本相同）';
COMMENT ON COLUMN evaluation_sheet.version IS '版本号';
COMMENT ON COLUMN evaluation_sheet.name IS '评分表名称';
COMMENT ON COLUMN evaluation_sheet.industries IS '适用行业（字典 industry，空为通用）';
COMMENT ON COLUMN evaluation_sheet.current IS '是否为现行版本';
COMMENT ON COLUMN evaluation_sheet.created_at IS '本版本创建时间';
COMMENT ON COLUMN evaluation_sheet.created_by IS '本版本创建人';

CREATE TABLE evaluation_sheet_item (
    id          bigserial     PRIMARY KEY,
    sheet_id    bigint        NOT NULL REFERENCES evaluation_sheet (id),
    section_no  int           NOT NULL,
    section     varchar(100)  NOT NULL,
    item_no     int           NOT NULL,
    content     varchar(500)  NOT NULL,
    max_points  numeric(5, 1) NOT NULL CHECK (max_points > 0),
    guidance    varchar(1000)
);
CREATE INDEX evaluation_sheet_item_sheet_idx ON evaluation_sheet_item (sheet_id, section_no, item_no);
COMMENT ON TABLE evaluation_sheet_item IS '量化评分表评分项';
COMMENT ON COLUMN evaluation_sheet_item.id IS '主键';
COMMENT ON COLUMN evaluation_sheet_item.sheet_id IS '所属评分表版本';
COMMENT ON COLUMN evaluation_sheet_item.section_no IS '评分单元序号';
COMMENT ON COLUMN evaluation_sheet_item.section IS '评分单元（如“安全基础管理”）';
COMMENT ON COLUMN evaluation_sheet_item.item_no IS '单元内序号';
COMMENT ON COLUMN evaluation_sheet_item.content IS '评分内容';
COMMENT ON COLUMN evaluation_sheet_item.max_points IS '标准分值';
COMMENT ON COLUMN evaluation_sheet_item.guidance IS '评分标准（扣分说明）';

CREATE TABLE entity_evaluation (
    id              bigserial     PRIMARY KEY,
    entity_id       bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id       bigint        NOT NULL REFERENCES region (id),
    sheet_id        bigint        NOT NULL REFERENCES evaluation_sheet (id),
    evaluated_on    date          NOT NULL,
    evaluator_id    bigint        NOT NULL REFERENCES app_user (id),
    evaluator_name  varchar(100)  NOT NULL,
    total           numeric(5, 1) NOT NULL,
    grade           varchar(8)    NOT NULL CHECK (grade IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    note            varchar(1000),
    created_at      timestamptz   NOT NULL
);
CREATE INDEX entity_evaluation_entity_idx ON entity_evaluation (entity_id, evaluated_on DESC);
CREATE INDEX entity_evaluation_region_idx ON entity_evaluation (region_id);
COMMENT ON TABLE entity_evaluation IS '企业量化评估（百分制，按得分分红橙黄蓝四色）';
COMMENT ON COLUMN entity_evaluation.id IS '主键';
COMMENT ON COLUMN entity_evaluation.entity_id IS '被评估单位';
COMMENT ON COLUMN entity_evaluation.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN entity_evaluation.sheet_id IS '所用评分表版本（版本不再修改，即评分依据快照）';
COMMENT ON COLUMN entity_evaluation.evaluated_on IS '评估日期';
COMMENT ON COLUMN entity_evaluation.evaluator_id IS '评估人账号';
COMMENT ON COLUMN entity_evaluation.evaluator_name IS '评估人姓名';
COMMENT ON COLUMN entity_evaluation.total IS '总得分（各项得分之和，满分100）';
COMMENT ON COLUMN entity_evaluation.grade IS '等级：BLUE蓝 YELLOW黄 ORANGE橙 RED红（见 EvaluationGrading）';
COMMENT ON COLUMN entity_evaluation.note IS '评估意见';
COMMENT ON COLUMN entity_evaluation.created_at IS '录入时间';

CREATE TABLE entity_evaluation_score (
    id             bigserial     PRIMARY KEY,
    evaluation_id  bigint        NOT NULL REFERENCES entity_evaluation (id),
    entity_id      bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id      bigint        NOT NULL REFERENCES region (id),
    item_id        bigint        NOT NULL REFERENCES evaluation_sheet_item (id),
    score          numeric(5, 1) NOT NULL CHECK (score >= 0),
    remark         varchar(500),
    UNIQUE (evaluation_id, item_id)
);
COMMENT ON TABLE entity_evaluation_score IS '企业量化评估逐项得分';
COMMENT ON COLUMN entity_evaluation_score.id IS '主键';
COMMENT ON COLUMN entity_evaluation_score.evaluation_id IS '所属评估';
COMMENT ON COLUMN entity_evaluation_score.entity_id IS '被评估单位';
COMMENT ON COLUMN entity_evaluation_score.region_id IS '属地';
COMMENT ON COLUMN entity_evaluation_score.item_id IS '评分项';
COMMENT ON COLUMN entity_evaluation_score.score IS '得分（不超过该项标准分值）';
COMMENT ON COLUMN entity_evaluation_score.remark IS '扣分说明';

-- The two default sheets. 危险化学品: the producers, storers and licensed users seed 004 names (IND001 生产,
-- IND002 经营（带储存）, IND004 使用); 通用: every other industry.
INSERT INTO evaluation_sheet (code, version, name, industries, current, created_at) VALUES
    ('HAZCHEM', 1, '危险化学品企业安全生产量化评估表', ARRAY['IND001', 'IND002', 'IND004']::varchar(64)[], true, now()),
    ('GENERAL', 1, '生产经营单位安全生产量化评估表（通用）', '{}', true, now());

INSERT INTO evaluation_sheet_item (sheet_id, section_no, section, item_no, content, max_points, guidance)
SELECT s.id, v.section_no, v.section, v.item_no, v.content, v.max_points, v.guidance
FROM evaluation_sheet s JOIN (VALUES
    (1, '安全基础管理', 1, '安全生产责任制、全员安全生产责任清单建立并落实', 8.0, '未建立扣8分；未覆盖全员每缺一岗扣1分'),
    (1, '安全基础管理', 2, '主要负责人、安全管理人员考核合格，特种作业人员持证上岗', 6.0, '每发现一人无证扣2分'),
    (1, '安全基础管理', 3, '安全生产投入足额提取使用，依法投保安全生产责任保险', 6.0, '未足额提取扣3分；未投保扣3分'),
    (2, '双重预防机制', 1, '风险辨识全面，风险分级管控清单完整，重大危险源包保责任落实', 10.0, '辨识缺项每项扣1分；包保责任人未落实扣5分'),
    (2, '双重预防机制', 2, '隐患排查按计划开展，隐患闭环整改', 10.0, '排查未按时完成扣3分；隐患逾期未整改每项扣2分'),
    (3, '工艺与设备安全', 1, '涉及重点监管危险化工工艺的装置自动化控制系统、安全仪表系统投用', 12.0, '未投用每套扣4分'),
    (3, '工艺与设备安全', 2, '设备设施完好，压力容器、压力管道、安全阀等定期检验', 10.0, '每发现一项超期未检扣2分'),
    (3, '工艺与设备安全', 3, '可燃有毒气体检测报警装置设置并正常运行', 8.0, '缺失或失效每处扣2分'),
    (4, '作业安全', 1, '动火、受限空间等特殊作业票证审批规范，现场监护到位', 10.0, '每发现一张票证不规范扣2分'),
    (5, '储存与应急', 1, '危险化学品储存符合规范，储存量不超过设计量', 10.0, '超量或混存扣5分'),
    (5, '储存与应急', 2, '应急预案备案、定期演练，应急物资配备齐全', 10.0, '未备案扣4分；未演练扣3分；物资不全扣3分')
) AS v (section_no, section, item_no, content, max_points, guidance) ON s.code = 'HAZCHEM'
UNION ALL
SELECT s.id, v.section_no, v.section, v.item_no, v.content, v.max_points, v.guidance
FROM evaluation_sheet s JOIN (VALUES
    (1, '安全管理', 1, '安全生产责任制、规章制度和操作规程建立并落实', 15.0, '未建立扣15分；不完善每项扣2分'),
    (1, '安全管理', 2, '安全管理机构设置、安全管理人员配备及考核合格', 10.0, '未按规定配备扣10分'),
    (1, '安全管理', 3, '从业人员安全教育培训，特种作业人员持证上岗', 10.0, '每发现一人未培训或无证扣2分'),
    (2, '双重预防机制', 1, '风险辨识评估和分级管控', 15.0, '未开展扣15分；清单不全每项扣1分'),
    (2, '双重预防机制', 2, '隐患排查治理，隐患闭环整改', 15.0, '隐患逾期未整改每项扣3分'),
    (3, '现场管理', 1, '设备设施、作业场所和安全防护设施符合要求', 15.0, '每发现一处不符合扣2分'),
    (3, '现场管理', 2, '安全警示标志、劳动防护用品配备', 5.0, '缺失每处扣1分'),
    (4, '应急管理', 1, '应急预案、应急演练与应急物资', 15.0, '未编制预案扣8分；未演练扣4分；物资不全扣3分')
) AS v (section_no, section, item_no, content, max_points, guidance) ON s.code = 'GENERAL';

INSERT INTO app_permission (code, name) VALUES
    ('prevention:evaluate', '开展企业量化评估'), ('prevention:configure', '维护双重预防评分表与运行规则');
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'prevention:evaluate'), ('SYSTEM_ADMIN', 'prevention:configure'),
    ('CITY_OFFICE', 'prevention:evaluate'), ('CITY_OFFICE', 'prevention:configure'),
    ('DISTRICT_OFFICE', 'prevention:evaluate'), ('DEPARTMENT_LEADER', 'prevention:evaluate'),
    ('DEPARTMENT_INSPECTOR', 'prevention:evaluate');
