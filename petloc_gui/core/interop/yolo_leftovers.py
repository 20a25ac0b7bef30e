"""The warning of a YOLO export about the files in OUT/images and OUT/labels it did not write."""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.core.images import is_image_name
from petloc_gui.core.interop.records import ConversionReport, relative_name
from petloc_gui.core.interop.yolo_layout import is_label_name, walk
from petloc_gui.core.text import counted


def warn_about_leftovers(out: Path, written: set[str], own: set[str], report: ConversionReport) -> None:
    """Warn about files in ``out/labels`` and ``out/images`` this export did not write, other than
    the dataset's own images (``own``, real paths: OUT may hold the dataset, e.g. its parent).

    Left from an earlier export (--overwrite): YOLO tools read them with this
    export's classes.txt, so an old box comes back under a new class name and
    an old image trains as background. They are not deleted: --overwrite
    replaces what the export writes, and these may be someone's own files.
    """
    consequence = {"labels": "YOLO tools read them with this export's classes.txt, so their "
                             "boxes get this export's class names",
                   "images": "YOLO trainers train on them too"}
    # Only what YOLO tools read counts: OUT may also hold other files (a
    # dataset's own .xml files when OUT is its parent), and those are no one's
    # leftovers to delete.
    for folder, what, wanted in (("labels", "label file", is_label_name), ("images", "image", is_image_name)):
        left = sorted(name for name in (relative_name(path, out / folder)
                                        for paths in walk(out / folder, wanted).values() for path in paths
                                        if os.path.realpath(path) not in own)
                      if f"{folder}/{name}" not in written)
        if left:
            are = "is" if len(left) == 1 else "are"
            report.warning(out / folder, f"{counted(len(left), what)} this export did not write {are} "
                           f"here too (e.g. {left[0]}), likely from an earlier export; "
                           f"{consequence[folder]}. Delete them, or export into a new folder")
