#!/bin/sh
# A trainer that logs to stdout, which is reserved for progress.
echo '{"step": 1, "steps": 10, "loss": 2.5}'
echo 'loading weights from cache...'
exec sleep 600
