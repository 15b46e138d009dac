#!/usr/bin/env bash
# Anonymizer quality on synthetic people pasted onto real people-free photos (issue 4, "Quality benchmark").
#
#   mvn -o -q -Dbuild.dirname=target-abench install -DskipTests \
#     && BUILD_DIRNAME=target-abench bash src-test/bench/anonymize-quality.sh [per-background] [seed]
#
# People: samples/portraits/astronaut.jpg, grace_hopper.jpg, samples/camera.png (public domain, samples/PROVENANCE.md), cut out with
# the detector's box + the bundled selfie segmenter (soft alpha). Backgrounds: samples/coffee.jpg, chelsea.jpg,
# rocket.jpg and seeding_by_Clements_Engelhardt.jpg from Debian lomiri-wallpapers-16.04 (CC0-1.0 per
# /usr/share/doc/lomiri-wallpapers-16.04/copyright; the 20.04 package's photos are CC-BY-SA, not used), scaled to
# 1920 px on the long edge. Images go to $BUILD/bench-anonymize-quality (not committed).
# Java (io.flowpack.bench.anonymize.*) generates the set, runs detect + mask + PatchMatch; Debian's python3 +
# python3-opencv runs cv2.inpaint(image, mask, 3, INPAINT_TELEA) with the anonymizer's mask binarised at 0.5;
# Java scores both.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
PER_BACKGROUND=${1:-9}
SEED=${2:-20240604}
WORK=${BENCH_DIR:-$ROOT/src-test/$BUILD/bench-anonymize-quality}
PYTHON=/usr/bin/python3   # Debian's python with python3-opencv, not a pyenv one on PATH
CC0_PHOTO=/usr/share/backgrounds/seeding_by_Clements_Engelhardt.jpg

install_debian() {
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
    else
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    fi
}
"$PYTHON" -c 'import cv2' 2>/dev/null || install_debian python3-opencv
[ -f "$CC0_PHOTO" ] || install_debian lomiri-wallpapers-16.04
grep -A2 "seeding_by_Clements_Engelhardt.jpg" /usr/share/doc/lomiri-wallpapers-16.04/copyright | grep -q 'CC0' \
    || { echo "licence of $CC0_PHOTO is not CC0 any more; check /usr/share/doc/lomiri-wallpapers-16.04/copyright" >&2; exit 1; }

source "$(dirname "$0")/anonymize-classpath.sh"
rm -rf "$WORK" && mkdir -p "$WORK"
S="$ROOT/samples"
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); opencv: $("$PYTHON" -c 'import cv2; print(cv2.__version__)')"
"${JAVA[@]}" io.flowpack.bench.anonymize.SyntheticPeopleSet "$WORK" \
    people="$S/portraits/astronaut.jpg,$S/portraits/grace_hopper.jpg,$S/camera.png" \
    backgrounds="$S/coffee.jpg,$S/chelsea.jpg,$S/rocket.jpg,$CC0_PHOTO" \
    per-background="$PER_BACKGROUND" max-people=2 seed="$SEED"
echo "== anonymizer (detect, mask, PatchMatch) =="
"${JAVA[@]}" io.flowpack.bench.anonymize.AnonymizeQualityBenchmark run "$WORK"

"$PYTHON" - "$WORK" <<'PY'
import glob, os, sys, cv2
for mask_path in sorted(glob.glob(os.path.join(sys.argv[1], "*-mask.png"))):
    case = mask_path[:-len("-mask.png")]
    image = cv2.imread(case + "-image.png")
    mask = (cv2.imread(mask_path, cv2.IMREAD_GRAYSCALE) >= 128).astype("uint8") * 255
    cv2.imwrite(case + "-telea.png", cv2.inpaint(image, mask, 3, cv2.INPAINT_TELEA))
PY

echo "== quality (PSNR dB / luma SSIM 11x11 Gaussian inside truth hole ∪ anonymizer mask, vs the person-free photo; res = residual person) =="
"${JAVA[@]}" io.flowpack.bench.anonymize.AnonymizeQualityBenchmark score "$WORK" patchmatch telea
echo "results: $WORK"
