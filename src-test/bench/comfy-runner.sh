#!/usr/bin/env bash
# The ComfyUI graph runner (issue 5, "Performance"): latency from POST /prompt to `executing {node: null}` for
# LoadImage → ImageScaleBy (×2, bilinear) → SaveImage on a 512×512 image (p50, p99) against the same three nodes
# called directly in the same JVM, and N WebSocket clients queueing M prompts each at once (all complete, none lost,
# throughput).
#
#   mvn -o -q -Dbuild.dirname=target-cbench install -DskipTests \
#     && BUILD_DIRNAME=target-cbench bash src-test/bench/comfy-runner.sh [rounds] [clients] [prompts-per-client]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
ROUNDS=${1:-200}
CLIENTS=${2:-50}
PER_CLIENT=${3:-10}
[ -d "$ROOT/src-test/$BUILD/classes/io/flowpack/bench/comfy" ] || {
    echo "build first: mvn -o -q -Dbuild.dirname=$BUILD install -DskipTests" >&2; exit 1; }
(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -Dbuild.dirname="$BUILD" -pl src-test \
    dependency:build-classpath -Dmdep.outputFile="$ROOT/src-test/$BUILD/comfy-bench.classpath" >/dev/null)
WORK=$(mktemp -d -p "$ROOT/src-test/$BUILD" comfy-bench.XXXX)
trap 'rm -rf "$WORK"' EXIT
java -Xmx2g -Djava.awt.headless=true \
    -cp "$ROOT/src-test/$BUILD/classes:$(cat "$ROOT/src-test/$BUILD/comfy-bench.classpath")" \
    io.flowpack.bench.comfy.ComfyRunnerBenchmark "$ROUNDS" "$CLIENTS" "$PER_CLIENT" "$WORK" 2>/dev/null
