"""F5 (and Open recent, File → Open folder…) on a folder that cannot be read (chmod 000 on it or on a devkit's
``JPEGImages/``, a network share's hiccup). It reopened it as a folder without images: the list, the selection
and the image shown were gone ("1 problem while indexing: … cannot list folder: Permission denied"), or, with
unsaved edits, the question about them raised PermissionError. Now the folder is not opened: a box says
"Cannot read the folder X: <reason>; the list is kept as it was" and the session stays as it was, edits and all.
A subfolder among others that cannot be listed is still a problem line of a folder that opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from petloc_gui.ui import folders as folders_module
from petloc_gui.ui.folders import RecentFoldersMenu

from .conftest import edit_b, open_and_wait, write_image
from .unlistable_folder import not_listable


def _devkit(tmp_path: Path) -> Path:
    root = tmp_path / "voc"
    (root / "JPEGImages" / "day").mkdir(parents=True)
    (root / "Annotations").mkdir()
    for seed, relative in enumerate(("a.jpg", "b.jpg", "day/c.jpg")):
        write_image(root / "JPEGImages" / relative, seed=seed)
    return root


def _kept(window, session, names) -> None:
    assert window.session is session and not session.closed
    assert session.model.names == names and window.file_dock.model is session.model


def test_f5_on_a_folder_that_cannot_be_listed_keeps_the_list_the_image_and_the_edits(qtbot, window, folder,
                                                                                    answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    edit_b(window)  # b shown, its box moved, not saved
    session, names, doc = window.session, list(window.session.model.names), window.edits.doc
    with monkeypatch.context() as outage:
        not_listable(outage, folder)
        assert window.reload_folder() is False
    assert answers["warnings"] == [f"Cannot read the folder {folder}: Permission denied; the list is kept as it was"]
    assert answers["questions"] == []  # nothing asked about the edits: nothing is left for it
    _kept(window, session, names)
    assert session.current == 1 and window.edits.doc is doc and window.has_unsaved()
    answers["queue"].append(QMessageBox.Discard)  # readable again: F5 reloads as before
    assert window.reload_folder() is True and window.session is not session
    assert window.session.model.names == names


def test_f5_on_a_devkit_whose_images_folder_cannot_be_listed_keeps_the_list(qtbot, window, tmp_path, answers,
                                                                           monkeypatch):
    root = _devkit(tmp_path)
    open_and_wait(qtbot, window, root)
    window.show_row(1)
    session, names = window.session, list(window.session.model.names)
    with monkeypatch.context() as outage:
        not_listable(outage, root / "JPEGImages")
        assert window.reload_folder() is False
    assert answers["warnings"] == [f"Cannot read the folder {root / 'JPEGImages'}: Permission denied; "
                                   "the list is kept as it was"]
    _kept(window, session, names)
    assert session.current == 1


def test_f5_on_a_folder_that_cannot_even_be_looked_at_keeps_the_list(qtbot, window, tmp_path, answers,
                                                                    monkeypatch):
    root = _devkit(tmp_path)
    open_and_wait(qtbot, window, root)
    session, names = window.session, list(window.session.model.names)
    with monkeypatch.context() as outage:
        not_listable(outage, tmp_path)  # chmod 000 on the folder holding it
        assert window.reload_folder() is False
    assert answers["warnings"] == [f"Cannot read the folder {root}: Permission denied; the list is kept as it was"]
    _kept(window, session, names)


def test_a_folder_turned_unreadable_while_indexed_is_not_opened_empty(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    session, names = window.session, list(window.session.model.names)
    real = folders_module.open_dataset
    with monkeypatch.context() as outage:
        def turned_unreadable_then_indexed(path):
            not_listable(outage, folder)  # after the look before asking about edits, before the index
            return real(path)

        outage.setattr(folders_module, "open_dataset", turned_unreadable_then_indexed)
        assert window.reload_folder() is False
    assert answers["warnings"] == [f"Cannot read the folder {folder}: Permission denied; the list is kept as it was"]
    _kept(window, session, names)


def test_opening_a_folder_that_cannot_be_listed_with_none_open_says_why(qtbot, window, folder, answers,
                                                                       monkeypatch):
    with monkeypatch.context() as outage:
        not_listable(outage, folder)
        assert window.open_folder(folder) is False
    assert answers["warnings"] == [f"Cannot read the folder {folder}: Permission denied"]
    assert window.session is None


def test_a_subfolder_that_cannot_be_listed_is_still_a_problem_of_a_folder_that_reopens(qtbot, window, tmp_path,
                                                                                      answers, monkeypatch):
    root = _devkit(tmp_path)
    open_and_wait(qtbot, window, root)
    session = window.session
    with monkeypatch.context() as outage:
        not_listable(outage, root / "JPEGImages" / "day")
        assert window.reload_folder() is True
    assert window.session is not session and window.session.model.names == ["a.jpg", "b.jpg"]
    assert window.statusBar().currentMessage().startswith(
        f"1 problem while indexing: {root / 'JPEGImages' / 'day'}: cannot list folder: Permission denied")
    assert answers["warnings"] == []


def test_open_recent_offers_a_folder_that_cannot_be_looked_at_and_says_why(qtbot, window, tmp_path, answers,
                                                                          monkeypatch):
    root = _devkit(tmp_path / "locked")
    gone = tmp_path / "gone"
    window.settings.recent_folders = [str(root), str(gone)]
    with monkeypatch.context() as outage:
        not_listable(outage, tmp_path / "locked")  # its parent unreadable: Path.is_dir() raised PermissionError here
        menu = RecentFoldersMenu(window.settings, window.open_folder, window)
        first, second = menu.actions()[:2]
        assert first.isEnabled() and not second.isEnabled()  # there, though not readable now; deleted
        first.trigger()
    assert answers["warnings"] == [f"Cannot read the folder {root}: Permission denied"]
    assert window.session is None
