-- A fair claim asks for some kinds of job (an analysis worker: analyze; the experiment service:
-- callback). With the kind outside the group index, a group's head was found by walking the group's
-- queued jobs of every kind until one of the asked kinds: 20,000 queued training jobs made every
-- idle poll of an analysis worker read 20,000 entries (40 ms). With the kind second, each group's
-- head of each asked kind is one index descent; the groups are still found by a skip scan of the
-- first column. The index is rebuilt under a lock of the table, over every row: on a large queue,
-- stop the workers before upgrading.
DROP INDEX queue.job_claimable_by_group;
CREATE INDEX job_claimable_by_group
    ON queue.job (coalesce(fairness_group, ''), kind, priority DESC, id)
    WHERE state = 'queued';
