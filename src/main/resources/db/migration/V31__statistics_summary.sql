-- The statistics' summary: per region, figure, dimension and Beijing day, the net change of a count that day, and the
-- same per month. A period figure (hazards found) sums the days of the period; a snapshot figure (hazards open) sums
-- every day up to the moment asked. Whole months are read from stat_monthly, so a snapshot after ten years reads 120
-- months and a few days instead of 3,650 days. The transaction that changes the records adds its facts to stat_delta
-- (triggers, R__statistics_facts.sql, where each figure's rule is written); every minute stat_compact() folds them into
-- the days and months. A reader sums all three, so the summary is never behind the records; no row is updated by the
-- writers, so neither two writers nor one long import wait on a hot row.
CREATE TABLE stat_daily (
    figure    varchar(32) NOT NULL,
    region_id bigint      NOT NULL REFERENCES region (id),
    dim       varchar(32) NOT NULL,
    day       date        NOT NULL,
    n         bigint      NOT NULL,
    PRIMARY KEY (figure, day, region_id, dim) INCLUDE (n)
);
COMMENT ON TABLE stat_daily IS '统计汇总：按区划、指标、维度、日（北京时间）记录当日净变化，由记录变更的同一事务维护';
COMMENT ON COLUMN stat_daily.figure IS '指标代码（见统计目录）';
COMMENT ON COLUMN stat_daily.region_id IS '属地';
COMMENT ON COLUMN stat_daily.dim IS '维度取值（隐患等级、预警类型、升级步骤等）';
COMMENT ON COLUMN stat_daily.day IS '日期（北京时间）';
COMMENT ON COLUMN stat_daily.n IS '当日净变化（期间指标为当日发生数，时点指标为当日增减）';

CREATE TABLE stat_monthly (
    figure    varchar(32) NOT NULL,
    region_id bigint      NOT NULL REFERENCES region (id),
    dim       varchar(32) NOT NULL,
    month     date        NOT NULL,
    n         bigint      NOT NULL,
    PRIMARY KEY (figure, month, region_id, dim) INCLUDE (n)
);
COMMENT ON TABLE stat_monthly IS '统计汇总（月）：stat_daily 按月合计，与之在同一语句中维护';
COMMENT ON COLUMN stat_monthly.figure IS '指标代码（见统计目录）';
COMMENT ON COLUMN stat_monthly.region_id IS '属地';
COMMENT ON COLUMN stat_monthly.dim IS '维度取值';
COMMENT ON COLUMN stat_monthly.month IS '月份（当月1日，北京时间）';
COMMENT ON COLUMN stat_monthly.n IS '当月净变化';

-- 发现重大（含疑似）隐患数 by industry stays counted from the records (an entity's industry can change): the quarter's
-- few major hazards straight from an index instead of the quarter's every hazard.
CREATE INDEX hazard_major_found_at_idx ON hazard (found_at) INCLUDE (entity_id, region_id, department_id)
    WHERE level IN ('MAJOR', 'SUSPECTED_MAJOR');
COMMENT ON INDEX hazard_major_found_at_idx IS '重大（含疑似）隐患按发现时间（统计）';

CREATE TABLE stat_delta (
    figure    varchar(32) NOT NULL,
    region_id bigint      NOT NULL,
    dim       varchar(32) NOT NULL,
    day       date        NOT NULL,
    n         bigint      NOT NULL
);
CREATE INDEX stat_delta_figure_day_idx ON stat_delta (figure, day) INCLUDE (region_id, dim, n);
COMMENT ON TABLE stat_delta IS '统计汇总增量：记录变更的事务只追加于此，每分钟并入 stat_daily/stat_monthly';
COMMENT ON COLUMN stat_delta.figure IS '指标代码';
COMMENT ON COLUMN stat_delta.region_id IS '属地';
COMMENT ON COLUMN stat_delta.dim IS '维度取值';
COMMENT ON COLUMN stat_delta.day IS '日期（北京时间）';
COMMENT ON COLUMN stat_delta.n IS '净变化';
