"""An image file restored on disk while it is shown with its decoding error is shown again at once,
as an annotation file changed by another program is noticed (not only after leaving and coming back)."""

from __future__ import annotations

import shutil

from .conftest import open_and_wait, wait_image_shown


def test_an_image_restored_while_shown_is_decoded_again(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)
    shutil.copy(folder / "c.png", tmp_path / "c.png")
    (folder / "c.png").write_bytes((tmp_path / "c.png").read_bytes()[:200])  # truncated
    window.show_row(2)
    doc = window.session.store.document(2)
    assert doc.image_error and window.panel._image_error
    shutil.copy(tmp_path / "c.png", folder / "c.png")  # restored, on screen all the while
    qtbot.waitUntil(lambda: doc.image_error is None and window.session.loading is None, timeout=5000)
    wait_image_shown(qtbot, window)
    assert window.panel._image_error is None and window.session.current == 2
    assert window.edits.doc is doc  # takes edits again


def test_an_image_deleted_while_shown_stays_on_screen(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)
    (folder / "c.png").unlink()
    window.session.watchers.disk.check()
    assert window.session.loading is None and window.panel._image_error is None
