"""The image list's status filter: what each choice lists, in the words a user filters by.

A row's status says what happened to its annotation last (read from disk, saved or
verified in this session, edited), but a user filtering the list asks what the
image has. "annotated" matched the status alone, so it listed 10 of 40 images
after an hour's work: the 30 saved (and the verified ones) read "saved" and
"verified" and were left out. Here "annotated (any)" lists every image with
ground truth, and each choice's tip says what it includes.
"""

from __future__ import annotations

from dataclasses import dataclass

from petloc_gui.app.image_document import (
    STATUS_ANNOTATED,
    STATUS_EDITED,
    STATUS_ERROR,
    STATUS_NONE,
    STATUS_PRELABEL,
    STATUS_SAVED,
    STATUS_TIPS,
    STATUS_VERIFIED,
)

# Statuses whose image has ground truth of its own, whatever last happened to it
WITH_GROUND_TRUTH = frozenset({STATUS_ANNOTATED, STATUS_SAVED, STATUS_VERIFIED})


@dataclass(frozen=True)
class StatusChoice:
    key: str | None  # None: every image
    text: str  # the combo box's entry
    tip: str  # what it includes


CHOICES: tuple[StatusChoice, ...] = (
    StatusChoice(None, "All statuses", "Every image of the folder."),
    StatusChoice(STATUS_ANNOTATED, "annotated (any)",
                 "Every image with ground truth: annotated on disk, saved or verified in this session, and edited "
                 "ones that have a box (not a model's unreviewed pre-label)."),
    StatusChoice(STATUS_NONE, "no annotation", "Images with no annotation file yet: the ones to annotate."),
    StatusChoice(STATUS_PRELABEL, "pre-label", STATUS_TIPS[STATUS_PRELABEL] + "."),
    StatusChoice(STATUS_EDITED, "edited (unsaved)", "Images with edits not saved yet (Ctrl+Shift+S saves them all)."),
    StatusChoice(STATUS_SAVED, "saved",
                 "Images saved from this window since the folder was opened (also under 'annotated (any)')."),
    StatusChoice(STATUS_VERIFIED, "verified", "Images marked verified (V) (also under 'annotated (any)')."),
    StatusChoice(STATUS_ERROR, "error", "An unreadable image (found when it is shown, or when the model predicts "
                 "it) or annotation file, an annotation file another image owns, or every box of the file outside "
                 "the image."),
)


def shown_status(status: str, unreadable_image: bool) -> str:
    """The status an image is shown and filtered by: "error" when its image cannot be decoded (known from
    its prediction before it is opened), over what its annotation is (``status``, kept: the file may be
    readable again); unsaved edits still say so, as `ImageDocument.status` has them first."""
    return STATUS_ERROR if unreadable_image and status != STATUS_EDITED else status


def accepts(choice: str | None, status: str, has_box: bool) -> bool:
    """Whether an image of ``status`` (with a box or not, as shown now) is listed under ``choice``."""
    if choice is None:
        return True
    if choice == STATUS_ANNOTATED:
        return status in WITH_GROUND_TRUTH or (status == STATUS_EDITED and has_box)
    return status == choice
