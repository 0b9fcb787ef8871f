-- The earliest end of validity among an entity's safety licences, kept on the entity so "expired / expiring"
-- filters over hundreds of thousands of entities are an index range, not a subquery per row.
ALTER TABLE supervised_entity ADD COLUMN safety_licence_valid_to date;
CREATE INDEX supervised_entity_safety_licence_idx ON supervised_entity (safety_licence_valid_to) WHERE safety_licence_valid_to IS NOT NULL;
COMMENT ON COLUMN supervised_entity.safety_licence_valid_to IS '安全类证照中最早的有效期至（用于证照过期筛选，随证照变更更新）';
