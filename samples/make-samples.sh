#!/bin/sh
# Rebuilds the sample photos in this folder from Debian packages (see PROVENANCE.md for licences).
#   apt-get install -y imagemagick python3-skimage python-matplotlib-data
set -eu
cd "$(dirname "$0")"
IM=/usr/bin/convert          # full path: a stand-in `convert` may sit earlier on PATH
SKIMAGE=/usr/lib/python3/dist-packages/skimage/data
MPL=/usr/share/matplotlib/mpl-data/sample_data

# with people
$IM "$SKIMAGE/astronaut.png" -strip -quality 92 astronaut.jpg       # PNG in the package; JPEG here to stay small
cp "$MPL/grace_hopper.jpg" grace_hopper.jpg
cp "$SKIMAGE/camera.png" camera.png                                  # 8-bit gray PNG, kept as is
# without people
$IM "$SKIMAGE/coffee.png" -strip -quality 92 coffee.jpg
$IM "$SKIMAGE/chelsea.png" -strip -quality 92 chelsea.jpg
cp "$SKIMAGE/rocket.jpg" rocket.jpg

sha256sum astronaut.jpg grace_hopper.jpg camera.png coffee.jpg chelsea.jpg rocket.jpg
