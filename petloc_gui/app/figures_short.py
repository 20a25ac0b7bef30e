"""A model's figures as a line with little room says them (no Qt): "acc 1.000 · IoU 0.927 on 1 validation image ·
optimistic · too few to compare" for `model_metrics.metrics_text`'s "acc 1.000 · IoU 0.927 on 1 validation image
(somewhat optimistic: 1 note says so, as recorded when the version was kept; too few images to tell models apart)".

The status line's compact model label (`ui.model_label_fit`) and Model → Versions' entries (a line each, the whole
caution text in it: wider than a 1024 px screen) say them so, the whole text in their tooltips. What stays: the
figures, the images they are on (the count is what makes "acc 1.000" readable) and a short form of every caution
(`model_metrics.short_caution`). The status line kept only the accepted-boxes mark: a version kept in the window,
whose cautions are the comparison's hedges, read "acc 1.000 · IoU 0.927" bare, as if complete and clean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from petloc_gui.app.model_metrics import BASIS_JOIN, HEADLINE, short_caution

SEPARATOR = " · "  # as between the figures (`model_metrics.metrics_text`)
_FIGURE = rf"(?:{'|'.join(re.escape(short) for _, short in HEADLINE)}) -?\d+\.\d+"
# `metrics_text`'s "FIGURES on N SPLIT images[ (BASIS)]", as groups (`ui.model_label_fit` reads a name before it)
FIGURES_PATTERN = (rf"(?P<figures>{_FIGURE}(?:{SEPARATOR}{_FIGURE})*) (?P<where>on [^()]+?)"
                   r"(?: \((?P<basis>.+)\))?")
_FIGURES = re.compile(FIGURES_PATTERN)
_COUNTED = re.compile(r"on (?P<n>\d+) (?P<rest>.+)")  # "on 12 validation images"
_OF_ALL = re.compile(r"of \d+")  # `short_caution` of "of 20, images neither model trained on"


@dataclass(frozen=True)
class FiguresSaid:
    """Figures as `metrics_text` says them: ``figures`` ("acc 0.938 · IoU 0.839"), ``where`` ("on 16 validation
    images"), ``basis`` (what they rest on, its parts `BASIS_JOIN`ed; "" for none)."""

    figures: str
    where: str
    basis: str

    def cautions(self) -> list[str]:
        return self.basis.split(BASIS_JOIN) if self.basis else []

    def forms(self) -> list[str]:
        """The text from whole to least: whole, then its cautions in short one by one (the longest first) while one
        is left whole, then `least`. Every form holds the figures, the images and each caution, whole or short."""
        cautions = self.cautions()
        shown, forms = list(cautions), [self._with(cautions)]
        for at in sorted(range(len(cautions)), key=lambda at: -len(cautions[at]))[:-1]:
            shown[at] = short_caution(cautions[at])
            forms.append(self._with(shown))
        forms.append(self.least())
        return list(dict.fromkeys(forms))  # (a caution that is its own short form adds no form)

    def least(self) -> str:
        """ "acc 0.938 · IoU 0.839 on 12 of 20 validation images · 12/16 accepted · too few to compare"."""
        where, shorts = self.where, []
        for caution in self.cautions():
            short = short_caution(caution)
            counted = _COUNTED.fullmatch(where)
            if _OF_ALL.fullmatch(short) and counted:  # "on 12 of 20 validation images"
                where = f"on {counted['n']} {short} {counted['rest']}"
            else:
                shorts.append(short)
        return SEPARATOR.join([f"{self.figures} {where}", *shorts])

    def _with(self, cautions: list[str]) -> str:
        return f"{self.figures} {self.where}" + (f" ({BASIS_JOIN.join(cautions)})" if cautions else "")


def figures_said(text: str) -> FiguresSaid | None:
    """``text`` read as `metrics_text`'s figures; None for any other text ("no validation images: ...")."""
    said = _FIGURES.fullmatch(text)
    return None if said is None else FiguresSaid(said["figures"], said["where"], said["basis"] or "")


def short_figures(text: str) -> str:
    """``text`` (`metrics_text`'s) in its least form (`FiguresSaid.least`); any other text as it is."""
    said = figures_said(text)
    return text if said is None else said.least()
