#!/usr/bin/env bash
# Super-resolution benchmarks: quality table, model-layer speed, peak memory of a 4000×3000 ×4 upscale.
#
#   mvn -o -q -DskipTests package && bash src-test/bench/super-resolution.sh [quality|speed|memory|all]
#
# With a private build folder: mvn -o -q -Dbuild.dirname=target-x -DskipTests package, then
# BUILD_DIRNAME=target-x bash src-test/bench/super-resolution.sh …
#   quality  io.flowpack.bench.SuperResolutionQualityBenchmark on samples/, both degradations
#   speed    io.flowpack.bench.ModelLayerSpeedBenchmark on a 1920×1080 photo (ROUNDS, default 5)
#   memory   io.flowpack.bench.UpscalePeakMemory in a JVM of its own (HEAP, default 2g) under /usr/bin/time -v
# The speed and memory photo is Kleiber_by_Lukas_Baubkus.jpg (6028×3391) from Debian's lomiri-wallpapers-20.04,
# installed when missing; PHOTO=… picks another of at least 4000×3000.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
WHAT=${1:-all}
WORK=${BENCH_DIR:-$ROOT/src-test/$BUILD/bench-super-resolution}
PHOTO=${PHOTO:-/usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg}

if [ ! -f "$ROOT/src-test/$BUILD/classes/io/flowpack/bench/ModelLayerSpeedBenchmark.class" ] \
    || [ ! -d "$ROOT/flow-steps/$BUILD/test-classes/io/flowpack/upscale" ]; then
    echo "build first: mvn -o -q -DskipTests package (add -Dbuild.dirname=$BUILD for a private build folder)" >&2
    exit 1
fi
if [ ! -f "$PHOTO" ] && [ "$WHAT" != quality ]; then
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lomiri-wallpapers-20.04 >/dev/null
    else
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lomiri-wallpapers-20.04 >/dev/null
    fi
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }

mkdir -p "$WORK"
DEPS="$ROOT/flow-steps/$BUILD/bench.classpath"
(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -Dbuild.dirname="$BUILD" -pl flow-steps \
    dependency:build-classpath -Dmdep.outputFile="$DEPS" >/dev/null 2>&1)
CP="$ROOT/src-test/$BUILD/classes:$ROOT/flow-steps/$BUILD/classes:$ROOT/flow-steps/$BUILD/test-classes:$(cat "$DEPS")"
JAVA=(java -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

cd "$ROOT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"

if [ "$WHAT" = quality ] || [ "$WHAT" = all ]; then
    echo; echo "== quality (samples/)"
    "${JAVA[@]}" -Xmx2g -cp "$CP" io.flowpack.bench.SuperResolutionQualityBenchmark
    "${JAVA[@]}" -Xmx2g -cp "$CP" io.flowpack.bench.SuperResolutionQualityBenchmark --degradation area
fi
if [ "$WHAT" = speed ] || [ "$WHAT" = all ]; then
    echo; echo "== speed: model layer vs bare OrtSession.run"
    "${JAVA[@]}" -Xmx2g -cp "$CP" io.flowpack.bench.ModelLayerSpeedBenchmark --rounds "${ROUNDS:-5}" "$PHOTO"
fi
if [ "$WHAT" = memory ] || [ "$WHAT" = all ]; then
    echo; echo "== peak memory: 4000×3000 ×4 through the upscale step (esrgan-slim), -Xmx${HEAP:-2g}"
    "${JAVA[@]}" -cp "$CP" io.flowpack.bench.UpscalePeakMemory prepare "$PHOTO" "$WORK/input-4000x3000.jpg"
    rm -rf "$WORK/run"
    /usr/bin/time -v "${JAVA[@]}" -Xmx"${HEAP:-2g}" -cp "$CP" io.flowpack.bench.UpscalePeakMemory run \
        "$WORK/input-4000x3000.jpg" "$WORK/run" 4 2> "$WORK/time.txt"
    grep -E "Maximum resident set size|Elapsed \(wall clock\)|Exit status" "$WORK/time.txt"
    rm -rf "$WORK/run"
fi
