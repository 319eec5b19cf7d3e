#!/usr/bin/env bash
# Runs the Java client's tests: unit tests (SSE parser, error mapping, chat stream, builder) and
# the integration tests against an in-process server and a fault-injecting proxy, plus the
# examples' IT (FullLoop and CallerLoop against an in-process server).
# Extra arguments go to Maven, e.g. -Dit.test=ChatIT -Dfailsafe.failIfNoSpecifiedTests=false
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bin/lib/java.sh"
spectron_pick_java
cd "$root"
# Upstream modules are built (-am) but their own tests are skipped; only the client's and examples' run.
./mvnw -B verify -pl spectron-client,examples/java -am \
  -Dtest='dev/spectron/client/**/*Test.java' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='dev/spectron/client/**/*IT.java,dev/spectron/examples/**/*IT.java' -Dfailsafe.failIfNoSpecifiedTests=false "$@"
