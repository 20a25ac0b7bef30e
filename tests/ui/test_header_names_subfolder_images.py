"""In the window, the header over the panes names a devkit's image in a subfolder as the Images list does
(``day/x.jpg``, not ``x.jpg`` as its namesake at the top), and keeps the name after an edit."""

from __future__ import annotations

import os

from PySide6.QtGui import QTextDocumentFragment

from .conftest import open_and_wait, write_image


def _header(window) -> str:
    return QTextDocumentFragment.fromHtml(window.panel.header.text()).toPlainText()


def test_the_header_tells_namesakes_in_subfolders_apart(qtbot, window, tmp_path):
    root = tmp_path / "export"
    for seed, relative in enumerate(("x.jpg", "day/x.jpg")):
        image = root / "JPEGImages" / relative
        image.parent.mkdir(parents=True, exist_ok=True)
        write_image(image, seed=seed)
    (root / "Annotations").mkdir()
    open_and_wait(qtbot, window, root)
    names = window.session.model.names
    day = names.index("day" + os.sep + "x.jpg")
    window.show_row(day)
    qtbot.waitUntil(lambda: _header(window).startswith("day" + os.sep + "x.jpg"))
    window.act["verify"].trigger()  # an edit: the document shown again
    qtbot.waitUntil(lambda: window.edits.doc is not None and window.edits.doc.verified)
    assert _header(window).startswith("day" + os.sep + "x.jpg"), _header(window)
    window.show_row(names.index("x.jpg"))
    qtbot.waitUntil(lambda: _header(window).startswith("x.jpg"))
