"""What the user chooses around a run: use, discard, roll back, another folder, another model meanwhile."""

from __future__ import annotations

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainOptions

pytestmark = pytest.mark.slow  # starts child processes


def _run(qtbot, controller, **options):
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False, **options))
    return controller.new_version


def test_discarding_the_new_model_while_the_window_uses_it_goes_back_to_the_model_it_started_from(
        qtbot, window, controller):
    version = _run(qtbot, controller)
    controller.roll_back(version)  # Model -> Versions -> the new one: the choice is made
    assert window.spec == str(version.path) and controller.new_version is None
    controller.new_version = version  # (were Discard still offered) the model in use is never deleted under it
    controller.discard_new_model()
    assert window.spec == "digits" and not version.path.exists()
    assert window.remembered[window.current_folder()] == "digits"


def test_a_new_model_in_use_without_a_model_to_go_back_to_is_not_discarded(qtbot, window, controller):
    window.spec = ""  # no model knew the folder's classes when the run started: the folder's first model
    assert _run(qtbot, controller) is None  # used at once: no Use / Discard waits
    version = controller.store.list()[-1]
    assert window.spec == str(version.path) and window.adopted == [str(version.path)]
    controller.new_version = version  # (were Discard still offered) there is no model to go back to
    controller.discard_new_model()
    assert version.path.is_dir() and "choose another model" in window.statusBar().currentMessage()


def test_the_new_model_is_kept_for_the_folder_it_trained_on_when_another_is_open(qtbot, window, controller, tmp_path):
    trained_on = window.current_folder()
    version = _run(qtbot, controller)
    window._folder = tmp_path / "other"  # the user opened another folder during the run
    controller.use_new_model()
    assert window.remembered == {trained_on: str(version.path)}  # not the other folder's model
    assert window.spec == "digits" and window.set_model_calls == []  # the other folder keeps its model
    assert "kept as data's model" in controller._progress_window().status.text()


def test_the_new_model_used_is_the_folders_own_model_not_a_pick(qtbot, window, controller):
    version = _run(qtbot, controller)
    controller.use_new_model()
    assert window.adopted == [str(version.path)]  # a new class boxed later may still re-choose the model


def test_the_folder_it_trained_on_under_another_spelling_is_the_same_folder(qtbot, window, controller, tmp_path):
    version = _run(qtbot, controller)
    link = tmp_path / "link"
    link.symlink_to(window.current_folder())
    window._folder = link  # the user reopened it through a link during the run
    controller.use_new_model()
    assert window.adopted == [str(version.path)]


def test_discarding_goes_back_and_says_so_only_on_the_folder_the_run_trained_on(qtbot, window, controller, tmp_path):
    version = _run(qtbot, controller)
    controller.roll_back(version)
    controller.new_version = version
    trained_on, window._folder = window._folder, tmp_path / "other"  # another folder, using the new model
    controller.discard_new_model()
    assert version.path.is_dir() and window.spec == str(version.path)  # refused: not that folder's choice
    window._folder = trained_on
    controller.discard_new_model()
    assert not version.path.exists() and window.adopted[-1] == "digits"
    assert "back to the model training started from (digits)" in controller._progress_window().status.text()


def test_a_run_that_saving_first_makes_possible_may_start(qtbot):
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog
    from petloc_gui.ui.training.retrain_holdout import Holdout

    problem = Holdout(0, [], problem="need at least 2 usable annotated images, found 1")
    dialog = RetrainDialog(None, model_name="digits", data_name="/data", n_annotated=1, has_unsaved=True,
                           holdout_loader=lambda: (lambda fraction, fine_tune: problem))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "As saved now" in dialog.holdout_label.text(), timeout=5000)
    assert dialog.start_button.isEnabled()  # the edits saved first may make the second image
    dialog.save_first.setChecked(False)
    assert not dialog.start_button.isEnabled() and "cannot start" in dialog.holdout_label.text()


def test_a_bundled_model_picked_from_versions_is_remembered_for_the_folder(window, controller):
    controller.use_bundled("pets")
    assert window.spec == "pets" and window.remembered == {window.current_folder(): "pets"}


def test_an_unreadable_current_model_retrains_with_the_folders_own_preset(window, controller, tmp_path):
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=4, seed=0)
    window.dataset = open_dataset(folder)
    from petloc_gui.ui.training.retrain_preset import folder_preset

    preset = lambda spec: folder_preset(spec, controller.store, window.dataset)  # noqa: E731
    assert preset(str(tmp_path / "gone-model")) == "digits"  # was "pets" for 75x75 canvases
    assert preset("pets") == "pets"


