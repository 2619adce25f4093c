#!/usr/bin/env bash
# The server scaled out: chat turns and availability queries over HTTP against 1 instance on H2, 1 on PostgreSQL and
# 2 on one PostgreSQL (a real, durable cluster from the Debian package, started here in a temp dir). Needs
# `apt-get install postgresql`. Builds nothing: run `mvn -B -q -pl bench -am package -DskipTests -DskipITs` first.
# Usage: bench/scale-out.sh [--clients 64] [--warmup 10] [--seconds 30] [--only h2|postgresql]
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -Djava.io.tmpdir=bench/target -cp bench/target/benchmarks.jar dev.concierge.bench.ScaleOut "$@"
