"""The main window's status bar: a message gets the bar, its labels what it leaves; too long still, elided.

QStatusBar draws a message on one line and cuts it at the first permanent widget: a failed save lost its end, the
part that says why ("…/IMG_0042.xml: [Errno 13] Permission denied"). Callers keep using ``showMessage`` and
``currentMessage`` (the whole text).

While a message shows, it comes first (`status_label_room`): the permanent labels take what it leaves, in their
order, the last (the model's label) the first to give way, to its compact form (`model_label_fit`), then entirely
(0 px, not hidden: a label's own show and hide stay its owner's); the image counter and the others are whole or
give way too; widgets that are not labels ("New model: not kept yet", a button) keep their width. Held to a third
or half of the bar, the labels cut the hunt's messages at scale 1.5 on a 1366 px screen to ~25 characters ("New
box in the middle: arro… from the top-left corner).", the keys that move the box lost), whole only in a tooltip a
keyboard user cannot reach; a message shows for a few seconds, and the labels come back whole when it goes.

A message wider than all the bar leaves it stays on one line, its start and end kept around "…", whole in its
tooltip (wrapped) and in Help → Recent messages (`recent_messages`: the bar keeps the last ones it was given, for
a keyboard user). Not on more lines: the bar grown in the window's layout moved the image under the mouse, and
drawn over the panes it hid the image and the Next-to-review button for the message's time.

With no message a label takes the room the other widgets leave (`_cap_labels`): capped at half a bar that was
empty, a 1024 px window dropped the model's name and cut its last caution ("Model: … (… · too fe…"). Where they do
not all fit, they share the room in their order, the last the first to give way, as beside a message; and their
minimums (the window's) take half the room at most: each held to its third of the bar, the corner note after C, the
cursor, "hidden by the filter · 0 shown (of 30)" and the model's compact line needed more than the bar at 1.5 on a
1366 px screen, and the window grew, the bar's third with it, past the screen (1342 -> 1568 native px), its minimum
too; held to the bar's width, it could not be made narrower either. The model's
label is a `ModelLabel`: given its line with the figures' parts (`model_label_fit.ModelLine`, the model
controller's status), it keeps them, and fits from them; its ``text()`` stays whole, and so does its tooltip.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPalette
from PySide6.QtGui import Qt as GuiQt  # (mightBeRichText is QtGui's)
from PySide6.QtWidgets import QLabel, QSizeGrip, QStatusBar, QStyle, QStyleOption, QToolTip, QWidget

from petloc_gui.core.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from petloc_gui.ui.model_label_fit import ModelLine, fitted_text, least_width
from petloc_gui.ui.recent_messages import MessageLog
from petloc_gui.ui.status_label_room import LabelNeeds, label_widths

LEFT_MARGIN, RIGHT_MARGIN = 6, 12  # QStatusBar's own, around its message
LABEL_SHARE = 3  # with no message, a permanent label may shrink to 1/LABEL_SHARE of the bar's width
LEAST_SHARE = 2  # ... or what the model's compact form needs (`least_width`), up to 1/LEAST_SHARE of it
LEAST_TOGETHER_SHARE = 2  # ... and the labels together to 1/LEAST_TOGETHER_SHARE of the room they have
FRAME_PX = 4  # the item frame QStatusBar draws round a permanent widget (2 px each side, `paintEvent`)
ITEM_SPACING = 6  # QStatusBar's own, between the widgets of its line (its layout is private)
LEAST_CHARS = 12  # a label without figures, cut while a message shows, keeps its first characters, or gives way
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
    """How narrow a permanent label may be made with no message: its share of the bar, or what the model's compact
    form needs (`least_width`) where that is more, up to 1/LEAST_SHARE of the bar."""
    least = least_width(label_line(label), label.fontMetrics()) if label_is_plain(label) else 0
    if least:
        least = min(least + label.width() - label.contentsRect().width(), bar_width // LEAST_SHARE)
    return max(1, bar_width // LABEL_SHARE, least)


def label_needs(label: QLabel) -> LabelNeeds:
    """What ``label`` needs beside a message (`status_label_room`): its whole text, and its least form: the
    model's compact one (`least_width`), or its first `LEAST_CHARS` characters and "…"; a rich label, whole."""
    if not label_is_plain(label):
        return LabelNeeds(label.sizeHint().width(), label.sizeHint().width())
    whole, chrome = label_text_width(label), label.width() - label.contentsRect().width()
    metrics = label.fontMetrics()
    least = least_width(label_line(label), metrics) or metrics.horizontalAdvance(label.text()[:LEAST_CHARS] + "…")
    return LabelNeeds(whole, min(whole, least + chrome))


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
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and not watched.toolTip():
            QToolTip.showText(event.globalPos(), tooltip_html(watched.text()), watched)
            return True
        return False


