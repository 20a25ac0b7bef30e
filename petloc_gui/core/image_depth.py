"""The ``<depth>`` a VOC file gives an image: 1 for grayscale, else 3, as labelImg writes it."""

from __future__ import annotations

import os

from petloc_gui.core.image_formats import DECODED_FORMATS

# Pillow's single-channel modes (bilevel, 8-bit, 32-bit int, 16-bit, float).
_GRAY_MODES = frozenset({"1", "L", "I", "I;16", "I;16B", "I;16L", "I;16N", "F"})


def voc_depth(image: str | os.PathLike[str]) -> int:
    """1 for a grayscale image, else 3 (what labelImg writes); header only, nothing decoded.

    Shared by ``petloc predict --write-voc`` and ``petloc convert --from``.
    """
    from PIL import Image

    try:
        with Image.open(image, formats=DECODED_FORMATS) as handle:
            return 1 if handle.mode in _GRAY_MODES else 3
    except Exception:  # noqa: BLE001 - the size was readable; depth is cosmetic
        return 3
