#!/bin/sh
# Rebuilds the sample photos in this folder from Debian packages (see PROVENANCE.md for licences).
#   apt-get install -y imagemagick python3-skimage python-matplotlib-data
set -eu
cd "$(dirname "$0")"
IM=/usr/bin/convert          # full path: a stand-in `convert` may sit earlier on PATH
SKIMAGE=/usr/lib/python3/dist-packages/skimage/data
MPL=/usr/share/matplotlib/mpl-data/sample_data

# with people
mkdir -p portraits
$IM "$SKIMAGE/astronaut.png" -strip -quality 92 portraits/astronaut.jpg   # PNG in the package; JPEG here to stay small
cp "$MPL/grace_hopper.jpg" portraits/grace_hopper.jpg
cp "$SKIMAGE/camera.png" camera.png                                  # 8-bit gray PNG, kept as is
# without people
$IM "$SKIMAGE/coffee.png" -strip -quality 92 coffee.jpg
$IM "$SKIMAGE/chelsea.png" -strip -quality 92 chelsea.jpg
cp "$SKIMAGE/rocket.jpg" rocket.jpg

# composites: a portrait's person (bundled detector + selfie segmenter, soft alpha) in front of a CC0/PD background
ROOT=$(cd .. && pwd) BUILD=${BUILD_DIRNAME:-target}
. ../src-test/bench/anonymize-classpath.sh
$IM "$SKIMAGE/brick.png" -rotate 90 -resize 1024x1024 -gravity center -extent 1024x720 "$ROOT/$BUILD-brick-wall.png"
"${JAVA[@]}" io.flowpack.bench.anonymize.SampleComposites visitor-brick-wall.jpg "$ROOT/$BUILD-brick-wall.png" \
    portraits/grace_hopper.jpg 0.8 0.64
"${JAVA[@]}" io.flowpack.bench.anonymize.SampleComposites astronaut-launch-site.jpg rocket.jpg \
    portraits/astronaut.jpg 0.45 0.24
rm -f "$ROOT/$BUILD-brick-wall.png"

sha256sum portraits/astronaut.jpg portraits/grace_hopper.jpg camera.png coffee.jpg chelsea.jpg rocket.jpg \
    visitor-brick-wall.jpg astronaut-launch-site.jpg
