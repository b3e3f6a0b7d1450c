-- Study events for callbacks, written in the transaction that moves the study (an outbox): an
-- event exists exactly when its status change was committed. body is the exact JSON that is
-- signed and posted, so every attempt sends the same bytes.
CREATE TABLE callback_event (
    id          uuid        PRIMARY KEY,
    study_id    uuid        NOT NULL REFERENCES study (id),
    key_id      bigint      NOT NULL,  -- the key whose callback secret signs the event
    status      text        NOT NULL,
    body        text        NOT NULL,
    occurred_at timestamptz NOT NULL
);

-- One event to one URL. A callback job of the queue carries its id; the job's attempts are its
-- attempts, and this row records how each went for GET /api/v1/studies/{id}/deliveries.
CREATE TABLE callback_delivery (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         uuid        NOT NULL REFERENCES callback_event (id),
    study_id         uuid        NOT NULL REFERENCES study (id),
    url              text        NOT NULL,
    max_attempts     integer     NOT NULL CHECK (max_attempts > 0),
    attempts         integer     NOT NULL DEFAULT 0,
    last_status_code integer,
    last_error       text,
    next_retry_at    timestamptz,
    delivered_at     timestamptz,
    failed_at        timestamptz,  -- set when the last attempt failed: dead-lettered
    created_at       timestamptz NOT NULL
);

-- The deliveries page of one study, in the order they were created.
CREATE INDEX callback_delivery_by_study ON callback_delivery (study_id, id);
