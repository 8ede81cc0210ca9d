-- How a report reached the portal (issue #18): citizens' own reports are 'web'; an administrator types in the
-- ones that came by suggestion box, phone, SMS, letter or walk-in.
ALTER TABLE reports ADD COLUMN channel TEXT NOT NULL DEFAULT 'web';
-- /stats groups by channel too and reads only this covering index (see db::stats): it gains the column.
DROP INDEX reports_stats;
CREATE INDEX reports_stats ON reports(created_day, agency_id, status, kind, category_id, channel, region_id,
    response_days, completion_days, responded_day, respond_due, escalated_day, completed_day, rating);
ANALYZE;
