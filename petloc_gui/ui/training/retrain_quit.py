"""What quitting the window does to retraining: nothing is left half-done or undecided behind it.

A running run is stopped only when the user says so, and then at once (a run left to finish behind
the closing window would register a version nobody decides on). A finished run's new model not kept
yet is asked about as unsaved edits are: Keep it, Discard it, or Cancel the quit. Unasked, it stayed
in Model → Versions and the choice was never made. Its version.json says ``"decided": false`` from
its commit until the choice is made (`VersionStore.mark_decided`), so one a killed window never asked
about is listed "not kept or discarded yet" at the next start, not as an ordinary version.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from petloc_gui.core.text import visible
from petloc_gui.model.versions import Version
from petloc_gui.ui.modal import modal
from petloc_gui.ui.plain_text import literal
from petloc_gui.ui.training.question_beside import QuestionBeside

if TYPE_CHECKING:
    from petloc_gui.ui.training.retrain_controller import RetrainController

KEEP, DISCARD, CANCEL = "keep", "discard", "cancel"


def confirm_quit(controller: RetrainController) -> bool:
    """True when the window may close: no run goes on, and no new model waits for a choice."""
    if controller.is_running():
        # the progress beside the question, which is its window's: stacked over it, not over the main window
        progress = controller.show_progress()
        if not _stop_run(progress):
            controller.show_progress()  # the keyboard back in it
            return False
        controller.shutdown()  # the run may have finished meanwhile: then its new model is asked about
    version, folder = controller.new_version, controller.run_folder
    if version is None or folder is None:
        return True
    comparison = controller.show_progress()  # beside the question, which is its window's (stacked over it)
    choice = ask_undecided(comparison, version, folder)
    if choice == KEEP:
        # the folder's from its next opening: used now, it would be remembered once loaded, after the quit
        controller.use_new_model(later=True)
        return controller.new_version is None
    if choice == DISCARD:
        kept = controller.discard_new_model()
        # refused (it is in use elsewhere), or kept as a folder's model: said in a box, the window stays for it
        return controller.new_version is None and not kept
    # Cancel: the comparison in front with the keyboard, on its choice, as the question promised
    controller.show_progress()
    return False


def _stop_run(progress: QWidget | None) -> bool:
    """Quit anyway? asked over the ``progress`` window (`QuestionBeside`)."""
    box = QuestionBeside(QMessageBox.Icon.Question, "Training in progress",
                         "A model is being trained. Quitting stops it, and nothing of the run is kept. Quit anyway?",
                         progress)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    with modal(box):
        box.exec()
        return box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes


def ask_undecided(comparison: QWidget | None, version: Version, folder: Path) -> str:
    """Keep / Discard / Cancel for the new model of a run on ``folder`` that waits for Use / Discard, asked over
    the ``comparison`` window (`QuestionBeside`)."""
    name = visible(folder.name)
    # a folder "<b>pets" named as it is, not as markup: its text and its informative text each guess their format
    box = QuestionBeside(QMessageBox.Icon.Question, "New model not kept yet",
                         literal(f"The model just trained on {name} (version {version.id}) is not kept yet. "
                                 "Keep it before quitting?"), comparison)
    box.setInformativeText(literal(
        f"Keep it: {name} uses it from when it is opened again.\n"
        "Discard it: it is deleted (kept if a folder uses it as its model); the folder keeps its current model.\n"
        "Cancel: back to the window, the comparison is shown."))
    buttons: dict[QAbstractButton | None, str] = {  # clickedButton(): None for a box closed another way
        box.addButton("Keep it", QMessageBox.ButtonRole.AcceptRole): KEEP,
        box.addButton("Discard it", QMessageBox.ButtonRole.DestructiveRole): DISCARD,
    }
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)  # Enter does not change the folder's model, nor delete one
    with modal(box):
        box.exec()
        return buttons.get(box.clickedButton(), CANCEL)
