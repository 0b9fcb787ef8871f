-- 双随机抽查生成检查任务: a published draw becomes one unfinished inspection per drawn entity, with the inspectors
-- paired to it, linked back to the draw. One task per entity per draw, enforced here and not only in code.
ALTER TABLE inspection ADD COLUMN draw_id bigint REFERENCES random_draw (id);
CREATE UNIQUE INDEX inspection_draw_entity_idx ON inspection (draw_id, entity_id) WHERE draw_id IS NOT NULL;
COMMENT ON COLUMN inspection.draw_id IS '来源双随机抽查（由抽查结果生成的检查任务；空为直接录入）';
