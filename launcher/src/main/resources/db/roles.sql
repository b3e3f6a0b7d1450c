-- s2l's database roles: one login role per kind of process, each with exactly the schemas it uses.
--
--   role             schemas it may use                     why
--   s2l_experiment   experiment (owner), queue, access      studies and datasets; enqueues; keys
--   s2l_analysis     analysis (owner), queue, access,       results and imports; analysis jobs;
--                    the views of training (read only)      keys; the trained models' losses
--   s2l_worker       training (owner), queue                runs; claims jobs. Never access: the
--                                                           worker parses user data
--
-- The shared schemas belong to group roles that are not login roles: queue to s2l_queue (all three
-- are members), access to s2l_access (the two services). Whoever migrates them first hands what it
-- created to the group (each schema's afterMigrate callback), so the next member can migrate them
-- further. The views of training that other services may read (its migration folder's contract)
-- are granted to s2l_training_reader.
--
-- Run by an administrator (a superuser, or a role with CREATEROLE that owns the database) on the
-- s2l database before the services first start, and again after an upgrade; it changes nothing
-- the second time. `./s2l up` runs it on its embedded database at every start. It sets no
-- passwords: give each login role one (ALTER ROLE s2l_worker PASSWORD '...') and each process its
-- own (S2L_DB_USER, S2L_DB_PASSWORD). A database whose schemas an earlier version created under one
-- role is handed over to these roles by the last block.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['s2l_experiment', 's2l_analysis', 's2l_worker'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', r);
        END IF;
    END LOOP;
    FOREACH r IN ARRAY ARRAY['s2l_queue', 's2l_access', 's2l_training_reader'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;

GRANT s2l_queue TO s2l_experiment, s2l_analysis, s2l_worker;
GRANT s2l_access TO s2l_experiment, s2l_analysis;
GRANT s2l_training_reader TO s2l_analysis;

CREATE SCHEMA IF NOT EXISTS experiment AUTHORIZATION s2l_experiment;
CREATE SCHEMA IF NOT EXISTS analysis AUTHORIZATION s2l_analysis;
CREATE SCHEMA IF NOT EXISTS training AUTHORIZATION s2l_worker;
CREATE SCHEMA IF NOT EXISTS queue AUTHORIZATION s2l_queue;
CREATE SCHEMA IF NOT EXISTS access AUTHORIZATION s2l_access;
GRANT USAGE ON SCHEMA training TO s2l_training_reader;
-- The queue's first migration says CREATE SCHEMA IF NOT EXISTS, which PostgreSQL checks against the
-- database's CREATE privilege even when the schema exists; a migration, once applied, never
-- changes. So the queue's members may create schemas (which they would own, and nothing else).
DO $$
BEGIN
    EXECUTE format('GRANT CREATE ON DATABASE %I TO s2l_queue', current_database());
END $$;

-- While one process migrates a shared schema, what it has created so far is its own until its
-- afterMigrate callback hands it over; another member that starts meanwhile must still read it.
ALTER DEFAULT PRIVILEGES FOR ROLE s2l_experiment, s2l_analysis, s2l_worker IN SCHEMA queue
    GRANT ALL ON TABLES TO s2l_queue;
ALTER DEFAULT PRIVILEGES FOR ROLE s2l_experiment, s2l_analysis, s2l_worker IN SCHEMA queue
    GRANT ALL ON SEQUENCES TO s2l_queue;
ALTER DEFAULT PRIVILEGES FOR ROLE s2l_experiment, s2l_analysis IN SCHEMA access
    GRANT ALL ON TABLES TO s2l_access;
ALTER DEFAULT PRIVILEGES FOR ROLE s2l_experiment, s2l_analysis IN SCHEMA access
    GRANT ALL ON SEQUENCES TO s2l_access;

-- Hands each schema, and everything in it, to its role: a no-op on a database these roles made,
-- the upgrade of one an earlier version made under a single role.
DO $$
DECLARE
    s record;
    o record;
BEGIN
    FOR s IN SELECT * FROM (VALUES ('experiment', 's2l_experiment'), ('analysis', 's2l_analysis'),
                                   ('training', 's2l_worker'), ('queue', 's2l_queue'),
                                   ('access', 's2l_access')) AS t (schema_name, owner) LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', s.schema_name, s.owner);
        FOR o IN SELECT c.relname, c.relkind FROM pg_class c
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = s.schema_name AND c.relkind IN ('r', 'p', 'v', 'm')
                   AND pg_get_userbyid(c.relowner) <> s.owner LOOP
            EXECUTE format('ALTER %s %I.%I OWNER TO %I',
                           CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                          ELSE 'TABLE' END,
                           s.schema_name, o.relname, s.owner);
        END LOOP;
    END LOOP;
    FOR o IN SELECT viewname FROM pg_views WHERE schemaname = 'training' LOOP
        EXECUTE format('GRANT SELECT ON training.%I TO s2l_training_reader', o.viewname);
    END LOOP;
END $$;
