-- Working-day calendar, checked day by day (December 2026).
--
-- 2026: verified against 国务院办公厅关于2026年部分节假日安排的通知 (dated 4 November 2025, published by Xinhua the same
-- day; https://www.gov.cn/zhengce/content/202511/content_7047090.htm, mirrored at
-- https://politics.gmw.cn/2025-11/04/content_38391083.htm):
--   元旦 1.1–1.3 off, 1.4 (Sun) work; 春节 2.15–2.23 off, 2.14 (Sat) and 2.28 (Sat) work; 清明节 4.4–4.6 off;
--   劳动节 5.1–5.5 off, 5.9 (Sat) work; 端午节 6.19–6.21 off; 中秋节 9.25–9.27 off;
--   国庆节 10.1–10.7 off, 9.20 (Sun) and 10.10 (Sat) work.
-- The 33 holidays and 6 adjusted working days V16 shipped match the notice exactly: no 2026 day is changed here.
--
-- 2027: the State Council had not published its arrangement when this was checked. V16 entered five fixed-date days
-- as a placeholder (1.1, 5.1, 10.1–10.3), which is not the arrangement (no 春节, no 调休, and 劳动节 is two days since
-- the 2024 revision of 全国年节及纪念日放假办法) and made 2027 look entered, hiding the "not entered" warning. They are
-- removed: until the administrator enters the 2027 notice, working days in 2027 are counted Monday–Friday and the
-- work-calendar and warning-rules pages say so (GET /api/work-calendar/status; docs/OPERATIONS.md). Only when 2027
-- holds nothing else: an administrator who already entered the real arrangement keeps it whole.
DELETE FROM work_calendar_day
WHERE day IN ('2027-01-01', '2027-05-01', '2027-10-01', '2027-10-02', '2027-10-03')
  AND (SELECT count(*) FROM work_calendar_day WHERE day >= '2027-01-01' AND day < '2028-01-01'
       AND day NOT IN ('2027-01-01', '2027-05-01', '2027-10-01', '2027-10-02', '2027-10-03')) = 0;

COMMENT ON TABLE work_calendar_day IS '工作日历：法定节假日与调休上班日，按国务院办公厅每年公布的节假日安排录入（未列出的日期：周一至周五为工作日，周六周日休息；某年未录入时即按此计算）';
