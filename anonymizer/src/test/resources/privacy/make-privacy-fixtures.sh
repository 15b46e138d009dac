#!/bin/sh
# Regenerates the privacy fixtures in this folder: small pictures loaded with the metadata the
# privacy scrub must find and remove. Needs a JDK (for the base pictures) and exiftool
# (Debian: apt-get install libimage-exiftool-perl).
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java MakeBaseImages.java "$work"

# JPEG: GPS, maker fields, serial numbers, names, an EXIF thumbnail, XMP person fields, IPTC by-line.
cp "$work/base.jpg" with-everything.jpg
exiftool -q -overwrite_original -n \
  -EXIF:GPSLatitude=48.137 -EXIF:GPSLatitudeRef=N -EXIF:GPSLongitude=11.575 -EXIF:GPSLongitudeRef=E \
  -EXIF:Make=Canon -EXIF:Model="Canon EOS 5D" \
  -EXIF:SerialNumber=SN-BODY-4711 -EXIF:LensSerialNumber=SN-LENS-0815 \
  -EXIF:OwnerName="Jane Owner" -EXIF:Artist="Jane Artist" -EXIF:Copyright="(c) Listing Agency" \
  -EXIF:DateTimeOriginal="2024:05:01 10:20:30" -EXIF:Orientation=1 \
  "-ThumbnailImage<=$work/thumb.jpg" \
  -XMP-dc:Creator="Jane Photographer" -XMP-iptcExt:PersonInImage="John Tenant" -XMP-photoshop:AuthorsPosition=Agent \
  -IPTC:By-line="Jane Byline" -IPTC:Contact="jane@example.org" \
  with-everything.jpg
# A maker note: exiftool only copies real ones, so a config names tag 0x927c as a plain blob to write one.
cat > "$work/makernote.config" <<'CONFIG'
%Image::ExifTool::UserDefined = (
  'Image::ExifTool::Exif::Main' => {
    0x927c => { Name => 'FlowpackMakerNote', Writable => 'undef', WriteGroup => 'ExifIFD' },
  },
);
1;
CONFIG
exiftool -config "$work/makernote.config" -q -overwrite_original '-FlowpackMakerNote=opaque maker data' with-everything.jpg

# PNG: EXIF in an eXIf chunk and XMP in an iTXt chunk.
cp "$work/base.png" with-exif-xmp.png
exiftool -q -overwrite_original -n \
  -EXIF:GPSLatitude=52.52 -EXIF:GPSLatitudeRef=N -EXIF:GPSLongitude=13.40 -EXIF:GPSLongitudeRef=E \
  -EXIF:Artist="Jane Artist" -EXIF:Copyright="(c) Listing Agency" -EXIF:SerialNumber=SN-BODY-4711 \
  -XMP-dc:Creator="Jane Photographer" -XMP-iptcExt:PersonInImage="John Tenant" \
  -PNG:Author="Jane Author" \
  with-exif-xmp.png

# TIFF: GPS and an artist in the file's own IFD.
cp "$work/base.tif" with-gps.tif
exiftool -q -overwrite_original -n \
  -EXIF:GPSLatitude=40.7128 -EXIF:GPSLatitudeRef=N -EXIF:GPSLongitude=74.006 -EXIF:GPSLongitudeRef=W \
  -EXIF:Artist="Jane Artist" -EXIF:Copyright="(c) Listing Agency" \
  with-gps.tif

exiftool -a -G1 -s -u with-everything.jpg with-exif-xmp.png with-gps.tif > fixtures-exiftool.txt
