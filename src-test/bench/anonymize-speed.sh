#!/usr/bin/env bash
# Anonymizer speed (issue 4, "Performance"): a 1920×1080 JPEG with one to three people, end to end on this
# machine's cores (decode, detect, mask, PatchMatch inpaint, JPEG encode), median of RUNS after a warm-up; then a
# 4000×3000 JPEG in a child JVM with -Xmx1g (time, VmHWM, /usr/bin/time -v maximum resident set size).
#
#   mvn -o -q -Dbuild.dirname=target-abench install -DskipTests \
#     && BUILD_DIRNAME=target-abench bash src-test/bench/anonymize-speed.sh [runs] [photos]
#
# Photos: synthetic composites (io.flowpack.bench.anonymize.SyntheticPeopleSet) of the samples' people on the CC0
# photo seeding_by_Clements_Engelhardt.jpg (Debian lomiri-wallpapers-16.04), in $BUILD/bench-anonymize-speed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
RUNS=${1:-5}
PHOTOS=${2:-3}
WORK=${BENCH_DIR:-$ROOT/src-test/$BUILD/bench-anonymize-speed}
CC0_PHOTO=/usr/share/backgrounds/seeding_by_Clements_Engelhardt.jpg
[ -f "$CC0_PHOTO" ] || { echo "missing $CC0_PHOTO: apt-get install lomiri-wallpapers-16.04" >&2; exit 1; }

source "$(dirname "$0")/anonymize-classpath.sh"
rm -rf "$WORK" && mkdir -p "$WORK/hd" "$WORK/big" "$WORK/out"
S="$ROOT/samples"
PEOPLE="$S/portraits/astronaut.jpg,$S/portraits/grace_hopper.jpg,$S/camera.png"
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
"${JAVA[@]}" io.flowpack.bench.anonymize.SyntheticPeopleSet "$WORK/hd" people="$PEOPLE" backgrounds="$CC0_PHOTO" \
    size=1920x1080 per-background="$PHOTOS" max-people=3 seed=7 jpeg=true 2>/dev/null
"${JAVA[@]}" io.flowpack.bench.anonymize.SyntheticPeopleSet "$WORK/big" people="$PEOPLE" backgrounds="$CC0_PHOTO" \
    size=4000x3000 per-background=1 max-people=3 seed=7 jpeg=true 2>/dev/null
echo "== 1920×1080, seconds per phase =="
"${JAVA[@]}" io.flowpack.bench.anonymize.AnonymizeSpeedBenchmark series "$WORK/hd" "$RUNS" "$WORK/out" 2>/dev/null
echo "== 4000×3000 in a child JVM with -Xmx1g, seconds per phase =="
BIG=$(ls "$WORK"/big/*.jpg | head -1)
/usr/bin/time -v java -Xmx1g -Djava.awt.headless=true -cp "$CP" io.flowpack.bench.anonymize.AnonymizeSpeedBenchmark \
    once "$BIG" "$WORK/out/big.jpg" 2>"$WORK/time-v.txt"
grep -E 'Maximum resident|Elapsed \(wall|Exit status' "$WORK/time-v.txt"
echo "results: $WORK"
