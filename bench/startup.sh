#!/usr/bin/env bash
# Measures launch → first 200 from /api/health of `java -jar concierge-server.jar --demo`.
# Usage: bench/startup.sh [runs] [extra JVM args…]. Each run starts on an empty data dir (the slowest
# start: migrations, demo import, demo accounts) and then once more on the same dir (a restart).
set -euo pipefail
jar="$(dirname "$0")/../server/target/concierge-server.jar"
runs="${1:-5}"; shift || true
port=7199
for i in $(seq "$runs"); do
  for kind in first restart; do
    [ "$kind" = first ] && data=$(mktemp -d)
    start=$(date +%s%N)
    java "$@" -jar "$jar" --demo --port "$port" --data "$data" >/dev/null 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do sleep 0.02; done
    echo "$kind $(( ($(date +%s%N) - start) / 1000000 )) ms"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  rm -rf "$data"
done
