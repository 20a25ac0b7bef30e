"""The question before Discard deletes a finished run's new model, and what Discard says when it keeps it.

Discard deleted it at once, with no question and no undo: one stray keystroke (Alt+D, or Shift+Tab from Use
then Space) lost a run that may have taken hours. Asked as the quit question's Discard is: Cancel is the
default and Escape's, so neither Enter nor Escape deletes anything.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from petloc_gui.core.text import first_of, visible
from petloc_gui.model.versions import Version, VersionInUse
from petloc_gui.ui.modal import modal
from petloc_gui.ui.training.question_beside import QuestionBeside

ASKED = "Discard the new model? Its files are deleted; this cannot be undone."


def confirm_discard(window: QWidget | None) -> bool:
    """True when the user confirms Discard, asked over the Retraining ``window`` (`QuestionBeside`: stacked over
    it, beside the comparison it refers to where the screen has room)."""
    box = QuestionBeside(QMessageBox.Icon.Warning, "Discard the new model", ASKED, window)
    discard = box.addButton(QMessageBox.StandardButton.Discard)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    with modal(box):
        box.exec()
        return box.clickedButton() is discard


def kept_in_use(version: Version, used: VersionInUse, here: str) -> str:
    """What Discard says when the new model is kept: which folders use it (or why that cannot be told), that
    it stays listed, and what this window uses now (``here``)."""
    whose = used.why  # running windows that have it loaded (another window's pick, the folder's memory moved on)
    if used.users:
        folders = first_of([visible(folder) for folder in used.users], 3)
        whose = "; ".join(part for part in (
            f"it is the model {'these folders use' if len(used.users) > 1 else 'this folder uses'}: {folders} "
            "(picked in Model → Versions, maybe in another window)", whose) if part)
    return (f"The new model ({version.id}) is kept, not deleted: {whose}. It stays in Model → Versions; "
            f"{here}.")
