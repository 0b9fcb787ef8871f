-- Organisation: the region tree (市 → 区县/功能区 → 街道/镇 → 网格) and the safety committee's member departments.

CREATE TABLE region (
    id                   bigserial    PRIMARY KEY,
    parent_id            bigint       REFERENCES region (id),
    code                 varchar(12)  NOT NULL UNIQUE,
    name                 varchar(100) NOT NULL,
    level                varchar(16)  NOT NULL CHECK (level IN ('CITY', 'DISTRICT', 'STREET', 'GRID')),
    kind                 varchar(16)  NOT NULL,
    grid_inspector_name  varchar(50),
    grid_inspector_phone varchar(30),
    sort_order           int          NOT NULL DEFAULT 0,
    region_id            bigint       GENERATED ALWAYS AS (id) STORED,
    UNIQUE (parent_id, name)
);
COMMENT ON TABLE region IS '行政区划（市、区县/功能区、街道/镇、网格）';
COMMENT ON COLUMN region.id IS '主键';
COMMENT ON COLUMN region.parent_id IS '上级区划';
COMMENT ON COLUMN region.code IS '区划代码（区县6位、街道9位、网格12位）';
COMMENT ON COLUMN region.name IS '名称';
COMMENT ON COLUMN region.level IS '层级：CITY市 DISTRICT区县 STREET街道镇 GRID网格';
COMMENT ON COLUMN region.kind IS '类型（字典 region_kind：市、区、县、功能区、街道、镇、网格）';
COMMENT ON COLUMN region.grid_inspector_name IS '网格员姓名（网格化+实名制）';
COMMENT ON COLUMN region.grid_inspector_phone IS '网格员电话';
COMMENT ON COLUMN region.sort_order IS '排序';
COMMENT ON COLUMN region.region_id IS '所属区划（即自身，供数据权限与分片使用）';

-- Closure table: one row per (ancestor, descendant) including (self, self).
CREATE TABLE region_closure (
    ancestor_id   bigint NOT NULL REFERENCES region (id),
    descendant_id bigint NOT NULL REFERENCES region (id),
    depth         int    NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX region_closure_descendant_idx ON region_closure (descendant_id, ancestor_id);
COMMENT ON TABLE region_closure IS '区划闭包表（祖先-后代关系，含自身）';
COMMENT ON COLUMN region_closure.ancestor_id IS '祖先区划';
COMMENT ON COLUMN region_closure.descendant_id IS '后代区划';
COMMENT ON COLUMN region_closure.depth IS '相隔层数（自身为0）';

CREATE FUNCTION region_closure_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO region_closure (ancestor_id, descendant_id, depth) VALUES (NEW.id, NEW.id, 0);
    IF NEW.parent_id IS NOT NULL THEN
        INSERT INTO region_closure (ancestor_id, descendant_id, depth)
        SELECT ancestor_id, NEW.id, depth + 1 FROM region_closure WHERE descendant_id = NEW.parent_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER region_closure_insert AFTER INSERT ON region FOR EACH ROW EXECUTE FUNCTION region_closure_on_insert();

CREATE TABLE department (
    id         bigserial    PRIMARY KEY,
    region_id  bigint       NOT NULL REFERENCES region (id),
    level      varchar(16)  NOT NULL CHECK (level IN ('CITY', 'DISTRICT')),
    name       varchar(100) NOT NULL,
    short_name varchar(50),
    sort_order int          NOT NULL DEFAULT 0,
    UNIQUE (region_id, name)
);
CREATE INDEX department_region_idx ON department (region_id);
COMMENT ON TABLE department IS '部门（安委会成员单位）';
COMMENT ON COLUMN department.id IS '主键';
COMMENT ON COLUMN department.region_id IS '所属区划（市级部门为市，区县部门为区县）';
COMMENT ON COLUMN department.level IS '层级：CITY市级 DISTRICT区县级';
COMMENT ON COLUMN department.name IS '部门名称';
COMMENT ON COLUMN department.short_name IS '简称';
COMMENT ON COLUMN department.sort_order IS '排序';

CREATE TABLE department_office (
    id            bigserial    PRIMARY KEY,
    department_id bigint       NOT NULL REFERENCES department (id),
    region_id     bigint       NOT NULL REFERENCES region (id),
    name          varchar(100) NOT NULL,
    sort_order    int          NOT NULL DEFAULT 0,
    UNIQUE (department_id, name)
);
COMMENT ON TABLE department_office IS '处（科）室';
COMMENT ON COLUMN department_office.id IS '主键';
COMMENT ON COLUMN department_office.department_id IS '所属部门';
COMMENT ON COLUMN department_office.region_id IS '所属区划（同部门）';
COMMENT ON COLUMN department_office.name IS '处（科）室名称';
COMMENT ON COLUMN department_office.sort_order IS '排序';

CREATE TABLE department_liaison (
    id            bigserial   PRIMARY KEY,
    department_id bigint      NOT NULL REFERENCES department (id),
    region_id     bigint      NOT NULL REFERENCES region (id),
    name          varchar(50) NOT NULL,
    phone         varchar(30)
);
CREATE INDEX department_liaison_department_idx ON department_liaison (department_id);
COMMENT ON TABLE department_liaison IS '部门联络员（每部门1-2名）';
COMMENT ON COLUMN department_liaison.id IS '主键';
COMMENT ON COLUMN department_liaison.department_id IS '所属部门';
COMMENT ON COLUMN department_liaison.region_id IS '所属区划（同部门）';
COMMENT ON COLUMN department_liaison.name IS '姓名';
COMMENT ON COLUMN department_liaison.phone IS '电话';

CREATE TABLE department_role_holder (
    id            bigserial   PRIMARY KEY,
    department_id bigint      NOT NULL REFERENCES department (id),
    region_id     bigint      NOT NULL REFERENCES region (id),
    role          varchar(32) NOT NULL CHECK (role IN ('FIRST_RESPONSIBLE', 'IN_CHARGE', 'OTHER_IN_CHARGE')),
    name          varchar(50) NOT NULL,
    title         varchar(100),
    phone         varchar(30),
    term_from     date,
    term_to       date
);
CREATE INDEX department_role_holder_department_idx ON department_role_holder (department_id);
COMMENT ON TABLE department_role_holder IS '部门安全生产责任人';
COMMENT ON COLUMN department_role_holder.id IS '主键';
COMMENT ON COLUMN department_role_holder.department_id IS '所属部门';
COMMENT ON COLUMN department_role_holder.region_id IS '所属区划（同部门）';
COMMENT ON COLUMN department_role_holder.role IS '责任角色：FIRST_RESPONSIBLE第一责任人 IN_CHARGE分管责任人 OTHER_IN_CHARGE其他分管责任人';
COMMENT ON COLUMN department_role_holder.name IS '姓名';
COMMENT ON COLUMN department_role_holder.title IS '职务';
COMMENT ON COLUMN department_role_holder.phone IS '电话';
COMMENT ON COLUMN department_role_holder.term_from IS '任职起';
COMMENT ON COLUMN department_role_holder.term_to IS '任职止';
