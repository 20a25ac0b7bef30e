"""The main window's status bar: a message too long for it is elided in the middle, whole in its tooltip.

QStatusBar draws a message on one line and cuts it at the first permanent widget: a failed save lost
its end, the part that says why ("…/IMG_0042.xml: [Errno 13] Permission denied"). Here the start and
the end stay in view and hovering the message shows all of it, wrapped. Callers keep using
``showMessage`` and ``currentMessage`` (the whole text).

While a message shows, a permanent label (the model's name and figures) takes the room the message leaves
(`_left_by_message`), and where that is less than a third of the bar, a third, its text elided at its end, whole in
its tooltip: the figures and their marks ("15 of 16 hold boxes accepted from a
model; too few images to tell models apart") left the messages ~380 px, and cut them. Its ``text()`` stays whole.
The model's label with figures gives way in its own order (`model_label_fit`): to a compact form, "Model:
pets…abcdef (acc 0.938 · IoU 0.839 on 16 validation images · 15/16 accepted · too few to compare)", as wide as
that needs (up to half the bar) where a third is less. With no message the label takes the room the other
widgets leave (`_cap_labels`): capped at half a bar that was empty, a 1024 px window dropped the model's name and
cut its last caution ("Model: … (… · too fe…"). It is a `ModelLabel`: given its line with the figures' parts
(`model_label_fit.ModelLine`, the model controller's status), it keeps them, and fits from them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtGui import Qt as GuiQt  # (mightBeRichText is QtGui's)
from PySide6.QtWidgets import QLabel, QSizeGrip, QStatusBar, QStyle, QStyleOption, QToolTip, QWidget

from petloc_gui.core.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from petloc_gui.ui.model_label_fit import ModelLine, fitted_text, least_width

LEFT_MARGIN, RIGHT_MARGIN = 6, 12  # QStatusBar's own, around its message
LABEL_SHARE = 3  # a permanent label takes at most 1/LABEL_SHARE of the bar's width
LEAST_SHARE = 2  # ... or what the model's compact form needs (`least_width`), up to 1/LEAST_SHARE of it
FRAME_PX = 4  # the item frame QStatusBar draws round a permanent widget (2 px each side, `paintEvent`)
WIDGET_SIZE_MAX = 16777215  # Qt's QWIDGETSIZE_MAX (PySide6 does not export it): no cap


ISOLATES = "\u2066\u2067" + FIRST_STRONG_ISOLATE  # left-to-right, right-to-left, and `core.text.isolated`'s


def tooltip_html(text: str) -> str:
    """``text`` as a tooltip that wraps (Qt wraps rich text only), also inside a long path; left to right, as the
    line draws it (`text_flags`)."""
    return "<p dir='ltr'>" + html.escape(text).replace("/", "/&#8203;").replace("\\", "\\&#8203;") + "</p>"


def isolates_closed(shown: str, whole: str) -> str:
    """``shown``, ``whole`` elided, with the isolates its start leaves open closed before its "…": one whose end was
    cut took the rest of the line with it ("⁨תמונהתמונה… will ask which version to keep." read the English after
    "…" as part of the Hebrew name, right to left)."""
    if shown == whole:
        return shown
    cut = next((at for at, (mine, its) in enumerate(zip(shown, whole, strict=False)) if mine != its), len(shown))
    depth = 0
    for char in shown[:cut]:
        if char in ISOLATES:
            depth += 1
        elif char == POP_DIRECTIONAL_ISOLATE and depth:
            depth -= 1
    return shown[:cut] + POP_DIRECTIONAL_ISOLATE * depth + shown[cut:]


def text_flags(widget: QWidget, alignment: Qt.AlignmentFlag) -> int:
    """drawText's flags for a message or label in ``widget``: ``alignment`` where the widget's direction puts it (the
    layout's mirroring), the text left to right, whatever the layout's direction and the text's first letter.

    petloc's messages and labels are English sentences. Drawn in the layout's direction, one in a right-to-left
    layout (`-reverse`) read ".(of this folder's 14 image…folder it never trained on 13"; drawn in the direction of
    its first strong character, one that starts with a Hebrew file name read ".xml was changed on …sk which version
    to keep.תמונה". A name in one reads in its own direction inside it (set apart by `core.text.isolated` where the
    message builds it)."""
    return int(QStyle.visualAlignment(widget.layoutDirection(), alignment)) | int(Qt.TextFlag.TextForceLeftToRight)


def label_elided(label: QLabel) -> bool:
    """Whether a plain-text ``label`` is wider than the room it has (a rich one is not elided)."""
    return label_is_plain(label) and (
        label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width())


def label_is_plain(label: QLabel) -> bool:
    """Whether ``label`` is drawn as plain text (a rich one is not elided)."""
    return label.textFormat() == Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(label.text())


class ModelLabel(QLabel):
    """The model's permanent label: its text, and the figures' parts of the line it was given (`ModelLine`), which
    it is fitted from (`label_line`). Any other text set (a plain str) has none: those of a line before do not stay
    with it. Plain text: it names models, their folders and training folders as written (in Qt's AutoText a training
    folder "<b>cvat</b> export" was drawn bold, its tags gone, and the label, rich, was no longer fitted)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:  # Qt's name: the model controller's status signal is connected to it
        self._line = text if isinstance(text, ModelLine) else ModelLine(text)
        super().setText(text)

    def line(self) -> ModelLine:
        return self._line


