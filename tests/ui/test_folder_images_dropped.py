"""Images dropped on the window from the open folder, or copied into it since it was opened: the list shows them
without reopening (a subfolder, a link to the folder, an Oxford-IIIT Pet layout, a filter)."""

from __future__ import annotations

import os

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from .conftest import open_and_wait, write_image


def _drop(window, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))


def test_dropping_an_image_copied_in_since_opening_lists_and_shows_it(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    write_image(folder / "new.png", seed=9)
    _drop(window, folder / "new.png")
    assert window.session.model.names[window.session.current] == "new.png"


def test_dropping_a_listed_image_of_a_folder_opened_through_a_link_shows_it(qtbot, window, folder, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(folder, target_is_directory=True)
    open_and_wait(qtbot, window, link)
    session = window.session
    _drop(window, folder / "c.png")  # the same file by its real path
    assert window.session is session  # not reloaded
    assert session.model.names[session.current] == "c.png"


def test_dropping_a_listed_image_in_a_subfolder_shows_it_in_the_open_folder(qtbot, window, folder):
    (folder / "day2").mkdir()
    write_image(folder / "day2" / "g.png")
    open_and_wait(qtbot, window, folder)
    session = window.session
    _drop(window, folder / "day2" / "g.png")
    assert window.session is session and window.current_folder() == folder
    assert session.model.names[session.current] == f"day2{os.sep}g.png"


def test_dropping_an_image_copied_into_a_subfolder_since_opening_keeps_the_open_folder(qtbot, window, folder):
    (folder / "day2").mkdir()
    open_and_wait(qtbot, window, folder)
    write_image(folder / "day2" / "g.png")
    _drop(window, folder / "day2" / "g.png")  # not listed yet: the open folder is read again, not day2 opened
    assert window.current_folder() == folder
    assert window.session.model.names[window.session.current] == f"day2{os.sep}g.png"


def _open_oxford(qtbot, window, tmp_path):
    """A small Oxford-IIIT Pet layout (images/, annotations/xmls/), opened."""
    root = tmp_path / "ox"
    (root / "images").mkdir(parents=True)
    for name in ("Abyssinian_1", "Abyssinian_2"):
        write_image(root / "images" / f"{name}.jpg")
    (root / "annotations" / "xmls").mkdir(parents=True)
    open_and_wait(qtbot, window, root)
    return root


def test_dropping_an_oxford_image_shows_it_without_reopening(qtbot, window, tmp_path):
    root = _open_oxford(qtbot, window, tmp_path)
    session = window.session
    _drop(window, root / "images" / "Abyssinian_2.jpg")
    assert window.session is session and session.model.names[session.current] == "Abyssinian_2.jpg"


def test_the_images_folder_of_the_open_oxford_dataset_is_the_open_folder(qtbot, window, tmp_path):
    root = _open_oxford(qtbot, window, tmp_path)
    asked = []
    window.guard.confirm_leave = lambda reload=False: asked.append(reload) or False
    assert not window.open_folder(root / "images")  # opening it opens the dataset again: "read again"
    assert asked == [True]
    session = window.session
    _drop(window, root / "images")  # as dropping the dataset's own folder: nothing to open
    assert asked == [True] and window.session is session


def test_a_drop_under_a_filter_lists_the_image_it_shows(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dock = window.file_dock
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("none"))
    model = window.session.model
    annotated = model.names.index("a.png")
    assert model.view_row(annotated) < 0
    _drop(window, folder / "a.png")
    assert window.session.current == annotated and model.view_row(annotated) >= 0
