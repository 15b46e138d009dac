#!/usr/bin/env bash
# Per-step overhead of the Java Stable Diffusion pipeline around OrtSession.run, on the tiny generated diffusers
# models (issue 6, "Generation"). Compiles io.flowpack.bench.generate against flow-steps' build folders.
#
#   mvn -o -q -Dbuild.dirname=target-gbench -pl flow-steps -am install -DskipTests \
#     && BUILD_DIRNAME=target-gbench bash src-test/bench/generate-overhead.sh [rounds]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
ROUNDS=${1:-7}
[ -d "$ROOT/flow-steps/$BUILD/test-classes" ] || {
    echo "build first: mvn -o -q -Dbuild.dirname=$BUILD -pl flow-steps -am install -DskipTests" >&2; exit 1; }
CLASSES="$ROOT/src-test/$BUILD/gbench-classes"
WORK="$ROOT/src-test/$BUILD/bench-generate"
mkdir -p "$CLASSES" "$WORK"
(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -Dbuild.dirname="$BUILD" -pl flow-steps \
    dependency:build-classpath -Dmdep.outputFile="$CLASSES/deps.classpath" >/dev/null 2>&1)
CP="$ROOT/flow-steps/$BUILD/classes:$ROOT/flow-steps/$BUILD/test-classes:$(cat "$CLASSES/deps.classpath")"
javac -d "$CLASSES" -cp "$CP" "$ROOT"/src-test/src/main/java/io/flowpack/bench/generate/*.java
echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -Djava.awt.headless=true -cp "$CLASSES:$CP" io.flowpack.bench.generate.GenerateOverheadBenchmark "$ROUNDS" "$WORK" \
    2> >(grep -v '^\[main\] INFO' >&2)
