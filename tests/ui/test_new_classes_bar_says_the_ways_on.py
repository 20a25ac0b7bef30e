"""The no-model bar says how to go on with a folder's own classes: what Model → Retrain… trains (a first model:
no model is in use, so the Retrain dialog offers nothing to fine-tune) and the pick that makes it a fine-tune.

The first new class drawn on a folder of photos drops pets (it knows none of the folder's boxes), and the bar
said only "Box at least 3 images of each class to train one", though Model → Bundled: pets then offers to
fine-tune it with the new class.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.models.first_model_start import DIGITS_START, IMAGENET_START, first_model_start
from petloc_gui.ui.models.new_classes_bar import FINE_TUNE_TEXT, ways_on
from petloc_gui.ui.training.retrain_dialog import RetrainDialog

from .conftest import open_and_wait, write_image


def _dialog_choices(controller) -> list[tuple[bool, bool, str]]:
    """The Retrain dialog's fine-tune choice (shown, enabled, its text), as Ctrl+T opens it; cancelled."""
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RetrainDialog):
            QTimer.singleShot(50, look)  # not open yet (a busy machine): looked at again
            return
        seen.append((dialog.from_current.isVisibleTo(dialog), dialog.from_current.isEnabled(),
                     dialog.from_current.text()))
        dialog.reject()

    QTimer.singleShot(100, look)
    controller.open_dialog()
    return seen


def test_the_first_new_class_s_bar_says_what_retrain_trains_and_how_to_fine_tune_pets(qtbot, window, tmp_path):
    from petloc_gui.ui.training.retrain_controller import install_retraining

    controller = install_retraining(window)
    folder = tmp_path / "mine"
    folder.mkdir()
    for i in range(4):
        write_image(folder / f"photo_{i}.png", seed=i)
    open_and_wait(qtbot, window, folder, model=None)
    # no boxes yet: pets, chosen by image size (in the background: waited for)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "pets"
    window.show_row(0)
    window.accept_prediction()
    window.edits.set_label("rabbit")  # the folder's first box, of a class of its own
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert window.current_model_spec() == ""  # pets dropped
    start = first_model_start("photo")
    # the cat box accepted a moment before is counted out within the bar's throttle
    qtbot.waitUntil(lambda: "(still needed: rabbit (2 more))." in bar.message.text(), timeout=5000)
    assert bar.message.text().endswith(
        f"(still needed: rabbit (2 more)). Model → Retrain… trains {start.network} {start.start}; to fine-tune pets "
        "with these classes instead, pick it first (Model → Bundled: pets).")
    # what it says is what the dialogs offer: no fine-tune now, ...
    assert _dialog_choices(controller) == [(False, False, "Fine-tune the current model (no model)")]
    window.models.choose("pets")  # ... and one once pets is picked
    qtbot.waitUntil(lambda: bar.button.text() == FINE_TUNE_TEXT, timeout=5000)
    assert window.current_model_spec() == "pets" and window.current_model_info() is not None
    assert _dialog_choices(controller) == [(True, True, "Fine-tune the current model (pets)")]
    controller.shutdown()


def test_the_way_on_follows_the_folder_s_kind_and_the_bundled_model_s_state():
    assert ways_on(DIGITS_START, usable=lambda name: True) == (
        " Model → Retrain… trains the small digits network from scratch; to fine-tune digits with these classes "
        "instead, pick it first (Model → Bundled: digits).")
    assert ways_on(IMAGENET_START, usable=lambda name: name != "pets") == (
        " Model → Retrain… trains MobileNet from the shipped ImageNet backbone.")  # a broken pets is not offered
    assert "pick it first (Model → Versions)" in ways_on(None)
