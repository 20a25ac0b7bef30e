"""File > Export failing part way (a full disk) or cancelled into a NEW or empty folder left what it had
written there, with the "unfinished export" mark, and said the folder "now holds an export that did not
finish"; `petloc convert --to` removes it. The window takes it back as the CLI does now
(`unfinished.OutputBefore`, one way for both), and its box says so truly. Over an earlier export, that one is
put back and said to be."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.interop import unfinished
from petloc_gui.ui.review.export_options import ExportOptions
from tests.cli.helpers import disk_full_after_copies
from tests.ui.test_export_action import _export

MANIFEST = {"yolo": ("data.yaml", "classes.txt"), "coco": ("annotations.json",)}



def _failed_export(qtbot, window, fmt, out) -> tuple[str, str]:
    """Start an export into ``out`` that fails; the (title, text) of the box it shows."""
    exports = window.exports
    exports.last_report = None
    assert exports.start(fmt, out, ExportOptions(copy_images=True))
    # Its end too, queued after the box: a job deleted with the window before it came got a signal from
    # a deleted source ("Signal source has been deleted" at teardown).
    ended: list = []
    exports.job.finished.connect(lambda: ended.append(True))
    qtbot.waitUntil(lambda: bool(window.shown) and bool(ended), timeout=20_000)
    assert exports.last_report is None
    [shown] = window.shown
    return shown


@pytest.fixture
def failing_window(window, monkeypatch):
    window.shown = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Yes)  # "Folder not empty": write
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: window.shown.append((args[1], args[2])))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: window.shown.append((args[1], args[2])))
    return window


def _tree(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_full_disk_leaves_nothing_of_a_new_folder(qtbot, failing_window, folder, tmp_path, monkeypatch, fmt):
    assert failing_window.open_folder(folder, model="fake")
    calls = disk_full_after_copies(monkeypatch, 2)
    out = tmp_path / "made" / fmt
    title, text = _failed_export(qtbot, failing_window, fmt, out)
    assert len(calls) == 3  # two images written before the disk filled
    assert title == "Export failed" and "No space left on device" in text
    assert f"Nothing is left behind: {out}, made by the export, was removed" in text
    assert not (tmp_path / "made").exists()


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_full_disk_leaves_an_empty_folder_empty(qtbot, failing_window, folder, tmp_path, monkeypatch, fmt):
    assert failing_window.open_folder(folder, model="fake")
    disk_full_after_copies(monkeypatch, 2)
    out = tmp_path / "empty"
    out.mkdir()
    title, text = _failed_export(qtbot, failing_window, fmt, out)
    assert title == "Export failed"
    assert f"Nothing is left behind: what the export had written into {out} was removed" in text
    assert out.is_dir() and _tree(out) == []


def test_a_cancel_part_way_leaves_nothing_of_a_new_folder(qtbot, failing_window, folder, tmp_path, monkeypatch):
    from petloc_gui.ui.review import export_action

    assert failing_window.open_folder(folder, model="fake")
    real_step = export_action.ExportJob._step

    def cancel_after_two(self, done, total):
        if done >= 2:
            self.cancel()  # as if Cancel were pressed with two images written
        real_step(self, done, total)

    monkeypatch.setattr(export_action.ExportJob, "_step", cancel_after_two)
    out = tmp_path / "cancelled"
    title, text = _failed_export(qtbot, failing_window, "yolo", out)
    assert title == "Export cancelled" and "Nothing is left behind" in text
    assert not out.exists()


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_full_disk_over_an_earlier_export_puts_it_back(qtbot, failing_window, folder, tmp_path, monkeypatch, fmt):
    assert failing_window.open_folder(folder, model="fake")
    out = tmp_path / "out"
    assert _export(qtbot, failing_window, fmt, out).images == 5
    before = {name: (out / name).read_bytes() for name in MANIFEST[fmt]}
    for image in (out / "images").iterdir():  # so that the export copies each image again
        image.unlink()
    disk_full_after_copies(monkeypatch, 2)
    title, text = _failed_export(qtbot, failing_window, fmt, out)
    assert title == "Export failed"
    assert f"The earlier export in {out} is usable again" in text and "Nothing is left behind" not in text
    assert {name: (out / name).read_bytes() for name in MANIFEST[fmt]} == before
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()


def test_what_cannot_be_removed_is_said_to_be_left(qtbot, failing_window, folder, tmp_path, monkeypatch):
    import shutil

    assert failing_window.open_folder(folder, model="fake")
    disk_full_after_copies(monkeypatch, 2)
    monkeypatch.setattr(shutil, "rmtree", lambda *args, **kwargs: None)  # as a folder gone read-only
    out = tmp_path / "made" / "coco"
    title, text = _failed_export(qtbot, failing_window, "coco", out)
    assert title == "Export failed" and "Nothing is left behind" not in text
    assert f"Part of what the export had written into {out} could not be removed" in text
    assert out.is_dir()


def test_an_export_that_had_only_replaced_files_does_not_say_it_removed_none(qapp, tmp_path):
    # A stop once its writes had only replaced files (--overwrite): the box said "Removed the 0 files …".
    from petloc_gui.ui.review.export_action import ExportJob

    class _Before:
        def take_back(self):
            return unfinished.TakenBack(files_put_back=2)

    job = ExportJob("yolo", None, tmp_path, True, ExportOptions())
    said = job._taken_back(_Before())
    assert said == (f"The export had written no new file into {tmp_path} (the files that were there before it "
                    "are as they were: the 2 files it had replaced were put back as they were)."), said


def test_a_failure_once_the_export_had_finished_says_it_did(qtbot, failing_window, folder, tmp_path, monkeypatch):
    """A failure after the export's manifest was written and its mark removed (`unfinished.finish`): nothing is
    taken back from a folder that held files, and the box said "OUT is as it was" over the new export."""
    from petloc_gui.core.interop import yolo

    assert failing_window.open_folder(folder, model="fake")
    out = tmp_path / "out"
    assert _export(qtbot, failing_window, "yolo", out).images == 5
    (out / "classes.txt").write_text("other\n")  # so that the new classes.txt is told from the earlier one

    def fails(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(yolo, "warn_about_names", fails)
    title, text = _failed_export(qtbot, failing_window, "yolo", out)
    assert title == "Export failed"
    assert text.endswith(f"The export had finished when it stopped: {out} holds it, complete."), text
    assert (out / "classes.txt").read_text() != "other\n" and not unfinished.interrupted(out)


@pytest.mark.parametrize("fmt", MANIFEST)
def test_files_it_cannot_remove_over_an_earlier_export_are_said_with_it_put_back(qtbot, failing_window, folder,
                                                                                  tmp_path, monkeypatch, fmt):
    """An image of the run's left (it cannot be removed) over an earlier export put back: the box said only "Part
    of what the export had written … could not be removed", not that the earlier export was put back, nor which."""
    from pathlib import Path

    assert failing_window.open_folder(folder, model="fake")
    out = tmp_path / "out"
    assert _export(qtbot, failing_window, fmt, out).images == 5
    for image in (out / "images").iterdir():  # so that the export copies each image again: files of its own
        image.unlink()
    real = Path.unlink

    def unlink(self, *args, **kwargs):
        if self.parent == out / "images" and not self.name.startswith("."):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    disk_full_after_copies(monkeypatch, 2)
    monkeypatch.setattr(Path, "unlink", unlink)
    title, text = _failed_export(qtbot, failing_window, fmt, out)
    assert title == "Export failed"
    assert f"The earlier export in {out} is usable again: its " in text, text
    assert "Part of what" not in text and " could not be removed (" in text, text
    assert text.endswith("before exporting into that folder again."), text


def test_files_it_cannot_remove_over_an_earlier_export_left_unfinished_are_said_with_why(qapp, tmp_path):
    from petloc_gui.ui.review.export_action import ExportJob

    left = tmp_path / "images" / "a.png"

    class _Before:
        def take_back(self):
            return unfinished.TakenBack(unfinished=True, held_manifest=True, manifest=("data.yaml", "classes.txt"),
                                        kept_in=unfinished.EARLIER, kept_outdated=True, left_behind=True,
                                        files_removed=1, files_left=(left,))

    said = ExportJob("yolo", None, tmp_path, True, ExportOptions())._taken_back(_Before())
    assert said == (f"{tmp_path} now holds an export that did not finish (the earlier export's data.yaml and "
                    "classes.txt were not put back: files this run wrote could not be removed, and that export, of "
                    "other classes, would take them for its own): export into it again to finish it; 1 of the 2 "
                    f"files the export had written there could not be removed ({left}; the files that were there "
                    "before it are as they were): remove it before exporting into that folder again."), said
