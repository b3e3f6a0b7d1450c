-- A `callback` job carries an event that the experiment service signs with an API key's secret and
-- posts to the key's receiver. So only processes that may read keys may queue one or change what it
-- carries: members of s2l_access, the two services (the database roles of docs/operations.md). The
-- trainer workers share the queue but parse user data; they may still requeue or fail such a job
-- (rescue), never write its payload. Where those roles do not exist, nothing changes.
-- The trigger's WHEN keeps every other job's insert, claim and completion free of it.
CREATE FUNCTION queue.callback_jobs_from_key_holders() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 's2l_access') THEN
        RETURN NEW;
    END IF;
    IF pg_has_role(current_user, 's2l_access', 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF OLD.kind = NEW.kind AND OLD.payload = NEW.payload AND OLD.study_id = NEW.study_id THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'only the services may queue a callback job or change what it carries'
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER callback_jobs_from_key_holders
    BEFORE INSERT OR UPDATE ON queue.job
    FOR EACH ROW WHEN (NEW.kind = 'callback')
    EXECUTE FUNCTION queue.callback_jobs_from_key_holders();
