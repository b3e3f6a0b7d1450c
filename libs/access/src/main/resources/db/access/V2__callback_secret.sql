-- The secret a key's study callbacks are signed with (HMAC-SHA256). Unlike the key itself it is
-- stored as issued: the service must recover it to sign every delivery. Null until the key asks
-- for one; replaced, never kept alongside the old one, when it asks again.
ALTER TABLE api_key ADD COLUMN callback_secret text CHECK (length(callback_secret) BETWEEN 32 AND 200);
