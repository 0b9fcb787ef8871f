-- A bulletin is numbered in the year it is issued (济安办通〔2027〕1号 may report on the fourth quarter of 2026), so
-- its number is unique per year of issue, not per year reported on: the old key refused the first bulletin of a
-- year when it reported on the year before and that year's own first bulletin had the same number.
ALTER TABLE bulletin ADD COLUMN number_year int;
UPDATE bulletin SET number_year = EXTRACT(YEAR FROM issued_on) WHERE number IS NOT NULL;
ALTER TABLE bulletin DROP CONSTRAINT bulletin_region_id_year_number_key;
ALTER TABLE bulletin ADD CONSTRAINT bulletin_number_key UNIQUE (region_id, number_year, number);
ALTER TABLE bulletin ADD CONSTRAINT bulletin_number_year_check CHECK ((number IS NULL) = (number_year IS NULL));
COMMENT ON COLUMN bulletin.number_year IS '文号年度（印发年度，可晚于通报年度）';
COMMENT ON COLUMN bulletin.number IS '文号年度内的顺序号';
