"""File -> Export as YOLO / COCO: the menu actions, the export worker and its result."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import GT


def _export(qtbot, window, fmt, out):
    exports = window.exports
    assert exports.start(fmt, out)
    wait_for_finished(qtbot, ended_of(exports.job))
    return exports.last_report


def ended_of(job) -> list:
    """A list that gets an entry when ``job`` says ``finished`` (its last signal, after its report or its
    failure). Made right after the job starts: its signals arrive queued, only once the test waits."""
    ended: list = []
    job.finished.connect(lambda: ended.append(True))
    return ended


def wait_for_finished(qtbot, ended: list) -> None:
    """Wait until the export's ``finished`` has arrived, not only until its worker has ended (``job.wait()``):
    the worker marks itself ended before it sends ``finished`` (a ``finished`` slot may ask whether it is
    still running, `trained_here_watch`), so a test that waited for that alone could tear the window down
    with the signal still queued, and it then reached a deleted job ("Signal source has been deleted")."""
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)


def test_file_menu_has_both_exports(window):
    texts = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert "Export as &YOLO…" in texts and "Export as CO&CO…" in texts  # keyboard: Alt+F, Y / C
    assert texts.index("Export as CO&CO…") < texts.index("&Quit")


def test_export_as_coco_and_yolo_from_the_open_folder(qtbot, window, folder, tmp_path):
    assert window.open_folder(folder, model="fake")
    report = _export(qtbot, window, "coco", tmp_path / "coco")
    assert report is not None and report.problems == []
    document = json.loads((tmp_path / "coco" / "annotations.json").read_text())
    assert len(document["images"]) == 5 and len(document["annotations"]) == len(GT)
    window.exports.last_report = None
    report = _export(qtbot, window, "yolo", tmp_path / "yolo")
    assert report.objects == len(GT)
    assert sorted(p.name for p in (tmp_path / "yolo" / "labels").iterdir()) == [
        "a.txt", "b.txt", "c.txt", "e.txt"]


def test_export_without_a_folder_says_so(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    assert not window.exports.start("yolo", "/nowhere")
    assert shown == ["Open a folder first."]


def test_cancelled_export_reports_and_stops(qtbot, window, folder, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(("failed", args[2])))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: warnings.append(("told", args[2])))
    assert window.open_folder(folder, model="fake")
    exports = window.exports
    from petloc_gui.ui.review import export_action

    original_init = export_action.ExportJob.__init__

    def cancelled_at_once(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.cancel()  # as if Cancel were pressed before the first image

    monkeypatch.setattr(export_action.ExportJob, "__init__", cancelled_at_once)
    assert exports.start("coco", tmp_path / "c")
    wait_for_finished(qtbot, ended_of(exports.job))
    assert warnings[0][0] == "told" and "cancelled" in warnings[0][1]  # the user's stop is no failure
    assert exports.last_report is None
    assert not (tmp_path / "c" / "annotations.json").exists()


def test_unsaved_edits_are_saved_first_or_the_export_is_not_started(qtbot, window, folder, tmp_path, monkeypatch):
    from tests.ui.conftest import edit_b

    assert window.open_folder(folder, model="fake")
    edit_b(window)
    answers = [QMessageBox.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    assert not window.exports.start("yolo", tmp_path / "cancelled")
    assert window.has_unsaved() and not (tmp_path / "cancelled").exists()
    answers.append(QMessageBox.SaveAll)
    report = _export(qtbot, window, "yolo", tmp_path / "saved")
    assert not window.has_unsaved() and report.objects == len(GT)
    _cls, cx, cy, *_size = (tmp_path / "saved" / "labels" / "b.txt").read_text().split()
    assert (float(cx), float(cy)) == (0.75, 0.75)  # b's box as moved (70,50,110,85 of 120x90): saved, then exported
    assert "Exported" in window.statusBar().currentMessage()


def test_an_export_leaves_no_dialog_behind_once_the_next_starts(qtbot, window, folder, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QProgressDialog

    assert window.open_folder(folder, model="fake")
    for name in ("one", "two", "three"):
        window.exports.last_report = None
        _export(qtbot, window, "coco", tmp_path / name)
        for box in window.findChildren(QMessageBox):
            box.close()  # "Export finished", read
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert len(window.findChildren(QProgressDialog)) == 1 and not window.findChildren(QMessageBox)


def test_exporting_into_the_open_folder_is_refused_before_asking_to_write_into_it(
        qtbot, window, folder, monkeypatch):
    asked, warned = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    assert window.open_folder(folder, model="fake")
    assert not window.exports.start("yolo", folder)
    assert asked == []  # not "Folder not empty... write anyway?" first
    assert warned == [f"{folder}: is the folder of the dataset being exported, so the export would "
                      "become part of the dataset; choose a folder outside it"]
    assert window.exports.job is None


def test_a_cancelled_export_over_an_earlier_one_puts_its_manifest_back(qtbot, window, folder, tmp_path,
                                                                       monkeypatch):
    # The export keeps the earlier data.yaml / classes.txt aside until it is whole; the window's stop
    # left them aside (OUT unusable) where `petloc convert` put them back
    from petloc_gui.ui.review import export_action

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)  # "Folder not empty": write
    assert window.open_folder(folder, model="fake")
    out = tmp_path / "yolo"
    _export(qtbot, window, "yolo", out)
    manifest = {name: (out / name).read_bytes() for name in ("data.yaml", "classes.txt")}
    original_step = export_action.ExportJob._step

    def cancelled_after_the_first(self, done, total):
        if done > total // 2:  # past the reading half: the first image written
            self.cancel()
        original_step(self, done, total)

    monkeypatch.setattr(export_action.ExportJob, "_step", cancelled_after_the_first)
    window.exports.last_report = None
    assert window.exports.start("yolo", out)
    wait_for_finished(qtbot, ended_of(window.exports.job))
    assert "usable again" in told[0]
    assert {name: (out / name).read_bytes() for name in manifest} == manifest


def test_an_export_of_no_image_says_nothing_was_exported(qtbot, window, tmp_path):
    """The exporter writes no manifest when no image could be converted (petloc convert exits 1 then), but
    the window said "Export finished … 0 images" as for a success."""
    from PySide6.QtWidgets import QApplication

    from petloc_gui.core.boxes import Box
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc

    folder = tmp_path / "broken"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.png").write_bytes(b"not an image")
        annotation = new_annotation(folder / f"{name}.png", 40, 30)
        annotation.objects.append(VocObject("cat", Box(2, 2, 20, 20)))
        write_voc(annotation, folder / f"{name}.xml")
    assert window.open_folder(folder, model="fake")
    report = _export(qtbot, window, "coco", tmp_path / "coco")
    assert report.images == 0
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.windowTitle() == "Nothing exported" and box.text().startswith("Nothing was exported to")
    box.close()
