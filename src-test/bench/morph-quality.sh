#!/usr/bin/env bash
# Morph interpolation quality (issue 6, "Quality and performance"): pan and zoom views of the real photos in
# samples/*.jpg with a known middle frame (io.flowpack.bench.morph.MorphSequences); the middle predicted from its two
# neighbours by flowpack's flow morph, a plain cross-fade and ffmpeg's minterpolate (mci, aobmc, bidir), scored by
# luma PSNR and SSIM (MorphQualityBenchmark).
#
#   mvn -o -q -Dbuild.dirname=target-mbench -pl flow-steps install \
#     && BUILD_DIRNAME=target-mbench bash src-test/bench/morph-quality.sh
#
# Needs Debian's ffmpeg (apt-get install ffmpeg). minterpolate gets the pair as frames at 1 fps (prev, next, next:
# it needs a frame after the pair) and writes 2 fps; its second output frame is the middle of prev and next.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
WORK=${BENCH_DIR:-$ROOT/src-test/$BUILD/bench-morph-quality}
command -v ffmpeg >/dev/null || { echo "missing ffmpeg: apt-get install ffmpeg" >&2; exit 1; }

source "$(dirname "$0")/morph-classpath.sh"
rm -rf "$WORK" && mkdir -p "$WORK"
echo "java: $(java -version 2>&1 | head -1); $(ffmpeg -version | head -1); cores: $(nproc)"
CASES=$("${JAVA[@]}" io.flowpack.bench.morph.MorphSequences "$WORK" "$ROOT"/samples/*.jpg)
for c in $CASES; do
    d="$WORK/$c"
    mkdir -p "$d/mi"
    cp "$d/prev.png" "$d/mi/in1.png"; cp "$d/next.png" "$d/mi/in2.png"; cp "$d/next.png" "$d/mi/in3.png"
    ffmpeg -hide_banner -loglevel error -y -framerate 1 -start_number 1 -i "$d/mi/in%d.png" \
        -vf "minterpolate=fps=2:mi_mode=mci:mc_mode=aobmc:me_mode=bidir:scd=none" -start_number 0 "$d/mi/out%d.png"
    cp "$d/mi/out1.png" "$d/minterpolate.png"
done
"${JAVA[@]}" io.flowpack.bench.morph.MorphQualityBenchmark "$WORK" $CASES 2>/dev/null
echo "results: $WORK"
