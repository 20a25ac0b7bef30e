"""The two synchronised panes (ground truth | prediction) and the comparison header."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Protocol, TypeGuard

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.metrics import best_gt_match
from petloc_gui.core.text import isolated, visible
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.contrast import readable_on
from petloc_gui.ui.canvas.header_markup import header_escaped, left_to_right, no_box_said
from petloc_gui.ui.canvas.header_name import least_name_width, name_elided
from petloc_gui.ui.canvas.image_adjust import Adjustment
from petloc_gui.ui.canvas.image_cache import DisplayImage
from petloc_gui.ui.canvas.image_notes import notes_label, show_notes
from petloc_gui.ui.canvas.pane_sync import PaneSync
from petloc_gui.ui.canvas.panel_labels import one_line_header, pane_title, shorten_title
from petloc_gui.ui.plain_text import literal

ELIDED_FLOOR_CHARS = 9  # an elided name in the header keeps about this many characters ("train…git0.png")
MESSAGE_FLOOR_CHARS = 16  # and an elided message ("No model for thi…")
# What gives way, in turn, when the header does not fit its line, each shown elsewhere too: the wording,
# the confidence (on the prediction's box), the class names (on both boxes; the model's message in its
# pane), the file name (in the list). The IoU, the verdict and the marks (✔, ●) stay whole: cut at the
# right, "labels DISAGREE" and "● unsaved" were lost at scale 1.5 in a 1024x700 window.
GIVE_WAY = ("words", "confidence", "labels", "name")
# What is elided, once that many of GIVE_WAY gave way, the first kept the longest: the file name is cut only once
# the wording and the confidence gave way (cut first, "Abyss…7.jpg" at 1.5 in a 1342-px window beside "Prediction:
# cat (1.00) · labels agree", 117 read as 127), and then keeps its end (`header_name`); the class names once the
# wording gave way.
ELIDED = (("message",), ("label", "message"), ("name", "label", "message"))
# What to do on an image with no box, in the ground-truth pane's title line: the longest that fits
NO_BOX_HINTS = ("No box yet: drag to draw one, or press A to accept the prediction",
                "No box yet: drag to draw one, or press A", "No box yet: drag to draw one", "No box yet")
# The header's colours by meaning, each shown lightened or darkened just enough to read at 4.5:1 on the
# palette's window colour: fixed, the red was 2.3:1 on a dark palette and the amber 3.1:1 on white.
TONES = {"hint": QColor("#b35c00"), "bad": QColor("#d02020"), "good": QColor("#1a9c3a"),
         "prelabel": QColor("#9650c8"), "unsaved": QColor("#d08000")}
GT_TITLES = {False: ("Ground truth (editable)", "Ground truth"),
             True: ("Ground truth + prediction (dashed)", "Ground truth + prediction")}  # by overlay
PRED_TITLE = ("Prediction", "Pred")  # the prediction pane's title, and what it reads too narrow for it


class ShownPrediction(Protocol):
    """What the panes and the header show of a prediction: `model.inference.Prediction`, or any
    result with these (the panel reads them by name and imports nothing of the model)."""

    @property
    def box(self) -> Box: ...
    @property
    def label(self) -> str: ...
    @property
    def confidence(self) -> float: ...


def is_prediction(result: object) -> TypeGuard[ShownPrediction]:
    return result is not None and hasattr(result, "box") and hasattr(result, "label")


class ImagePanel(QWidget):
    """Left: editable ground truth. Right: read-only prediction. O overlays both on the left."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.gt_pane = BoxCanvas(editable=True)
        self.pred_pane = BoxCanvas(editable=False)
        self.gt_pane.setAccessibleName("Ground truth")  # the image's name joins it (_redraw)
        self.pred_pane.setAccessibleName("Prediction")
        self.header = one_line_header()
        self.notes = notes_label()  # what reading the file repaired or left out (`image_notes`)
        self.gt_title = pane_title("Ground truth (editable)")
        self.pred_title = pane_title(PRED_TITLE[0])
        self.overlay = False
        left, right = QWidget(), QWidget()
        for widget, title, pane in ((left, self.gt_title, self.gt_pane), (right, self.pred_title, self.pred_pane)):
            layout = QVBoxLayout(widget)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
            layout.addWidget(title)
            layout.addWidget(pane, 1)
        self.right_widget = right
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.notes)
        layout.addWidget(self.splitter, 1)
        self.sync = PaneSync([self.gt_pane, self.pred_pane], self)
        self._doc: ImageDocument | None = None
        self._named: tuple[Path | None, str] = (None, "")  # an image and its name in the list (`show_annotation`)
        self._prediction: object = None  # a ShownPrediction, the exception that stopped it, or None
        self._prediction_message = ""
        self._selected = -1
        self._image_error: str | None = None
        self.adjustment = Adjustment()
        self._fit: dict[str, int] = {}  # the widths the header's names are elided to now (see _set_header)
        self._given_way = 0  # how many of GIVE_WAY the header leaves out now (see _set_header)
        self._hints: tuple[str, ...] = ()  # what to do, from the longest: the image has no box yet
        self.header.installEventFilter(self)
        self.gt_title.installEventFilter(self)
        self.pred_title.installEventFilter(self)
        self._style_notes()

    def tone(self, meaning: str) -> str:
        """The colour (#rrggbb) of ``meaning`` (a TONES key), readable on this palette's window colour."""
        return readable_on(TONES[meaning], self.palette().color(QPalette.ColorRole.Window)).name()

    def _style_notes(self) -> None:
        self.notes.setStyleSheet(f"color: {self.tone('hint')}; padding: 0 4px 4px 4px;")

    def changeEvent(self, event) -> None:  # Qt's name
        super().changeEvent(event)
        # a light or dark theme: the header's colours follow it (not before __init__ has made the header)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_hints"):
            self._style_notes()
            self._set_gt_title()
            self._set_header()

    # --- content ---------------------------------------------------------------
    def show_image(self, display: DisplayImage | None, message: str | None = None,
                   source: Path | None = None) -> None:
        """A new image in both panes (or why it cannot be shown); ``source``: its file (`full_resolution`)."""
        image = display.image if display is not None else None
        size = display.size if display is not None else None
        text = message or (display.error if display is not None else None)
        self._image_error = text
        # the image left takes its prediction along: a reload that lists no image drew its box on
        self._prediction, self._prediction_message = None, ""
        self.gt_pane.show_image(image, size, text, source)
        self.pred_pane.show_image(image, size, text, source)

    def show_annotation(self, doc: ImageDocument | None, selected: int = -1, name: str | None = None) -> None:
        """``doc``'s boxes; ``name``: its image as the list names it (``day/x.jpg``: `app.list_names`), kept for that
        image when a later call gives none. The file's name alone read the same for ``x.jpg`` and ``day/x.jpg``."""
        if doc is not None and name is not None:
            self._named = (doc.image_path, name)
        self._doc, self._selected = doc, selected
        self._redraw()

    def image_name(self) -> str:
        """The shown image's name: as the list names it, where given (`show_annotation`), else its file's."""
        doc = self._doc
        if doc is None:
            return ""
        return self._named[1] if self._named[0] == doc.image_path else doc.image_path.name

    def show_prediction(self, result: object, message: str = "") -> None:
        """A Prediction-like result, an exception, or None with a status message."""
        self._prediction = result
        self._prediction_message = message
        self._redraw()

    def set_overlay(self, overlay: bool) -> None:
        self.overlay = overlay
        self.right_widget.setVisible(not overlay)
        self._redraw()

    def showEvent(self, event) -> None:  # Qt's name
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            half = max(1, self.splitter.width() // 2)
            self.splitter.setSizes([half, half])

    def set_adjustment(self, adjustment: Adjustment) -> None:
        """Brightness and contrast of both panes (display only; kept from image to image)."""
        self.adjustment = adjustment
        self.gt_pane.set_adjustment(adjustment)
        self.pred_pane.set_adjustment(adjustment)

    def fit(self) -> None:
        self.gt_pane.fit()
        self.pred_pane.fit()

    def select(self, index: int) -> None:
        self._selected = index
        self.gt_pane.select(index)

    # --- drawing ------------------------------------------------------------------
    def _redraw(self) -> None:
        doc, pred = self._doc, self._prediction
        # Not drawn over an image that cannot be shown: placed on the stand-in area they sat,
        # selected, half under its error message.
        gt_boxes = [(o.box, o.name) for o in doc.objects] if doc is not None and not self._image_error else []
        self.gt_pane.set_boxes(gt_boxes, self._selected)
        pred_boxes: list[tuple[Box, str]] = []
        if is_prediction(pred):
            pred_boxes = [(pred.box, f"{pred.label} {pred.confidence:.2f}")]
        self.pred_pane.set_boxes(pred_boxes)
        self.gt_pane.set_ghost_boxes(pred_boxes if self.overlay else [])
        # an annotation file that is another image's: say so (ImageDocument.shared_note), not "No box yet"
        self._hints = ()
        if doc is not None and (doc.load_error or doc.shared_with):
            self.gt_pane.show_message(doc.load_error or doc.shared_note)
        elif self._image_error:
            self.gt_pane.show_message(self._image_error)
        else:
            self.gt_pane.show_message(None)
            if doc is not None and not doc.objects:
                self._hints = NO_BOX_HINTS if is_prediction(pred) else NO_BOX_HINTS[2:]
        self._set_gt_title()
        shown = f": {visible(self.image_name())}" if doc is not None else ""
        self.gt_pane.setAccessibleName(f"Ground truth{shown}")
        self.pred_pane.setAccessibleName(f"Prediction{shown}")
        message = self._image_error
        if not message and pred is not None and not is_prediction(pred):
            message = f"No prediction: {pred}"
        elif not message and pred is None and self._prediction_message:
            message = self._prediction_message
        self.pred_pane.show_message(message)
        self._set_header()
        show_notes(self.notes, doc)

    def _set_gt_title(self) -> None:
        """The ground-truth pane's title, and after it what to do when the image has no box yet. The
        hint sat on the image, over its top-left corner, where a box may need drawing; in the title
        line it covers no pixel, and the line keeps its height. The longest of the titles and hints
        that fits is shown (a cut "No bo" said nothing at scale 1.5), all of it in the tooltip."""
        titles, hints = GT_TITLES[self.overlay], self._hints or ("",)
        self.gt_title.setToolTip(f"{titles[0]}\n{hints[0]}" if hints[0] else titles[0])
        for title, hint in [(title, hint) for hint in hints for title in titles]:  # a shorter title, then hint
            after = (f" <span style='font-weight: normal; color: {self.tone('hint')}'>&nbsp;·&nbsp; "
                     f"{html.escape(hint)}</span>")
            self.gt_title.setText(html.escape(title) + (after if hint else ""))
            if self.gt_title.sizeHint().width() <= self.gt_title.width():
                return
        shorten_title(self.gt_title, titles[-1])  # no hint; cut by the label, it read "Ground trutl"

    def _set_header(self) -> None:
        """The header's text on its one line: what does not fit is elided, the model's message at its end,
        the class names in their middle, the file name keeping its end (`header_name`), as ELIDED says, as
        little as lets the line fit; when that is not enough, the next of GIVE_WAY is left out, and the names
        are elided again as little as the line now allows. The tooltip has it all. Only a header narrower
        than the IoU, the verdict and the marks is cut at the right."""
        for given_way in range(len(GIVE_WAY) + 1):
            self._given_way, self._fit = given_way, {}
            self.header.setText(self._header_text())
            if self._fits():
                break
            slots = ELIDED[min(given_way, len(ELIDED) - 1)] if self._doc is not None else ("name",)
            self._fit = {slot: self._floor(slot) for slot in slots}
            self.header.setText(self._header_text())  # as short as its names get: does it fit?
            if self._fits() or given_way == len(GIVE_WAY):
                for slot in slots:
                    self._widen(slot)
                break
        whole = QTextDocumentFragment.fromHtml(self._header_text(elide=False)).toPlainText()
        shown = QTextDocumentFragment.fromHtml(self.header.text()).toPlainText()
        self.header.setToolTip(literal(whole) if shown != whole or not self._fits() else "")  # "<b>x.png" as named

    def _widen(self, slot: str) -> None:
        """The texts of ``slot``, elided to their floor, as wide as the header has room for; the slots
        after it stay at their floor meanwhile (they give way first)."""
        fits, widest = self._fit[slot], max(self._slot_widths(slot), default=0)
        if widest <= fits or not self._fits() or self._fits_with(slot, widest):
            return  # whole at its floor, or the header too narrow for its floor (cut), or whole now
        too_wide = widest  # the widest that fits, by halves (a slot may hold two labels)
        while too_wide - fits > 2:
            middle = (fits + too_wide) // 2
            fits, too_wide = (middle, too_wide) if self._fits_with(slot, middle) else (fits, middle)
        self._fits_with(slot, fits)

    def _floor(self, slot: str) -> int:
        """The narrowest the texts of ``slot`` are elided to."""
        chars = MESSAGE_FLOOR_CHARS if slot == "message" else ELIDED_FLOOR_CHARS
        metrics = self._slot_metrics(slot)
        tail = least_name_width(visible(self.image_name()), metrics) if slot == "name" and self._doc else 0
        return max(tail, metrics.horizontalAdvance("x" * chars))

    def _fits(self) -> bool:
        return self.header.sizeHint().width() <= self.header.width()

    def _fits_with(self, slot: str, width: int) -> bool:
        """Show the header with the names of ``slot`` elided to ``width``; whether it fits now."""
        self._fit[slot] = width
        self.header.setText(self._header_text())
        return self._fits()

    def _slot_metrics(self, slot: str) -> QFontMetrics:
        """The font of what the header elides: its names, in bold; a message, in italics beside them, and
        as it is without an image."""
        font = self.header.font()
        font.setBold(self._doc is not None and slot != "message")
        font.setItalic(self._doc is not None and slot == "message")
        return QFontMetrics(font)

    def _slot_widths(self, slot: str) -> list[int]:
        """The widths of the texts elided as ``slot``, whole."""
        doc, pred = self._doc, self._prediction
        if slot == "name":
            texts = [self.image_name()] if doc is not None else [self._message()]
        elif slot == "message":
            texts = [self._pending()] if doc is not None and pred is None else []
        else:
            texts = [doc.primary.name] if doc is not None and doc.primary is not None else []
            texts += [pred.label] if is_prediction(pred) else []
        metrics = self._slot_metrics(slot)
        return [metrics.horizontalAdvance(visible(text)) for text in texts]

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        # the header's and the titles' own resize: their width is the one their text is fitted to
        if watched is self.header and event.type() == QEvent.Type.Resize:
            self._set_header()
        elif watched is self.gt_title and event.type() == QEvent.Type.Resize:
            self._set_gt_title()
        elif watched is self.pred_title and event.type() == QEvent.Type.Resize:
            shorten_title(self.pred_title, *PRED_TITLE)  # cut by the label, it read "Predictic" (654 px at 1.5)
        return False

    def _message(self) -> str:
        """The header without an image: no folder yet, or an image still loading (its message)."""
        return self._image_error or "Open a folder to start (Ctrl+O)."

    def _pending(self) -> str:
        """What the header says of a prediction not there: the model's message (no model for the folder)."""
        return self._prediction_message or "prediction pending…"

    def _header_text(self, elide: bool = True) -> str:
        """The header's rich text, its names elided to ``self._fit`` and what ``self._given_way`` says left
        out, unless ``elide`` is False (the whole text, for the tooltip)."""
        doc, pred = self._doc, self._prediction
        gone = GIVE_WAY[:self._given_way] if elide else ()
        short = "words" in gone
        fit = self._fit if elide else {}

        def shown(text: str, slot: str) -> str:  # a message keeps its start: it reads as a sentence
            mode = Qt.TextElideMode.ElideRight if slot == "message" else Qt.TextElideMode.ElideMiddle
            return header_escaped(text, self._slot_metrics(slot), fit[slot], mode) if slot in fit \
                else header_escaped(text)

        def named(text: str, slot: str) -> str:  # a name, elided, set apart: "תמונה 2.png" kept the line in order
            if slot == "name" and slot in fit:  # the image's: its number kept
                return isolated(html.escape(name_elided(visible(text), self._slot_metrics(slot), fit[slot])))
            return isolated(shown(text, slot))

        if doc is None:
            return left_to_right(shown(self._message(), "name"))
        parts = [] if "name" in gone else [f"<b>{named(self.image_name(), 'name')}</b>"]
        primary = doc.primary
        # a model's pre-label nobody has saved yet is no ground truth (`ImageDocument.prelabel`)
        prelabel = "Pre-label" if short else "Pre-label (unreviewed)"
        unreviewed = doc.prelabel and not doc.dirty
        truth = f"<span style='color:{self.tone('prelabel')}'>{prelabel}</span>" if unreviewed else "GT"
        if primary is None:
            parts.append(no_box_said(doc, short, self.tone("bad")))
        elif "labels" not in gone:
            parts.append(f"{truth}: <b>{named(primary.name, 'label')}</b>")
        elif unreviewed:
            parts.append(truth)  # no class name, and still no ground truth
        if len(doc.objects) > 1 and "labels" not in gone:
            parts.append(f"{len(doc.objects)} objects")
        if is_prediction(pred):
            said = "Pred" if short else "Prediction"
            confidence = "" if "confidence" in gone else f" ({pred.confidence:.2f})"
            if "labels" not in gone:
                parts.append(f"{said}: <b>{named(pred.label, 'label')}</b>{confidence}")
            if primary is not None:
                match = best_gt_match([(o.name, o.box) for o in doc.objects], pred.label, pred.box)
                value = match.iou
                color = self.tone("good" if value >= 0.75 else ("unsaved" if value >= 0.5 else "bad"))
                parts.append(f"IoU <b style='color:{color}'>{value:.2f}</b>")
                # "labels" in the short form too: "IoU 0.41 · agree" read as if the boxes agreed (DIFFER: as
                # short as DISAGREE was, in its capitals)
                if match.same_class:
                    parts.append(f"<span style='color:{self.tone('good')}'>labels agree</span>")
                else:
                    differ = "labels DIFFER" if short else "labels DISAGREE"
                    parts.append(f"<b style='color:{self.tone('bad')}'>{differ}</b>")
        elif pred is not None:  # an image that cannot be decoded is the file's fault, not the model's
            failed = "cannot read the image" if isinstance(pred, ImageLoadError) else "prediction failed"
            parts.append(f"<span style='color:{self.tone('bad')}'>{failed}</span>")
        elif "labels" not in gone:
            parts.append(f"<i>{shown(self._pending(), 'message')}</i>")
        if doc.verified:
            parts.append(f"<span style='color:{self.tone('good')}'>✔{'' if short else ' verified'}</span>")
        if doc.dirty:
            parts.append(f"<span style='color:{self.tone('unsaved')}'>●{'' if short else ' unsaved'}</span>")
        return left_to_right((" · " if short else " &nbsp;·&nbsp; ").join(parts))
