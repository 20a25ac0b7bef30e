"""The model's TensorFlow import held back until the window's first image is drawn.

The import runs in the prediction worker, but holds the GIL for 0.5-1.3 s at a time (up to 2.5 s on a
2-core machine at load 3-5, measured with a 50 ms heartbeat in the thirty-eighth session): started
with the window, it kept the first image from the screen for about a second more (window to image
0.89-1.17 s, held back 0.29-0.35 s, in the startup hunt). The predictions kept on disk by an earlier
run need no import: they are shown with the image all the same. Since the thirty-ninth session a bundled
model (and a version with a recorded .tflite) loads with LiteRT and never imports TensorFlow (ADR 0004);
the hold is kept for the models that still need the import, and it also holds a LiteRT model's first
load, which is short.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_IMAGE_WAIT_MS = 3000  # the import starts by then anyway: no image to show, the demo still being written


class PreparedLater(Protocol):
    """The import's hold (`PredictionService.hold_prepare` / `release_prepare`)."""

    def hold_prepare(self) -> None: ...

    def release_prepare(self) -> None: ...


class FirstImageHost(Protocol):
    """The window as the hold sees it (`window_host.WindowHost`): these, not its panel or session."""

    @property
    def predictions(self) -> PreparedLater: ...  # read-only: the window's PredictionService is one

    def image_pane(self) -> QWidget:
        """The widget the image is painted on (the ground-truth pane's viewport)."""

    def image_presented(self) -> bool:
        """An image is shown and decoded (not one still loading)."""


class ImportAfterFirstImage(QObject):
    """Holds ``host.predictions``' import until the image pane has been painted with an image (or
    ``FIRST_IMAGE_WAIT_MS`` have passed); a child of that pane, so it ends with the window."""

    def __init__(self, host: FirstImageHost, wait_ms: int = FIRST_IMAGE_WAIT_MS) -> None:
        self._pane = host.image_pane()
        super().__init__(self._pane)
        self._predictions = host.predictions
        self._image_presented = host.image_presented
        self._held = True
        self._predictions.hold_prepare()
        self._pane.installEventFilter(self)
        QTimer.singleShot(wait_ms, self, self.release)

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        if self._held and event.type() == QEvent.Type.Paint and self._image_presented():
            QTimer.singleShot(0, self, self.release)  # once this paint is on the screen
        return False

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        self._pane.removeEventFilter(self)
        self._predictions.release_prepare()
