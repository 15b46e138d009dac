#!/usr/bin/env bash
# PNG encoding of the graph runner's SaveImage/PreviewImage: PngWriter (zlib 4 and 1) against ImageIO through
# ImageEncoder, in one JVM, on the photos in samples/ at their size and ×2 (median of N rounds).
#
#   mvn -o -q -Dbuild.dirname=target-x -pl src-test -am install -DskipTests \
#     && BUILD_DIRNAME=target-x bash src-test/bench/comfy-save-png.sh [rounds]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
[ -d "$ROOT/src-test/$BUILD/classes/io/flowpack/bench/comfynodes" ] || {
    echo "build first: mvn -o -q -Dbuild.dirname=$BUILD -pl src-test -am install -DskipTests" >&2; exit 1; }
(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -Dbuild.dirname="$BUILD" -pl src-test \
    dependency:build-classpath -Dmdep.outputFile="$ROOT/src-test/$BUILD/comfy-save-png.classpath" >/dev/null)
cd "$ROOT"
java -Xmx1g -Djava.awt.headless=true \
    -cp "$ROOT/src-test/$BUILD/classes:$(cat "$ROOT/src-test/$BUILD/comfy-save-png.classpath")" \
    io.flowpack.bench.comfynodes.SavePngBenchmark "${1:-30}" 2>/dev/null
