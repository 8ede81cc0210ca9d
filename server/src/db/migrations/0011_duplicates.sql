-- Duplicates (issue #18): an administrator marks a report as a duplicate of another, its main report. The duplicate
-- is closed for its citizen with a link to the main report, its supports move there, and every count reads only
-- reports that are not duplicates (`duplicate_of IS NULL`), so the main report is counted once.
ALTER TABLE reports ADD COLUMN duplicate_of INTEGER REFERENCES reports(id);
-- A main report's duplicates, for its staff page and for refusing to mark a main report a duplicate: few rows.
CREATE INDEX reports_duplicate_of ON reports(duplicate_of) WHERE duplicate_of IS NOT NULL;
-- /stats and the monitoring figures still read only their covering index (see db::stats): it now holds only the
-- reports they count, and every statistics query says `duplicate_of IS NULL` so that SQLite may use it. The column
-- is in the index too (always NULL there): without it SQLite reads every report to check the term.
DROP INDEX reports_stats;
CREATE INDEX reports_stats ON reports(created_day, agency_id, status, kind, category_id, channel, region_id,
    response_days, completion_days, responded_day, respond_due, escalated_day, completed_day, rating, duplicate_of)
    WHERE duplicate_of IS NULL;
ANALYZE;
