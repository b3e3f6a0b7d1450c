-- What a study needs of an uploaded corpus, written with the dataset when it is uploaded so that a
-- study submission never re-reads the file (up to s2l.experiment.max-dataset-size) while it holds a
-- connection: the corpus' domains, the domains with a held-out set (heldout/<domain>), and the ids
-- of its training documents in the order studies draw from them. Corpora uploaded before this table
-- existed are indexed from their files once, at start-up, before the service takes requests.
CREATE TABLE corpus_index (
    dataset_id      uuid   PRIMARY KEY REFERENCES dataset (id) ON DELETE CASCADE,
    domains         text[] NOT NULL,
    heldout_domains text[] NOT NULL,
    training_ids    text[] NOT NULL
);
