"""A name on a drive ("C:secret.jpg") in a COCO ``file_name`` or a VOC ``<filename>`` is refused as ``..`` is.

Joined to an image folder on Windows it restarts the path on that drive, outside the dataset
(``D:/coco/images`` / ``C:secret.jpg`` is ``C:secret.jpg``): COCO's base-name fallback (no inside check) and
`find_image` would read a file anywhere on drive C. The check uses Windows' rule on every system (no
dataset's own image is so named); here, on Linux, a file literally named ``C:secret.png`` inside the folder
stands for the file on the other drive: it was read before, and is refused now."""

from __future__ import annotations

import json
from pathlib import PureWindowsPath

from petloc_gui.core.annotation_image import find_image
from petloc_gui.core.interop import ConversionReport, read_coco
from tests.cli.helpers import write_image


def test_the_premise_a_name_on_a_drive_leaves_the_folder_on_windows():
    assert PureWindowsPath("D:/coco/images") / "C:secret.jpg" == PureWindowsPath("C:secret.jpg")
    assert PureWindowsPath("D:/voc/JPEGImages") / "C:x.jpg" == PureWindowsPath("C:x.jpg")


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


def test_a_coco_file_name_on_a_drive_is_refused_as_one_climbing_out(tmp_path):
    names = ["x/C:secret.png", "C:secret.png", "x\\c:secret.png"]
    path = _coco(tmp_path, names)
    report = ConversionReport()
    assert read_coco(path, report) == []
    assert report.skipped_images == 3
    for index, (problem, drive) in enumerate(zip(report.problems, ["'C:'", "'C:'", "'c:'"], strict=True)):
        assert problem == (f"{path}: images[{index}]: image {names[index]!r} names a file on drive {drive}, outside "
                           "the image folders; not read, so a hostile file cannot point anywhere on disk; not "
                           "converted")


def test_a_windows_path_to_a_dataset_image_is_still_found_by_its_base_name(tmp_path):
    for name in ("C:\\Users\\me\\coco\\images\\a.png", "D:/export/a.png"):
        folder = tmp_path / name[0]
        folder.mkdir()
        report = ConversionReport()
        records = read_coco(_coco(folder, [name]), report)
        assert [record.relative for record in records] == ["a.png"], report.problems
        assert report.problems == []


def test_a_voc_filename_on_a_drive_finds_no_image(tmp_path):
    annotations = tmp_path / "Annotations"
    annotations.mkdir()
    (tmp_path / "JPEGImages").mkdir()
    for folder in (annotations, tmp_path / "JPEGImages"):
        (folder / "C:x.jpg").write_bytes(b"")  # beside the annotation, and in the images folder
    assert find_image(annotations / "x.xml", "C:x.jpg") is None
    assert find_image(annotations / "x.xml", "day\\C:x.jpg") is None
    (tmp_path / "JPEGImages" / "x.jpg").write_bytes(b"")
    assert find_image(annotations / "x.xml", "C:\\photos\\x.jpg") == tmp_path / "JPEGImages" / "x.jpg"
