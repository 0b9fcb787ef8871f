-- 检查: checklist templates per industry, inspection records (with filled checklists, photos and the hazards they
-- raised), annual/monthly inspection plans, recorded conflicts of interest and 双随机一公开 draws.

CREATE TABLE checklist_template (
    id          bigserial     PRIMARY KEY,
    name        varchar(100)  NOT NULL,
    industries  varchar(64)[] NOT NULL DEFAULT '{}',
    description varchar(500),
    enabled     boolean       NOT NULL DEFAULT true,
    updated_at  timestamptz   NOT NULL
);
CREATE INDEX checklist_template_industries_idx ON checklist_template USING gin (industries);
COMMENT ON TABLE checklist_template IS '检查表模板（按行业；全市通用的基础数据，同字典，由市级维护）';
COMMENT ON COLUMN checklist_template.id IS '主键';
COMMENT ON COLUMN checklist_template.name IS '模板名称';
COMMENT ON COLUMN checklist_template.industries IS '适用行业（字典 industry，空为通用）';
COMMENT ON COLUMN checklist_template.description IS '说明';
COMMENT ON COLUMN checklist_template.enabled IS '是否启用';
COMMENT ON COLUMN checklist_template.updated_at IS '最近修改时间';

CREATE TABLE checklist_template_item (
    id          bigserial     PRIMARY KEY,
    template_id bigint        NOT NULL REFERENCES checklist_template (id) ON DELETE CASCADE,
    sort_order  int           NOT NULL DEFAULT 0,
    content     varchar(500)  NOT NULL,
    legal_basis varchar(500)
);
CREATE INDEX checklist_template_item_template_idx ON checklist_template_item (template_id, sort_order);
COMMENT ON TABLE checklist_template_item IS '检查表模板检查项';
COMMENT ON COLUMN checklist_template_item.id IS '主键';
COMMENT ON COLUMN checklist_template_item.template_id IS '所属模板';
COMMENT ON COLUMN checklist_template_item.sort_order IS '排序';
COMMENT ON COLUMN checklist_template_item.content IS '检查内容';
COMMENT ON COLUMN checklist_template_item.legal_basis IS '检查依据（法律法规、标准条款）';

CREATE TABLE inspection_plan (
    id            bigserial    PRIMARY KEY,
    region_id     bigint       NOT NULL REFERENCES region (id),
    department_id bigint       REFERENCES department (id),
    name          varchar(200) NOT NULL,
    year          int          NOT NULL,
    month         int          CHECK (month BETWEEN 1 AND 12),
    industry      varchar(64),
    created_by    bigint       REFERENCES app_user (id),
    created_at    timestamptz  NOT NULL
);
CREATE INDEX inspection_plan_region_idx ON inspection_plan (region_id, year);
CREATE INDEX inspection_plan_department_idx ON inspection_plan (department_id, year);
COMMENT ON TABLE inspection_plan IS '检查计划（年度或月度，按部门或属地）';
COMMENT ON COLUMN inspection_plan.id IS '主键';
COMMENT ON COLUMN inspection_plan.region_id IS '制定计划的区划（部门计划为部门所在区划）';
COMMENT ON COLUMN inspection_plan.department_id IS '制定计划的部门（空为属地计划）';
COMMENT ON COLUMN inspection_plan.name IS '计划名称';
COMMENT ON COLUMN inspection_plan.year IS '年度';
COMMENT ON COLUMN inspection_plan.month IS '月份（空为年度计划）';
COMMENT ON COLUMN inspection_plan.industry IS '生成时按行业筛选（字典 industry，空为全部）';
COMMENT ON COLUMN inspection_plan.created_by IS '制定人';
COMMENT ON COLUMN inspection_plan.created_at IS '制定时间';

