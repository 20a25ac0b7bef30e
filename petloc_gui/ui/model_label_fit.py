"""The status line's model label fitted to the room it has: a compact form when the whole text does not fit.

"Model: pets 20261205T090000Z-abcdef (acc 0.938 · IoU 0.839 on 16 validation images (15 of 16 hold boxes
accepted from a model; too few images to tell models apart))" is twice as wide as the label's third of the bar
(~340 px in a 1024 px window). Elided at its end, it showed the figures and hid behind "…" the marks that say
they flatter the model. A compact form that kept only the accepted-boxes mark dropped every other caution and the
count: a version kept in the window (its cautions the comparison's hedges) read "(acc 1.000 · IoU 0.927)" as if
complete and clean, though on 1 validation image.

Here a text that does not fit gives way in this order, first to last: its cautions to their short forms, the
longest first (`app.figures_short`: "Model: pets…abcdef (acc 0.938 · IoU 0.839 on 16 validation images · 15/16
accepted · too few to compare)", the sentences in the tooltip); the name, in its middle, down to its first and last
characters; the figures, the count and the short cautions never, until the label is narrower than that least form
(`least_width`; `status_line` gives it the room the other widgets leave, and while a message shows what the
message leaves, down to that least form, else none): then the name goes on ("pets…", "…"), and only then is the
text cut at its end with "…". A text without figures ("Loading model pets…", "Model: pets", "Model: pets (no
validation images: figures not measured)") is elided at its end, as before.

The label fits from the figures' parts, given with its text (`ModelLine`: the model controller's status signal
carries it, `status_line.ModelLabel` keeps it), never from the text's words: a text alone ("Model: pets (acc ...)"
set by hand) has none and is elided at its end too. (Given its text only, the label read the short forms back from
the sentence with patterns, then looked the parts up by the text in a store of the texts `metrics_text` built.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from petloc_gui.app.figures_short import Caution, FiguresSaid
from petloc_gui.app.model_metrics import figures_said

if TYPE_CHECKING:
    from petloc_gui.ui.model_info import ModelInfo

PREFIX = "Model: "  # the model controller's, before `ModelInfo.summary`
ELLIPSIS = "…"
NAME_START, NAME_END = 4, 6  # the least of a name kept: "pets…abcdef" (its preset, the end of its version id)


@dataclass(frozen=True)
class FiguredLabel:
    """A model label with figures, in its parts: "Model: NAME (FIGURES WHERE (BASIS))"."""

    name: str
    said: FiguresSaid

    def text(self, name: str, detail: str) -> str:
        return f"{PREFIX}{name} ({detail})"

    def details(self) -> list[str]:
        """What follows the name, from the whole to the least (`FiguresSaid.forms`)."""
        return self.said.forms()

    def line(self) -> ModelLine:
        """Its whole text, with these parts (`ModelLine`)."""
        return ModelLine(self.text(self.name, self.said.text()), self)


class ModelLine(str):
    """One line for the status line's model label: its text, and ``figured``, the model's name and figures in their
    parts, when it names a model with figures (`FiguredLabel.line`; None for any other line). A str, so whatever
    shows the model controller's status as text (the Dataset panel) reads it as before."""

    figured: FiguredLabel | None

    def __new__(cls, text: str, figured: FiguredLabel | None = None) -> ModelLine:
        line = super().__new__(cls, text)
        line.figured = figured
        return line


def loaded_line(info: ModelInfo) -> ModelLine:
    """ "Model: NAME (FIGURES)" for a model in use (`PREFIX`, `ModelInfo.summary`), its figures' parts with it
    (`figures_short.FiguresSaid`, each caution built with its short form); "Model: NAME (no validation images:
    figures not measured)", "Model: NAME" without."""
    said = figures_said(info.metrics, info.split)
    return FiguredLabel(info.name, said).line() if said is not None else ModelLine(f"{PREFIX}{info.summary}")


def cautioned_line(info: ModelInfo, extra: tuple[Caution, ...]) -> ModelLine:
    """`loaded_line` with ``extra`` cautions after the record's own (`app.trained_here_said`: the folder its figures
    were measured on, the images here it trained on), each with its short form; a model without figures says them
    after its summary."""
    said = figures_said(info.metrics, info.split)
    if said is None:
        words = "; ".join(caution.long for caution in extra)
        return ModelLine(f"{PREFIX}{info.summary}" + (f" ({words})" if words else ""))
    return FiguredLabel(info.name, replace(said, cautions=(*said.cautions, *extra))).line()


def figured_label(line: str) -> FiguredLabel | None:
    """The model's name and figures ``line`` carries (a `ModelLine`'s ``figured``); None for any other line, and
    for a text alone, whatever its words: its cautions' short forms are known only where they were built."""
    return line.figured if isinstance(line, ModelLine) else None


def least_name(name: str) -> str:
    """``name`` down to its first and last characters: "pets…abcdef"."""
    if len(name) <= NAME_START + NAME_END + len(ELLIPSIS):
        return name
    return name[:NAME_START].rstrip() + ELLIPSIS + name[-NAME_END:].lstrip()


def name_elided(name: str, fits: Callable[[str], bool]) -> str:
    """``name`` as long as ``fits`` it, elided in its middle (its end, the version id's, kept a little longer)
    down to `least_name`; narrower still (a bar too narrow to give the label its least width), its start, then
    none. (The whole label is measured: text is narrower than the sum of its parts, by kerning.)"""
    if fits(name):
        return name
    for kept in range(len(name) - 1, NAME_START + NAME_END - 1, -1):
        end = max(NAME_END, kept // 2)
        shown = name[:kept - end].rstrip() + ELLIPSIS + name[-end:].lstrip()
        if fits(shown):
            return shown
    return next((shown for shown in (least_name(name), name[:NAME_START].rstrip() + ELLIPSIS) if fits(shown)),
                ELLIPSIS)


def fitted_text(text: str, metrics: QFontMetrics, width: int) -> str | None:
    """``text`` as it fits ``width`` px: whole, or the compact form (see the module); None for a text without
    figures' parts (`figured_label`). Below `least_width` (a bar too narrow to give it) the name gives way further,
    then the rest at its end."""
    label = figured_label(text)
    if label is None:
        return None
    if metrics.horizontalAdvance(text) <= width:
        return text
    details = label.details()
    for detail in details:
        if metrics.horizontalAdvance(shown := label.text(label.name, detail)) <= width:
            return shown
    least = details[-1]

    def fits(name: str) -> bool:
        return metrics.horizontalAdvance(label.text(name, least)) <= width

    shown = label.text(name_elided(label.name, fits), least)
    if metrics.horizontalAdvance(shown) <= width:
        return shown
    return metrics.elidedText(shown, Qt.TextElideMode.ElideRight, width)


def least_width(text: str, metrics: QFontMetrics) -> int:
    """How wide ``text``'s least form is ("Model: pets…abcdef (acc 0.938 · IoU 0.839 on 16 validation images ·
    15/16 accepted · too few to compare)"), or its whole width when that is less; 0 for a text without figures' parts
    (`figured_label`)."""
    label = figured_label(text)
    if label is None:
        return 0
    least = metrics.horizontalAdvance(label.text(least_name(label.name), label.details()[-1]))
    return min(least, metrics.horizontalAdvance(text))
