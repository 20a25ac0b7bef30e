"""Shared by the interop tests: tiny datasets, an independent YOLO reader, no-decode guard."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageFile, ImageOps

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.images import image_size
from petloc_gui.core.interop import files as files_module
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import voc_xml, write_image


def fail_copying_the_fourth_image(monkeypatch, number: int) -> None:
    """Copying the 4th image into OUT fails with ``number`` (as the disk, or the source's read, says it)."""
    real = files_module._copy_exclusive
    calls: list = []

    def copy(source, target):
        calls.append(target)
        if len(calls) == 4:
            raise OSError(number, os.strerror(number), str(target))
        real(source, target)

    monkeypatch.setattr(files_module, "_copy_exclusive", copy)


def forbid_decoding(monkeypatch) -> None:
    """Make any pixel decoding fail loudly (header reads still work)."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("an image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)
    monkeypatch.setattr(Image.Image, "load", refuse)
    monkeypatch.setattr("petloc_gui.core.images.load_image", refuse)


def write_voc_image(folder: Path, name: str, width: int, height: int, objects,
                    exif_orientation: int | None = None) -> Path:
    """An image (stored size width x height) and its sidecar VOC with ``objects``."""
    image = write_image(folder / name, width, height, exif_orientation=exif_orientation)
    if objects is not None:
        shown = image_size(image)
        (folder / f"{Path(name).stem}.xml").write_text(
            voc_xml(name, shown[0], shown[1], objects), encoding="utf-8")
    return image


def voc_boxes(folder: Path) -> dict[str, list[tuple[str, tuple[float, ...]]]]:
    """{image file name: [(label, box)]} of every annotated image of a dataset folder."""
    found = {}
    for item in open_dataset(folder).items:
        if item.has_annotation:
            annotation = read_voc(item.annotation_path, image_size=image_size(item.image_path))
            found[item.image_path.name] = [(o.name, o.box.as_tuple()) for o in annotation.objects]
    return found


def assert_same_boxes(expected: dict, actual: dict, tolerance: float = 1.0) -> None:
    assert sorted(actual) == sorted(expected)
    for name, objects in expected.items():
        got = actual[name]
        assert [label for label, _ in got] == [label for label, _ in objects], name
        for (_, want), (_, have) in zip(objects, got, strict=True):
            assert max(abs(a - b) for a, b in zip(want, have, strict=True)) <= tolerance, (name, want, have)


def spec_yolo_boxes(label_file: Path, image_file: Path, names: list[str]) -> list[tuple]:
    """A YOLO reader written from the format's definition, independent of petloc.

    Each line is ``class x_center y_center width height``, normalised by the
    width and height of the image (as Ultralytics reads it: EXIF transposed).
    """
    with Image.open(image_file) as image:
        width, height = ImageOps.exif_transpose(image).size
    boxes = []
    for line in label_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        cls, cx, cy, w, h = line.split()
        cx, cy, w, h = float(cx) * width, float(cy) * height, float(w) * width, float(h) * height
        boxes.append((names[int(cls)], (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)))
    return boxes


@pytest.fixture
def small_voc(tmp_path) -> Path:
    """A sidecar set: two labels, an EXIF-rotated JPEG, an empty annotation, an unannotated image.

    - a.png    40x30, cat (5,5,20,20) and dog (20,10,39,29)
    - r.jpg    stored 60x40 with EXIF 6 -> displayed 40x60, dog (4,10,30,55)
    - e.png    40x30, annotation with no objects ("checked, nothing there")
    - u.png    40x30, no annotation
    - sub/s.png 20x20, cat (0,0,20,20) (the whole image)
    """
    folder = tmp_path / "voc"
    (folder / "sub").mkdir(parents=True)
    write_voc_image(folder, "a.png", 40, 30, [("cat", (5, 5, 20, 20)), ("dog", (20, 10, 39, 29))])
    write_voc_image(folder, "r.jpg", 60, 40, [("dog", (4, 10, 30, 55))], exif_orientation=6)
    write_voc_image(folder, "e.png", 40, 30, [])
    write_voc_image(folder, "u.png", 40, 30, None)
    write_voc_image(folder / "sub", "s.png", 20, 20, [("cat", (0, 0, 20, 20))])
    return folder


def non_utf8_name(folder: Path, stem: bytes = b"caf\xe9") -> str:
    """``stem`` (Latin-1 bytes, a lone surrogate in Python) if ``folder``'s file system takes it."""
    import os

    name = os.fsdecode(stem)
    try:
        (folder / f"{name}.probe").touch()
        (folder / f"{name}.probe").unlink()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take a file name that is not UTF-8")
    return name
