"""Dropping a folder or an image whose name is not UTF-8 (``pets\\xff``), as a file manager sends it
(``file:///.../pets%FF``): QUrl.toLocalFile() read the bytes as UTF-8 and gave "pets\\ufffd", a file that
does not exist, and the drop was silently ignored. The dropped path is read byte for byte now."""

from __future__ import annotations

import os
from urllib.parse import quote_from_bytes

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from petloc_gui.ui import folders
from petloc_gui.ui.folders import dropped_target, local_path

from .conftest import wait_image_shown, write_image

BAD_FOLDER = os.fsdecode(b"pets\xff")
BAD_IMAGE = os.fsdecode(b"c\xfe.png")


@pytest.fixture
def bad_folder(folder, tmp_path):
    bad = tmp_path / BAD_FOLDER
    try:
        folder.rename(bad)
        write_image(bad / BAD_IMAGE, seed=7)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take a name that is not UTF-8")
    return bad


def _from_a_file_manager(*paths) -> QMimeData:
    """The text/uri-list a file manager sends: each path's bytes, percent-encoded."""
    mime = QMimeData()
    mime.setData("text/uri-list", b"".join(b"file://" + quote_from_bytes(os.fsencode(p)).encode() + b"\r\n"
                                           for p in paths))
    return mime


def _drop(window, mime: QMimeData) -> None:
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))


def test_a_dropped_folder_and_image_so_named_are_found(bad_folder):
    assert dropped_target(_from_a_file_manager(bad_folder)) == (bad_folder, None)
    image = bad_folder / BAD_IMAGE
    assert dropped_target(_from_a_file_manager(image)) == (bad_folder, image)


def test_dropping_such_a_folder_opens_it_and_such_an_image_shows_it(qtbot, window, bad_folder):
    _drop(window, _from_a_file_manager(bad_folder))
    assert window.current_folder() == bad_folder
    _drop(window, _from_a_file_manager(bad_folder / BAD_IMAGE))
    wait_image_shown(qtbot, window)
    assert window.session.image_path(window.session.current) == bad_folder / BAD_IMAGE


@pytest.mark.parametrize("url", [
    "file:///tmp/Zo%C3%AB%20and%20me/a%25b.png",  # UTF-8, a space, a percent sign
    "file:///tmp/a%23b.png",  # a "#" in the name
    "file:///tmp/%EF%BF%BD.png",  # a name that really holds U+FFFD
    "file://server/share/a.png",  # a file on another host
    "file:///C:/Users/me/a.png",  # a Windows path (as Linux reads it)
])
def test_every_other_local_url_names_the_path_qt_names(url):
    assert local_path(QUrl(url)) == QUrl(url).toLocalFile()


def test_where_names_are_not_bytes_qt_names_the_path(monkeypatch):
    # Windows: names are UTF-16, a file URL their UTF-8, and toLocalFile() also turns "/C:/..." into "C:/..."
    monkeypatch.setattr(folders, "_NAMES_ARE_BYTES", False)
    url = QUrl("file:///tmp/pets%FF")
    assert local_path(url) == url.toLocalFile() == "/tmp/pets\ufffd"


def test_a_url_that_is_not_a_local_file_is_not_dropped(tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl(f"https://example.org{tmp_path}")])  # the path of a real folder, on the web
    assert dropped_target(mime) is None
