"""A name on a drive ("C:secret.jpg") in a COCO ``file_name`` or a VOC ``<filename>`` is refused as ``..`` is on
Windows, and is a file's name like any other elsewhere.

Joined to an image folder on Windows it restarts the path on that drive, outside the dataset
(``D:/coco/images`` / ``C:secret.jpg`` is ``C:secret.jpg``): COCO's base-name fallback (no inside check) and
`find_image` would read a file anywhere on drive C. The Windows tests set `DRIVES_RESTART_PATHS`; there, on
Linux, a file literally named ``C:secret.png`` inside the folder stands for the file on the other drive.
Elsewhere such a name was refused too, with a false reason: ``d:1.jpg`` is a file inside the image folder on
Linux and macOS, and is converted there."""

from __future__ import annotations

import json
import os
from pathlib import PureWindowsPath

import pytest

import petloc_gui.core.annotation_image as annotation_image
from petloc_gui.core.annotation_image import find_image
from petloc_gui.core.interop import ConversionReport, read_coco
from tests.cli.helpers import write_image


def test_the_premise_a_name_on_a_drive_leaves_the_folder_on_windows():
    assert PureWindowsPath("D:/coco/images") / "C:secret.jpg" == PureWindowsPath("C:secret.jpg")
    assert PureWindowsPath("D:/voc/JPEGImages") / "C:x.jpg" == PureWindowsPath("C:x.jpg")


@pytest.fixture
def windows(monkeypatch):
    """Names read as Windows reads them: a leading "C:" is a drive."""
    monkeypatch.setattr(annotation_image, "DRIVES_RESTART_PATHS", True)


@pytest.fixture
def posix(monkeypatch):
    """Names read as Linux and macOS read them: a colon is a character of a file's name."""
    if os.name == "nt":
        pytest.skip("Windows cannot name a file d:1.png")
    monkeypatch.setattr(annotation_image, "DRIVES_RESTART_PATHS", False)


def _coco(tmp_path, file_names):
    images = tmp_path / "src" / "images"
    images.mkdir(parents=True)
    write_image(images / "a.png", 100, 50)
    write_image(images / "C:secret.png", 100, 50)  # the file on the other drive, as Linux can name it
    document = {"images": [{"id": i, "file_name": name, "width": 100, "height": 50}
                           for i, name in enumerate(file_names, 1)],
                "annotations": [], "categories": [{"id": 1, "name": "cat"}]}
    path = tmp_path / "src" / "annotations.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_coco_file_name_on_a_drive_is_refused_as_one_climbing_out(tmp_path, windows):
    names = ["x/C:secret.png", "C:secret.png", "x\\c:secret.png"]
    path = _coco(tmp_path, names)
    report = ConversionReport()
    assert read_coco(path, report) == []
    assert report.skipped_images == 3
    for index, (problem, drive) in enumerate(zip(report.problems, ["'C:'", "'C:'", "'c:'"], strict=True)):
        assert problem == (f"{path}: images[{index}]: image {names[index]!r} names a file on drive {drive}, outside "
                           "the image folders; not read, so a hostile file cannot point anywhere on disk; not "
                           "converted")


@pytest.mark.parametrize("system", ["windows", "posix"])
def test_a_windows_path_to_a_dataset_image_is_still_found_by_its_base_name(tmp_path, request, system):
    request.getfixturevalue(system)
    for name in ("C:\\Users\\me\\coco\\images\\a.png", "D:/export/a.png"):
        folder = tmp_path / name[0]
        folder.mkdir()
        report = ConversionReport()
        records = read_coco(_coco(folder, [name]), report)
        assert [record.relative for record in records] == ["a.png"], report.problems
        assert report.problems == []


def test_a_voc_filename_on_a_drive_finds_no_image(tmp_path, windows):
    annotations = tmp_path / "Annotations"
    annotations.mkdir()
    (tmp_path / "JPEGImages").mkdir()
    for folder in (annotations, tmp_path / "JPEGImages"):
        (folder / "C:x.jpg").write_bytes(b"")  # beside the annotation, and in the images folder
    assert find_image(annotations / "x.xml", "C:x.jpg") is None
    assert find_image(annotations / "x.xml", "day\\C:x.jpg") is None
    (tmp_path / "JPEGImages" / "x.jpg").write_bytes(b"")
    assert find_image(annotations / "x.xml", "C:\\photos\\x.jpg") == tmp_path / "JPEGImages" / "x.jpg"


def test_elsewhere_a_coco_file_name_with_a_colon_is_a_file_in_the_image_folder(tmp_path, posix):
    names = ["C:secret.png", "x/d:1.png", "a.png"]
    path = _coco(tmp_path, names)
    images = path.parent / "images"
    (images / "x").mkdir()
    write_image(images / "x" / "d:1.png", 100, 50)
    report = ConversionReport()
    records = read_coco(path, report)
    assert [(record.image_path, record.relative) for record in records] == [
        (images / "C:secret.png", "C:secret.png"), (images / "x" / "d:1.png", "x/d:1.png"), (images / "a.png", "a.png")]
    assert (report.problems, report.skipped_images) == ([], 0)


def test_elsewhere_a_voc_filename_with_a_colon_finds_its_image(tmp_path, posix):
    annotations = tmp_path / "Annotations"
    annotations.mkdir()
    (tmp_path / "JPEGImages").mkdir()
    (tmp_path / "JPEGImages" / "d:1.jpg").write_bytes(b"")
    assert find_image(annotations / "d:1.xml", "d:1.jpg") == tmp_path / "JPEGImages" / "d:1.jpg"
    assert find_image(annotations / "d:1.xml", "..") is None  # the folder checks still hold
