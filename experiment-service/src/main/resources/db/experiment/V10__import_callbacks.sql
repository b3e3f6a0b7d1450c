-- Imports have callbacks too. An import is a study of the analysis service, not a row of study:
-- its events arrive as callback jobs the analysis service queues (the experiment service records
-- each event and delivery from its job), so an event's study_id no longer references study.
ALTER TABLE callback_event DROP CONSTRAINT callback_event_study_id_fkey;
ALTER TABLE callback_delivery DROP CONSTRAINT callback_delivery_study_id_fkey;

-- An event goes to a URL once (a study names no URL twice): the job of an import's event finds
-- the delivery it recorded on an earlier attempt by these.
CREATE UNIQUE INDEX callback_delivery_by_event_url ON callback_delivery (event_id, url);
