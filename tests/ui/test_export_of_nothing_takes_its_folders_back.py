"""An export from the window in which no image could be converted said "the folder holds what it did
before", but left the images/ and labels/ folders (the COCO images/ folder, the output folder itself) it had
made behind, empty: the same export, run again into it, then asked whether to write into a folder that was
not empty. Those it made go again, as `petloc convert` takes back its OUT (`cli.taken_back`)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.ui.review.export_options import ExportOptions
from tests.ui.test_export_action import _export


def _unreadable_folder(tmp_path):
    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc

    folder = tmp_path / "broken"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.png").write_bytes(b"not an image")
        annotation = new_annotation(folder / f"{name}.png", 40, 30)
        annotation.objects.append(VocObject("cat", Box(2, 2, 20, 20)))
        write_voc(annotation, folder / f"{name}.xml")
    return folder


def _tree(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("fmt", ["yolo", "coco"])
def test_a_new_output_folder_is_taken_back(qtbot, window, tmp_path, fmt):
    assert window.open_folder(_unreadable_folder(tmp_path), model="fake")
    out = tmp_path / "made" / fmt
    report = _export(qtbot, window, fmt, out)
    assert report.images == 0
    assert not (tmp_path / "made").exists()


@pytest.mark.parametrize("fmt", ["yolo", "coco"])
def test_an_empty_output_folder_stays_empty(qtbot, window, tmp_path, fmt):
    assert window.open_folder(_unreadable_folder(tmp_path), model="fake")
    out = tmp_path / "empty"
    out.mkdir()
    report = _export(qtbot, window, fmt, out)
    assert report.images == 0
    assert out.is_dir() and _tree(out) == []


@pytest.mark.parametrize("fmt", ["yolo", "coco"])
def test_a_folder_that_held_files_keeps_them_and_loses_the_empty_folders_made(qtbot, window, tmp_path, monkeypatch,
                                                                              fmt):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)  # "Folder not empty": write
    assert window.open_folder(_unreadable_folder(tmp_path), model="fake")
    out = tmp_path / "held"
    (out / "notes").mkdir(parents=True)
    (out / "notes" / "read me.txt").write_text("mine")
    (out / "kept empty").mkdir()  # not the export's: stays
    report = _export(qtbot, window, fmt, out)
    assert report.images == 0
    assert _tree(out) == ["kept empty", "notes", "notes/read me.txt"]


def test_the_images_folder_a_yolo_export_made_goes_when_no_label_could_be_written(qtbot, window, folder, tmp_path,
                                                                                   monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)  # "Folder not empty": write
    assert window.open_folder(folder, model="fake")
    out = tmp_path / "held"
    out.mkdir()
    (out / "labels").write_text("a file of the user's where YOLO's labels/ folder goes")
    exports = window.exports
    assert exports.start("yolo", out, ExportOptions(annotated_only=True))  # no image without a label file
    qtbot.waitUntil(lambda: exports.last_report is not None, timeout=20_000)
    exports.job.wait(5_000)
    report = exports.last_report
    assert report.images == 0 and report.problems  # each image placed in images/, then taken out again
    assert _tree(out) == ["labels"]
