-- 区级通报: a ladder step with action 通报 acted by the district office (an admin may configure one) leaves its entry
-- for that district's office (notice_entry.issuer_region_id), so the district office compiles it into its own notice,
-- numbered in its own sequence per year (历下安办通〔2026〕1号), as the city office does for city entries.
INSERT INTO role_permission (role_code, permission_code) VALUES ('DISTRICT_OFFICE', 'notice:write');

COMMENT ON TABLE notice IS '通报（实施通报步骤的安委办——市安委办或区县安委办——汇编本办待通报事项后签发，签发后不可修改）';
COMMENT ON COLUMN notice.region_id IS '发文单位（安委办）所在区划：市或区县';
COMMENT ON COLUMN notice.number IS '文号（按发文单位、年度连续编号，如 济安办通〔2026〕3号、历下安办通〔2026〕1号）';
