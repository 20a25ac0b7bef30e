"""An export onto a disk that fills part way: each image that got "No space left on device" was reported as that
image's problem ("image left out"), annotations.json (data.yaml) was written for the images that made it, and
`petloc convert` exited 0 with an export short of images that a trainer read as complete. A full disk, a read-only
file system or a used-up quota is the output's error, not one image's: the export fails (SaveError) and writes
no manifest. An image that cannot be read stays that image's problem."""

from __future__ import annotations

import errno
import json

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import export_coco, export_yolo, unfinished
from petloc_gui.core.interop import yolo as yolo_module
from tests.core.interop_helpers import fail_copying_the_fourth_image

EXPORTS = {"yolo": (export_yolo, ("data.yaml", "classes.txt")), "coco": (export_coco, ("annotations.json",))}
TARGET_ERRORS = [errno.ENOSPC, errno.EROFS, *([errno.EDQUOT] if hasattr(errno, "EDQUOT") else [])]


@pytest.mark.parametrize("number", TARGET_ERRORS, ids=errno.errorcode.get)
@pytest.mark.parametrize("fmt", EXPORTS)
def test_a_disk_that_fills_part_way_fails_the_export(small_voc, tmp_path, monkeypatch, fmt, number):
    export, manifest = EXPORTS[fmt]
    out = tmp_path / "out"
    fail_copying_the_fourth_image(monkeypatch, number)
    with pytest.raises(SaveError) as failed:
        export(open_dataset(small_voc), out, images="copy")
    message = str(failed.value)
    assert str(out / "images") in message and "the export stopped" in message
    assert {errno.ENOSPC: "No space left on device; the disk is full",
            errno.EROFS: "Read-only file system; the output folder is on a read-only file system",
            getattr(errno, "EDQUOT", -1): "the disk quota there is used up"}[number] in message
    assert not [name for name in manifest if (out / name).exists()]  # no manifest of part of the images
    assert unfinished.interrupted(out)  # the caller (convert, the window) takes it back or says so


@pytest.mark.parametrize("fmt", EXPORTS)
def test_an_unreadable_image_is_still_that_images_problem(small_voc, tmp_path, monkeypatch, fmt):
    export, manifest = EXPORTS[fmt]
    out = tmp_path / "out"
    fail_copying_the_fourth_image(monkeypatch, errno.EIO)  # the source's read fails: one image
    report = export(open_dataset(small_voc), out, images="copy")
    assert report.images == 4 and report.skipped_images == 1
    [problem] = report.problems
    assert problem.endswith("Input/output error; image left out")
    assert all((out / name).is_file() for name in manifest) and not unfinished.interrupted(out)
    if fmt == "coco":
        assert len(json.loads((out / "annotations.json").read_text())["images"]) == 4


def test_a_yolo_label_file_that_meets_a_full_disk_fails_the_export(small_voc, tmp_path, monkeypatch):
    real = yolo_module.write_derived
    written: list = []

    def write(path, data):
        if len(written) == 2:
            try:
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
            except OSError as exc:
                raise SaveError("cannot write: No space left on device", path) from exc
        written.append(path)
        real(path, data)

    monkeypatch.setattr(yolo_module, "write_derived", write)
    out = tmp_path / "out"
    with pytest.raises(SaveError, match="cannot write: No space left on device; the disk is full"):
        export_yolo(open_dataset(small_voc), out, images="copy")
    assert not (out / "data.yaml").exists() and not (out / "classes.txt").exists()
