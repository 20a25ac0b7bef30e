"""`ImportAfterFirstImage` sees the window as a `FirstImageHost`: a pane to watch, the predictions' hold and
whether an image is presented. It walked into the window (``window.panel.gt_pane``, ``window.session``),
so nothing but a whole MainWindow could be held for; here a bare widget and two callables are enough."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from petloc_gui.ui.first_image import ImportAfterFirstImage


class HeldPredictions:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def hold_prepare(self) -> None:
        self.calls.append("hold")

    def release_prepare(self) -> None:
        self.calls.append("release")


class BareHost:
    """No panel, no session: what the hold is given, and nothing more."""

    def __init__(self, pane: QWidget) -> None:
        self.pane = pane
        self.predictions = HeldPredictions()
        self.presented = False

    def image_pane(self) -> QWidget:
        return self.pane

    def image_presented(self) -> bool:
        return self.presented


def test_held_until_the_pane_is_painted_with_an_image(qtbot):
    pane = QWidget()
    qtbot.addWidget(pane)
    pane.resize(50, 50)
    pane.show()
    host = BareHost(pane)
    ImportAfterFirstImage(host, wait_ms=60_000)
    assert host.predictions.calls == ["hold"]
    pane.repaint()  # painted with no image: still held
    qtbot.wait(50)
    assert host.predictions.calls == ["hold"]
    host.presented = True
    pane.repaint()
    qtbot.waitUntil(lambda: host.predictions.calls == ["hold", "release"], timeout=5000)
    pane.repaint()  # released once only
    qtbot.wait(50)
    assert host.predictions.calls == ["hold", "release"]
