-- Workers advertise how many GPUs they own and each one's memory (one worker per GPU is the
-- normal layout), so an operator sees the cluster's GPU capacity in queue.worker.
ALTER TABLE queue.worker ADD COLUMN gpus integer NOT NULL DEFAULT 0 CHECK (gpus >= 0);
ALTER TABLE queue.worker ADD COLUMN gpu_memory_bytes bigint NOT NULL DEFAULT 0 CHECK (gpu_memory_bytes >= 0);
