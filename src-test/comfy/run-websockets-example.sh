#!/usr/bin/env bash
# ComfyUI's own script_examples (websockets_api_example.py, websockets_api_example_ws_images.py) against flowpack's
# graph runner (issue 5, tests): each script runs unchanged except for its embedded prompt (see
# run_comfy_example.py), with Debian's python3-websocket. They are GPL and not part of flowpack: pass the paths of
# copies from the ComfyUI repository.
#
#   mvn -o -q -Dbuild.dirname=target-x install -DskipTests \
#     && BUILD_DIRNAME=target-x bash src-test/comfy/run-websockets-example.sh /path/to/websockets_api_example*.py
#
# Starts `flowpack serve` with the runner on 127.0.0.1:8188 (the address the script hard-codes), puts a 512×512
# PNG into its input folder, runs the script, and stops the server.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
[ $# -ge 1 ] || { echo "usage: $0 <ComfyUI script_examples/*.py>..." >&2; exit 2; }
JAR="$ROOT/deploy/$BUILD/flowpack-exec.jar"
[ -f "$JAR" ] || { echo "build first: mvn -o -q -Dbuild.dirname=$BUILD install -DskipTests" >&2; exit 1; }
/usr/bin/python3 -c 'import websocket' || { echo "apt-get install -y python3-websocket" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/data/comfy/input" "$WORK/routes"
/usr/bin/python3 - "$WORK/data/comfy/input/example.png" <<'PY'
import struct, sys, zlib
w = h = 512
rows = b"".join(b"\x00" + b"".join(bytes(((x // 2) % 256, (y // 2) % 256, ((x + y) // 4) % 256)) for x in range(w))
               for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
      + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
java -jar "$JAR" serve --server.port=0 --flowpack.data-dir="$WORK/data" --flowpack.routes-dir="$WORK/routes" \
    --flowpack.comfy.runner.port=8188 >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
    curl -sf http://127.0.0.1:8188/prompt >/dev/null 2>&1 && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 1
done
for SCRIPT in "$@"; do
    echo "== $(basename "$SCRIPT")"
    (cd "$WORK" && /usr/bin/python3 "$ROOT/src-test/comfy/run_comfy_example.py" "$SCRIPT" example.png)
done
