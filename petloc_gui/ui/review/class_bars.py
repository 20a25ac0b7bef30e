"""The Dataset panel's class balance: one row per class, with its name, a bar and its count.

It was a QtCharts bar chart with the names on the axis under the bars: in the
panel's narrow width a name had one bar's width, so Qt shortened them to
nothing ("…" under every bar of a folder of seven breeds, "amer…" twice) and
the last one could run past the chart's edge. A row gives each name the left
part of the panel's width: a name wider than that is elided in the middle (never
cut), and the row's tooltip names it in full with its count. Its start and its end
are kept: elided at its end, "…_from_the_neighbours_v1" and "…_v10" both read
"domestic_shorthair_cat_from_the_neighbo…" (as Edit → Classes… elides too).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from petloc_gui.core.text import counted, visible
from petloc_gui.ui.plain_text import as_plain

BAR_COLOUR = QColor(32, 159, 223)
MARGIN = 6
GAP = 6
BAR_SHARE = 0.3  # the bars keep this part of the width (longest bar); the names take up to the rest
TOOLTIP_CHARS = 300  # a 256-character label is shown whole; a tooltip is no place for more


@dataclass(frozen=True)
class Row:
    """One class as laid out at the widget's width now."""

    name: str  # in full, control characters escaped (`core.text.visible`)
    count: int
    shown: str  # as drawn: the name, or the name elided in the middle to ``label``'s width
    label: QRect
    bar: QRect
    number: QRect  # where the count is written

    def tooltip(self) -> str:
        name = self.name if len(self.name) <= TOOLTIP_CHARS else self.name[:TOOLTIP_CHARS - 1] + "…"
        return f"{name}: the first object of {counted(self.count, 'image')}"


class ClassBars(QWidget):
    """Horizontal bars, one per class in name order (`set_counts`); its title is the panel's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: list[tuple[str, int]] = []
        # as tall as its rows (the panel scrolls), as wide as the panel
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # a picture: a screen reader hears its rows from its description (`set_counts`)
        self.setAccessibleName("Class balance")
        self.setAccessibleDescription(self.in_words())

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = [(visible(name), count) for name, count in sorted(counts.items())]
        self.setAccessibleDescription(self.in_words())
        self.updateGeometry()
        self.update()

    def in_words(self) -> str:
        """The rows said: "first objects per image: cat 3, dog 2" (or that there are none)."""
        if not self._counts:
            return "No boxes yet."
        return "First objects per image: " + ", ".join(f"{name} {count}" for name, count in self._counts)

    def counts(self) -> dict[str, int]:
        """The counts shown, by name (as shown: control characters escaped)."""
        return dict(self._counts)

    # --- geometry -----------------------------------------------------------------------
    def _line(self) -> int:
        return self.fontMetrics().height()

    def _row_height(self) -> int:
        return self._line() + 6

    def _height(self) -> int:
        return 2 * MARGIN + max(1, len(self._counts)) * self._row_height()

    def sizeHint(self) -> QSize:  # Qt's name
        return QSize(240, self._height())

    def minimumSizeHint(self) -> QSize:  # Qt's name
        return QSize(120, self._height())

    def rows(self) -> list[Row]:
        """Each class's name, bar and count, where they are drawn at the width now."""
        metrics = self.fontMetrics()
        inner = max(0, self.width() - 2 * MARGIN)
        top_count = max((count for _name, count in self._counts), default=0)
        number_width = metrics.horizontalAdvance(str(top_count))
        # rounded up from the fractional width elidedText measures: a rounded-down one cut the widest
        # name ("bulld…") with room to spare
        exact = QFontMetricsF(self.font())
        widest = max((math.ceil(exact.horizontalAdvance(name)) for name, _count in self._counts), default=0)
        name_width = max(0, min(widest, inner - int(inner * BAR_SHARE) - number_width - 2 * GAP))
        bar_room = max(0, inner - name_width - number_width - 2 * GAP)
        height = self._row_height()
        out = []
        for i, (name, count) in enumerate(self._counts):
            y = MARGIN + i * height
            label = QRect(MARGIN, y, name_width, height)
            length = round(bar_room * count / top_count) if top_count else 0
            bar = QRect(label.right() + 1 + GAP, y + 3, max(1, length) if count else 0, height - 6)
            text = str(count)
            number = QRect(bar.x() + bar.width() + GAP, y, metrics.horizontalAdvance(text), height)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, name_width)
            out.append(Row(name, count, shown, label, bar, number))
        return out

    def row_at(self, x: int, y: int) -> Row | None:
        return next((row for row in self.rows() if row.label.top() <= y <= row.label.bottom()
                     and 0 <= x < self.width()), None)

    # --- drawing and tooltips -------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # Qt's name
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        if not self._counts:
            below = QRect(MARGIN, MARGIN, max(0, self.width() - 2 * MARGIN), self._row_height())
            painter.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "No boxes yet.")
            painter.end()
            return
        middle = Qt.AlignmentFlag.AlignVCenter
        for row in self.rows():
            painter.drawText(row.label, Qt.AlignmentFlag.AlignLeft | middle, row.shown)
            painter.fillRect(row.bar, BAR_COLOUR)
            painter.drawText(row.number, Qt.AlignmentFlag.AlignLeft | middle, str(row.count))
        painter.end()

    def event(self, event) -> bool:  # Qt's name
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            row = self.row_at(pos.x(), pos.y())
            if row is not None:
                QToolTip.showText(event.globalPos(), as_plain(row.tooltip()), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
