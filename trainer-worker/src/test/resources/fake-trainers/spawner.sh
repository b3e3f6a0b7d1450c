#!/bin/sh
# A trainer that starts a helper process (as data loaders do) and reports progress until killed.
# With "ignore-term" as first argument both ignore SIGTERM, so only SIGKILL ends them.
if [ "$1" = "ignore-term" ]; then
  trap '' TERM
fi
echo $$ > shell.pid
sleep 600 &
echo $! > grandchild.tmp && mv grandchild.tmp grandchild.pid
i=0
while true; do
  i=$((i + 1))
  echo "{\"step\": $i, \"loss\": 1.0}"
  sleep 0.2
done
