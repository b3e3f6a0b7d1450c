-- Hands what this process's migration created to s2l_queue, the group role of every process that
-- uses the queue (the database roles of docs/operations.md), so that the next process to migrate,
-- whatever its role, owns it too. Does nothing where that role does not exist (one role for all).
DO $$
DECLARE
    o record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 's2l_queue') THEN
        RETURN;
    END IF;
    IF NOT pg_has_role(current_user, 's2l_queue', 'MEMBER') THEN
        RETURN;
    END IF;
    FOR o IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'queue' AND c.relkind IN ('r', 'p', 'v')
               AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
        EXECUTE format('ALTER TABLE queue.%I OWNER TO s2l_queue', o.relname);
    END LOOP;
    FOR o IN SELECT p.oid::regprocedure AS fn FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'queue'
               AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO s2l_queue', o.fn);
    END LOOP;
END $$;
