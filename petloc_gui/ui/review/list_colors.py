"""The Images list's text colours: each status keeps its hue, at a lightness that reads on the palette.

Fixed colours read at 2.96-3.57:1 on a white list and 2.4:1 on a dark one, where WCAG 1.4.3 asks
4.5:1 of text. Each hue here is darkened on a light palette, lightened on a dark one, until it
reaches that against both the list's Base and AlternateBase (alternating rows), by the rule the pane
header's colours follow (canvas.contrast). The colour is never the only cue: every status is a
word, a label disagreement a "≠" (file_list.py).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from petloc_gui.app.image_document import (
    STATUS_EDITED,
    STATUS_ERROR,
    STATUS_NONE,
    STATUS_PRELABEL,
    STATUS_SAVED,
    STATUS_VERIFIED,
)
from petloc_gui.ui.canvas.contrast import readable_on_each

PROBLEM = "problem"  # an image gone from the folder, a label the prediction disagrees with

# the hue each status is known by (annotated has none: the palette's own text)
HUES = {
    STATUS_NONE: QColor(150, 150, 150),
    STATUS_PRELABEL: QColor(150, 80, 200),
    STATUS_EDITED: QColor(220, 120, 0),
    STATUS_SAVED: QColor(40, 140, 220),
    STATUS_VERIFIED: QColor(0, 160, 70),
    STATUS_ERROR: QColor(210, 40, 40),
    PROBLEM: QColor(210, 40, 40),
}


class ListColors:
    """The colours for the palette in use, worked out once per palette (asked per cell and repaint)."""

    def __init__(self) -> None:
        self._key: tuple[int, int] | None = None
        self._colors: dict[str, QColor] = {}

    def of(self, key: str, palette: QPalette | None = None) -> QColor | None:
        """The text colour for a status (or `PROBLEM`) on ``palette`` (the application's by default);
        None for a status shown in the palette's own text colour."""
        palette = palette if palette is not None else QGuiApplication.palette()
        backgrounds = [palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.AlternateBase)]
        cache_key = (backgrounds[0].rgba(), backgrounds[1].rgba())
        if cache_key != self._key:
            self._key = cache_key
            self._colors = {name: readable_on_each(hue, backgrounds) for name, hue in HUES.items()}
        return self._colors.get(key)
