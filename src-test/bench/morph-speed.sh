#!/usr/bin/env bash
# Morph speed (issue 6, "Quality and performance"): 210 frames at 640×360, 8 fps, from 7 keyframe images, including
# H.264 encoding: flowpack's morph step (flow, and cross-fade for reference) vs
# `ffmpeg -vf minterpolate=fps=8:mi_mode=mci:scd=none` on the same keyframes, in this script on this machine: first
# flowpack warm in one JVM (median after a warm-up), then both cold and interleaved, timed by /usr/bin/time.
# Then the H.264 encoder choice: FFmpeg OpenH264 vs jcodec on the same 210 frames (EncoderBenchmark).
#
#   mvn -o -q -Dbuild.dirname=target-mbench -pl flow-steps install \
#     && BUILD_DIRNAME=target-mbench bash src-test/bench/morph-speed.sh [runs]
#
# When deploy/$BUILD_DIRNAME/flowpack-exec.jar exists (mvn -o -q -Dbuild.dirname=target-mbench -pl deploy -am install
# -DskipTests), the cold runs also time the real command line, `./flowpack run morph k1.png … k7.png --param fps=8
# --param frames=210 --out DIR` (FLOWPACK_JAR pointing at that jar), interleaved with the others.
#
# Two keyframe sets (public-domain samples, see samples/PROVENANCE.md), 640×360 PNG: "camera", 7 views of one pan
# and zoom over samples/visitor-brick-wall.jpg (related: the flow morph runs), and "photos", the 7 photos
# samples/*.jpg + samples/portraits/*.jpg covered and cropped (unrelated: flowpack falls back to a cross-fade). ffmpeg reads them at 8/35 fps (one keyframe per 35 output frames), interpolates
# to 8 fps and stops at 210 frames; it encodes with its default H.264 encoder (libx264, preset medium, crf 23).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
RUNS=${1:-3}
WORK=${BENCH_DIR:-$ROOT/src-test/$BUILD/bench-morph-speed}
command -v ffmpeg >/dev/null || { echo "missing ffmpeg: apt-get install ffmpeg" >&2; exit 1; }

source "$(dirname "$0")/morph-classpath.sh"
EXEC_JAR="$ROOT/deploy/$BUILD/flowpack-exec.jar"
rm -rf "$WORK" && mkdir -p "$WORK"
PHOTOS=$(ls "$ROOT"/samples/*.jpg "$ROOT"/samples/portraits/*.jpg | head -7)
echo "java: $(java -version 2>&1 | head -1); $(ffmpeg -version | head -1); cores: $(nproc)"
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

compare() {   # $1: keyframe set name; keyframes in $WORK/$1/keyframes
    local set="$WORK/$1"
    mkdir -p "$set/out" "$set/mi-keyframes"
    echo "== keyframes: $1 =="
    "${JAVA[@]}" io.flowpack.bench.morph.MorphSpeedBenchmark run "$set/keyframes" "$set/out" "$RUNS" flow 2>/dev/null
    "${JAVA[@]}" io.flowpack.bench.morph.MorphSpeedBenchmark run "$set/keyframes" "$set/out" "$RUNS" crossfade \
        2>/dev/null
    # minterpolate holds back the frames after the last keyframe: a copy of the last one lets it reach 210
    cp "$set"/keyframes/k*.png "$set/mi-keyframes/" && cp "$set/keyframes/k7.png" "$set/mi-keyframes/k8.png"
    # Cold runs, as a user runs them, interleaved so that both tools see the same load on shared cores:
    # a whole JVM doing one morph (start-up and JIT included) against one ffmpeg process; wall and user+sys CPU.
    local fp_walls=() fp_cpus=() mi_walls=() mi_cpus=() cli_walls=() cli_cpus=() loads=()
    for run in $(seq 1 "$RUNS"); do
        loads+=("$(cut -d' ' -f1 /proc/loadavg)")
        /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" "${JAVA[@]}" io.flowpack.bench.morph.MorphSpeedBenchmark \
            once "$set/keyframes" "$set/out" flow 2>/dev/null
        fp_walls+=("$(tail -1 "$WORK/time.txt" | awk '{ printf "%.2f", $1 }')")
        fp_cpus+=("$(tail -1 "$WORK/time.txt" | awk '{ printf "%.2f", $2 + $3 }')")
        if [ -f "$EXEC_JAR" ]; then
            rm -rf "$set/cli-out"
            /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" env FLOWPACK_JAR="$EXEC_JAR" "$ROOT/flowpack" run morph \
                "$set"/keyframes/k*.png --param fps=8 --param frames=210 --out "$set/cli-out" >/dev/null 2>&1
            cli_walls+=("$(tail -1 "$WORK/time.txt" | awk '{ printf "%.2f", $1 }')")
            cli_cpus+=("$(tail -1 "$WORK/time.txt" | awk '{ printf "%.2f", $2 + $3 }')")
        fi
        /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" ffmpeg -hide_banner -loglevel error -y -framerate 8/35 \
            -start_number 1 -i "$set/mi-keyframes/k%d.png" -vf "minterpolate=fps=8:mi_mode=mci:scd=none" \
            -frames:v 210 -pix_fmt yuv420p "$set/out/minterpolate.mp4"
        mi_walls+=("$(tail -1 "$WORK/time.txt" | awk '{ printf "%.2f", $1 }')")
        mi_cpus+=("$(tail -1 "$WORK/time.txt" | awk '{ printf "%.2f", $2 + $3 }')")
    done
    local frames
    frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 \
        "$set/out/minterpolate.mp4")
    echo "cold, interleaved, $RUNS runs each (wall s / CPU s); load average at each run's start: ${loads[*]}"
    echo "  flowpack morph (whole JVM): wall ${fp_walls[*]} → median $(median "${fp_walls[@]}"); \
CPU ${fp_cpus[*]} → median $(median "${fp_cpus[@]}")"
    if [ ${#cli_walls[@]} -gt 0 ]; then
        echo "  ./flowpack run morph (exec jar): wall ${cli_walls[*]} → median $(median "${cli_walls[@]}"); \
CPU ${cli_cpus[*]} → median $(median "${cli_cpus[@]}"); $(ffprobe -v error -count_frames -select_streams v:0 \
-show_entries stream=nb_read_frames -of csv=p=0 "$set"/cli-out/*.mp4) frames"
    fi
    echo "  ffmpeg minterpolate mci + libx264: wall ${mi_walls[*]} → median $(median "${mi_walls[@]}"); \
CPU ${mi_cpus[*]} → median $(median "${mi_cpus[@]}"); $frames frames, $(stat -c %s "$set/out/minterpolate.mp4") bytes"
}

# related keyframes: one camera move (pan + 15 % zoom) over samples/visitor-brick-wall.jpg — the flow morph works
"${JAVA[@]}" io.flowpack.bench.morph.MorphSpeedBenchmark camera "$WORK/camera/keyframes" \
    "$ROOT/samples/visitor-brick-wall.jpg"
compare camera
# unrelated keyframes: the 7 sample photos — flowpack measures the flow, finds no correspondence, cross-fades
"${JAVA[@]}" io.flowpack.bench.morph.MorphSpeedBenchmark keyframes "$WORK/photos/keyframes" $PHOTOS
compare photos
echo "== H.264 encoder choice =="
java -Xmx2g -Djava.awt.headless=true -cp "$CP" io.flowpack.bench.morph.EncoderBenchmark "$WORK/camera/keyframes" \
    "$WORK/encoders" 2>/dev/null
echo "results: $WORK"
