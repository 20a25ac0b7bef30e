"""An export reads each image's header once: the displayed size, EXIF orientation and format come from one
read (`core.images.image_header`) and go on the record, which `upright.Orientations` places by. Before, the
size was read from the header, then the image opened again to tell a turned PNG or WebP."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.images import image_size
from petloc_gui.core.interop import export_coco, export_yolo
from petloc_gui.core.interop.upright import tagged_orientation
from tests.cli.helpers import voc_xml, write_image


def _folder(folder: Path) -> list[Path]:
    """A JPEG and a PNG as stored, a PNG and a WebP turned by EXIF (6: a quarter clockwise), each with a box."""
    folder.mkdir()
    write_image(folder / "a.jpg", 40, 20)
    write_image(folder / "b.png", 40, 20)
    exif = Image.Exif()
    exif[0x0112] = 6
    stored = np.zeros((20, 40, 3), np.uint8)
    stored[:5, :8] = 255
    Image.fromarray(stored).save(folder / "c.png", exif=exif.tobytes())
    Image.fromarray(stored).save(folder / "d.webp", exif=exif.tobytes(), lossless=True)
    images = sorted(folder.iterdir())
    for image in images:
        width, height = image_size(image)
        image.with_suffix(".xml").write_text(voc_xml(image.name, width, height, [("mark", (1, 1, 9, 9))]))
    return images


def _counting_header_opens(monkeypatch) -> Counter[str]:
    """Pillow's opens of each file, by real path, while the patch holds."""
    opens: Counter[str] = Counter()
    real_open = Image.open

    def counted_open(fp, *args, **kwargs):
        opens[os.path.realpath(fp if isinstance(fp, (str, os.PathLike)) else fp.name)] += 1  # a path, or a file
        return real_open(fp, *args, **kwargs)

    monkeypatch.setattr(Image, "open", counted_open)
    return opens


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_each_image_s_header_is_read_once(tmp_path, monkeypatch, export):
    images = _folder(tmp_path / "voc")
    opens = _counting_header_opens(monkeypatch)
    report = export(open_dataset(tmp_path / "voc"), tmp_path / "out")
    monkeypatch.undo()
    assert opens == {os.path.realpath(image): 1 for image in images}
    assert (report.images, report.objects, report.problems) == (4, 4, [])
    upright = [w for w in report.warnings if "written upright without it (c.png, d.webp)" in w]
    assert len(upright) == 1, report.warnings
    for name in ("c.png", "d.webp"):  # turned PNG and WebP written upright, untagged, displayed size
        exported = tmp_path / "out" / "images" / name
        assert tagged_orientation(exported) is None
        with Image.open(exported) as image:
            assert image.size == (20, 40)
    for name in ("a.jpg", "b.png"):  # the others placed as they are
        assert (tmp_path / "out" / "images" / name).read_bytes() == (tmp_path / "voc" / name).read_bytes()


def test_the_labels_are_in_the_displayed_frame_of_each_image(tmp_path):
    _folder(tmp_path / "voc")
    export_yolo(open_dataset(tmp_path / "voc"), tmp_path / "yolo")
    labels = {p.name: p.read_text() for p in (tmp_path / "yolo" / "labels").iterdir()}
    wide, tall = "0 0.125000 0.250000 0.200000 0.400000\n", "0 0.250000 0.125000 0.400000 0.200000\n"
    assert labels == {"a.txt": wide, "b.txt": wide, "c.txt": tall, "d.txt": tall}
    export_coco(open_dataset(tmp_path / "voc"), tmp_path / "coco")
    document = json.loads((tmp_path / "coco" / "annotations.json").read_text())
    assert [(i["file_name"], i["width"], i["height"]) for i in document["images"]] == [
        ("a.jpg", 40, 20), ("b.png", 40, 20), ("c.png", 20, 40), ("d.webp", 20, 40)]
