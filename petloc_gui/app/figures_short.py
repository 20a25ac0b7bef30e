"""A model's figures as a line with little room says them (no Qt): "acc 1.000 · IoU 0.927 on 1 validation image ·
optimistic · too few to compare" for `model_metrics.metrics_text`'s "acc 1.000 · IoU 0.927 on 1 validation image
(somewhat optimistic: 1 note says so, as recorded when the version was kept; too few images to tell models apart)".

The status line's compact model label (`ui.model_label_fit`) and Model → Versions' entries (a line each, the whole
caution text in it: wider than a 1024 px screen) say them so, the whole text in their tooltips. What stays: the
figures, the images they are on (the count is what makes "acc 1.000" readable) and a short form of every caution.
The status line kept only the accepted-boxes mark: a version kept in the window, whose cautions are the
comparison's hedges, read "acc 1.000 · IoU 0.927" bare, as if complete and clean.

Each caution is a pair (`Caution`), its sentence and its short form built together from the metrics record
(`model_metrics.cautions`): the short forms were read back from the sentence's words with patterns, and a caution
reworded there lost its short form (the line fell back to the whole text). `FiguresSaid` keeps the figures in their
parts; `model_metrics.metrics_text` is its whole text. The parts go where the text goes (the status line's label is
given them with it: `ui.model_label_fit.ModelLine`), never found again from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from petloc_gui.core.text import counted

SEPARATOR = " · "  # as between the figures (`model_metrics.metrics_text`)
BASIS_JOIN = "; "  # between the cautions' sentences (`model_metrics.basis_text`)


@dataclass(frozen=True)
class Caution:
    """One thing figures rest on: ``long`` as their sentence says it ("15 of 16 hold boxes accepted from a model"),
    ``short`` as a line with no room says it ("15/16 accepted"). ``in_count``: the short form names the images the
    figures are on among more ("of 20"), said in the count ("on 12 of 20 validation images")."""

    long: str
    short: str
    in_count: bool = False


@dataclass(frozen=True)
class FiguresSaid:
    """Figures as `metrics_text` says them, in parts: ``figures`` ("acc 0.938 · IoU 0.839"), the images they are on
    (``count``, None when the record does not say, and ``split``: "validation"), and what they rest on
    (``cautions``, in the sentence's order)."""

    figures: str
    count: int | None
    split: str
    cautions: tuple[Caution, ...] = ()

    def where(self, among: str = "") -> str:
        """ "on 16 validation images"; with ``among`` ("of 20"): "on 12 of 20 validation images"."""
        if self.count is None:
            return f"on {self.split} images"
        return f"on {counted(self.count, ' '.join(part for part in (among, f'{self.split} image') if part))}"

    def text(self) -> str:
        """The whole text: "acc 0.938 · IoU 0.839 on 16 validation images (15 of 16 hold boxes accepted ...)"."""
        return self._with([caution.long for caution in self.cautions])

    def forms(self) -> list[str]:
        """The text from whole to least: whole, then its cautions in short one by one (the longest first) while one
        is left whole, then `least`. Every form holds the figures, the images and each caution, whole or short."""
        shown = [caution.long for caution in self.cautions]
        forms = [self._with(shown)]
        for at in sorted(range(len(shown)), key=lambda at: -len(self.cautions[at].long))[:-1]:
            shown[at] = self.cautions[at].short
            forms.append(self._with(shown))
        forms.append(self.least())
        return list(dict.fromkeys(forms))  # (a caution that is its own short form adds no form)

    def least(self) -> str:
        """ "acc 0.938 · IoU 0.839 on 12 of 20 validation images · 12/16 accepted · too few to compare"."""
        where, shorts = self.where(), []
        for caution in self.cautions:
            if caution.in_count and self.count is not None:
                where = self.where(caution.short)
            else:
                shorts.append(caution.short)
        return SEPARATOR.join([f"{self.figures} {where}", *shorts])

    def _with(self, cautions: list[str]) -> str:
        return f"{self.figures} {self.where()}" + (f" ({BASIS_JOIN.join(cautions)})" if cautions else "")

