"""File -> Export as YOLO / COCO: the options step (what `petloc convert --to` takes as flags), remembered,
reaching the exporter, and named in the export's warnings as the window shows them, not as CLI flags."""

from __future__ import annotations

import configparser
import json

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.ui.review import export_options
from petloc_gui.ui.review.export_options import ExportOptions, ExportOptionsDialog
from petloc_gui.ui.settings import Settings


@pytest.fixture
def folder_with_difficult(folder):
    """The window tests' folder (d.png unannotated), with e.png's only box marked difficult."""
    from petloc_gui.core.voc import read_voc, write_voc

    annotation = read_voc(folder / "e.xml")
    annotation.objects[0].difficult = True
    write_voc(annotation, folder / "e.xml")
    return folder


def _export(qtbot, window, fmt, out, options=None):
    exports = window.exports
    exports.last_report = None
    assert exports.start(fmt, out, options)
    qtbot.waitUntil(lambda: exports.last_report is not None, timeout=20_000)
    exports.job.wait(5_000)
    return exports.last_report


def _result_text(window) -> str:
    return "\n".join(box.text() + "\n" + box.detailedText() for box in window.findChildren(QMessageBox))


@pytest.mark.parametrize("fmt", ["yolo", "coco"])
def test_the_window_warnings_name_its_export_options_not_cli_flags(qtbot, window, folder_with_difficult,
                                                                   tmp_path, fmt):
    assert window.open_folder(folder_with_difficult, model="fake")
    report = _export(qtbot, window, fmt, tmp_path / "out")
    text = "\n".join(report.warnings)
    assert "Tick 'Leave out images with no annotation' in the export options to leave them out" in text
    assert "Tick 'Leave out boxes marked difficult' in the export options to leave them out" in text
    assert "--" not in text and "--" not in _result_text(window)  # no flag a window user cannot pass


def test_the_options_reach_the_exporter(qtbot, window, folder_with_difficult, tmp_path):
    assert window.open_folder(folder_with_difficult, model="fake")
    out = tmp_path / "out"
    report = _export(qtbot, window, "yolo", out, ExportOptions(annotated_only=True, skip_difficult=True,
                                                               copy_images=True))
    # d.png (not annotated) and e.png (only a difficult box) left out; the others copied, not linked.
    assert sorted(p.name for p in (out / "images").iterdir()) == ["a.png", "b.png", "c.png"]
    assert all(p.stat().st_nlink == 1 for p in (out / "images").iterdir())
    assert any("left out ('Leave out boxes marked difficult')" in w for w in report.warnings)
    report = _export(qtbot, window, "coco", tmp_path / "linked", ExportOptions())
    assert len(json.loads((tmp_path / "linked" / "annotations.json").read_text())["images"]) == 5
    assert (tmp_path / "linked" / "images" / "a.png").stat().st_nlink == 2  # hard-linked, the default


def test_the_options_are_asked_before_the_folder_and_remembered(qtbot, window, folder, tmp_path, monkeypatch):
    asked = []
    chosen = [ExportOptions(annotated_only=True, copy_images=True), None]

    def ask(format_text, options, parent):
        asked.append(("options", format_text, options))
        return chosen.pop(0)

    monkeypatch.setattr(export_options, "ask_export_options", ask)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args: asked.append(("folder",)) or str(tmp_path / "out"))
    assert window.open_folder(folder, model="fake")
    exports = window.exports
    assert exports.start("coco")
    qtbot.waitUntil(lambda: exports.last_report is not None, timeout=20_000)
    exports.job.wait(5_000)
    assert asked == [("options", "COCO", ExportOptions()), ("folder",)]  # the defaults the first time
    assert len(json.loads((tmp_path / "out" / "annotations.json").read_text())["images"]) == 4  # no d.png
    asked.clear()
    assert not exports.start("yolo")  # Cancel in the options step: no folder asked, nothing exported
    assert asked == [("options", "YOLO", ExportOptions(annotated_only=True, copy_images=True))]
    # Kept in the settings file: the next run's window reads them back.
    again = Settings(str(tmp_path / "settings.ini"))  # the window fixture's file
    assert again.export_options() == ExportOptions(annotated_only=True, copy_images=True)


def test_a_window_given_a_settings_file_keeps_the_export_options_in_it(qtbot, window, folder, tmp_path,
                                                                       monkeypatch):
    """The window fixture's Settings(path) (tests, portable use): the options go into that file, as the
    window's other settings do, not into the user's."""
    chosen = ExportOptions(skip_difficult=True, copy_images=True)
    users_file = QSettings("petloc", "petloc")
    users_before = users_file.value("export/skip_difficult")
    monkeypatch.setattr(export_options, "ask_export_options", lambda format_text, options, parent: chosen)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path / "out"))
    assert window.open_folder(folder, model="fake")
    exports = window.exports
    assert exports.start("yolo")
    qtbot.waitUntil(lambda: exports.last_report is not None, timeout=20_000)
    exports.job.wait(5_000)
    in_file = configparser.ConfigParser()
    in_file.read(tmp_path / "settings.ini")  # the window fixture's file, as written
    assert dict(in_file["export"]) == {"annotated_only": "false", "skip_difficult": "true", "copy_images": "true"}
    users_file.sync()
    assert users_file.value("export/skip_difficult") == users_before  # the user's file untouched


def test_an_export_given_a_folder_uses_the_remembered_options(qtbot, window, folder, tmp_path):
    window.settings.save_export_options(ExportOptions(annotated_only=True))
    assert window.open_folder(folder, model="fake")
    _export(qtbot, window, "coco", tmp_path / "out")
    assert len(json.loads((tmp_path / "out" / "annotations.json").read_text())["images"]) == 4


def test_the_dialog_shows_and_returns_the_options(qtbot):
    dialog = ExportOptionsDialog("YOLO", ExportOptions(skip_difficult=True))
    qtbot.addWidget(dialog)
    assert [box.isChecked() for box in (dialog.annotated_only, dialog.skip_difficult, dialog.copy_images)] == [
        False, True, False]
    assert dialog.annotated_only.text() == "Leave out images with no annotation"
    dialog.annotated_only.setChecked(True)
    dialog.skip_difficult.setChecked(False)
    assert dialog.options() == ExportOptions(annotated_only=True)
    assert dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).text() == "Choose folder…"


def test_options_written_by_hand_in_the_settings_file_read_as_meant(tmp_path):
    """QSettings gives "0" and "no" back as strings, which bool() would take for True."""
    (tmp_path / "s.ini").write_text("[export]\nannotated_only=0\nskip_difficult=1\ncopy_images=no\n")
    assert Settings(str(tmp_path / "s.ini")).export_options() == ExportOptions(skip_difficult=True)


def test_the_fixture_marks_e_difficult(folder_with_difficult):
    from petloc_gui.core.voc import read_voc

    objects = read_voc(folder_with_difficult / "e.xml").objects
    assert [(o.name, o.box, o.difficult) for o in objects] == [("dog", Box(10, 10, 50, 50), True)]
