-- The views of this schema are its contract (README.md): other services may read them and nothing
-- else. Where the database roles of docs/operations.md exist, s2l_training_reader (the analysis
-- service's role is a member) may read every view, including one a migration has just created.
DO $$
DECLARE
    v record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 's2l_training_reader') THEN
        RETURN;
    END IF;
    EXECUTE 'GRANT USAGE ON SCHEMA training TO s2l_training_reader';
    FOR v IN SELECT viewname FROM pg_views WHERE schemaname = 'training' LOOP
        EXECUTE format('GRANT SELECT ON training.%I TO s2l_training_reader', v.viewname);
    END LOOP;
END $$;
