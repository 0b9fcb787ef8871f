-- Error reports of Excel imports: kept in the database, not on a node's disk, so any node can serve the download.
CREATE TABLE import_report (
    id          bigserial    PRIMARY KEY,
    region_id   bigint       NOT NULL REFERENCES region (id),
    created_by  bigint       NOT NULL REFERENCES app_user (id),
    created_at  timestamptz  NOT NULL,
    file_name   varchar(255) NOT NULL,
    content     bytea        NOT NULL
);
CREATE INDEX import_report_created_by_idx ON import_report (created_by, created_at);
COMMENT ON TABLE import_report IS 'Excel导入错误报告（上传文件的副本，错误行旁附“错误信息”列）';
COMMENT ON COLUMN import_report.id IS '主键';
COMMENT ON COLUMN import_report.region_id IS '导入人所属区划';
COMMENT ON COLUMN import_report.created_by IS '导入人（仅本人可下载）';
COMMENT ON COLUMN import_report.created_at IS '生成时间';
COMMENT ON COLUMN import_report.file_name IS '错误报告文件名';
COMMENT ON COLUMN import_report.content IS '错误报告内容（xlsx）';
