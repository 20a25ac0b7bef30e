"""Images copied into the open folder or deleted from it: the list says so and F5 reloads it."""

from __future__ import annotations

import shutil
import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from petloc_gui.app.folder_change import NAMED, change_text, change_tooltip
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import folder_listing
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import image_set_watch
from petloc_gui.ui.review.image_set_watch import ImageSetWatch, Seen, look_again

from .conftest import edit_b, open_and_wait, write_image


def test_the_line_counts_and_the_tooltip_names():
    assert change_text([], []) == ""
    assert change_text(["/f/a.jpg"], []) == "1 new image in the folder"
    assert change_text(["/f/a.jpg", "/f/b.jpg"], []) == "2 new images in the folder"
    assert change_text([], ["/f/a.jpg"]) == "1 image gone from the folder"
    assert change_text(["/f/a.jpg"], ["/f/b.jpg", "/f/c.jpg"]) == "1 new image, 2 gone from the folder"
    many = [f"/f/img{i}.jpg" for i in range(NAMED + 3)]
    tip = change_tooltip(many, ["/f/old\u202e.jpg"]).splitlines()
    assert tip[:3] == ["New:", "  img0.jpg", "  img1.jpg"]
    assert "  … and 3 more" in tip and "Gone:" in tip
    assert "  old\\u202e.jpg" in tip  # a bidi override in a name is shown escaped, not obeyed
    assert "F5" in tip[-1]


def _notice(window) -> str:
    dock = window.file_dock
    return dock.folder_notice_text.text() if dock.folder_notice.isVisibleTo(dock) else ""


def _look_now(qtbot, window) -> None:
    """One look of the watch finished (not waiting for its folder event or its poll)."""
    watch = window.session.image_watch
    watch.look()
    qtbot.waitUntil(lambda: watch._worker is None, timeout=5000)


def test_copied_and_deleted_images_are_said_and_f5_lists_them_on_the_same_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png
    assert _notice(window) == ""
    write_image(folder / "f.png", seed=9)
    (folder / "e.png").unlink()
    # the folder watch alone: no direct call to look()
    qtbot.waitUntil(lambda: _notice(window) == "1 new image, 1 gone from the folder", timeout=8000)
    tip = window.file_dock.folder_notice.toolTip()
    assert "  f.png" in tip and "  e.png" in tip
    assert window.session.model.names == ["a.png", "b.png", "c.png", "d.png", "e.png"]  # not changed under the user
    window.act["reload_folder"].trigger()
    assert window.session.model.names == ["a.png", "b.png", "c.png", "d.png", "f.png"]
    assert window.session.model.names[window.session.current] == "c.png"
    assert _notice(window) == ""
    _look_now(qtbot, window)
    assert _notice(window) == ""  # the reloaded list is the folder


def test_the_reload_button_does_what_f5_does(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    write_image(folder / "aa.png", seed=9)
    _look_now(qtbot, window)
    assert _notice(window) == "1 new image in the folder"
    assert window.file_dock.reload_button.focusPolicy() == Qt.NoFocus  # a click leaves the keyboard where it was
    qtbot.mouseClick(window.file_dock.reload_button, Qt.LeftButton)
    assert "aa.png" in window.session.model.names
    assert window.session.model.names[window.session.current] == "a.png"  # was shown, still shown


def test_an_image_back_where_it_was_hides_the_line(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)
    shutil.move(folder / "d.png", tmp_path / "d.png")
    _look_now(qtbot, window)
    assert _notice(window) == "1 image gone from the folder"
    shutil.move(tmp_path / "d.png", folder / "d.png")
    _look_now(qtbot, window)
    assert _notice(window) == ""


def test_a_save_is_not_a_new_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _look_now(qtbot, window)
    edit_b(window)
    assert window.save_current()  # b.xml replaced in the images' folder
    _look_now(qtbot, window)
    assert _notice(window) == ""


def test_images_in_a_new_subfolder_are_seen(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    _look_now(qtbot, window)
    (folder / "day2").mkdir()
    _look_now(qtbot, window)
    assert _notice(window) == ""
    write_image(folder / "day2" / "g.png", seed=3)  # into a folder that was empty when last indexed
    _look_now(qtbot, window)
    assert _notice(window) == "1 new image in the folder"


def test_unsaved_edits_are_asked_about_and_cancel_keeps_everything(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    write_image(folder / "f.png", seed=9)
    _look_now(qtbot, window)
    answers["queue"] = [QMessageBox.Cancel]
    assert not window.reload_folder()
    assert len(answers["questions"]) == 1 and window.has_unsaved()
    assert "f.png" not in window.session.model.names
    assert _notice(window) == "1 new image in the folder"
    answers["queue"] = [QMessageBox.SaveAll]
    assert window.reload_folder()
    assert "f.png" in window.session.model.names and not window.has_unsaved()
    assert window.session.model.names[window.session.current] == "b.png"
    assert read_voc(folder / "b.xml").objects[0].box == Box(70, 50, 110, 85)  # the edit was saved


def test_dropping_an_image_copied_in_since_opening_lists_and_shows_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    write_image(folder / "new.png", seed=9)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "new.png"))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert window.session.model.names[window.session.current] == "new.png"


def test_the_index_is_read_again_only_when_the_image_names_changed(tmp_path, monkeypatch):
    from petloc_gui.core.dataset import open_dataset

    write_image(tmp_path / "a.png")
    dataset = open_dataset(tmp_path)
    indexed = []
    real = image_set_watch.open_dataset
    monkeypatch.setattr(image_set_watch, "open_dataset", lambda root: indexed.append(root) or real(root))
    listed = []
    monkeypatch.setattr(image_set_watch, "folder_listing",
                        lambda folder, recursive: listed.append(folder) or folder_listing(folder, recursive))
    seen = Seen(dict(dataset.folders), recursive=True)
    seen = look_again(tmp_path, seen)
    assert seen.images is None and indexed == [] and listed == []  # untouched: one stat, no listing
    time.sleep(0.01)
    (tmp_path / "a.xml").write_text("<annotation/>")  # a save moves the folder's time, not its images
    seen = look_again(tmp_path, seen)
    assert seen.images is None and indexed == [] and listed == [tmp_path]
    assert look_again(tmp_path, seen).images is None and listed == [tmp_path]  # the new time is kept
    write_image(tmp_path / "b.png")
    seen = look_again(tmp_path, seen)
    assert seen.images == {str(tmp_path / "a.png"), str(tmp_path / "b.png")} and len(indexed) == 1
    shutil.rmtree(tmp_path)
    gone = look_again(tmp_path, seen)
    assert gone.images is None and gone.folders == seen.folders  # the folder is gone: nothing offered


def test_stopped_watch_says_nothing(qtbot, tmp_path):
    from petloc_gui.core.dataset import open_dataset

    write_image(tmp_path / "a.png")
    watch = ImageSetWatch(open_dataset(tmp_path))
    said = []
    watch.changed.connect(lambda added, removed: said.append((added, removed)))
    watch.start()
    watch.stop()
    write_image(tmp_path / "b.png")
    qtbot.wait(image_set_watch.QUIET_MS + 300)
    assert said == [] and watch.watcher.directories() == []
