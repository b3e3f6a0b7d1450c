-- The study list reads newest first, a page at a time, optionally within a submission window:
-- walking this index backwards gives a page without sorting every study.
CREATE INDEX study_created ON study (created_at, id);

-- A list filtered by status (the dashboard's most common filter) reads only that status's studies,
-- still in submission order.
CREATE INDEX study_status_created ON study (status, created_at);
