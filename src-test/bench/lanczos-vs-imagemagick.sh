#!/usr/bin/env bash
# Lanczos 2×: flowpack against ImageMagick, for speed and quality.
#
#   mvn -o -q -DskipTests install && bash src-test/bench/lanczos-vs-imagemagick.sh [photo] [runs]
#
# Reference: a real photo, centre-cropped to 3840×2160 (or the photo itself when smaller), profiles stripped.
# Input: the reference halved with ImageMagick's Box filter (2×2 area average). Both resamplers enlarge the
# input 2× and are compared with the reference by PSNR (ImageMagick `compare`).
# Timing, median of RUNS each: flowpack in a warm JVM, resize only (no decoding or encoding); ImageMagick
# one process per run reading a memory-mapped MPC cache and writing to null: (process start included,
# measured separately below). Photo: argument 1, else one of at least 3840×2160 from samples/ or, failing
# that, the camera photo Kleiber_by_Lukas_Baubkus.jpg (6028×3391) from Debian's lomiri-wallpapers-20.04.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
RUNS=${2:-${RUNS:-15}}
WORK=${BENCH_DIR:-$ROOT/src-test/$BUILD/bench-lanczos}
# a stand-in `convert` may come first on PATH: always call ImageMagick by its full path
CONVERT=/usr/bin/convert
COMPARE=/usr/bin/compare
IDENTIFY=/usr/bin/identify

install_debian() {
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
    else
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    fi
}

[ -x "$CONVERT" ] || install_debian imagemagick

# The photo: argument 1; else the first photo of at least 3840×2160 in samples/, then the Debian one;
# else the largest of them all.
WALLPAPER=/usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg
pick_photo() {
    if [ -n "${1:-}" ]; then
        echo "$1"
        return
    fi
    [ -f "$WALLPAPER" ] || install_debian lomiri-wallpapers-20.04 || true
    local largest="" most=0 file size w h
    for file in "$ROOT"/samples/*.{jpg,jpeg,JPG,png,tif,tiff} "$WALLPAPER"; do
        [ -f "$file" ] || continue
        size=$("$IDENTIFY" -format '%w %h' "$file[0]" 2>/dev/null) || continue
        read -r w h <<<"$size"
        if [ "$w" -ge 3840 ] && [ "$h" -ge 2160 ]; then
            echo "$file"
            return
        fi
        if [ $((w * h)) -gt "$most" ]; then most=$((w * h)); largest=$file; fi
    done
    echo "$largest"
}

PHOTO=$(pick_photo "${1:-}")
CLASSES="$ROOT/flow-steps/$BUILD/classes:$ROOT/src-test/$BUILD/classes"
if [ ! -f "$ROOT/src-test/$BUILD/classes/io/flowpack/bench/LanczosBenchmark.class" ]; then
    echo "build first: mvn -o -q -DskipTests install" >&2
    exit 1
fi

mkdir -p "$WORK"
cd "$WORK"
"$CONVERT" "$PHOTO[0]" -auto-orient -strip photo.png
read -r PW PH < <("$IDENTIFY" -format '%w %h\n' photo.png)
if [ "$PW" -ge 3840 ] && [ "$PH" -ge 2160 ]; then
    "$CONVERT" photo.png -gravity center -crop 3840x2160+0+0 +repage reference.png
else
    "$CONVERT" photo.png -gravity center -crop "$((PW / 2 * 2))x$((PH / 2 * 2))+0+0" +repage reference.png
fi
"$CONVERT" reference.png -filter Box -resize 50% -strip input.png
"$CONVERT" input.png input.mpc
read -r RW RH < <("$IDENTIFY" -format '%w %h\n' reference.png)
read -r IW IH < <("$IDENTIFY" -format '%w %h\n' input.png)

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
time_ms() {
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    awk -v d="$((t1 - t0))" 'BEGIN { printf "%.1f\n", d / 1e6 }'
}
time_runs() {
    local i
    "$@" >/dev/null 2>&1 # warm the page cache
    for ((i = 0; i < RUNS; i++)); do time_ms "$@"; done | median
}

echo "== Lanczos 2×: flowpack vs ImageMagick"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "load average before the run: $(cut -d" " -f1-3 /proc/loadavg) (other processes share these cores)"
echo "java: $(java -version 2>&1 | head -1)"
echo "imagemagick: $("$CONVERT" -version | head -1)"
echo "imagemagick $("$CONVERT" -version | grep '^Features')"
echo "imagemagick threads: $("$CONVERT" -list resource | awk '/Thread/ { print $2 }')"
echo "photo: $PHOTO (${PW}×${PH})"
echo "reference: ${RW}×${RH}; input: ${IW}×${IH} (ImageMagick -filter Box -resize 50%); runs: $RUNS"
echo

java -cp "$CLASSES" io.flowpack.bench.LanczosBenchmark --runs "$RUNS" --out flowpack.png input.png | tee flowpack.log
FLOWPACK_MS=$(sed -n 's/^RESULT flowpack_ms=\([0-9.]*\).*/\1/p' flowpack.log)

IM_MS=$(time_runs "$CONVERT" input.mpc -filter Lanczos -resize 200% null:)
IM_START_MS=$(time_runs "$CONVERT" input.mpc -format '%w' info:)
"$CONVERT" input.png -filter Lanczos -resize 200% -strip imagemagick.png

# compare exits 1 when the images differ, which they do
psnr() { { "$COMPARE" -metric PSNR "$1" reference.png null: 2>&1 || true; } | awk '{ print $1 }'; }
FLOWPACK_PSNR=$(psnr flowpack.png)
IM_PSNR=$(psnr imagemagick.png)

echo
printf 'time flowpack (resize, warm JVM):        %8.1f ms (median of %d)\n' "$FLOWPACK_MS" "$RUNS"
printf 'time ImageMagick (process, MPC -> null:): %8.1f ms (median of %d; start + MPC load alone: %.1f ms)\n' \
    "$IM_MS" "$RUNS" "$IM_START_MS"
awk -v f="$FLOWPACK_MS" -v m="$IM_MS" 'BEGIN { printf "ratio ImageMagick / flowpack:             %8.2f×\n", m / f }'
printf 'PSNR flowpack vs reference:               %8.3f dB\n' "$FLOWPACK_PSNR"
printf 'PSNR ImageMagick vs reference:            %8.3f dB\n' "$IM_PSNR"
awk -v f="$FLOWPACK_PSNR" -v m="$IM_PSNR" 'BEGIN { printf "PSNR difference flowpack - ImageMagick:  %+8.3f dB\n", f - m }'
mean() { "$CONVERT" "$1" -format '%[fx:mean*255]' info:; }
printf 'mean level (0..255): reference %.3f, input %.3f, flowpack %.3f, ImageMagick %.3f\n' \
    "$(mean reference.png)" "$(mean input.png)" "$(mean flowpack.png)" "$(mean imagemagick.png)"
echo "files: $WORK"
