#!/usr/bin/env bash
# Rebuilds the bundled esrgan-slim models from their npm package and checks each against TensorFlow.js:
#
#   bash src-test/model-verify/import-esrgan-slim.sh [2 3 4]
#
# 1. `npm pack @upscalerjs/esrgan-slim@1.0.0` into a work folder (outside the source tree);
# 2. `npm install` beside verify-tfjs.mjs (@tensorflow/tfjs, pure JS, CPU backend);
# 3. builds flowpack (src-test and what it needs) and imports models/xN/model.json with
#    `flowpack models import` into flow-steps/src/main/resources/flowpack/models/esrgan-slim-xN/;
# 4. runs VerifyImport: the same photo crop through tfjs and ONNX Runtime, max |diff| recorded in the manifest.
# Needs node, npm and the registries; nothing here runs in CI.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
WORK=${WORK_DIR:-$ROOT/src-test/$BUILD/esrgan-slim}
PACKAGE=@upscalerjs/esrgan-slim@1.0.0
SCALES=("$@")
[ ${#SCALES[@]} -gt 0 ] || SCALES=(2 3 4)

mkdir -p "$WORK"
(cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf upscalerjs-esrgan-slim-1.0.0.tgz)
(cd "$ROOT/src-test/model-verify" && npm install --silent --no-audit --no-fund)
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -Dbuild.dirname="$BUILD" -DskipTests -pl src-test -am \
    package dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >/dev/null)
CP="$ROOT/src-test/$BUILD/classes:$(cat "$WORK/classpath")"

cd "$ROOT"
for scale in "${SCALES[@]}"; do
    target=flow-steps/src/main/resources/flowpack/models/esrgan-slim-x$scale
    java -cp "$CP" io.flowpack.deploy.FlowpackMain models import "$WORK/package/models/x$scale/model.json" \
        --out "$target" --name "esrgan-slim-x$scale" --source "$PACKAGE:models/x$scale/model.json" --licence MIT \
        --task super-resolution --scale "$scale" --input-range 0,255 --output-range 0,255 --tile 128 --overlap 12
    java -cp "$CP" io.flowpack.bench.VerifyImport --model "$target" \
        --tfjs "$WORK/package/models/x$scale/model.json" --record 2>&1 | grep -v -e '^=*$' -e 'Hi, looks like'
done
