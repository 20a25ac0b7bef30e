"""A class the model in use does not know keeps it, in the session and when the folder opens again: its
other predictions stay, the new-classes bar names the class (and a model that knows every class), and
Ctrl+T or the bar's button fine-tune it with the class added.

Before, a version picked in Versions was replaced by another on the next opening without a word (the
session kept it), and typing "kitten" on one box took every prediction away and left Ctrl+T with a greyed
"Fine-tune the current model (no model)": a first model from scratch was the only way on.
"""

from __future__ import annotations

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.models.new_classes_bar import FINE_TUNE_TEXT
from tests.model_files import fake_bundle

from .conftest import open_and_wait


def _new_start(qtbot, factory, tmp_path):
    """A window as petloc opens one after a restart (no pick carried over), on the same settings."""
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    window = MainWindow(model_factory=factory, settings=Settings(str(tmp_path / "settings-2.ini")))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


def test_a_version_picked_in_versions_is_kept_when_the_folder_is_opened_again(qtbot, window, folder, factory,
                                                                            tmp_path):
    store = VersionStore()
    picked = fake_bundle(store.root / "photo" / "8fa5cc", ["cat", "dog"], preset="photo")
    fake_bundle(store.root / "photo" / "be0cee", ["cat", "dog", "kitten"], preset="photo")  # knows every class
    open_and_wait(qtbot, window, folder, model=None)
    window.models.choose(str(picked))  # Model → Versions → 8fa5cc
    qtbot.waitUntil(lambda: FolderMemory().get(folder) == str(picked), timeout=10_000)
    window.show_row(0)
    window.edits.set_label("kitten")
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)  # the session keeps the pick, and says what it does not know
    assert window.current_model_spec() == str(picked) and bar.button.text() == FINE_TUNE_TEXT
    assert window.save_current()

    again = _new_start(qtbot, factory, tmp_path)
    try:
        assert again.open_folder(folder, model=None)
        qtbot.waitUntil(lambda: again.current_model_info() is not None, timeout=10_000)
        assert again.current_model_spec() == str(picked)  # not be0cee, silently
        bar = again.models.new_classes
        qtbot.waitUntil(bar.isVisible, timeout=5000)
        text = bar.message.text()
        assert bar.button.text() == FINE_TUNE_TEXT and "does not know the class kitten, so it never predicts it" in text
        assert "photo/be0cee knows every class of this folder: Model → Versions." in text
    finally:
        again.guard.confirm_leave = lambda reload=False: True
        again.close()
        again.shutdown()


def test_a_new_class_keeps_the_predictions_and_ctrl_t_fine_tunes_the_model_with_it(qtbot, window, folder):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from petloc_gui.ui.training.retrain_controller import install_retraining
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog

    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder, model=None)
    assert window.current_model_spec() == "pets"
    window.show_row(0)
    window.edits.set_label("kitten")
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert window.current_model_spec() == "pets" and window.current_model_info() is not None
    assert sum(box is not None for box in window.session.model.pred_box) >= 4  # not cleared
    assert bar.message.text().startswith("fake-pets does not know the class kitten")
    assert "still needed: kitten (2 more)" in bar.message.text()

    seen = []

    def look_and_cancel():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RetrainDialog):
            seen.append((dialog.from_current.isEnabled(), dialog.from_current.isChecked(),
                         dialog.from_current.text()))
        else:
            seen.append(repr(dialog))
        if dialog is not None:
            dialog.reject()

    for ask in (controller.retrain_action.trigger, controller.train_for_folder):  # Ctrl+T, the bar's button
        QTimer.singleShot(100, look_and_cancel)
        ask()
    assert seen == [(True, True, "Fine-tune the current model (pets)")] * 2
    assert not controller.is_running()
