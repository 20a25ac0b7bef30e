"""The Retrain dialog's summary of the run's preview (`Holdout`): what it holds out for validation and as test
images, or why it cannot start. Plain text, no Qt: the dialog sets it on its label."""

from __future__ import annotations

from petloc_gui.core.text import counted, visible
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.verdict_images import too_few_note


def held_out_summary(preview: Holdout, fine_tune: bool, first_model: bool) -> str:
    """The summary of a run that can start: its validation images, and the images it holds out as test images
    (the current model's, when ``fine_tune``; the folder's test list); ``first_model``: nothing to compare the
    new model with."""
    one, test_images = preview.parent_test == 1, counted(preview.parent_test, "annotated image")
    test_note = (f" {test_images} {'is one of' if one else 'are'} the current model's test images: fine-tuning "
                 f"never trains on {'it' if one else 'them'}, so its test figures stay honest."
                 if preview.parent_test else "")
    learned_note = "; an image the current model trained on never validates its fine-tune" if fine_tune else ""
    unusable = f"{visible(preview.unusable_note())}. " if preview.unusable else ""  # as the run's start says
    compared_note = "" if first_model else "; the current and the new model are compared on those neither trained on"
    return (f"{preview.count} {'image is' if preview.count == 1 else 'images are'} held out for validation "
            "(each image's side is chosen from its path, so adding images leaves the others where they are; "
            "only a class whose images all fell on one side has one of them moved across, so that it is both "
            "trained and validated, and which image that is can change as the class grows"
            f"{learned_note}). Part of them chooses the new model's best epoch, "
            f"the rest gives its figures{compared_note}. ({unusable}{'Another' if unusable else 'An image'} that "
            "turns out unreadable is left out; the exact list is logged at the start.)"
            + _too_few_line(preview, first_model) + test_note + _layout_test_line(preview))


def _too_few_line(preview: Holdout, first_model: bool) -> str:
    """The sentence, after a space, when the images the end's comparison is on are too few for its verdict
    (`verdict_images.too_few_note`); "" when they are enough, not known, or there is no current model."""
    if first_model or preview.compared is None:
        return ""
    note = too_few_note(preview.compared, preview.fraction)
    return f" {note}" if note else ""


def cannot_start_summary(preview: Holdout, saved_first: bool) -> str:
    """Why the run of ``preview`` (its ``problem`` set) cannot start; ``saved_first``: the unsaved edits are
    saved before it, which may change that (the preview reads the saved files only)."""
    if saved_first:
        text = (f"As saved now, this run could not start: {visible(preview.problem)}. "
                "Your unsaved edits are saved first, which may change that.")
    else:
        text = f"This run cannot start: {visible(preview.problem)}."
    return text + _layout_test_line(preview)  # a folder that looks well annotated: its test list is why


def _layout_test_line(preview: Holdout) -> str:
    """The sentence on the folder's test list the run holds out, after a space; "" when it holds none."""
    note = preview.layout_test_note()
    return f" {visible(note)}." if note else ""
