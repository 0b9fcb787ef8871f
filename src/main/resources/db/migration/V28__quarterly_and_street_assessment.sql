-- 考评 by quarter as well as by year, and at district level: a district office assesses its streets (towns) and the
-- district's departments as the city office assesses the districts and the city's departments (seed 000 §十).
ALTER TABLE assessment_scheme DROP CONSTRAINT assessment_scheme_year_key;
ALTER TABLE assessment_scheme ADD COLUMN quarter int CHECK (quarter BETWEEN 1 AND 4);
CREATE UNIQUE INDEX assessment_scheme_period_idx ON assessment_scheme (region_id, year, coalesce(quarter, 0));
COMMENT ON COLUMN assessment_scheme.quarter IS '考评季度（1-4）；为空表示年度考评';
COMMENT ON COLUMN assessment_scheme.region_id IS '制定方案的区划：市级考评各区县和市直部门，区县考评所辖街道（镇）和区直部门';

ALTER TABLE assessment_result DROP CONSTRAINT assessment_result_unit_type_check;
ALTER TABLE assessment_result ADD CONSTRAINT assessment_result_unit_type_check CHECK (unit_type IN ('DISTRICT', 'STREET', 'DEPARTMENT'));
COMMENT ON COLUMN assessment_result.unit_type IS '被考评单位类型：DISTRICT区县 STREET街道（镇） DEPARTMENT部门';
ALTER TABLE assessment_manual_score DROP CONSTRAINT assessment_manual_score_unit_type_check;
ALTER TABLE assessment_manual_score ADD CONSTRAINT assessment_manual_score_unit_type_check CHECK (unit_type IN ('DISTRICT', 'STREET', 'DEPARTMENT'));
COMMENT ON COLUMN assessment_manual_score.unit_type IS '被考评单位类型：DISTRICT区县 STREET街道（镇） DEPARTMENT部门';

INSERT INTO role_permission (role_code, permission_code) VALUES ('DISTRICT_OFFICE', 'assessment:write')
ON CONFLICT DO NOTHING;
