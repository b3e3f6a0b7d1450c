-- From this version on every timestamp of the queue is the database's (now()), never a worker's
-- clock: a worker whose clock runs behind or ahead can neither lose a healthy job nor rescue one
-- early. Durations (lease, backoff, job timeout) are sent as intervals and added in SQL.

-- Fair claims: a job carries the group whose share of the workers it counts against (the owner of
-- its study). Null means no group; such jobs share one group together.
ALTER TABLE queue.job ADD COLUMN fairness_group text;

-- When the current attempt was claimed, by the database's clock: its job timeout is counted from
-- here, so heartbeats never renew a lease past claimed_at + job timeout + lease.
ALTER TABLE queue.job ADD COLUMN claimed_at timestamptz;

-- A claim first lists the groups that have queued jobs, then takes each group's next job in claim
-- order, and picks among those heads the group with the fewest running jobs. This index serves both
-- steps: the groups by a skip scan (one index descent per group, not one row per job), and each
-- group's head by walking the group's entries in (priority DESC, id) order until the first
-- claimable one. So a claim costs about (groups x log(queued jobs)), however many jobs one group
-- has queued. The expression folds null into '' so that the skip scan's "next group" comparison
-- can use the index.
CREATE INDEX job_claimable_by_group ON queue.job (coalesce(fairness_group, ''), priority DESC, id)
    WHERE state = 'queued';
