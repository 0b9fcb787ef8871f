-- The inspector following up an open hazard, so that "inspector X leaves" hands their open hazards to Y.

ALTER TABLE hazard ADD COLUMN follow_up_by bigint REFERENCES app_user (id);
COMMENT ON COLUMN hazard.follow_up_by IS '跟进人（人员移交后的接替人；为空时为发现人）';
CREATE INDEX hazard_follow_up_idx ON hazard (coalesce(follow_up_by, found_by)) WHERE state <> 'CLOSED';
