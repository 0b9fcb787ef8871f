-- 安全管理文件: an entity's safety-management documents (制度, 责任制, 操作规程, 应急预案, records), each with every
-- uploaded version. The bytes live in the shared file store (anjian.files.dir), addressed by their SHA-256.
CREATE TABLE entity_document (
    id           bigserial    PRIMARY KEY,
    entity_id    bigint       NOT NULL REFERENCES supervised_entity (id),
    region_id    bigint       NOT NULL REFERENCES region (id),
    type         varchar(64)  NOT NULL,
    title        varchar(200) NOT NULL,
    created_at   timestamptz  NOT NULL,
    created_by   bigint       REFERENCES app_user (id),
    archived_at  timestamptz
);
CREATE INDEX entity_document_entity_idx ON entity_document (entity_id);
CREATE INDEX entity_document_region_type_idx ON entity_document (region_id, type) WHERE archived_at IS NULL;
COMMENT ON TABLE entity_document IS '安全管理文件（制度、责任制、操作规程、应急预案、培训与演练记录等）';
COMMENT ON COLUMN entity_document.id IS '主键';
COMMENT ON COLUMN entity_document.entity_id IS '所属监管对象';
COMMENT ON COLUMN entity_document.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN entity_document.type IS '文件类型（字典 document_type）';
COMMENT ON COLUMN entity_document.title IS '文件标题';
COMMENT ON COLUMN entity_document.created_at IS '创建时间';
COMMENT ON COLUMN entity_document.created_by IS '创建人（用户）';
COMMENT ON COLUMN entity_document.archived_at IS '归档时间（空为现行有效；归档后保留，默认不列出）';

CREATE TABLE entity_document_version (
    id            bigserial     PRIMARY KEY,
    document_id   bigint        NOT NULL REFERENCES entity_document (id),
    region_id     bigint        NOT NULL REFERENCES region (id),
    version_no    int           NOT NULL CHECK (version_no >= 1),
    file_name     varchar(255)  NOT NULL,
    content_type  varchar(255)  NOT NULL,
    size_bytes    bigint        NOT NULL CHECK (size_bytes > 0),
    sha256        char(64)      NOT NULL,
    uploaded_by   bigint        REFERENCES app_user (id),
    uploaded_at   timestamptz   NOT NULL,
    CONSTRAINT entity_document_version_no_key UNIQUE (document_id, version_no)
);
-- which rows still use a stored file (a future clean-up of unreferenced files asks this)
CREATE INDEX entity_document_version_sha256_idx ON entity_document_version (sha256);
COMMENT ON TABLE entity_document_version IS '安全管理文件的版本（每次上传一版，旧版保留）';
COMMENT ON COLUMN entity_document_version.id IS '主键';
COMMENT ON COLUMN entity_document_version.document_id IS '所属安全管理文件';
COMMENT ON COLUMN entity_document_version.region_id IS '属地（同监管对象）';
COMMENT ON COLUMN entity_document_version.version_no IS '版本号（从1起，每个文件内递增）';
COMMENT ON COLUMN entity_document_version.file_name IS '上传时的原文件名';
COMMENT ON COLUMN entity_document_version.content_type IS '内容类型（按文件内容识别，不取客户端声明）';
COMMENT ON COLUMN entity_document_version.size_bytes IS '文件大小（字节）';
COMMENT ON COLUMN entity_document_version.sha256 IS 'SHA-256 校验和（也是文件存储中的地址）';
COMMENT ON COLUMN entity_document_version.uploaded_by IS '上传人（用户）';
COMMENT ON COLUMN entity_document_version.uploaded_at IS '上传时间';

-- a licence's scan is one of the entity's documents (the application checks it is the same entity's)
ALTER TABLE entity_licence ADD CONSTRAINT entity_licence_scan_document_fk
    FOREIGN KEY (scan_document_id) REFERENCES entity_document (id);
COMMENT ON COLUMN entity_licence.scan_document_id IS '扫描件（本单位的安全管理文件）';
