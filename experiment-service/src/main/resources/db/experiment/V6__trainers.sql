-- External trainers an admin registered (POST /api/v1/trainers), by the name studies use. A
-- registration is never changed in place: the same name with another definition is refused, so an
-- admin deletes it and registers it again.
CREATE TABLE trainer (
    name       text        PRIMARY KEY,
    definition jsonb       NOT NULL,  -- io.s2l.study.TrainerRef: the registration, defaults filled in
    created_at timestamptz NOT NULL
);

-- The registrations of the external trainers a study uses, by name, as they were when it was
-- submitted. Its training jobs carry them in their payloads; the reference models a mixture study
-- queues only once its proxies are trained take them from here, so deleting or re-registering a
-- trainer never changes a study already submitted.
ALTER TABLE study ADD COLUMN trainers jsonb NOT NULL DEFAULT '{}';
