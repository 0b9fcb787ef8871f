-- Official document numbers (文号): one counter per kind of document, issuing region and year.

CREATE TABLE document_number (
    kind      varchar(32) NOT NULL,
    region_id bigint      NOT NULL REFERENCES region (id),
    year      int         NOT NULL,
    last_no   int         NOT NULL CHECK (last_no >= 1),
    PRIMARY KEY (kind, region_id, year)
);
COMMENT ON TABLE document_number IS '公文编号计数器（按文种、发文区划、年度连续编号，不重不漏）';
COMMENT ON COLUMN document_number.kind IS '文种（如 RECTIFICATION_NOTICE 整改通知书、SUPERVISION_ORDER 督办单、NOTICE 通报、BULLETIN 季度通报）';
COMMENT ON COLUMN document_number.region_id IS '发文单位所在区划';
COMMENT ON COLUMN document_number.year IS '年度（北京时间）';
COMMENT ON COLUMN document_number.last_no IS '已使用的最大序号';
