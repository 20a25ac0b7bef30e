"""The two synchronised panes (ground truth | prediction) and the comparison header."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.metrics import best_gt_match
from petloc_gui.core.text import visible
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.image_adjust import Adjustment
from petloc_gui.ui.canvas.image_cache import DisplayImage
from petloc_gui.ui.canvas.pane_sync import PaneSync

NOTES_SHOWN = 3  # reading notes in the line under the header; the tooltip has them all


def _pane_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; padding: 2px 4px;")
    # No minimum width from its text: "Ground truth (editable)" held its pane at ~175 px in a narrow
    # window while the splitter squeezed the prediction pane to half that (the text is cut instead).
    label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
    label.setToolTip(text)
    return label


def is_prediction(result) -> bool:
    return result is not None and hasattr(result, "box") and hasattr(result, "label")


def _shown(text: str) -> str:
    """A file name or label for the rich-text header: escaped for HTML and the terminal sense."""
    return html.escape(visible(text))


class ImagePanel(QWidget):
    """Left: editable ground truth. Right: read-only prediction. O overlays both on the left."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.gt_pane = BoxCanvas(editable=True)
        self.pred_pane = BoxCanvas(editable=False)
        self.header = QLabel("Open a folder to start.")
        self.header.setTextFormat(Qt.RichText)
        self.header.setStyleSheet("font-size: 13px; padding: 4px;")
        self.header.setWordWrap(True)
        # what reading the file repaired or left out (a box outside the image, a wrong <size>): shown
        # where the annotator looks, never repaired silently (`core.voc`, ImageDocument.problems)
        self.notes = QLabel()
        self.notes.setTextFormat(Qt.PlainText)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #b35c00; padding: 0 4px 4px 4px;")
        self.notes.hide()
        self.gt_title = _pane_title("Ground truth (editable)")
        self.pred_title = _pane_title("Prediction")
        self.overlay = False
        left, right = QWidget(), QWidget()
        for widget, title, pane in ((left, self.gt_title, self.gt_pane), (right, self.pred_title, self.pred_pane)):
            layout = QVBoxLayout(widget)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
            layout.addWidget(title)
            layout.addWidget(pane, 1)
        self.right_widget = right
        self.splitter = QSplitter(Qt.Horizontal)
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
        self._prediction = None
        self._prediction_message = ""
        self._selected = -1
        self._image_error: str | None = None
        self.adjustment = Adjustment()
        self._header_width, self._header_floor = -1, 0  # see _set_header
        self.header.installEventFilter(self)

    # --- content ---------------------------------------------------------------
    def show_image(self, display: DisplayImage | None, message: str | None = None) -> None:
        """A new image in both panes (or the reason it cannot be shown)."""
        image = display.image if display is not None else None
        size = display.size if display is not None else None
        text = message or (display.error if display is not None else None)
        self._image_error = text
        self.gt_pane.show_image(image, size, text)
        self.pred_pane.show_image(image, size, text)

    def show_annotation(self, doc: ImageDocument | None, selected: int = -1) -> None:
        self._doc, self._selected = doc, selected
        self._redraw()

    def show_prediction(self, result, message: str = "") -> None:
        """A Prediction-like result, an exception, or None with a status message."""
        self._prediction = result
        self._prediction_message = message
        self._redraw()

    def set_overlay(self, overlay: bool) -> None:
        self.overlay = overlay
        self.right_widget.setVisible(not overlay)
        self.gt_title.setText("Ground truth + prediction (dashed)" if overlay else "Ground truth (editable)")
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
        pred_boxes = []
        if is_prediction(pred):
            pred_boxes = [(pred.box, f"{pred.label} {pred.confidence:.2f}")]
        self.pred_pane.set_boxes(pred_boxes)
        self.gt_pane.set_ghost_boxes(pred_boxes if self.overlay else [])
        # an annotation file that is another image's: say so (ImageDocument.shared_note), not "No box yet"
        if doc is not None and (doc.load_error or doc.shared_with):
            self.gt_pane.show_message(doc.load_error or doc.shared_note)
        elif self._image_error:
            self.gt_pane.show_message(self._image_error)
        elif doc is not None and not doc.objects:
            hint = "No box yet: drag to draw one"
            self.gt_pane.show_message(f"{hint}, or press A to accept the prediction." if is_prediction(pred)
                                      else f"{hint}.")
        else:
            self.gt_pane.show_message(None)
        message = self._image_error
        if not message and pred is not None and not is_prediction(pred):
            message = f"No prediction: {pred}"
        elif not message and pred is None and self._prediction_message:
            message = self._prediction_message
        self.pred_pane.show_message(message)
        self._set_header(self._header_text())
        self._set_notes(list(doc.problems) if doc is not None else [])

    def _set_notes(self, problems: list[str]) -> None:
        """The file's reading notes, the first few in the line and all of them in its tooltip."""
        if not problems:
            self.notes.hide()
            self.notes.clear()
            return
        shown = [visible(p) for p in problems]
        more = f" (and {len(shown) - NOTES_SHOWN} more)" if len(shown) > NOTES_SHOWN else ""
        self.notes.setText("Read from the file: " + "; ".join(shown[:NOTES_SHOWN]) + more)
        self.notes.setToolTip("\n".join(shown))
        self.notes.show()

    def _set_header(self, text: str) -> None:
        """The header's text; at one width its height only grows. In a narrow window a long header
        wraps to two lines and a short one takes one: the panes under it moved, and refitted their
        image, from one image to the next."""
        self.header.setText(text)
        width = self.header.width()
        if width != self._header_width:
            self._header_width, self._header_floor = width, 0
        self.header.setMinimumHeight(0)  # QLabel's heightForWidth is never below its minimum
        need = self.header.heightForWidth(width)
        one_line = self.header.heightForWidth(1 << 16)
        # An image's header with its prediction only: a "Loading model…" header that wrapped once
        # would keep a blank line for good. A longer error takes its room for itself.
        settled = self._doc is not None and self._prediction is not None
        if settled and need < one_line + 1.5 * self.header.fontMetrics().lineSpacing():
            self._header_floor = max(self._header_floor, need)
        self.header.setMinimumHeight(self._header_floor)

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        # the header's own resize: its width is the one its text wraps in
        if watched is self.header and event.type() == QEvent.Resize and self.header.width() != self._header_width:
            self._set_header(self.header.text())  # another width: fitted to the text shown now
        return False

    def _header_text(self) -> str:
        doc, pred = self._doc, self._prediction
        if doc is None:  # no folder yet, or an image still loading (its message)
            return html.escape(self._image_error or "Open a folder to start (Ctrl+O).")
        parts = [f"<b>{_shown(doc.image_path.name)}</b>"]
        primary = doc.primary
        # a model's pre-label nobody has saved yet is no ground truth (`ImageDocument.prelabel`)
        truth = "<span style='color:#9650c8'>Pre-label (unreviewed)</span>" if doc.prelabel and not doc.dirty \
            else "GT"
        parts.append(f"{truth}: <b>{_shown(primary.name)}</b>" if primary is not None else "GT: <i>none</i>")
        if len(doc.objects) > 1:
            parts.append(f"{len(doc.objects)} objects")
        if is_prediction(pred):
            parts.append(f"Prediction: <b>{_shown(pred.label)}</b> ({pred.confidence:.2f})")
            if primary is not None:
                match = best_gt_match([(o.name, o.box) for o in doc.objects], pred.label, pred.box)
                value = match.iou
                color = "#1a9c3a" if value >= 0.75 else ("#d08000" if value >= 0.5 else "#d02020")
                parts.append(f"IoU <b style='color:{color}'>{value:.2f}</b>")
                if match.same_class:
                    parts.append("<span style='color:#1a9c3a'>labels agree</span>")
                else:
                    parts.append("<b style='color:#d02020'>labels DISAGREE</b>")
        elif pred is not None:
            parts.append("<span style='color:#d02020'>prediction failed</span>")
        else:
            parts.append(f"<i>{self._prediction_message or 'prediction pending…'}</i>")
        if doc.verified:
            parts.append("<span style='color:#1a9c3a'>✔ verified</span>")
        if doc.dirty:
            parts.append("<span style='color:#d08000'>● unsaved</span>")
        return " &nbsp;·&nbsp; ".join(parts)
