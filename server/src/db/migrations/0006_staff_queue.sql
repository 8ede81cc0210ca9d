-- The staff work queue (issue #17).
-- Set by an agency's hand-back ("not our remit"), cleared when the administrator forwards the report again.
ALTER TABLE reports ADD COLUMN handed_back INTEGER NOT NULL DEFAULT 0;
-- Whether the report is forwarded to its agency now: an officer sees only such reports. The agency a citizen
-- suggested at submission is not a forward, and a hand-back takes the report back from the agency.
ALTER TABLE reports ADD COLUMN forwarded INTEGER NOT NULL DEFAULT 0;
-- The deadline the report works towards now, exactly aduan_core::current_deadline (a test in db::staff_queue
-- holds them together). Computed by SQLite from the columns it reads, so no write can leave it stale, and stored
-- in the indexes below so that the queue sorts by it without reading every report.
ALTER TABLE reports ADD COLUMN next_due TEXT GENERATED ALWAYS AS (
    CASE
        WHEN status IN ('submitted', 'verified') THEN verify_due
        WHEN status = 'dispositioned' AND responded_day IS NULL THEN respond_due
        WHEN status IN ('dispositioned', 'in_progress') THEN escalate_due
    END
) VIRTUAL;
UPDATE reports SET forwarded = 1
 WHERE agency_id IS NOT NULL AND status NOT IN ('submitted', 'verified', 'rejected')
   AND EXISTS (SELECT 1 FROM events e WHERE e.report_id = reports.id AND e.status = 'dispositioned');
-- The queue's indexes (measured at 100 000 reports, see `make bench`): the "all" tab in deadline order; an
-- officer's reports, covering every column a tab or filter reads so that counting a tab reads no report row; and
-- the same for the unfinished reports that every other tab is about, a small part of the table once the portal
-- has run for a while.
CREATE INDEX reports_next_due ON reports(next_due, created_at);
CREATE INDEX reports_agency_queue ON reports(agency_id, forwarded, next_due, created_at, status, handed_back,
    category_id, region_id, created_day, kind);
CREATE INDEX reports_unfinished_queue ON reports(next_due, created_at, status, handed_back, forwarded, agency_id,
    category_id, region_id, created_day, kind)
    WHERE status IN ('submitted', 'verified', 'dispositioned', 'in_progress', 'escalated');
ANALYZE;
-- The role the author of a note had when writing it, as the audit trail keeps it for every action.
ALTER TABLE notes ADD COLUMN role TEXT;
