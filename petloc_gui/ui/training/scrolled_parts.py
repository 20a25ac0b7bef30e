"""The Retraining window's curves, log and result, in a column that scrolls where the window's room is short.

Over a maximised main window the window may not grow past the room below the main window's tool bars
(grown by its result, it moved up over the menus and tools); at 1024 x 700 or 1.5x that room cannot hold
the curves, the log and the result at once.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget


class _Column(QWidget):
    """The splitter (the curves over the log) and the result under it."""

    def __init__(self, splitter: QSplitter, result: QWidget) -> None:
        super().__init__()
        self._splitter, self._result = splitter, result
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(splitter, 1)
        self._layout.addWidget(result)

    def layout_spacing(self) -> int:
        """The spacing between the splitter and the result (-1: the style's, unknown here)."""
        return self._layout.spacing()

    def heightForWidth(self, width: int) -> int:  # Qt's name
        """The least height at ``width``: the splitter's least (the curves', the log's) and the whole result.
        Qt's own answer took the curves' and the log's preferred heights: the column scrolled though the
        window held it all with a shorter log."""
        height = self._splitter.minimumSizeHint().height()
        if self._result.isVisibleTo(self):
            wrapped = self._result.heightForWidth(width)  # its notes wrap: the taller the narrower
            height += max(wrapped, self._result.minimumSizeHint().height()) + max(self._layout.spacing(), 0)
        return height


class ScrolledParts(QScrollArea):
    """Scrolls only when the window is shorter than the curves' and the log's least heights and the result."""

    def __init__(self, splitter: QSplitter, result: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no tab stop of its own: its contents have them
        self._column = _Column(splitter, result)  # kept: `widget()` is typed as maybe None
        self.setWidget(self._column)
        self._result = result
    def bring_into_sight(self, control: QWidget | None) -> None:
        """``control``, if in this area, scrolled into view the least way: whole, or its top where it is taller
        than the view. Not `ensureWidgetVisible`: it aims at the text cursor, which in the log lies below the
        log's own view (the log stayed out of sight).

        Called for the keyboard's own moves only (Tab, Backtab, a shortcut: `RetrainProgress`), never for every
        focus change: a click on Discard, in a window shown without the keyboard, activated it first; its
        keyboard went to the log, the column scrolled up to it under the pointer, and the press landed elsewhere
        (the click was lost)."""
        if control is None or not self._column.isAncestorOf(control):
            return
        top_left = control.mapTo(self._column, QPoint(0, 0))
        view = self.viewport().size()
        half_width = min(control.width(), view.width()) // 2
        half_height = min(control.height(), view.height()) // 2
        self.ensureVisible(top_left.x() + half_width, top_left.y() + half_height, half_width, half_height)

    def spacing(self) -> int:
        return max(self._column.layout_spacing(), 0)

    def show_result(self) -> None:
        """Scrolled to the result's top, or as far as the end where the whole result fits below it. Scrolled to
        the end, the view opened on cut text: the chart's title sliced, or a note's last fragment ("report
        part).") at 1.5x. Then the control with the keyboard in sight, scrolled as little as it needs: a
        finished run's "Use the new model", at the result's end, had the keyboard out of view."""
        bar = self.verticalScrollBar()
        bar.setValue(min(self._result.y(), bar.maximum()))
        # the window's own: while the user works in another window, the application's is there (nothing scrolled)
        self.bring_into_sight(self.window().focusWidget())
