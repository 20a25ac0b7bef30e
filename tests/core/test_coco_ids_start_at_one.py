"""A COCO export numbers its categories and images from 1, as COCO's own files do: tools that read
``category_id`` 0 as the background (torchvision's detection models) would drop the first class."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.boxes import Box
from petloc_gui.core.interop.coco import coco_document
from petloc_gui.core.interop.records import ImageRecord, LabelledBox


def _record(name: str, label: str) -> ImageRecord:
    return ImageRecord(Path("/data") / name, name, 40, 30, True, [LabelledBox(label, Box(1, 2, 11, 22))])


def test_category_image_and_annotation_ids_count_from_one():
    document = coco_document([_record("a.jpg", "dog"), _record("b.jpg", "cat")])

    assert [(category["id"], category["name"]) for category in document["categories"]] == [(1, "cat"), (2, "dog")]
    assert [(image["id"], image["file_name"]) for image in document["images"]] == [(1, "a.jpg"), (2, "b.jpg")]
    assert [(annotation["id"], annotation["image_id"], annotation["category_id"])
            for annotation in document["annotations"]] == [(1, 1, 2), (2, 2, 1)]
