-- The hazard list's keyword filter (description LIKE '%…%') over millions of rows: a trigram index answers a rare
-- keyword without walking the table (it needs a UTF-8 LC_CTYPE, or Chinese characters make no trigrams; see
-- EmbeddedPostgresServer and docs/OPERATIONS.md).
CREATE INDEX hazard_description_trgm_idx ON hazard USING gin (description gin_trgm_ops);
COMMENT ON INDEX hazard_description_trgm_idx IS '隐患描述三元组索引（关键词检索）';
