"""The version of the rules that turn an image file into pixels, for caches that outlive a run.

A cache of decoded pixels keyed on the file alone (path, size, times) keeps serving what an
older petloc made of a file after the decoding changed: a JPEG missing its end marker, once
refused, or a 32-bit BMP, once white, would train on the old pixels until the file is touched.
Caches kept on disk (`model.image_cache`) therefore key on this version too, so an entry
written under other rules is not found (and swept).

Bump ``DECODE_RULES_VERSION`` with any change to the pixels `core.images.load_image` gives
for some file (`core.images`, `core.image_orientation`, `core.rgb_conversion`,
`core.damaged_images`), or to how the cached arrays are made from
them (`model.prepare`'s resizes).
"""

from __future__ import annotations

# 1: every cache written before the version was kept (its keys hold none).
# 2: a JPEG missing only its end marker and a PNG with a bad text-chunk checksum load
#    (repaired in memory), an all-zero alpha is no alpha (32-bit BMPs opaque), an RGB
#    image's transparent colour is composited on white.
# 3: a PNG with a bad checksum in any ancillary chunk that leaves the pixels alone loads
#    (not only text chunks); the all-zero-alpha rule is for BMP/DIB only (a fully
#    transparent PNG, WebP or GIF is white again).
# 4: an orientation written only in XMP (tiff:Orientation, no EXIF tag) is no longer applied to a
#    JPEG, WebP or TIFF (as browsers, Qt, OpenCV and labelImg; a TIFF's pixels were rotated while
#    its size was not).
# 5: a 16-bit grayscale PNG's transparent grey value (tRNS) is composited on white, as an 8-bit one.
# 6: a 1-, 2- or 4-bit grayscale PNG's transparent grey value is composited on white too.
# 7: a 16-bit RGB PNG's transparent colour is matched on its 16-bit samples (Pillow matched its low
#    bytes against the 8-bit pixels: the colour stayed and another could turn white).
DECODE_RULES_VERSION = 7
