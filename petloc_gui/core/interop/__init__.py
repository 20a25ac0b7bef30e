"""YOLO and COCO in and out (no Qt, no TensorFlow).

Export: :func:`export_yolo`, :func:`export_coco` (a petloc dataset -> a new
folder). Import: :func:`read_yolo`, :func:`read_coco` give
:class:`ImageRecord` lists that :func:`write_voc_records` writes as VOC.
Messages name the options that change a conversion in the caller's words
(:class:`OptionWords` on the report; the CLI's flags by default).
Boxes are in pixels of the image as a person sees it (EXIF applied); sizes
come from image headers, and no image is decoded but a PNG or WebP with an
EXIF orientation, which an export writes upright (`upright`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from petloc_gui.core.interop.coco import export_coco, read_coco
    from petloc_gui.core.interop.files import COPY, IMAGE_MODES, LINK
    from petloc_gui.core.interop.options import CLI_WORDS, OptionWords
    from petloc_gui.core.interop.records import ConversionReport, ImageRecord, LabelledBox
    from petloc_gui.core.interop.voc_out import write_voc_records
    from petloc_gui.core.interop.yolo import export_yolo, read_yolo

# Each name is loaded from its module on first use (PEP 562): importing one light submodule
# (`written`, which every `petloc` call reaches through cli.taken_back) ran this file, and eager
# imports of coco and yolo pulled numpy and PIL into `petloc --help` (0.13 -> 0.31 s, 28 -> 46 MB).
_HOMES = {"export_coco": "coco", "read_coco": "coco", "COPY": "files", "IMAGE_MODES": "files", "LINK": "files",
          "CLI_WORDS": "options", "OptionWords": "options", "ConversionReport": "records",
          "ImageRecord": "records", "LabelledBox": "records", "write_voc_records": "voc_out",
          "export_yolo": "yolo", "read_yolo": "yolo"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


FORMATS = ("yolo", "coco")

__all__ = ["CLI_WORDS", "COPY", "FORMATS", "IMAGE_MODES", "LINK", "ConversionReport", "ImageRecord",
           "LabelledBox", "OptionWords", "export_coco", "export_yolo", "read_coco", "read_yolo",
           "write_voc_records"]
