-- Where the trained model's parameters are kept in the artifact store, relative to its root.
ALTER TABLE run ADD COLUMN model_path text;
