-- Hands what this process's migration created to s2l_access, the group role of the two services
-- (the database roles of docs/operations.md), so that the next service to migrate, whatever its
-- role, owns it too. Does nothing where that role does not exist (one role for all).
DO $$
DECLARE
    o record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 's2l_access') THEN
        RETURN;
    END IF;
    IF NOT pg_has_role(current_user, 's2l_access', 'MEMBER') THEN
        RETURN;
    END IF;
    FOR o IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'access' AND c.relkind IN ('r', 'p', 'v')
               AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
        EXECUTE format('ALTER TABLE access.%I OWNER TO s2l_access', o.relname);
    END LOOP;
END $$;
