"""A folder's first model, however started (the new-classes bar's "Train a model for these classes…", or
Ctrl+T from scratch while no model is in use): the same Retrain dialog first (the held-out images, the
epochs), then a run that is used at once, said plainly, with the new model's figures alone.

Before, the bar's button started 30 epochs at once, with no dialog and no list of held-out images; and
Ctrl+T from scratch with no model ended with "compared with the current one" though there was none, a
"no model" column of dashes, and a Use / Discard wait.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.training.retrain_dialog import RetrainDialog

pytestmark = pytest.mark.slow  # starts child processes


def _digits_folder(window) -> None:
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.digits import write_digits_dataset

    write_digits_dataset(window.current_folder(), "train", count=40, seed=0)
    window.dataset = open_dataset(window.current_folder())
    window.spec = ""  # no model knows the folder's classes


def _when_listed(seen: list, epochs: int) -> None:
    """Once the next Retrain dialog lists its held-out images: note what it shows, set ``epochs``, start."""

    tries = iter(range(200))  # 10 s: no dialog (the run started at once) is no wait for ever

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RetrainDialog) or dialog.holdout_label.text().startswith("Reading"):
            if next(tries, None) is not None:
                QTimer.singleShot(50, look)  # the list is read in a thread
            return
        seen.append({"title": dialog.windowTitle(), "epochs": dialog.epochs.value(),
                     "held out": dialog.holdout_list.count(), "fine-tune shown": dialog.from_current.isVisible(),
                     "from scratch": dialog.from_scratch.isChecked()})
        dialog.epochs.setValue(epochs)
        dialog.accept()

    QTimer.singleShot(50, look)


@pytest.mark.parametrize("ask", ["bar", "ctrl+t"])
def test_a_first_model_is_asked_for_in_the_retrain_dialog_and_used_at_once(qtbot, window, controller, ask):
    _digits_folder(window)
    seen: list[dict] = []
    _when_listed(seen, epochs=1)
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        started = controller.train_for_folder() if ask == "bar" else controller.retrain_action.trigger()
        assert started in (True, None)
    assert finished.args[0].exit_code == 0
    assert seen == [{"title": "Train a model for this folder", "epochs": 30, "held out": 11,
                     "fine-tune shown": False, "from scratch": True}]
    version = controller.store.list()[-1]
    assert window.adopted == [str(version.path)] and controller.new_version is None  # used: nothing waits
    status = window.statusBar().currentMessage()
    assert status == (f"Training finished: new model version {version.id} is this folder's first model, used now: "
                      "there is no model to compare it with (Model → Versions picks another).")
    progress = controller._progress_window()
    comparison = progress.comparison
    assert comparison.table.isColumnHidden(0)  # no "no model" column of dashes
    assert comparison.cell_text("accuracy", 1) != "—"
    assert not comparison.use_button.isVisibleTo(progress) and not comparison.discard_button.isVisibleTo(progress)
    assert comparison.summary.text().startswith("This is the folder's first model: there was no model to compare")
    assert not progress.awaits_choice()


def test_a_later_run_from_a_model_shows_both_columns_and_the_choice_again(qtbot, window, controller):
    from petloc_gui.ui.training.retrain_dialog import RetrainOptions

    _digits_folder(window)
    _when_listed([], epochs=1)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        controller.train_for_folder()
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))  # from the first model
    comparison = controller._progress_window().comparison
    assert not comparison.table.isColumnHidden(0) and controller.new_version is not None
    assert comparison.use_button.isVisibleTo(controller._progress_window()) and comparison.use_button.isEnabled()
