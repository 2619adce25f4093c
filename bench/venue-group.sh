#!/usr/bin/env bash
# A venue group on one PostgreSQL, simulated: N venues (an instance and a database each) with M chats a minute arriving
# at random at each, rate after rate; prints turn latencies and PostgreSQL's CPU per turn and as a share of a core.
# Needs `apt-get install postgresql`. Builds nothing: run `mvn -B -q -pl bench -am package -DskipTests -DskipITs` first.
# Usage: bench/venue-group.sh [--venues 4] [--rates 30,120,300,600] [--warmup 10] [--seconds 40] [--idle 60] [--jit 30]
#                             [--think-ms 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -Djava.io.tmpdir=bench/target -cp bench/target/benchmarks.jar dev.concierge.bench.VenueGroup "$@"
