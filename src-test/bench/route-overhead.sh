#!/usr/bin/env bash
# Route overhead: documents per second through file -> flow:convert -> file vs a plain file -> file copy, one JVM.
# Usage: bash src-test/bench/route-overhead.sh [files] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Dstyle.color=never -DskipTests install
mvn -B -q -pl src-test dependency:build-classpath -Dmdep.outputFile="$PWD/src-test/target/bench.classpath" >/dev/null
work=$(mktemp -d -p src-test/target bench-route.XXXX)
java -Xmx1g -cp "src-test/target/classes:$(cat src-test/target/bench.classpath)" \
  io.flowpack.bench.RouteOverheadBenchmark "${1:-200}" "${2:-3}" "$work" 2>/dev/null
rm -rf "$work"
