"""The Retraining window's curves, log and result, in a column that scrolls where the window's room is short.

Over a maximised main window the window may not grow past the room below the main window's tool bars
(grown by its result, it moved up over the menus and tools); at 1024 x 700 or 1.5x that room cannot hold
the curves, the log and the result at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget


class _Column(QWidget):
    """The splitter (the curves over the log) and the result under it."""

    def __init__(self, splitter: QSplitter, result: QWidget) -> None:
        super().__init__()
        self._splitter, self._result = splitter, result
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(result)

    def heightForWidth(self, width: int) -> int:  # Qt's name
        """The least height at ``width``: the splitter's least (the curves', the log's) and the whole result.
        Qt's own answer took the curves' and the log's preferred heights: the column scrolled though the
        window held it all with a shorter log."""
        height = self._splitter.minimumSizeHint().height()
        if self._result.isVisibleTo(self):
            wrapped = self._result.heightForWidth(width)  # its notes wrap: the taller the narrower
            height += max(wrapped, self._result.minimumSizeHint().height()) + max(self.layout().spacing(), 0)
        return height


class ScrolledParts(QScrollArea):
    """Scrolls only when the window is shorter than the curves' and the log's least heights and the result."""

    def __init__(self, splitter: QSplitter, result: QWidget) -> None:
        super().__init__(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no tab stop of its own: its contents have them
        self.setWidget(_Column(splitter, result))
        self._result = result

    def spacing(self) -> int:
        layout = self.widget().layout()
        return max(layout.spacing(), 0) if layout is not None else 0

    def show_result(self) -> None:
        """Scrolled to the result's top, or as far as the end where the whole result fits below it. Scrolled to
        the end, the view opened on cut text: the chart's title sliced, or a note's last fragment ("report
        part).") at 1.5x."""
        bar = self.verticalScrollBar()
        bar.setValue(min(self._result.y(), bar.maximum()))
