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

from petloc_gui.core.interop.coco import export_coco, read_coco
from petloc_gui.core.interop.files import COPY, IMAGE_MODES, LINK
from petloc_gui.core.interop.options import CLI_WORDS, OptionWords
from petloc_gui.core.interop.records import ConversionReport, ImageRecord, LabelledBox
from petloc_gui.core.interop.voc_out import write_voc_records
from petloc_gui.core.interop.yolo import export_yolo, read_yolo

FORMATS = ("yolo", "coco")

__all__ = ["CLI_WORDS", "COPY", "FORMATS", "IMAGE_MODES", "LINK", "ConversionReport", "ImageRecord",
           "LabelledBox", "OptionWords", "export_coco", "export_yolo", "read_coco", "read_yolo",
           "write_voc_records"]
