"""Images copied into the open folder or deleted from it: the list says so and F5 reloads it (images dropped on
the window: test_folder_images_dropped.py)."""

from __future__ import annotations

import os
import shutil
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from petloc_gui.app.folder_change import NAMED, change_text, change_tooltip
from petloc_gui.core.boxes import Box
from petloc_gui.core.folder_listing import folder_listing
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import image_set_watch
from petloc_gui.ui.review.image_set_watch import ImageSetWatch, Seen, look_again

from .conftest import edit_b, folder_notice, look_now, open_and_wait, write_image


def test_the_line_counts_and_the_tooltip_names():
    assert change_text([], []) == ""
    assert change_text(["/f/a.jpg"], []) == "1 new image in the folder"
    assert change_text(["/f/a.jpg", "/f/b.jpg"], []) == "2 new images in the folder"
    assert change_text([], ["/f/a.jpg"]) == "1 image gone from the folder"
    assert change_text(["/f/a.jpg"], ["/f/b.jpg", "/f/c.jpg"]) == "1 new image, 2 gone from the folder"
    many = [f"/f/img{i}.jpg" for i in range(NAMED + 3)]
    tip = change_tooltip(many, ["/f/sub/old\u202e.jpg"], "/f").splitlines()
    assert tip[:3] == ["New:", "  img0.jpg", "  img1.jpg"]
    assert "  … and 3 more" in tip and "Gone:" in tip
    assert "  sub/old\\u202e.jpg" in tip  # within the folder; a bidi override is shown escaped, not obeyed
    assert "F5" in tip[-1]


def test_copied_and_deleted_images_are_said_and_f5_lists_them_on_the_same_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png
    assert folder_notice(window) == ""
    window.session.watchers.image_watch.looks.poll.stop()  # the folder watch alone: no poll, no call to look()
    write_image(folder / "f.png", seed=9)
    (folder / "e.png").unlink()
    qtbot.waitUntil(lambda: folder_notice(window) == "1 new image, 1 gone from the folder",
                    timeout=image_set_watch.POLL_MS - 500)
    tip = window.file_dock.folder_notice.toolTip()
    assert "  f.png" in tip and "  e.png" in tip
    assert window.session.model.names == ["a.png", "b.png", "c.png", "d.png", "e.png"]  # not changed under the user
    window.act["reload_folder"].trigger()
    assert window.session.model.names == ["a.png", "b.png", "c.png", "d.png", "f.png"]
    assert window.session.model.names[window.session.current] == "c.png"
    assert folder_notice(window) == ""
    look_now(qtbot, window)
    assert folder_notice(window) == ""  # the reloaded list is the folder