def _answer_first_model_dialog(answer):
    """Answer the next Retrain dialog with ``answer(dialog)`` (True: Start training, else Cancel); the
    dialogs seen are returned."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from petloc_gui.ui.training.retrain_dialog import RetrainDialog

    seen = []

    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RetrainDialog)
        seen.append(dialog.windowTitle())
        (dialog.accept if answer(dialog) else dialog.reject)()

    QTimer.singleShot(100, act)
    return seen


def test_a_first_model_saves_unsaved_edits_as_the_dialog_says(qtbot, window, controller, monkeypatch):
    # "Train a model for these classes" saved every unsaved edit without a word, then asked; the Retrain
    # dialog it opens now says so ("Save my unsaved edits first", ticked), and Cancel starts nothing.
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.digits import write_digits_dataset

    write_digits_dataset(window.current_folder(), "train", count=6, seed=0)
    window.dataset = open_dataset(window.current_folder())
    window.spec = ""  # the button is there when no model knows the folder's classes
    window.unsaved = True
    started = []
    monkeypatch.setattr(controller, "start", lambda options, **kw: started.append(options.save_first) or True)
    _answer_first_model_dialog(lambda dialog: False)
    assert not controller.train_for_folder() and started == [] and window.save_calls == 0  # Cancel
    seen = _answer_first_model_dialog(lambda dialog: dialog.save_first.isChecked())
    assert controller.train_for_folder() and started == [True]  # Start training: saved first
    window.unsaved = False
    _answer_first_model_dialog(lambda dialog: not dialog.save_first.isEnabled())
    assert controller.train_for_folder() and started == [True, False]  # nothing to save
    assert seen == ["Train a model for this folder"]


def test_a_first_model_run_leaves_the_retrain_dialogs_defaults_alone(qtbot, window, controller, tmp_path):
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.digits import write_digits_dataset

    write_digits_dataset(window.current_folder(), "train", count=6, seed=0)
    window.dataset = open_dataset(window.current_folder())
    window.spec = ""  # the button is there when no model knows the folder's classes
    before = controller.last_options
    epochs = []
    _answer_first_model_dialog(lambda dialog: epochs.append(dialog.epochs.value()) or dialog.epochs.setValue(2)
                               or True)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.train_for_folder()  # from scratch
    assert epochs == [30] and controller.last_options == before  # the next fine-tune's 5 epochs stay
    assert controller.first_options.epochs == 2  # the next first model's dialog says 2


def test_the_comparison_names_the_model_the_run_started_from(qtbot, window, controller):
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
        window.spec = "pets"  # another model chosen during the run
    comparison = controller._progress_window().comparison
    assert comparison.table.horizontalHeaderItem(0).text() == "digits"
    assert "changed during training" in comparison.summary.text()


def test_a_folder_s_model_being_chosen_again_is_no_change_of_model(qtbot, window, controller, monkeypatch):
    """F5 or a reopen during the run: the folder's model is chosen in a worker (no spec meanwhile), which the
    comparison took for "the model in use changed during training"."""
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
        window.spec = ""
        monkeypatch.setattr(window, "model_being_chosen", lambda: True)
    comparison = controller._progress_window().comparison
    assert "changed during training" not in comparison.summary.text()


def test_a_folder_of_one_annotated_image_cannot_start_a_run_from_scratch(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for

    folder = tmp_path / "one"
    write_digits_dataset(folder, "train", count=1, seed=0)
    holdout = holdout_preview_for(folder)(0.2, False)
    assert "need at least 2" in holdout.problem and "found 1" in holdout.problem  # the run's own words


def test_closing_the_window_during_a_run_asks_first(qtbot, window, controller, monkeypatch):
    from petloc_gui.ui.training import retrain_quit

    assert controller.confirm_quit()  # nothing running: nothing to ask
    controller.extra_worker_args = ["--steps", "500", "--delay", "0.05"]
    assert controller.start(RetrainOptions(epochs=5, save_first=False))
    answers = [False, True]  # Cancel, then Quit anyway
    monkeypatch.setattr(retrain_quit, "_stop_run", lambda progress: answers.pop(0))
    assert not controller.confirm_quit() and controller.is_running()
    assert controller.confirm_quit()



def test_versions_marks_the_new_version_until_it_is_used_or_discarded(qtbot, window, controller):
    def entry(version):
        controller.versions_menu.rebuild()  # as when the menu opens
        actions = [a for a in controller.versions_menu.version_actions() if a.data() == version.id]
        assert len(actions) == 1
        return actions[0]

    version = _run(qtbot, controller)
    action = entry(version)
    assert "not kept yet" in action.text() and "Use the new model or Discard" in action.toolTip()
    controller.use_new_model()
    assert "not kept yet" not in entry(version).text()
    second = _run(qtbot, controller)
    assert "not kept yet" in entry(second).text() and "not kept yet" not in entry(version).text()
    controller.discard_new_model()
    controller.versions_menu.rebuild()
    assert not [a for a in controller.versions_menu.version_actions() if a.data() == second.id]


def test_the_first_model_button_during_a_run_shows_the_run(qtbot, window, controller):
    # It stayed enabled; a click said "already in progress" in the status bar only, the window stayed behind.
    window.show()
    controller.extra_worker_args = ["--steps", "20", "--delay", "0.02"]
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=2, save_first=False))
        progress = controller._progress_window()
        progress.hide()
        assert not controller.train_for_folder()
        assert progress.isVisible() and window.statusBar().currentMessage().startswith("A training run is in")
