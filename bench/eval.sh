#!/usr/bin/env bash
# The assistant's eval: plays the scripted guest conversations of server/src/test/resources/conversations/*.yaml
# (English and Spanish) against a real server with the demo hotel (ConversationSuiteIT, nothing else) and prints the
# task success rate per task and language, per language and in all. The issue's bar is 95 %; below it this exits 1.
# Usage: bench/eval.sh [Maven options…]   e.g. bench/eval.sh -o   (offline: no network needed once built)
set -uo pipefail
cd "$(dirname "$0")/.."
report=server/target/conversation-eval.txt
log=server/target/eval-maven.log
mkdir -p server/target
rm -f "$report"
# verify on the server and what it needs (api, test-support); unit tests and spotless are not what this measures
mvn -B -q -pl server -am verify \
    -Dit.test=ConversationSuiteIT -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true "$@" >"$log" 2>&1
status=$?
if [ -f "$report" ]; then
  cat "$report"
else
  tail -40 "$log"
  echo "no report: the suite did not run (Maven's output: $log)" >&2
fi
exit "$status"
