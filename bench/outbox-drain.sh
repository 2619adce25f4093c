#!/usr/bin/env bash
# The outbox draining 10,000 events into a local webhook receiver that answers at once (in one process: the server's
# worker, n8n connector and embedded H2, and the receiver), then the same with 1 % of calls failing with a 503.
# Builds nothing: run `mvn -B -q -pl bench -am package -DskipTests -DskipITs` first.
# Usage: bench/outbox-drain.sh [FAILING_SHARE (0.01)] [RETRY_BASE_MS (2000, the server's default)]
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -Djava.io.tmpdir=bench/target -cp bench/target/benchmarks.jar dev.concierge.bench.OutboxDrain "${1:-0.01}" "${2:-2000}"