class StatusLine(QStatusBar):
    """A QStatusBar whose message is elided in the middle when it does not fit (``shown_text``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []  # in order, as QStatusBar keeps them (it does not tell)
        self._elider = _LabelElider(self)
        self.message_log = MessageLog()  # what Help → Recent messages shows (`recent_messages`)
        self.messageChanged.connect(self._message_changed)

    # Qt's name: every caller's message, kept. (PySide6's stub types timeout `int | None`: Qt refuses None.)
    def showMessage(self, text: str, timeout: int = 0) -> None:  # type: ignore[override]
        self.message_log.record(text, self.currentMessage())
        super().showMessage(text, timeout)

    # Qt's name (PySide6's stub types stretch `int | None`: Qt refuses None)
    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # type: ignore[override]
        super().addPermanentWidget(widget, stretch)
        self._permanent.append(widget)
        self._cap(widget)

    # Qt's name (PySide6's stub types stretch `int | None`: Qt refuses None)
    def insertPermanentWidget(self, index: int, widget: QWidget, stretch: int = 0) -> int:  # type: ignore[override]
        at = super().insertPermanentWidget(index, widget, stretch)
        self._permanent.insert(min(index, len(self._permanent)), widget)
        self._cap(widget)
        return at

    def _cap(self, widget: QWidget) -> None:
        """A permanent label: fitted to the room it may take (`_cap_labels`)."""
        if isinstance(widget, QLabel):
            widget.installEventFilter(self._elider)
            self._cap_labels(self.width())

    def _labels(self) -> list[QLabel]:
        return [widget for widget in self._permanent if isinstance(widget, QLabel)]

    def _cap_labels(self, bar_width: int) -> None:
        """With a message, each label as wide as `label_widths` gives it beside the message; with none, a plain
        one takes as much as the layout leaves it beside the other widgets, up to its whole text (as much as the
        ones before it leave, `label_widths`), and may shrink to its share (or its whole text, if narrower), the
        shares together no more than 1/LEAST_TOGETHER_SHARE of the room, the last label's given up first: a label's
        minimum width is its whole text's, and as wide as the bar it would keep the window from being made narrower.
        (A rich one keeps its share.)"""
        if self.currentMessage():
            kept = [label for label in self._labels() if not label.isHidden()]  # (a hidden one: its owner's)
            widths = label_widths([label_needs(label) for label in kept], self._message_room(bar_width))
            for label, width in zip(kept, widths, strict=True):
                self._set_width(label, width, 0)
            return
        labels = self._labels()
        for label in labels:
            if not label_is_plain(label):
                self._set_width(label, label_width_cap(label, bar_width), 0)
        plain = [label for label in labels if label_is_plain(label)]
        kept = [label for label in plain if not label.isHidden()]
        room = self._labels_room(bar_width)
        # the layout's minimums, each at least 1 px (at 0 the layout takes a label's whole text as its minimum)
        floors = [1 + width for width in label_widths(
            [LabelNeeds(self._least_width(label, bar_width) - 1, 0) for label in kept],
            room // LEAST_TOGETHER_SHARE - len(kept))]
        tops = label_widths([LabelNeeds(label_text_width(label), 0) for label in kept], room)
        for label, least, most in zip(kept, floors, tops, strict=True):
            self._set_width(label, max(least, most), least)
        for label in plain:
            if label.isHidden():  # (its own `_cap_labels` comes with the layout request of its show)
                self._set_width(label, WIDGET_SIZE_MAX, self._least_width(label, bar_width))

    @staticmethod
    def _least_width(label: QLabel, bar_width: int) -> int:
        """How narrow a plain label may be with no message, the others aside: its share, or its whole text."""
        return max(1, min(label_width_cap(label, bar_width), label_text_width(label)))

    def _labels_room(self, bar_width: int) -> int:
        """What the bar leaves its plain labels with no message (less the rich ones' minimums)."""
        rich = sum(min(label.minimumSizeHint().width(), label.maximumWidth())
                   for label in self._labels() if not label.isHidden() and not label_is_plain(label))
        return self._room_beside_others(bar_width) - LEFT_MARGIN - rich

    @staticmethod
    def _set_width(label: QLabel, most: int, least: int) -> None:
        label.setMaximumWidth(most)  # (unchanged: no new layout)
        lowered = least < label.minimumWidth()
        label.setMinimumWidth(least)
        if lowered:
            # QLabel keeps the size hint it worked out under the old, wider minimum ("4 / 30" stayed as wide
            # as the "hidden by the filter · …" before it, until the next text); setIndent is the public call
            # that makes it work the hint out again
            label.setIndent(label.indent())

    def _message_room(self, bar_width: int) -> int:
        """What the message leaves the labels: the bar less the message's width and margins, and what
        `_room_beside_others` takes."""
        needs = self.fontMetrics().horizontalAdvance(self.currentMessage()) + LEFT_MARGIN + RIGHT_MARGIN
        return self._room_beside_others(bar_width) - needs

    def _room_beside_others(self, bar_width: int) -> int:
        """The bar less the widgets that are not labels at their preferred widths, the spacing between the widgets
        and the size grip."""
        shown = [widget for widget in self._permanent if not widget.isHidden()]
        others = sum(min(widget.sizeHint().width(), widget.maximumWidth())
                     for widget in shown if not isinstance(widget, QLabel))
        grip = self.findChild(QSizeGrip)
        if grip is not None and not grip.isHidden():
            others += grip.width()
        return bar_width - others - ITEM_SPACING * len(shown) - FRAME_PX

    def _message_changed(self, _message: str) -> None:
        """A message shown or gone: the labels give it its room, or take back what it leaves, laid out now,
        before QStatusBar paints the message (it did in the labels' room of the bar without one); then the whole
        line painted again. QStatusBar repaints its own message rect, which ends at its first permanent widget
        shown, one given way (0 px) too: a few pixels short of the size grip, where ours ends (`message_rect`), and
        the tail of the message before stayed there under the new one ("…the current model is unchang6s).")."""
        self._cap_labels(self.width())
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.update()

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
        first = next((widget for widget in self._permanent if widget.isVisible() and widget.width()), None)
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
            if widget.isVisible() and widget.width():  # (0 px: a label given way to the message)
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
        if (event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.is_elided()
                and self.message_rect().contains(event.pos())):
            QToolTip.showText(event.globalPos(), tooltip_html(self.currentMessage()), self, self.message_rect())
            return True
        return super().event(event)
