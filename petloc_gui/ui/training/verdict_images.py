"""Before a run: how many images the end's comparison of the new model with the current one will be on, and the
Retrain dialog's word when they are too few for its verdict. Qt-free, no TensorFlow.

The run's rule (`model.train_worker`, `model.comparison`): both models are scored on the validation images of
the report part (`model.splits.report_members`: about `REPORT_SHARE` of them, byte copies in one part; none
chose the new model's epoch), or on the selection part when there is no report part (one validation photo),
less those the current model, or one it was fine-tuned from, trained on (all of them when every one is such an
image). The Retraining window gives a verdict (better, worse, no clear difference) only on at least
`core.paired_stats.MIN_IMAGES` of them; below that it shows both models' figures and says they are too few to
tell. A user fine-tuning on 14 annotated images learned it only at the end of the run.
"""

from __future__ import annotations

import math
from collections.abc import Collection

from petloc_gui.core.paired_stats import MIN_IMAGES
from petloc_gui.core.text import counted
from petloc_gui.model.splits import REPORT_SHARE, ValidationChooser, report_keys, report_members


class ComparedImages:
    """How many of a split's validation images the comparison scores (`count`), at any validation fraction.

    Made in the Retrain dialog's loader thread from the run's chooser (`splits.ValidationChooser`: the images a
    person boxed, their copies, the seed), where each image's report key is hashed once: the dialog counts at
    every step of its fraction, and a step hashes no path (`retrain_holdout_preview.holdout_preview_for`). ``learned``:
    the relative paths the current model, or one it was fine-tuned from, trained on (never compared on)."""

    def __init__(self, chooser: ValidationChooser, learned: Collection[str] = ()) -> None:
        # the sets of copies are on one side of the split and in one part (`splits.copies_together`), so an
        # image's report key among the chooser's images is its key among the validation images
        self._seed = chooser.seed
        self._copies = chooser.copies
        self._keys = report_keys(chooser.relpaths, chooser.seed, self._copies)
        self._learned = frozenset(learned)

    def count(self, validation: Collection[str]) -> int:
        """How many of ``validation`` (the chooser's split at some fraction) the comparison scores: the report
        part (`splits.report_members` on the keys hashed once), else the selection part (all of them, one
        photo), less the learned ones unless that leaves none (`comparison.compare_models` then scores them all)."""
        names = list(validation)
        report = report_members(names, self._seed, self._copies, keys=self._keys)
        scored = report or names
        # all of them learned: the comparison scores them all, and its note says the current model trained on them
        return sum(r not in self._learned for r in scored) or len(scored)


def too_few_note(compared: int, fraction: float) -> str:
    """The dialog's sentence when the comparison's ``compared`` images are too few for a verdict ("" when they
    are enough), with about how many annotated images would give enough at this validation ``fraction``."""
    if compared >= MIN_IMAGES:
        return ""
    # rounded first: 20 / (fraction * share) may come out a hair over a whole number, and ceil would add one
    needed = math.ceil(round(MIN_IMAGES / (fraction * REPORT_SHARE), 6)) if fraction > 0 else 0
    about = (f"; at this validation fraction about {needed} annotated images the current model never trained on "
             "give that many") if needed else ""
    needs = f"a verdict needs at least {MIN_IMAGES} such images{about}"
    if compared == 0:
        return ("No validation image is left to compare the new model with the current one on: at the end the "
                f"Retraining window can compare nothing ({needs}).")
    return (f"Only {counted(compared, 'validation image')} {'is' if compared == 1 else 'are'} left to compare the "
            "new model with the current one on: too few for a verdict, so at the end the Retraining window shows "
            f"both models' figures but cannot say which is better ({needs}).")
