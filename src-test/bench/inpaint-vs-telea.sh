#!/usr/bin/env bash
# Inpainting quality and speed: flowpack's PatchMatch against OpenCV's Telea on person-shaped holes.
#
#   mvn -o -q -Dbuild.dirname=target-inp install -DskipTests -pl flow-steps,anonymizer \
#     && BUILD_DIRNAME=target-inp bash src-test/bench/inpaint-vs-telea.sh [runs]
#
# Photos without people: samples/coffee.jpg, chelsea.jpg, rocket.jpg and the CC0 camera photo
# Kleiber_by_Lukas_Baubkus.jpg (Debian lomiri-wallpapers-20.04) scaled to 1920×1080. Each gets a standing-person
# silhouette (55 % of its height) at three positions. Java (io.flowpack.bench.InpaintBenchmark) writes image,
# mask and PatchMatch result; Debian's python3 + python3-opencv writes cv2.inpaint(..., 3, INPAINT_TELEA) of the
# same image + mask; Java scores both (PSNR, SSIM inside the hole, io.flowpack.anonymizer.inpaint.HoleQuality).
# Timing: median of RUNS on the first 1920×1080 case, PatchMatch in a warm JVM, Telea in one Python process.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
RUNS=${1:-${RUNS:-5}}
WORK=${BENCH_DIR:-$ROOT/src-test/$BUILD/bench-inpaint}
PYTHON=/usr/bin/python3   # Debian's python with python3-opencv, not a pyenv one on PATH
WALLPAPER=/usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg

install_debian() {
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
    else
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    fi
}
"$PYTHON" -c 'import cv2' 2>/dev/null || install_debian python3-opencv
[ -f "$WALLPAPER" ] || install_debian lomiri-wallpapers-20.04

[ -d "$ROOT/anonymizer/$BUILD/classes" ] || {
    echo "build first: mvn -o -q -Dbuild.dirname=$BUILD install -DskipTests -pl flow-steps,anonymizer" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/classes" "$WORK/cases"
DEPS="$WORK/deps.classpath"
(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -Dbuild.dirname="$BUILD" -pl flow-steps \
    dependency:build-classpath -Dmdep.outputFile="$DEPS" >/dev/null 2>&1)
CP="$ROOT/anonymizer/$BUILD/classes:$ROOT/flow-steps/$BUILD/classes:$(cat "$DEPS")"
javac -q -d "$WORK/classes" -cp "$CP" "$ROOT/src-test/src/main/java/io/flowpack/bench/InpaintBenchmark.java" 2>/dev/null \
    || javac -d "$WORK/classes" -cp "$CP" "$ROOT/src-test/src/main/java/io/flowpack/bench/InpaintBenchmark.java"
JAVA=(java -Djava.awt.headless=true -cp "$WORK/classes:$CP")

# the 1920×1080 photo: the wallpaper (6028×3391, 16:9) scaled down by OpenCV's area filter
"$PYTHON" - "$WALLPAPER" "$WORK/hd.png" <<'PY'
import sys, cv2
image = cv2.imread(sys.argv[1])
cv2.imwrite(sys.argv[2], cv2.resize(image, (1920, 1080), interpolation=cv2.INTER_AREA))
PY

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); opencv: $("$PYTHON" -c 'import cv2; print(cv2.__version__)')"
"${JAVA[@]}" -Druns="$RUNS" ${PATCHMATCH_OPTS:-} io.flowpack.bench.InpaintBenchmark prepare "$WORK/cases" \
    "$ROOT/samples/coffee.jpg" "$ROOT/samples/chelsea.jpg" "$ROOT/samples/rocket.jpg" "$WORK/hd.png"

"$PYTHON" - "$WORK/cases" "$RUNS" <<'PY'
import glob, os, statistics, sys, time, cv2
folder, runs = sys.argv[1], int(sys.argv[2])
timed = None
for mask_path in sorted(glob.glob(os.path.join(folder, "*-mask.png"))):
    case = mask_path[:-len("-mask.png")]
    image = cv2.imread(case + "-image.png")
    mask = cv2.imread(mask_path, cv2.IMREAD_GRAYSCALE)
    mask = (mask >= 128).astype("uint8") * 255
    cv2.imwrite(case + "-telea.png", cv2.inpaint(image, mask, 3, cv2.INPAINT_TELEA))
    if timed is None and os.path.basename(case).startswith("hd-"):
        timed = (os.path.basename(case), image, mask)
if timed:
    name, image, mask = timed
    cv2.inpaint(image, mask, 3, cv2.INPAINT_TELEA)
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        cv2.inpaint(image, mask, 3, cv2.INPAINT_TELEA)
        seconds.append(time.perf_counter() - start)
    with open(os.path.join(folder, "telea-times.txt"), "w") as out:
        out.write("%s %.3f %s\n" % (name, statistics.median(seconds), sorted(round(s, 3) for s in seconds)))
PY

echo "== quality inside the hole (vs the person-free original) =="
"${JAVA[@]}" io.flowpack.bench.InpaintBenchmark score "$WORK/cases" patchmatch telea
echo "== time per 1920×1080 photo with a person-sized hole, median of $RUNS (case, median s, all) =="
echo "patchmatch: $(cat "$WORK/cases/patchmatch-times.txt")"
echo "telea:      $(cat "$WORK/cases/telea-times.txt")"
echo "results: $WORK/cases"
