"""While a folder of the list cannot be read, a line under the image list says so and stays: the status line's
message lasted 30 s, and the next message (a save, a prediction) replaced it sooner, though the list stays as
last read for as long as the outage lasts. The line goes once the folder can be read again, and with the list
when another folder opens; a folder named like markup is shown as named."""

from __future__ import annotations

import html
import os

from PySide6.QtCore import Qt

from petloc_gui.ui.review.unreadable_notice import folder_named, unreadable_line

from .conftest import look_now, open_and_wait, write_image
from .unlistable_folder import not_listable


def _line(window) -> str:
    """The line under the list ("" while hidden)."""
    dock = window.file_dock
    return dock.unreadable_notice.text() if dock.unreadable_notice.isVisibleTo(dock) else ""


def test_the_line_under_the_list_lasts_while_the_folder_cannot_be_read(qtbot, window, tmp_path, monkeypatch):
    root = tmp_path / "<b>pets"
    (root / "day").mkdir(parents=True)
    for seed, relative in enumerate(("a.png", "b.png", "day/c.png")):
        write_image(root / relative, seed=seed)
    open_and_wait(qtbot, window, root)
    look_now(qtbot, window)  # each folder's change time noted
    os.chmod(root / "day", 0o700)  # a chmod moves the change time alone
    with monkeypatch.context() as outage:
        not_listable(outage, root / "day")
        look_now(qtbot, window)
        window.statusBar().showMessage("Saved a.xml", 3000)  # the status line's words replaced
        assert _line(window) == ("Cannot read the folder <b>pets/day: Permission denied; "
                                 "looked at again every few seconds")
        notice = window.file_dock.unreadable_notice
        assert notice.textFormat() == Qt.PlainText  # "<b>pets" as named, not in bold
        assert html.escape(f"{root / 'day'}: Permission denied") in notice.toolTip()  # the whole path
        look_now(qtbot, window)  # looked at again, still unreadable: still said
        assert _line(window).startswith("Cannot read the folder <b>pets/day")
    look_now(qtbot, window)
    assert _line(window) == ""  # readable again
    assert window.session.model.names == ["a.png", "b.png", "day/c.png"]


def test_the_line_goes_with_the_list_when_another_folder_opens(qtbot, window, folder, tmp_path):
    open_and_wait(qtbot, window, folder)
    window.session.watchers.image_watch.unreadable.emit([(str(folder), "Permission denied")])
    assert _line(window) == "Cannot read the folder pets: Permission denied; looked at again every few seconds"
    other = tmp_path / "other"
    other.mkdir()
    write_image(other / "x.png")
    open_and_wait(qtbot, window, other)
    assert _line(window) == ""  # a new list: its folder as it is now
    session = window.session
    session.close()  # as opening another folder does first
    session.watchers.image_watch.unreadable.emit([(str(other), "Permission denied")])  # a look that lands late
    assert _line(window) == ""


def test_the_words_of_the_line():
    assert folder_named("/data/pets/day", "/data/pets") == "pets/day"
    assert folder_named("/data/pets", "/data/pets") == "pets"
    assert folder_named("/elsewhere/x", "/data/pets") == "/elsewhere/x"
    assert unreadable_line([], "/data/pets") == ""
    two = [("/data/pets/day", "Permission denied"), ("/data/pets/night", "Input/output error")]
    assert unreadable_line(two, "/data/pets") == ("Cannot read the folder pets/day (and 1 more folder): "
                                                  "Permission denied; looked at again every few seconds")
