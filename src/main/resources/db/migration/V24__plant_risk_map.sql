-- 风险四色分布图 (seed 003 §五): a business's site plan (厂区平面图) with its risk points placed on it, each drawn in
-- the colour of its grade. Every upload is kept; the latest one is the current plan.

CREATE TABLE site_plan (
    id             bigserial    PRIMARY KEY,
    entity_id      bigint       NOT NULL REFERENCES supervised_entity (id),
    region_id      bigint       NOT NULL REFERENCES region (id),
    file_sha256    char(64)     NOT NULL,
    file_name      varchar(255) NOT NULL,
    content_type   varchar(100) NOT NULL,
    file_size      bigint       NOT NULL,
    is_current     boolean      NOT NULL DEFAULT true,
    uploaded_by    bigint       REFERENCES app_user (id),
    uploaded_at    timestamptz  NOT NULL,
    replaced_at    timestamptz
);
CREATE UNIQUE INDEX site_plan_current_idx ON site_plan (entity_id) WHERE is_current;
CREATE INDEX site_plan_entity_idx ON site_plan (entity_id, uploaded_at DESC);
COMMENT ON TABLE site_plan IS '厂区平面图（风险四色分布图底图；每次上传均保留，最新一张为当前底图）';
COMMENT ON COLUMN site_plan.id IS '主键';
COMMENT ON COLUMN site_plan.entity_id IS '所属单位';
COMMENT ON COLUMN site_plan.region_id IS '属地（同单位）';
COMMENT ON COLUMN site_plan.file_sha256 IS '图片文件（SHA-256）';
COMMENT ON COLUMN site_plan.file_name IS '文件名';
COMMENT ON COLUMN site_plan.content_type IS '文件类型（PNG、JPEG、GIF）';
COMMENT ON COLUMN site_plan.file_size IS '文件大小（字节）';
COMMENT ON COLUMN site_plan.is_current IS '是否为当前底图';
COMMENT ON COLUMN site_plan.uploaded_by IS '上传人（用户）';
COMMENT ON COLUMN site_plan.uploaded_at IS '上传时间';
COMMENT ON COLUMN site_plan.replaced_at IS '被新底图替换的时间';

CREATE TABLE risk_point_placement (
    risk_point_id  bigint        PRIMARY KEY REFERENCES risk_point (id),
    entity_id      bigint        NOT NULL REFERENCES supervised_entity (id),
    region_id      bigint        NOT NULL REFERENCES region (id),
    x              numeric(7, 6) NOT NULL CHECK (x >= 0 AND x <= 1),
    y              numeric(7, 6) NOT NULL CHECK (y >= 0 AND y <= 1),
    placed_at      timestamptz   NOT NULL
);
CREATE INDEX risk_point_placement_entity_idx ON risk_point_placement (entity_id);
COMMENT ON TABLE risk_point_placement IS '风险点在厂区平面图上的位置';
COMMENT ON COLUMN risk_point_placement.risk_point_id IS '风险点';
COMMENT ON COLUMN risk_point_placement.entity_id IS '所属单位';
COMMENT ON COLUMN risk_point_placement.region_id IS '属地';
COMMENT ON COLUMN risk_point_placement.x IS '横坐标（占图片宽度的比例，0～1，自左向右）';
COMMENT ON COLUMN risk_point_placement.y IS '纵坐标（占图片高度的比例，0～1，自上向下）';
COMMENT ON COLUMN risk_point_placement.placed_at IS '最近放置时间';