def label_line(label: QLabel) -> str:
    """A permanent label's text, with the figures' parts where it holds them (a `ModelLabel`'s line)."""
    return label.line() if isinstance(label, ModelLabel) else label.text()


def label_shown_text(label: QLabel) -> str:
    """A permanent label's text as drawn: whole, the model's in its compact form (`model_label_fit`), or its
    start and "…"."""
    if not label_elided(label):
        return label.text()
    room = label.contentsRect().width()
    fitted = fitted_text(label_line(label), label.fontMetrics(), room)
    if fitted is not None:
        return fitted
    return label.fontMetrics().elidedText(label.text(), Qt.TextElideMode.ElideRight, room)


def label_text_width(label: QLabel) -> int:
    """How wide a plain ``label`` is with its whole text: its size hint, but for the minimum width set on it (which
    QLabel's hint grows to)."""
    chrome = label.width() - label.contentsRect().width() + 2 * label.margin()
    return label.fontMetrics().horizontalAdvance(label.text()) + chrome


def label_width_cap(label: QLabel, bar_width: int) -> int:
    """How wide a permanent label may be while a message shows: its share of the bar, or what the model's compact
    form needs (`least_width`) where that is more, up to 1/LEAST_SHARE of the bar: the message keeps the rest."""
    least = least_width(label_line(label), label.fontMetrics()) if label_is_plain(label) else 0
    if least:
        least = min(least + label.width() - label.contentsRect().width(), bar_width // LEAST_SHARE)
    return max(1, bar_width // LABEL_SHARE, least)


class _LabelElider(QObject):
    """Draws a permanent label's text elided when it is too wide, and shows it whole when hovered."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if not isinstance(watched, QLabel) or not label_elided(watched):
            return False
        if event.type() == QEvent.Type.Paint:
            painter = QPainter(watched)
            shown = label_shown_text(watched)  # left to right: "…" stays at its end in a right-to-left layout
            flags = text_flags(watched, watched.alignment())
            watched.style().drawItemText(painter, watched.contentsRect(), flags, watched.palette(), watched.isEnabled(),
                                         shown, QPalette.ColorRole.WindowText)
            painter.end()
            return True
        if event.type() == QEvent.Type.ToolTip and not watched.toolTip():
            QToolTip.showText(event.globalPos(), tooltip_html(watched.text()), watched)
            return True
        return False


class StatusLine(QStatusBar):
    """A QStatusBar whose message is elided in the middle when it does not fit (``shown_text``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []  # in order, as QStatusBar keeps them (it does not tell)
        self._elider = _LabelElider(self)
        self.messageChanged.connect(self._message_changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # Qt's name
        super().addPermanentWidget(widget, stretch)
        self._permanent.append(widget)
        self._cap(widget)

    def insertPermanentWidget(self, index: int, widget: QWidget, stretch: int = 0) -> int:  # Qt's name
        at = super().insertPermanentWidget(index, widget, stretch)
        self._permanent.insert(min(index, len(self._permanent)), widget)
        self._cap(widget)
        return at

    def _cap(self, widget: QWidget) -> None:
        """A permanent label: fitted to the room it may take (`_cap_label`)."""
        if isinstance(widget, QLabel):
            widget.installEventFilter(self._elider)
            self._cap_label(widget, self.width())

    def _cap_label(self, label: QLabel, bar_width: int) -> None:
        """While a message shows, ``label`` takes at most its share of the bar (`label_width_cap`); with none, a
        plain one takes as much as the layout leaves it beside the other widgets, up to its whole text, and may
        shrink to its share (or its whole text, if narrower): a label's minimum width is its whole text's, and as
        wide as the bar it would keep the window from being made narrower. (A rich label keeps its share.)"""
        share = max(label_width_cap(label, bar_width), self._left_by_message(label, bar_width))
        free = not self.currentMessage() and label_is_plain(label)
        label.setMaximumWidth(WIDGET_SIZE_MAX if free else share)  # (unchanged: no new layout)
        least = max(1, min(share, label_text_width(label))) if free else 0
        lowered = least < label.minimumWidth()
        label.setMinimumWidth(least)
        if lowered:
            # QLabel keeps the size hint it worked out under the old, wider minimum ("4 / 30" stayed as wide
            # as the "hidden by the filter · …" before it, until the next text); setIndent is the public call
            # that makes it work the hint out again
            label.setIndent(label.indent())

    def _left_by_message(self, label: QLabel, bar_width: int) -> int:
        """What a short message leaves ``label``, beside the other permanent widgets at their preferred widths and
        the size grip: "Saved 1 image." needs ~100 px, and held to its share the model's label lost its name and
        cautions for as long as that showed. 0 with no message or a rich label (which keeps its share)."""
        message = self.currentMessage()
        if not message or not label_is_plain(label):
            return 0
        spacing = max(0, self.layout().spacing()) if self.layout() is not None else 0
        others = sum(min(widget.sizeHint().width(), widget.maximumWidth()) + spacing
                     for widget in self._permanent if widget is not label and widget.isVisible())
        grip = self.findChild(QSizeGrip)
        if grip is not None and grip.isVisible():
            others += grip.width()
        needs = self.fontMetrics().horizontalAdvance(message) + LEFT_MARGIN + RIGHT_MARGIN + spacing
        return bar_width - needs - others - FRAME_PX

    def _cap_labels(self, bar_width: int) -> None:
        for widget in self._permanent:
            if isinstance(widget, QLabel):
                self._cap_label(widget, bar_width)

    def _message_changed(self, _message: str) -> None:
        """A message shown or gone: the labels give it its room, or take back what it leaves, laid out now,
        before QStatusBar paints the message (it did in the labels' room of the bar without one)."""
        self._cap_labels(self.width())
        if self.layout() is not None:
            self.layout().activate()

    def resizeEvent(self, event) -> None:  # Qt's name
        self._cap_labels(event.size().width())
        super().resizeEvent(event)

    def removeWidget(self, widget: QWidget) -> None:  # Qt's name
        super().removeWidget(widget)
        if widget in self._permanent:
            self._permanent.remove(widget)
            widget.removeEventFilter(self._elider)

    def message_rect(self) -> QRect:
        """Where the message is drawn: as QStatusBar does, up to the size grip or the first permanent
        widget shown (beyond them, right to left)."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left, right = LEFT_MARGIN, self.width() - RIGHT_MARGIN
        grip = self.findChild(QSizeGrip)
        if grip is not None and grip.isVisible():
            if rtl:
                left = grip.x() + grip.width()
            else:
                right = grip.x()
        first = next((widget for widget in self._permanent if widget.isVisible()), None)
        if first is not None:
            if rtl:
                left = max(left, first.x() + first.width() + 2)
            else:
                right = min(right, first.x() - 2)
        return QRect(left, 0, max(0, right - left), self.height())

    def shown_text(self) -> str:
        """The message as drawn: whole, or its start and end around "…" (`isolates_closed`)."""
        whole = self.currentMessage()
        return isolates_closed(self.fontMetrics().elidedText(whole, Qt.TextElideMode.ElideMiddle,
                                                             self.message_rect().width()), whole)

    def is_elided(self) -> bool:
        return bool(self.currentMessage()) and self.shown_text() != self.currentMessage()

    def paintEvent(self, event) -> None:  # Qt's name
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # QStatusBar's painting, but the message elided rather than cut (its widgets are hidden meanwhile,
        # but for the permanent ones: their frames are drawn as QStatusBar draws them)
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._permanent:
            if widget.isVisible():
                frame = QStyleOption()
                frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget)
        painter.setPen(self.palette().windowText().color())
        shown = self.shown_text()
        leading = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.message_rect(), text_flags(self, leading) | int(Qt.TextFlag.TextSingleLine), shown)
        painter.end()

    def event(self, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.LayoutRequest:  # a label's new text: the model's compact form's width
            self._cap_labels(self.width())
        if (event.type() == QEvent.Type.ToolTip and self.is_elided()
                and self.message_rect().contains(event.pos())):
            QToolTip.showText(event.globalPos(), tooltip_html(self.currentMessage()), self, self.message_rect())
            return True
        return super().event(event)
