"""`DemoPreparer` sees the window as a `StatusHost`: a line said and a line cleared if still said. It took a
QMainWindow and worked its status bar itself (``statusBar().showMessage``, ``currentMessage``, ``clearMessage``),
so nothing but a QMainWindow could host it."""

from __future__ import annotations

from PySide6.QtCore import QObject

from petloc_gui.ui.demo_preparer import PREPARING, DemoPreparer


class StatusRecorder(QObject):
    """No status bar: the two calls the preparer is allowed, recorded."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple] = []

    def show_status(self, text: str, ms: int) -> None:
        self.calls.append(("show", text, ms))

    def clear_status_if(self, text: str) -> None:
        self.calls.append(("clear_if", text))


def test_said_while_written_and_cleared_if_still_said(qtbot, monkeypatch, tmp_path):
    from petloc_gui.app import demo_folder

    monkeypatch.setattr(demo_folder, "ensure_demo_folder", lambda: tmp_path)
    host = StatusRecorder()
    preparer = DemoPreparer(host)
    assert preparer.parent() is host  # its callbacks end with the host
    with qtbot.waitSignal(preparer.ready, timeout=5000) as ready:
        preparer.start()
    assert ready.args == [tmp_path]
    assert host.calls == [("show", PREPARING, 0), ("clear_if", PREPARING)]
    assert not preparer.busy()


def test_the_window_clears_only_its_own_line(qtbot, window):
    window.show_status(PREPARING, 0)
    window.clear_status_if("another line")
    assert window.statusBar().currentMessage() == PREPARING
    window.clear_status_if(PREPARING)
    assert window.statusBar().currentMessage() == ""
    window.show_status("Said since", 0)
    window.clear_status_if(PREPARING)
    assert window.statusBar().currentMessage() == "Said since"
