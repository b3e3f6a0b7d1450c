-- Data users bring: corpora and evaluation sets, checked line by line on upload, kept in the
-- artifact store (path relative to its root); studies name them by id.
CREATE TABLE dataset (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('corpus', 'evalset')),
    eval_kind  text        CHECK (eval_kind IN ('answer', 'choice')),  -- evaluation sets only
    records    bigint      NOT NULL,
    bytes      bigint      NOT NULL,
    sha256     text        NOT NULL,  -- of the uploaded body
    domains    jsonb,                 -- corpora: documents per domain
    path       text        NOT NULL,
    created_at timestamptz NOT NULL
);
