"""The labels of the image panel (`image_panel`): the comparison line over the panes and each pane's title."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy

from petloc_gui.core.text import isolated

# Names in other scripts as the header shows them (`isolated`): the isolates around a Hebrew name and a CJK
# letter come from fallback fonts with taller lines. Measured on Latin letters alone, the line cut the bottoms
# of "jpg" in "תמונה.jpg" (about 10 px lower at a 16-pt font).
OTHER_SCRIPTS = f"{isolated('ת')} 猫"
# the tallest of what a header shows, for its one line's height
HEADER_SAMPLE = f"<b>Ag {OTHER_SCRIPTS}</b> <i>Ag {OTHER_SCRIPTS}</i> ● ✔"


def pane_title(text: str) -> QLabel:
    label = QLabel(html.escape(text))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet("font-weight: bold; padding: 2px 4px;")
    # No minimum width from its text: "Ground truth (editable)" held its pane at ~175 px in a narrow
    # window while the splitter squeezed the prediction pane to half that (the text is cut instead).
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setToolTip(text)
    return label


def shorten_title(label: QLabel, title: str, least: str = "GT") -> None:
    """``label`` (a `pane_title`) showing ``title`` shortened with "…" to its width; ``least`` ("GT", "Pred") where
    not even the first word fits ("Gro…" says less). Cut by the label instead, a narrow pane (the Dataset panel open,
    1.5x) read "Ground trutl", and the prediction's, at the window's least width, "Predictic"."""
    bold = label.font()
    bold.setBold(True)  # the style sheet's weight, not in the font the label was made with
    metrics = QFontMetrics(bold)
    label.setText(html.escape(title))
    margins = label.sizeHint().width() - metrics.horizontalAdvance(title)  # its padding
    short = metrics.elidedText(title, Qt.TextElideMode.ElideRight, label.width() - margins)
    if short == title:
        return
    short = short[:-1].rstrip() + "…"  # "Ground…", not "Ground …"
    label.setText(html.escape(short if len(short) > len(title.split()[0]) else least))


def one_line_header() -> QLabel:
    """The comparison line over the panes: one line of fixed height, never wrapped. Wrapped, it
    took a second line at a narrow width when "● unsaved" appeared after the first edit, which
    moved both panes down and refitted the image under the mouse mid-drag."""
    header = QLabel()
    header.setTextFormat(Qt.TextFormat.RichText)
    header.setStyleSheet("padding: 4px;")  # the app's font: a fixed 13 px ignored the user's font size
    header.setWordWrap(False)
    header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # its text sets no width: it is elided
    header.ensurePolished()  # the style sheet's, which with the font sets the height
    header.setText(HEADER_SAMPLE)
    header.setFixedHeight(header.sizeHint().height())
    header.setText(html.escape("Open a folder to start."))
    return header
