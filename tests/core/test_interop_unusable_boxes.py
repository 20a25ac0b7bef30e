"""An annotated image none of whose boxes is usable is left out of an export, not sent as background.

Exported without its boxes, a cat photo whose one box has no label (or no
area) became an empty YOLO .txt or a COCO image without annotations:
"checked, nothing there", which trainers learn as a background image.
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_coco, export_yolo
from tests.core.interop_helpers import write_voc_image

EXPORTS = {"yolo": export_yolo, "coco": export_coco}


@pytest.fixture
def unusable_set(tmp_path):
    """ok.png: one cat; bad.png: a box with no label and a zero-area box; none.png: checked, empty."""
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "ok.png", 40, 30, [("cat", (5, 5, 20, 20))])
    write_voc_image(folder, "bad.png", 40, 30, [("", (5, 5, 20, 20)), ("cat", (10, 5, 10, 20))])
    write_voc_image(folder, "none.png", 40, 30, [])
    return folder


def _exported_images(fmt, out):
    if fmt == "yolo":
        return sorted(p.name for p in (out / "labels").iterdir()), sorted(p.name for p in (out / "images").iterdir())
    document = json.loads((out / "annotations.json").read_text(encoding="utf-8"))
    with_boxes = {a["image_id"] for a in document["annotations"]}
    return (sorted(i["file_name"] for i in document["images"] if i["id"] in with_boxes),
            sorted(p.name for p in (out / "images").iterdir()))


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_an_image_with_no_usable_box_is_left_out_and_reported(tmp_path, unusable_set, fmt):
    out = tmp_path / fmt
    report = EXPORTS[fmt](open_dataset(unusable_set), out)
    labelled, images = _exported_images(fmt, out)
    assert "bad.png" not in images and not any(name.startswith("bad") for name in labelled)
    assert images == ["none.png", "ok.png"]  # a truly empty annotation still says "nothing there"
    [problem] = [p for p in report.problems if "bad" in p]
    assert problem.startswith(f"{unusable_set / 'bad.xml'}: object 1 has no label, object 2 (cat) has zero area, "
                              "so no box is usable;"), problem
    assert "bad.png would be exported as \"checked, nothing there\"" in problem and "image left out" in problem
    assert (report.images, report.annotated, report.objects) == (2, 2, 1)
    assert (report.skipped_images, report.skipped_objects) == (1, 2)


def test_an_image_keeping_one_usable_box_is_exported_with_it(tmp_path):
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "two.png", 40, 30, [("", (5, 5, 20, 20)), ("dog", (20, 10, 39, 29))])
    report = export_yolo(open_dataset(folder), tmp_path / "yolo")
    assert (tmp_path / "yolo" / "labels" / "two.txt").read_text(encoding="utf-8").startswith("0 ")
    assert report.problems == [f"{folder / 'two.xml'}: object 1 has no label; box left out"]
    assert (report.images, report.objects, report.skipped_objects) == (1, 1, 1)


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_a_label_of_nothing_but_invisible_characters_is_no_label(tmp_path, fmt):
    # exported as a class named "\u200b" (a nameless-looking class in classes.txt / categories) with only
    # read_voc's warning; it is the same as an empty label
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "two.png", 40, 30, [("\u200b", (5, 5, 20, 20)), ("dog", (20, 10, 39, 29))])
    report = EXPORTS[fmt](open_dataset(folder), tmp_path / fmt)
    assert f"{folder / 'two.xml'}: object 1 has no label; box left out" in report.problems
    assert (report.images, report.objects, report.skipped_objects) == (1, 1, 1)
    if fmt == "yolo":
        assert "\u200b" not in (tmp_path / fmt / "classes.txt").read_text(encoding="utf-8")
    else:
        document = json.loads((tmp_path / fmt / "annotations.json").read_text(encoding="utf-8"))
        assert [c["name"] for c in document["categories"]] == ["dog"]
