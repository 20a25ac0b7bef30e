"""The model's TensorFlow import held back until the window's first image is drawn.

The import runs in the prediction worker, but holds the GIL for up to 0.5-1.3 s at a time: started
with the window, it kept the first image from the screen for about a second more (window to image
0.89-1.17 s, held back 0.29-0.35 s, in the startup hunt). The predictions kept on disk by an earlier
run need no import: they are shown with the image all the same.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

FIRST_IMAGE_WAIT_MS = 3000  # the import starts by then anyway: no image to show, the demo still being written


class ImportAfterFirstImage(QObject):
    """Holds ``window.predictions``' import (`PredictionService.hold_prepare`) until the image pane has
    been painted with an image (or ``FIRST_IMAGE_WAIT_MS`` have passed); a child of the window."""

    def __init__(self, window, wait_ms: int = FIRST_IMAGE_WAIT_MS) -> None:
        super().__init__(window)
        self._window = window
        self._pane = window.panel.gt_pane.viewport()
        self._held = True
        window.predictions.hold_prepare()
        self._pane.installEventFilter(self)
        QTimer.singleShot(wait_ms, self, self.release)

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        if self._held and event.type() == QEvent.Type.Paint and self._image_presented():
            QTimer.singleShot(0, self, self.release)  # once this paint is on the screen
        return False

    def _image_presented(self) -> bool:
        session = self._window.session
        return session is not None and session.current is not None and session.loading is None

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        self._pane.removeEventFilter(self)
        self._window.predictions.release_prepare()
