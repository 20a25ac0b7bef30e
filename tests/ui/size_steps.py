"""The window manager's part in a window's size, which the offscreen platform has none of: resize steps
(ICCCM WM_NORMAL_HINTS) as openbox applies them.

Under high-DPI scaling Qt's xcb backend asks for resizes in steps of one device-independent pixel in native
ones (`QPlatformWindow::windowSizeIncrement`: 2 px at QT_SCALE_FACTOR=1.5), counted from the window's base size
or, with none given, from its minimum size. openbox puts the window on that grid, rounding down, at every
resize and every time the hints change (Qt sends them again whenever the window's minimum size changes). The
X window's size is kept here in native pixels, as the X server keeps it; Qt reads it back as
round(native / scale), as it does a ConfigureNotify.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QWidget


def q_round(value: float) -> int:
    """Qt's qRound for positive values (half away from zero; Python's round() takes half to even)."""
    return math.floor(value + 0.5)


class SizeStepsAsOpenbox(QObject):
    """Keeps ``window`` on its resize-step grid, at ``scale``, as openbox does. ``snaps`` counts the sizes it
    changed."""

    def __init__(self, window: QWidget, scale: float) -> None:
        super().__init__(window)
        self.window = window
        self.scale = scale
        self.native = self._to_native(window.size())
        self.hints = self._hints()
        self.snaps = 0
        self._placed: QSize | None = None  # the size this rule gave, read back by Qt: not a new request
        window.installEventFilter(self)

    def _to_native(self, size: QSize) -> QSize:
        return QSize(q_round(size.width() * self.scale), q_round(size.height() * self.scale))

    def _hints(self) -> tuple[QSize, QSize]:
        """(step, base) in native pixels, as Qt's xcb backend sends them: the base is the minimum size
        when the window has no base size of its own."""
        step = self._to_native(QSize(1, 1))
        base = self.window.baseSize()
        return step, self._to_native(base if not base.isNull() else self.window.minimumSize())

    def _on_grid(self, size: QSize) -> QSize:
        (step_w, step_h), (base_w, base_h) = (part.toTuple() for part in self.hints)
        width = base_w + (size.width() - base_w) // step_w * step_w if size.width() > base_w else size.width()
        height = base_h + (size.height() - base_h) // step_h * step_h if size.height() > base_h else size.height()
        return QSize(width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Resize:
            if self._placed is not None and self.window.size() == self._placed:
                self._placed = None  # this rule's own size read back
            else:  # the application's (or the user's) own request: the manager puts it on the grid
                self.native = self._to_native(self.window.size())
                QTimer.singleShot(0, self, self._snap)
        elif watched is self.window and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._hints_sent)  # once the layout has set the window's minimum
        return False

    def _hints_sent(self) -> None:
        hints = self._hints()
        if hints != self.hints:
            self.hints = hints
            self._snap()

    def _snap(self) -> None:
        on_grid = self._on_grid(self.native)
        if on_grid == self.native:
            return
        self.native = on_grid
        self.snaps += 1
        read_back = QSize(q_round(on_grid.width() / self.scale), q_round(on_grid.height() / self.scale))
        if read_back != self.window.size():  # (one native pixel less can read back as the same size)
            self._placed = read_back
            self.window.windowHandle().resize(read_back)  # the ConfigureNotify: Qt resizes the widget to it


def run_at_150_percent(
    test_file: str, test_name: str, scale_variable: str, screen: tuple[int, int], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """Runs ``test_file``'s ``test_name`` in a pytest process of its own, at QT_SCALE_FACTOR=1.5 on an offscreen
    ``screen`` (native px) and with ``scale_variable`` set (which the test is skipped without): Qt reads the
    scale once per process."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{"name": "wide", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR="1.5",
               **{scale_variable: "1"})
    root = Path(test_file).resolve().parents[2]
    return subprocess.run([sys.executable, "-m", "pytest", f"{test_file}::{test_name}", "-q", "-p",
                           "no:cacheprovider"], capture_output=True, text=True, cwd=root, env=env, timeout=300)
