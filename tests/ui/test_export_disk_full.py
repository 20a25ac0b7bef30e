"""File > Export onto a disk that fills part way said "Export finished" over an export short of images (the
exporter reported each "No space left on device" as one image left out). It says "Export failed" now, naming
the full disk, and an earlier export in the folder is usable again, as `petloc convert` leaves it."""

from __future__ import annotations

import errno
import os

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.interop import files as files_module
from petloc_gui.core.interop import unfinished
from petloc_gui.ui.review.export_options import ExportOptions
from tests.ui.test_export_action import _export, ended_of, wait_for_finished

MANIFEST = {"yolo": ("data.yaml", "classes.txt"), "coco": ("annotations.json",)}


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_full_disk_fails_the_export_and_puts_the_earlier_one_back(qtbot, window, folder, tmp_path, monkeypatch,
                                                                     fmt):
    shown: list = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)  # "Folder not empty": write
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append((args[1], args[2])))
    assert window.open_folder(folder, model="fake")
    out = tmp_path / "out"
    assert _export(qtbot, window, fmt, out).images == 5
    before = {name: (out / name).read_bytes() for name in MANIFEST[fmt]}
    for image in (out / "images").iterdir():  # so that the export copies each image again
        image.unlink()
    real, calls = files_module._copy_exclusive, []

    def copy(source, target):
        calls.append(target)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        real(source, target)

    monkeypatch.setattr(files_module, "_copy_exclusive", copy)
    exports = window.exports
    exports.last_report = None
    assert exports.start(fmt, out, ExportOptions(copy_images=True))
    ended = ended_of(exports.job)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    wait_for_finished(qtbot, ended)  # not job.wait(): its queued finished could reach a deleted job
    [(title, text)] = shown
    assert title == "Export failed" and exports.last_report is None
    assert "No space left on device; the disk is full" in text
    assert f"The earlier export in {out} is usable again" in text
    assert {name: (out / name).read_bytes() for name in MANIFEST[fmt]} == before
    assert not unfinished.interrupted(out)
