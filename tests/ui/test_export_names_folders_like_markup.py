"""File > Export's boxes name folders as they are. A folder "<b>out" put a tag on each box's first line: Qt took
the text for HTML and said "out is not empty", "Exported as COCO to /…/out", the name's tags gone (an
"<img src=…>" in a name had Qt load a local file)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from .shown_text import shown

OUT = "<b>out"


def test_cannot_export_here_names_the_folder_as_it_is(qtbot, window, folder, answers):
    marked = folder.rename(folder.with_name("<b>pets"))
    assert window.open_folder(marked, model="fake")
    assert not window.exports.start("yolo", marked)
    assert f"{marked}: is the folder of the dataset being exported" in shown(answers["warnings"][0])


def test_folder_not_empty_names_it_as_it_is(qtbot, window, folder, answers, tmp_path):
    out = tmp_path / OUT
    out.mkdir()
    (out / "mine.txt").write_text("kept")
    assert window.open_folder(folder, model="fake")
    answers["queue"].append(QMessageBox.Cancel)
    assert not window.exports.start("yolo", out)
    assert shown(answers["questions"][0]).startswith(f"{out} is not empty.")


def test_export_finished_names_the_folder_as_it_is(qtbot, window, folder, tmp_path):
    out = tmp_path / OUT
    assert window.open_folder(folder, model="fake")
    exports = window.exports
    assert exports.start("coco", out)
    qtbot.waitUntil(lambda: exports.last_report is not None, timeout=20_000)
    exports.job.wait(5_000)
    box = next(box for box in window.findChildren(QMessageBox) if box.windowTitle() == "Export finished")
    assert shown(box.text(), box.textFormat()).startswith(f"Exported as COCO to {out}:\n")
    box.close()


def test_export_cancelled_names_the_folder_as_it_is(qtbot, window, folder, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    from petloc_gui.ui.review import export_action

    original_init = export_action.ExportJob.__init__

    def cancelled_at_once(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.cancel()  # as if Cancel were pressed before the first image

    monkeypatch.setattr(export_action.ExportJob, "__init__", cancelled_at_once)
    out = tmp_path / OUT
    assert window.open_folder(folder, model="fake")
    assert window.exports.start("coco", out)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    # the new folder it made is taken back (core.interop.unfinished.OutputBefore), named as it is
    assert shown(told[0]) == f"Export cancelled. Nothing is left behind: {out}, made by the export, was removed " \
                             "with all it had written."


def test_export_failed_names_the_folder_as_it_is(qtbot, window, folder, tmp_path, answers):
    blocking = tmp_path / OUT
    blocking.write_text("a file where the export's folder would go")
    assert window.open_folder(folder, model="fake")
    assert window.exports.start("coco", blocking / "coco")
    qtbot.waitUntil(lambda: bool(answers["warnings"]), timeout=10_000)
    assert str(blocking) in shown(answers["warnings"][0])
