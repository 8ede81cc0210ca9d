-- An escalated report is still unresolved, and late since the deadline that escalated it: the queue's "overdue"
-- tab shows it and its row says by how much (aduan_core::current_deadline). SQLite cannot change a generated
-- column, so next_due is made again, and the indexes that store it with it.
DROP INDEX reports_next_due;
DROP INDEX reports_agency_queue;
DROP INDEX reports_unfinished_queue;
ALTER TABLE reports DROP COLUMN next_due;
ALTER TABLE reports ADD COLUMN next_due TEXT GENERATED ALWAYS AS (
    CASE
        WHEN status IN ('submitted', 'verified') THEN verify_due
        WHEN status = 'dispositioned' AND responded_day IS NULL THEN respond_due
        WHEN status IN ('dispositioned', 'in_progress', 'escalated') THEN escalate_due
    END
) VIRTUAL;
CREATE INDEX reports_next_due ON reports(next_due, created_at);
CREATE INDEX reports_agency_queue ON reports(agency_id, forwarded, next_due, created_at, status, handed_back,
    category_id, region_id, created_day, kind);
CREATE INDEX reports_unfinished_queue ON reports(next_due, created_at, status, handed_back, forwarded, agency_id,
    category_id, region_id, created_day, kind)
    WHERE status IN ('submitted', 'verified', 'dispositioned', 'in_progress', 'escalated');
ANALYZE;