def test_the_reload_button_does_what_f5_does(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    write_image(folder / "aa.png", seed=9)
    look_now(qtbot, window)
    assert folder_notice(window) == "1 new image in the folder"
    assert window.file_dock.reload_button.focusPolicy() == Qt.NoFocus  # a click leaves the keyboard where it was
    qtbot.mouseClick(window.file_dock.reload_button, Qt.LeftButton)
    assert "aa.png" in window.session.model.names
    assert window.session.model.names[window.session.current] == "a.png"  # was shown, still shown


def test_a_save_is_not_a_new_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    look_now(qtbot, window)
    edit_b(window)
    assert window.save_current()  # b.xml replaced in the images' folder
    look_now(qtbot, window)
    assert folder_notice(window) == ""


def test_images_in_a_new_subfolder_are_seen(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    look_now(qtbot, window)
    (folder / "day2").mkdir()
    look_now(qtbot, window)
    assert folder_notice(window) == ""
    assert str(folder / "day2") in window.session.watchers.image_watch.looks.watcher.directories()
    write_image(folder / "day2" / "g.png", seed=3)  # into a folder that was empty when last indexed
    look_now(qtbot, window)
    assert folder_notice(window) == "1 new image in the folder"
    assert f"  day2{os.sep}g.png" in window.file_dock.folder_notice.toolTip().splitlines()
    assert window.reload_folder()
    assert f"day2{os.sep}g.png" in window.session.model.names  # the list says where it is too


def test_the_question_says_which_edited_image_is_gone(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    (folder / "b.png").unlink()
    answers["queue"] = [QMessageBox.Cancel]
    assert not window.reload_folder()
    assert "  • b.png (image gone from the folder: cannot be saved; put it back under its name, or Discard)" \
        in answers["questions"][0].splitlines()


def test_the_status_bar_says_when_the_image_shown_is_deleted(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png
    (folder / "c.png").unlink()
    look_now(qtbot, window)
    assert window.statusBar().currentMessage() == "c.png was deleted from the folder; F5 reloads the list"


def test_the_line_is_under_the_list(qtbot, window, folder):
    """Appearing above the rows, it would move them under the user's mouse."""
    open_and_wait(qtbot, window, folder)
    write_image(folder / "f.png", seed=9)
    look_now(qtbot, window)
    dock = window.file_dock
    assert dock.folder_notice.isVisible()
    assert dock.folder_notice.geometry().top() >= dock.view.geometry().bottom()


def test_the_poll_alone_finds_new_images_from_the_start(qtbot, window, folder, monkeypatch):
    """A file system that sends no folder events (network shares): the poll, started with the
    session, compares the folder with what the window's own index saw."""
    monkeypatch.setattr(image_set_watch, "POLL_MS", 200)
    monkeypatch.setattr(image_set_watch.FolderLook, "watch", lambda self, folders: None)
    open_and_wait(qtbot, window, folder)
    assert window.session.watchers.image_watch.looks.watcher.directories() == []
    write_image(folder / "f.png", seed=9)
    qtbot.waitUntil(lambda: folder_notice(window) == "1 new image in the folder", timeout=3000)


def test_the_same_difference_is_said_once_and_a_look_asked_for_meanwhile_runs_after(qtbot, window, folder,
                                                                                    monkeypatch):
    open_and_wait(qtbot, window, folder)
    watch = window.session.watchers.image_watch
    watch.looks.poll.stop()
    watch.looks.watcher.removePaths(watch.looks.watcher.directories())  # looks only when asked here
    said, looks = [], []
    watch.changed.connect(lambda added, removed: said.append((added, removed)))
    real = image_set_watch.look_again
    monkeypatch.setattr(image_set_watch, "look_again", lambda root, seen: looks.append(1) or real(root, seen))
    write_image(folder / "f.png", seed=9)
    watch.look()
    watch.look()  # while the first runs: once more after it, not dropped
    qtbot.waitUntil(lambda: len(looks) == 2 and not watch.looks.busy, timeout=5000)
    (folder / "other").mkdir()  # the folder's names change, the images do not: indexed again
    look_now(qtbot, window)
    assert len(looks) == 3 and said == [([str(folder / "f.png")], [])]


def test_a_folder_that_cannot_be_listed_for_a_while_is_not_all_images_gone(qtbot, window, folder,
                                                                         monkeypatch):
    open_and_wait(qtbot, window, folder)
    watch = window.session.watchers.image_watch
    watch.looks.poll.stop()
    real_scandir = os.scandir

    def refused(path):
        if os.fspath(path) == str(folder):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refused)
    time.sleep(0.01)
    (folder / "other").mkdir()  # the folder's time moves; listing it fails
    look_now(qtbot, window)
    assert folder_notice(window) == ""
    monkeypatch.setattr(os, "scandir", real_scandir)
    write_image(folder / "f.png", seed=9)  # the watch still follows the folder
    look_now(qtbot, window)
    assert folder_notice(window) == "1 new image in the folder"


def test_a_reload_stops_the_old_watch(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    old = window.session.watchers.image_watch
    looks = old.looks
    assert looks.poll.isActive() and looks.watcher.directories()
    assert window.reload_folder()
    assert not looks.poll.isActive() and not looks.timer.isActive() and looks.watcher.directories() == []
    old.changed.emit([str(folder / "late.png")], [])  # a look of the old folder ending late
    assert folder_notice(window) == ""


def test_unsaved_edits_are_asked_about_and_cancel_keeps_everything(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    write_image(folder / "f.png", seed=9)
    look_now(qtbot, window)
    answers["queue"] = [QMessageBox.Cancel]
    assert not window.reload_folder()
    assert len(answers["questions"]) == 1 and window.has_unsaved()
    assert "f.png" not in window.session.model.names
    assert folder_notice(window) == "1 new image in the folder"
    answers["queue"] = [QMessageBox.SaveAll]
    assert window.reload_folder()
    assert "f.png" in window.session.model.names and not window.has_unsaved()
    assert window.session.model.names[window.session.current] == "b.png"
    assert read_voc(folder / "b.xml").objects[0].box == Box(70, 50, 110, 85)  # the edit was saved


def test_reload_keeps_the_shown_image_listed_under_a_filter_and_moves_on_when_it_is_gone(
        qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dock = window.file_dock
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("none"))  # images without annotation
    shown = window.session.model.names[window.session.current]
    window.accept_prediction()
    assert window.save_current()  # annotated now: the filter no longer matches it
    assert window.reload_folder()
    model = window.session.model
    assert model.names[window.session.current] == shown and model.view_row(window.session.current) >= 0
    dock.status_filter.setCurrentIndex(0)
    window.show_row(2)  # c.png
    (folder / "c.png").unlink()
    assert window.reload_folder()
    assert window.session.model.names[window.session.current] == "d.png"  # the next one, not the first


def test_the_index_is_read_again_only_when_the_image_names_changed(tmp_path, monkeypatch):
    from petloc_gui.core.dataset import open_dataset

    write_image(tmp_path / "a.png")
    dataset = open_dataset(tmp_path)
    indexed = []
    real = image_set_watch.open_dataset
    monkeypatch.setattr(image_set_watch, "open_dataset", lambda root: indexed.append(root) or real(root))
    listed = []
    monkeypatch.setattr(image_set_watch, "folder_listing",
                        lambda folder: listed.append(folder) or folder_listing(folder))
    seen = Seen(dict(dataset.folders))
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
    moved = tmp_path.with_name(tmp_path.name + "_moved")
    tmp_path.rename(moved)
    gone = look_again(tmp_path, seen)
    assert gone.images == frozenset()  # the folder is gone: every image with it (the window says so)
    assert look_again(tmp_path, gone).images is None  # said once, not re-indexed at every look
    moved.rename(tmp_path)
    back = look_again(tmp_path, gone)
    assert back.images == seen.images  # moved back (its old time): listed again, its images back


def test_stopped_watch_says_nothing_not_even_from_a_look_in_flight(qtbot, tmp_path):
    from petloc_gui.core.dataset import open_dataset

    write_image(tmp_path / "a.png")
    watch = ImageSetWatch(open_dataset(tmp_path))
    said = []
    watch.changed.connect(lambda added, removed: said.append((added, removed)))
    watch.start()
    write_image(tmp_path / "b.png")
    watch.look()
    assert watch.looks.busy
    watch.stop()  # returns at once: nothing waits for the look in flight
    qtbot.waitUntil(lambda: not watch.looks.busy, timeout=5000)
    qtbot.wait(image_set_watch.QUIET_MS + 300)
    assert said == [] and watch.looks.watcher.directories() == [] and not watch.looks.poll.isActive()


def test_a_folder_not_listable_keeps_its_images_and_the_others_are_still_said(tmp_path, monkeypatch):
    from petloc_gui.core.dataset import open_dataset

    write_image(tmp_path / "a.png")
    (tmp_path / "sub").mkdir()
    write_image(tmp_path / "sub" / "b.png")
    seen = Seen(dict(open_dataset(tmp_path).folders))
    real_scandir, indexed = os.scandir, []
    real_open = image_set_watch.open_dataset
    monkeypatch.setattr(image_set_watch, "open_dataset", lambda root: indexed.append(root) or real_open(root))

    def refused(path):
        if os.fspath(path) == str(tmp_path / "sub"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refused)
    time.sleep(0.01)
    write_image(tmp_path / "c.png")  # the root changes while sub cannot be listed
    (tmp_path / "sub" / "x.txt").write_text("")  # and sub's time moves
    seen = look_again(tmp_path, seen)
    assert seen.images == {str(tmp_path / p) for p in ("a.png", "c.png", "sub/b.png")}  # b.png not "gone"
    assert len(indexed) == 1
    seen = look_again(tmp_path, seen)
    assert seen.images is None and len(indexed) == 1  # sub's new time is kept: no index at every look
    monkeypatch.setattr(os, "scandir", real_scandir)
    shutil.rmtree(tmp_path / "sub")
    seen = look_again(tmp_path, seen)
    assert seen.images == {str(tmp_path / "a.png"), str(tmp_path / "c.png")}  # a deleted folder's images are gone


def test_the_question_names_images_as_the_list_does(qtbot, window, folder, answers):
    for day in ("day1", "day2"):
        (folder / day).mkdir()
        write_image(folder / day / "g.png")
    open_and_wait(qtbot, window, folder)
    names = window.session.model.names
    for name in ("day1", "day2"):
        window.show_row(names.index(f"{name}{os.sep}g.png"))
        window.edits.add_box(Box(1, 1, 20, 20), "cat")
    (folder / "day1" / "g.png").unlink()
    answers["queue"] = [QMessageBox.Cancel]
    assert not window.reload_folder()
    lines = answers["questions"][0].splitlines()
    assert f"  • day1{os.sep}g.png (image gone from the folder: cannot be saved; put it back under its name, or " \
           "Discard)" in lines and f"  • day2{os.sep}g.png" in lines


def test_reload_after_the_last_image_is_deleted_shows_the_one_before(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(4)  # e.png, the last
    (folder / "e.png").unlink()
    assert window.reload_folder()
    assert window.session.model.names[window.session.current] == "d.png"


def test_opening_a_link_loop_while_a_folder_is_open_says_so(qtbot, window, folder, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    open_and_wait(qtbot, window, folder)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    assert not window.open_folder(loop)  # not a crash asking whether it is the open folder
    assert warned and "loop" in warned[0] and window.current_folder() == folder
    assert not window.open_folder(f"{tmp_path}/a\x00b")  # a NUL: said too, not raised
    assert len(warned) == 2 and window.current_folder() == folder
