#!/usr/bin/env bash
# The assistant over HTTP under load: 64 guests chatting at once with a real server (started here from
# server/target/concierge-server.jar on a free loopback port, demo hotel, clock frozen), turns/s and latency.
# Builds nothing: run `mvn -B -q -pl bench -am package -DskipTests -DskipITs` first.
# Usage: bench/chat-load.sh [--conversations 64] [--warmup 10] [--seconds 30] [--server-jvm "…"]
#        bench/chat-load.sh --target http://127.0.0.1:PORT --key PUBLIC_KEY   (a server already running)
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -Djava.io.tmpdir=bench/target -cp bench/target/benchmarks.jar dev.concierge.bench.ChatLoad "$@"