CREATE TABLE inspection_plan_entity (
    id               bigserial PRIMARY KEY,
    plan_id          bigint    NOT NULL REFERENCES inspection_plan (id),
    entity_id        bigint    NOT NULL REFERENCES supervised_entity (id),
    region_id        bigint    NOT NULL REFERENCES region (id),
    times_per_period int       NOT NULL DEFAULT 1 CHECK (times_per_period >= 1),
    inspector_ids    bigint[]  NOT NULL DEFAULT '{}',
    UNIQUE (plan_id, entity_id)
);
CREATE INDEX inspection_plan_entity_entity_idx ON inspection_plan_entity (entity_id);
COMMENT ON TABLE inspection_plan_entity IS '检查计划中的检查对象';
COMMENT ON COLUMN inspection_plan_entity.id IS '主键';
COMMENT ON COLUMN inspection_plan_entity.plan_id IS '所属计划';
COMMENT ON COLUMN inspection_plan_entity.entity_id IS '检查对象（监管对象）';
COMMENT ON COLUMN inspection_plan_entity.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN inspection_plan_entity.times_per_period IS '计划期内检查次数';
COMMENT ON COLUMN inspection_plan_entity.inspector_ids IS '安排的检查人员（用户）';

CREATE TABLE inspection (
    id                  bigserial     PRIMARY KEY,
    entity_id           bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id           bigint        NOT NULL REFERENCES region (id),
    department_id       bigint        REFERENCES department (id),
    type                varchar(32)   NOT NULL,
    inspected_on        date          NOT NULL,
    template_id         bigint        REFERENCES checklist_template (id),
    template_name       varchar(100),
    plan_id             bigint        REFERENCES inspection_plan (id),
    findings            varchar(4000),
    representative_name varchar(50),
    result              varchar(32)   CHECK (result IN ('PASSED', 'RECTIFICATION_ORDERED', 'CASE_FILED')),
    created_by          bigint        REFERENCES app_user (id),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
-- counts per period (the 量 of performance) by territory and by department stay index-only
CREATE INDEX inspection_region_date_idx ON inspection (region_id, inspected_on);
CREATE INDEX inspection_department_date_idx ON inspection (department_id, inspected_on);
CREATE INDEX inspection_entity_date_idx ON inspection (entity_id, inspected_on DESC, id DESC);
COMMENT ON TABLE inspection IS '检查记录';
COMMENT ON COLUMN inspection.id IS '主键';
COMMENT ON COLUMN inspection.entity_id IS '被检查单位（监管对象）';
COMMENT ON COLUMN inspection.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN inspection.department_id IS '检查部门（空为属地政府/街道检查）';
COMMENT ON COLUMN inspection.type IS '检查类型（字典 inspection_type：执法检查、监督检查、日常检查、专项检查、督查、复查）';
COMMENT ON COLUMN inspection.inspected_on IS '检查日期';
COMMENT ON COLUMN inspection.template_id IS '使用的检查表模板';
COMMENT ON COLUMN inspection.template_name IS '检查表名称（检查时的快照）';
COMMENT ON COLUMN inspection.plan_id IS '所属检查计划';
COMMENT ON COLUMN inspection.findings IS '检查发现的问题';
COMMENT ON COLUMN inspection.representative_name IS '被检查单位现场负责人签名（姓名）';
COMMENT ON COLUMN inspection.result IS '检查结果：PASSED合格 RECTIFICATION_ORDERED责令整改 CASE_FILED立案';
COMMENT ON COLUMN inspection.created_by IS '录入人';
COMMENT ON COLUMN inspection.created_at IS '录入时间';
COMMENT ON COLUMN inspection.updated_at IS '最近修改时间';

CREATE TABLE inspection_inspector (
    inspection_id bigint NOT NULL REFERENCES inspection (id),
    user_id       bigint NOT NULL REFERENCES app_user (id),
    region_id     bigint NOT NULL REFERENCES region (id),
    PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX inspection_inspector_user_idx ON inspection_inspector (user_id);
COMMENT ON TABLE inspection_inspector IS '检查人员';
COMMENT ON COLUMN inspection_inspector.inspection_id IS '检查记录';
COMMENT ON COLUMN inspection_inspector.user_id IS '检查人员（用户）';
COMMENT ON COLUMN inspection_inspector.region_id IS '属地（同检查记录）';

CREATE TABLE inspection_item (
    id            bigserial     PRIMARY KEY,
    inspection_id bigint        NOT NULL REFERENCES inspection (id),
    region_id     bigint        NOT NULL REFERENCES region (id),
    sort_order    int           NOT NULL DEFAULT 0,
    content       varchar(500)  NOT NULL,
    legal_basis   varchar(500),
    outcome       varchar(8)    CHECK (outcome IN ('PASS', 'FAIL', 'NA')),
    note          varchar(1000),
    hazard_id     bigint        UNIQUE REFERENCES hazard (id)
);
CREATE INDEX inspection_item_inspection_idx ON inspection_item (inspection_id, sort_order);
COMMENT ON TABLE inspection_item IS '检查记录的检查项（检查时从模板复制）';
COMMENT ON COLUMN inspection_item.id IS '主键';
COMMENT ON COLUMN inspection_item.inspection_id IS '检查记录';
COMMENT ON COLUMN inspection_item.region_id IS '属地（同检查记录）';
COMMENT ON COLUMN inspection_item.sort_order IS '排序';
COMMENT ON COLUMN inspection_item.content IS '检查内容';
COMMENT ON COLUMN inspection_item.legal_basis IS '检查依据';
COMMENT ON COLUMN inspection_item.outcome IS '检查结论：PASS符合 FAIL不符合 NA不适用（空为未检查）';
COMMENT ON COLUMN inspection_item.note IS '情况说明';
COMMENT ON COLUMN inspection_item.hazard_id IS '由此项登记的隐患';

CREATE TABLE inspection_photo (
    id            bigserial    PRIMARY KEY,
    inspection_id bigint       NOT NULL REFERENCES inspection (id),
    region_id     bigint       NOT NULL REFERENCES region (id),
    item_id       bigint       REFERENCES inspection_item (id),
    file_name     varchar(255) NOT NULL,
    content_type  varchar(100) NOT NULL,
    size_bytes    bigint       NOT NULL,
    sha256        char(64)     NOT NULL,
    uploaded_by   bigint       REFERENCES app_user (id),
    uploaded_at   timestamptz  NOT NULL
);
CREATE INDEX inspection_photo_inspection_idx ON inspection_photo (inspection_id);
COMMENT ON TABLE inspection_photo IS '检查现场照片';
COMMENT ON COLUMN inspection_photo.id IS '主键';
COMMENT ON COLUMN inspection_photo.inspection_id IS '检查记录';
COMMENT ON COLUMN inspection_photo.region_id IS '属地（同检查记录）';
COMMENT ON COLUMN inspection_photo.item_id IS '对应检查项（可空）';
COMMENT ON COLUMN inspection_photo.file_name IS '文件名';
COMMENT ON COLUMN inspection_photo.content_type IS '文件类型（按内容识别）';
COMMENT ON COLUMN inspection_photo.size_bytes IS '大小（字节）';
COMMENT ON COLUMN inspection_photo.sha256 IS '文件SHA-256（共享文件存储中的地址）';
COMMENT ON COLUMN inspection_photo.uploaded_by IS '上传人';
COMMENT ON COLUMN inspection_photo.uploaded_at IS '上传时间';

ALTER TABLE hazard ADD COLUMN inspection_id bigint REFERENCES inspection (id);
CREATE INDEX hazard_inspection_idx ON hazard (inspection_id) WHERE inspection_id IS NOT NULL;
COMMENT ON COLUMN hazard.inspection_id IS '发现隐患的检查记录（直接登记的为空）';

CREATE TABLE inspection_conflict (
    id          bigserial    PRIMARY KEY,
    user_id     bigint       NOT NULL REFERENCES app_user (id),
    entity_id   bigint       NOT NULL REFERENCES supervised_entity (id),
    region_id   bigint       NOT NULL REFERENCES region (id),
    reason      varchar(300) NOT NULL,
    recorded_by bigint       REFERENCES app_user (id),
    recorded_at timestamptz  NOT NULL,
    UNIQUE (user_id, entity_id)
);
CREATE INDEX inspection_conflict_entity_idx ON inspection_conflict (entity_id);
COMMENT ON TABLE inspection_conflict IS '检查回避（检查人员与监管对象存在利害关系）';
COMMENT ON COLUMN inspection_conflict.id IS '主键';
COMMENT ON COLUMN inspection_conflict.user_id IS '须回避的检查人员（用户）';
COMMENT ON COLUMN inspection_conflict.entity_id IS '监管对象';
COMMENT ON COLUMN inspection_conflict.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN inspection_conflict.reason IS '回避原因（亲属关系、曾任职等）';
COMMENT ON COLUMN inspection_conflict.recorded_by IS '登记人';
COMMENT ON COLUMN inspection_conflict.recorded_at IS '登记时间';

CREATE TABLE random_draw (
    id                    bigserial     PRIMARY KEY,
    region_id             bigint        NOT NULL REFERENCES region (id),
    department_id         bigint        REFERENCES department (id),
    name                  varchar(200)  NOT NULL,
    pool_region_id        bigint        NOT NULL REFERENCES region (id),
    industry              varchar(64),
    supervision_type      varchar(64),
    entity_count          int           NOT NULL CHECK (entity_count >= 1),
    inspectors_per_entity int           NOT NULL CHECK (inspectors_per_entity >= 2),
    seed                  bigint        NOT NULL,
    pool_size             int           NOT NULL,
    inspector_pool        bigint[]      NOT NULL,
    published             boolean       NOT NULL DEFAULT false,
    published_at          timestamptz,
    drawn_by              bigint        REFERENCES app_user (id),
    drawn_at              timestamptz   NOT NULL
);
CREATE INDEX random_draw_region_idx ON random_draw (region_id, drawn_at DESC);
CREATE INDEX random_draw_department_idx ON random_draw (department_id, drawn_at DESC);
COMMENT ON TABLE random_draw IS '双随机一公开抽查（随机抽取检查对象、随机匹配检查人员，结果公开）';
COMMENT ON COLUMN random_draw.id IS '主键';
COMMENT ON COLUMN random_draw.region_id IS '组织抽查的区划（部门抽查为部门所在区划）';
COMMENT ON COLUMN random_draw.department_id IS '组织抽查的部门（空为属地政府）';
COMMENT ON COLUMN random_draw.name IS '抽查名称';
COMMENT ON COLUMN random_draw.pool_region_id IS '对象库范围：区划（含下级）';
COMMENT ON COLUMN random_draw.industry IS '对象库范围：行业（字典 industry，空为全部）';
COMMENT ON COLUMN random_draw.supervision_type IS '对象库范围：监管类型（字典 supervision_type，空为全部）';
COMMENT ON COLUMN random_draw.entity_count IS '抽取对象数量';
COMMENT ON COLUMN random_draw.inspectors_per_entity IS '每个对象匹配的检查人员数（不少于2名）';
COMMENT ON COLUMN random_draw.seed IS '随机种子（同种子、同对象库可复现抽取结果）';
COMMENT ON COLUMN random_draw.pool_size IS '抽取时对象库中的对象数';
COMMENT ON COLUMN random_draw.inspector_pool IS '抽取时的检查人员库（用户）';
COMMENT ON COLUMN random_draw.published IS '是否已公开';
COMMENT ON COLUMN random_draw.published_at IS '公开时间';
COMMENT ON COLUMN random_draw.drawn_by IS '抽取人';
COMMENT ON COLUMN random_draw.drawn_at IS '抽取时间';

CREATE TABLE random_draw_entity (
    id            bigserial PRIMARY KEY,
    draw_id       bigint    NOT NULL REFERENCES random_draw (id),
    entity_id     bigint    NOT NULL REFERENCES supervised_entity (id),
    region_id     bigint    NOT NULL REFERENCES region (id),
    position      int       NOT NULL,
    inspector_ids bigint[]  NOT NULL,
    UNIQUE (draw_id, position)
);
CREATE INDEX random_draw_entity_draw_idx ON random_draw_entity (draw_id, position);
COMMENT ON TABLE random_draw_entity IS '抽查结果：抽中的对象及匹配的检查人员';
COMMENT ON COLUMN random_draw_entity.id IS '主键';
COMMENT ON COLUMN random_draw_entity.draw_id IS '所属抽查';
COMMENT ON COLUMN random_draw_entity.entity_id IS '抽中的监管对象';
COMMENT ON COLUMN random_draw_entity.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN random_draw_entity.position IS '抽中顺序';
COMMENT ON COLUMN random_draw_entity.inspector_ids IS '匹配的检查人员（用户，按抽中顺序）';

INSERT INTO app_permission (code, name) VALUES ('checklist:read', '查看检查表模板'), ('checklist:write', '维护检查表模板'),
    ('inspection:read', '查看检查记录、计划与抽查'), ('inspection:write', '录入检查记录'),
    ('inspection:plan', '制定检查计划、组织双随机抽查');
INSERT INTO role_permission (role_code, permission_code)
SELECT r.role, p.permission FROM (VALUES ('SYSTEM_ADMIN'), ('CITY_OFFICE'), ('COMMAND_CENTER'), ('DISTRICT_OFFICE'),
    ('STREET_STAFF'), ('GRID_INSPECTOR'), ('DEPARTMENT_LEADER'), ('DEPARTMENT_INSPECTOR'), ('LIAISON')) r(role)
CROSS JOIN (VALUES ('checklist:read'), ('inspection:read')) p(permission);
INSERT INTO role_permission (role_code, permission_code) VALUES
    ('SYSTEM_ADMIN', 'checklist:write'), ('CITY_OFFICE', 'checklist:write'),
    ('CITY_OFFICE', 'inspection:write'), ('DISTRICT_OFFICE', 'inspection:write'), ('STREET_STAFF', 'inspection:write'),
    ('GRID_INSPECTOR', 'inspection:write'), ('DEPARTMENT_LEADER', 'inspection:write'),
    ('DEPARTMENT_INSPECTOR', 'inspection:write'),
    ('CITY_OFFICE', 'inspection:plan'), ('DISTRICT_OFFICE', 'inspection:plan'), ('STREET_STAFF', 'inspection:plan'),
    ('DEPARTMENT_LEADER', 'inspection:plan');

-- default templates (the city edits them); legal bases cite the 2021 《安全生产法》 and the usual standards
INSERT INTO checklist_template (name, industries, description, updated_at)
SELECT t.name, t.industries, t.description, now()
FROM (VALUES
    ('危险化学品企业安全检查表', ARRAY['IND001', 'IND002', 'IND003', 'IND004', 'IND005', 'IND006']::varchar(64)[], '危险化学品生产、经营、使用单位及加油加气站'),
    ('建筑施工安全检查表', ARRAY['IND017', 'IND018', 'IND019']::varchar(64)[], '房屋建筑和市政工程施工现场'),
    ('九小场所消防安全检查表', ARRAY['IND035', 'IND036', 'IND037', 'IND038', 'IND039', 'IND073', 'IND074', 'IND075', 'IND076', 'IND077', 'IND078', 'IND079', 'IND080', 'IND081']::varchar(64)[], '九小场所、人员密集场所和消防重点单位'),
    ('工贸企业通用安全检查表', ARRAY['IND012', 'IND013', 'IND014', 'IND015', 'IND016', 'IND060', 'IND061', 'IND062', 'IND063', 'IND064']::varchar(64)[], '冶金、有色、建材、机械、轻工、纺织等工贸行业')
) t(name, industries, description);

INSERT INTO checklist_template_item (template_id, sort_order, content, legal_basis)
SELECT t.id, i.n, i.content, i.basis
FROM checklist_template t JOIN (VALUES
    ('危险化学品企业安全检查表', 1, '主要负责人和安全生产管理人员经考核合格', '《中华人民共和国安全生产法》第二十七条'),
    ('危险化学品企业安全检查表', 2, '建立并落实全员安全生产责任制', '《中华人民共和国安全生产法》第二十二条'),
    ('危险化学品企业安全检查表', 3, '危险化学品储存在专用仓库、专用场地或专用储存室内，由专人负责管理', '《危险化学品安全管理条例》第二十四条'),
    ('危险化学品企业安全检查表', 4, '重大危险源已登记建档，定期检测、评估、监控，并报备案', '《中华人民共和国安全生产法》第四十条'),
    ('危险化学品企业安全检查表', 5, '化学品安全技术说明书和安全标签齐全，包装物、容器符合国家标准', '《危险化学品安全管理条例》第十五条、第十七条'),
    ('危险化学品企业安全检查表', 6, '可燃和有毒气体检测报警装置完好并定期检定', 'GB/T 50493-2019《石油化工可燃气体和有毒气体检测报警设计标准》'),
    ('危险化学品企业安全检查表', 7, '动火、受限空间等特殊作业执行作业票审批', 'GB 30871-2022《危险化学品企业特殊作业安全规范》'),
    ('危险化学品企业安全检查表', 8, '特种作业人员持证上岗', '《中华人民共和国安全生产法》第三十条'),
    ('危险化学品企业安全检查表', 9, '制定生产安全事故应急救援预案并定期组织演练', '《中华人民共和国安全生产法》第八十一条'),
    ('建筑施工安全检查表', 1, '施工单位取得安全生产许可证，项目负责人、专职安全生产管理人员持证上岗', '《建设工程安全生产管理条例》第二十条、第三十六条'),
    ('建筑施工安全检查表', 2, '危险性较大的分部分项工程编制专项施工方案，超过一定规模的经专家论证', '《危险性较大的分部分项工程安全管理规定》第十条、第十二条'),
    ('建筑施工安全检查表', 3, '脚手架按方案搭设，经验收合格后使用', 'JGJ 130-2011《建筑施工扣件式钢管脚手架安全技术规范》'),
    ('建筑施工安全检查表', 4, '临边、洞口防护设施齐全有效', 'JGJ 80-2016《建筑施工高处作业安全技术规范》'),
    ('建筑施工安全检查表', 5, '施工用电采用TN-S接零保护系统，三级配电两级漏电保护', 'JGJ 46-2005《施工现场临时用电安全技术规范》'),
    ('建筑施工安全检查表', 6, '塔式起重机等起重机械经检验检测合格，办理使用登记', '《建设工程安全生产管理条例》第三十五条'),
    ('建筑施工安全检查表', 7, '作业人员正确佩戴安全帽、高处作业系挂安全带', '《建设工程安全生产管理条例》第三十二条'),
    ('建筑施工安全检查表', 8, '施工现场设置消防通道、消防水源，配备消防器材', '《建设工程安全生产管理条例》第三十一条'),
    ('九小场所消防安全检查表', 1, '疏散通道、安全出口畅通，未锁闭、堵塞或占用', '《中华人民共和国消防法》第二十八条'),
    ('九小场所消防安全检查表', 2, '按标准配置灭火器，压力正常且在有效期内', 'GB 50140-2005《建筑灭火器配置设计规范》'),
    ('九小场所消防安全检查表', 3, '应急照明和疏散指示标志完好有效', 'GB 50016-2014《建筑设计防火规范》（2018年版）第10.3节'),
    ('九小场所消防安全检查表', 4, '住宿与生产、储存、经营场所未设置在同一建筑物内（“三合一”）', '《中华人民共和国消防法》第十九条'),
    ('九小场所消防安全检查表', 5, '电气线路穿管保护，无私拉乱接、超负荷用电', 'GB 50016-2014《建筑设计防火规范》（2018年版）第10.2节'),
    ('九小场所消防安全检查表', 6, '使用燃气的场所安装可燃气体报警装置，气瓶不在地下或半地下室使用', 'GB 50028-2006《城镇燃气设计规范》'),
    ('九小场所消防安全检查表', 7, '电动自行车未在室内、疏散通道、安全出口处停放充电', '《中华人民共和国消防法》第二十八条'),
    ('九小场所消防安全检查表', 8, '从业人员会报警、会扑救初起火灾、会组织疏散', '《机关、团体、企业、事业单位消防安全管理规定》第三十六条'),
    ('九小场所消防安全检查表', 9, '未采用易燃可燃材料装修', 'GB 50222-2017《建筑内部装修设计防火规范》'),
    ('工贸企业通用安全检查表', 1, '设置安全生产管理机构或配备专职安全生产管理人员', '《中华人民共和国安全生产法》第二十四条'),
    ('工贸企业通用安全检查表', 2, '从业人员经安全生产教育和培训合格后上岗', '《中华人民共和国安全生产法》第二十八条'),
    ('工贸企业通用安全检查表', 3, '有较大危险因素的场所和设备设施设置明显的安全警示标志', '《中华人民共和国安全生产法》第三十五条'),
    ('工贸企业通用安全检查表', 4, '安全设备经常性维护、保养并定期检测', '《中华人民共和国安全生产法》第三十六条'),
    ('工贸企业通用安全检查表', 5, '建立事故隐患排查治理制度，如实记录并向从业人员通报', '《中华人民共和国安全生产法》第四十一条'),
    ('工贸企业通用安全检查表', 6, '粉尘涉爆场所除尘系统规范，落实粉尘清扫制度', 'GB 15577-2018《粉尘防爆安全规程》'),
    ('工贸企业通用安全检查表', 7, '有限空间作业执行“先通风、再检测、后作业”', '《工贸企业有限空间作业安全规定》（应急管理部令第13号）'),
    ('工贸企业通用安全检查表', 8, '为从业人员提供符合标准的劳动防护用品并监督正确佩戴', '《中华人民共和国安全生产法》第四十五条'),
    ('工贸企业通用安全检查表', 9, '依法参加工伤保险，高危行业投保安全生产责任保险', '《中华人民共和国安全生产法》第五十一条')
) i(template, n, content, basis) ON i.template = t.name;
