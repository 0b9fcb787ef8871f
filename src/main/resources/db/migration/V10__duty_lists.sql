-- 三管三必须 and 权责清单 (seed 003 §三(六), seed 001 §4): the responsible leaders of each people's government
-- (市/区县/街道), the lead office and every office's share of a department's safety work, and the written duties of
-- departments, offices, governments and each responsible leader.

CREATE TABLE region_role_holder (
    id        bigserial   PRIMARY KEY,
    region_id bigint      NOT NULL REFERENCES region (id),
    role      varchar(32) NOT NULL CHECK (role IN ('FIRST_RESPONSIBLE', 'IN_CHARGE', 'OTHER_IN_CHARGE')),
    name      varchar(50) NOT NULL,
    title     varchar(100),
    phone     varchar(30),
    term_from date,
    term_to   date,
    CHECK (term_from IS NULL OR term_to IS NULL OR term_to >= term_from)
);
CREATE INDEX region_role_holder_region_idx ON region_role_holder (region_id);
COMMENT ON TABLE region_role_holder IS '人民政府（市、区县、街道镇）安全生产责任人';
COMMENT ON COLUMN region_role_holder.id IS '主键';
COMMENT ON COLUMN region_role_holder.region_id IS '所属区划（即该级人民政府）';
COMMENT ON COLUMN region_role_holder.role IS '责任角色：FIRST_RESPONSIBLE第一责任人 IN_CHARGE分管责任人 OTHER_IN_CHARGE其他分管责任人';
COMMENT ON COLUMN region_role_holder.name IS '姓名';
COMMENT ON COLUMN region_role_holder.title IS '职务';
COMMENT ON COLUMN region_role_holder.phone IS '电话';
COMMENT ON COLUMN region_role_holder.term_from IS '任职起';
COMMENT ON COLUMN region_role_holder.term_to IS '任职止';

ALTER TABLE department_office ADD COLUMN lead boolean NOT NULL DEFAULT false;
ALTER TABLE department_office ADD COLUMN work_share text;
-- One lead office per department: the database keeps it so even two concurrent changes cannot make two.
CREATE UNIQUE INDEX department_office_lead_idx ON department_office (department_id) WHERE lead;
COMMENT ON COLUMN department_office.lead IS '是否为安全生产工作牵头处（科）室（每部门至多一个）';
COMMENT ON COLUMN department_office.work_share IS '安全生产工作分工';

CREATE TABLE duty_item (
    id            bigserial   PRIMARY KEY,
    region_id     bigint      NOT NULL REFERENCES region (id),
    department_id bigint      REFERENCES department (id),
    owner_type    varchar(32) NOT NULL
        CHECK (owner_type IN ('DEPARTMENT', 'OFFICE', 'ROLE_HOLDER', 'REGION', 'REGION_ROLE_HOLDER')),
    owner_id      bigint      NOT NULL,
    content       text        NOT NULL,
    legal_basis   text,
    sort_order    int         NOT NULL DEFAULT 0,
    CHECK ((owner_type IN ('REGION', 'REGION_ROLE_HOLDER')) = (department_id IS NULL))
);
CREATE INDEX duty_item_owner_idx ON duty_item (owner_type, owner_id);
CREATE INDEX duty_item_department_idx ON duty_item (department_id) WHERE department_id IS NOT NULL;
COMMENT ON TABLE duty_item IS '安全生产权责清单条目';
COMMENT ON COLUMN duty_item.id IS '主键';
COMMENT ON COLUMN duty_item.region_id IS '所属区划（部门类职责为部门所在区划，政府类职责为该级政府）';
COMMENT ON COLUMN duty_item.department_id IS '所属部门（部门、处室、部门责任人的职责；政府类职责为空），供数据权限使用';
COMMENT ON COLUMN duty_item.owner_type IS '责任主体类型：DEPARTMENT部门 OFFICE处（科）室 ROLE_HOLDER部门责任人 REGION人民政府 REGION_ROLE_HOLDER政府责任人';
COMMENT ON COLUMN duty_item.owner_id IS '责任主体编号（按类型指向部门、处室、部门责任人、区划或政府责任人）';
COMMENT ON COLUMN duty_item.content IS '职责内容';
COMMENT ON COLUMN duty_item.legal_basis IS '法律法规及文件依据';
COMMENT ON COLUMN duty_item.sort_order IS '排序';

-- The owner is polymorphic, so no foreign key can cascade: a removed responsible leader takes their duties along.
CREATE FUNCTION duty_item_owner_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM duty_item WHERE owner_type = TG_ARGV[0] AND owner_id = OLD.id;
    RETURN OLD;
END $$;
CREATE TRIGGER duty_item_role_holder_removed AFTER DELETE ON department_role_holder
    FOR EACH ROW EXECUTE FUNCTION duty_item_owner_removed('ROLE_HOLDER');
CREATE TRIGGER duty_item_region_role_holder_removed AFTER DELETE ON region_role_holder
    FOR EACH ROW EXECUTE FUNCTION duty_item_owner_removed('REGION_ROLE_HOLDER');
CREATE TRIGGER duty_item_office_removed AFTER DELETE ON department_office
    FOR EACH ROW EXECUTE FUNCTION duty_item_owner_removed('OFFICE');
