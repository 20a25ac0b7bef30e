"""Why a run cannot train, in the words `petloc train`, the training child and the Retrain dialog's
preview all use: too few usable images (and which files were left out), or none left once validation took
its share. `training_data` gives them out too (its callers import them from there).
"""

from __future__ import annotations

from collections.abc import Sequence

from petloc_gui.core.annotation_names import NO_ANNOTATION
from petloc_gui.core.text import counted


def too_few_images(found: int, prelabels_left_out: int = 0, held_out: str = "",
                   skipped: Sequence[tuple[str, str]] = ()) -> str:
    """``need at least 2 usable annotated images, found 1; 12 unreviewed pre-labels were left out ...``:
    why a run cannot train (the Retrain dialog's preview says it before the run). ``held_out``: the
    parenthesis on held-out images; ``skipped``: the files left out, counted."""
    text = f"need at least 2 usable annotated images, found {found}{held_out}"
    if prelabels_left_out:  # the user asked for it, and may not expect the run to need them
        were = "pre-label was" if prelabels_left_out == 1 else "pre-labels were"
        them = "it" if prelabels_left_out == 1 else "them"
        text += (f"; {prelabels_left_out} unreviewed {were} left out as asked "
                 f"(review and save {them}, or train on {them} too)")
    return text + _skipped_note(skipped)


def nothing_left_to_train(prelabels_left_out: int = 0) -> str:
    """Why a run whose validation split took every image left cannot train (the dialog says it first)."""
    left_out = (f" (the {counted(prelabels_left_out, 'unreviewed pre-label')} left out as asked)"
                if prelabels_left_out else "")
    return f"no image left for training after the validation split{left_out}"


def _skipped_note(skipped: Sequence[tuple[str, str]]) -> str:
    """``; 2 images skipped for a problem with the image or its annotation and 1 image without one``."""
    unannotated = sum(reason == NO_ANNOTATION for _, reason in skipped)
    parts = []
    if len(skipped) > unannotated:
        parts.append(f"{counted(len(skipped) - unannotated, 'image')} skipped for a problem with the image or "
                     "its annotation")
    if unannotated:
        parts.append(f"{counted(unannotated, 'image')} without {'one' if parts else 'an annotation'}")
    return "; " + " and ".join(parts) if parts else ""
