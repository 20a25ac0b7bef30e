"""The Retrain dialog lets the user leave the folder's unreviewed pre-labels out of the run ("Train on the N
unreviewed pre-labels too", ticked by default, shown only when there are some): the note under the held-out
list and the "cannot start" check follow it, the choice is remembered, and the worker is told."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_dialog import RetrainDialog, RetrainOptions
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.model.test_skip_prelabels import mark_prelabels
from tests.ui.test_retrain_prelabel_note import _assert_all_text_shown


def _digits(folder, count: int, prelabels: int) -> None:
    from petloc_gui.core.digits import write_digits_dataset

    write_digits_dataset(folder, "train", count=count, seed=0)
    mark_prelabels(folder, sorted(p.with_suffix(".png").name for p in folder.glob("*.xml"))[:prelabels])


def _dialog(qtbot, folder, defaults: RetrainOptions | None = None) -> RetrainDialog:
    dialog = RetrainDialog(None, model_name="digits", data_name=str(folder), n_annotated=None, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder), defaults=defaults or RetrainOptions(),
                           can_fine_tune=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def test_unticking_leaves_the_pre_labels_out_and_the_note_says_so(qtbot, tmp_path):
    folder = tmp_path / "digits"
    _digits(folder, 30, 4)
    dialog = _dialog(qtbot, folder)
    box = dialog.train_prelabels
    assert box.isVisibleTo(dialog) and box.isChecked() and box.text() == "Train on the 4 unreviewed pre-labels too"
    layout = dialog.body.rows
    assert layout.indexOf(box) == layout.indexOf(dialog.prelabel_note) + 1
    assert dialog.options().train_prelabels and "learns from them as they are" in dialog.prelabel_note.text()
    held_out = [dialog.holdout_list.item(i).text() for i in range(dialog.holdout_list.count())]
    box.setChecked(False)
    note = dialog.prelabel_note.text()
    assert note.startswith("4 of the annotated images are unreviewed pre-labels")
    assert "This run leaves them out" in note and "as they are" not in note
    assert dialog.start_button.isEnabled()
    # pre-labels never validate: the same images are held out
    assert [dialog.holdout_list.item(i).text() for i in range(dialog.holdout_list.count())] == held_out
    assert dialog.options().train_prelabels is False and dialog.next_defaults().train_prelabels is False
    _assert_all_text_shown(dialog)


def test_only_pre_labels_annotated_cannot_start_without_them(qtbot, tmp_path):
    folder = tmp_path / "digits"
    _digits(folder, 6, 6)
    dialog = _dialog(qtbot, folder, RetrainOptions(train_prelabels=False))  # remembered from the last run
    assert dialog.train_prelabels.isVisibleTo(dialog) and not dialog.train_prelabels.isChecked()
    assert dialog.holdout_label.text() == (
        "This run cannot start: need at least 2 usable annotated images, found 0; 6 unreviewed pre-labels were "
        "left out as asked (review and save them, or train on them too).")
    assert not dialog.start_button.isEnabled() and not dialog.holdout_list.isVisibleTo(dialog)
    _assert_all_text_shown(dialog)
    dialog.train_prelabels.setChecked(True)
    assert dialog.start_button.isEnabled() and "cannot start" not in dialog.holdout_label.text()


def test_no_pre_labels_no_box_and_the_remembered_choice_stays(qtbot, tmp_path):
    folder = tmp_path / "digits"
    _digits(folder, 10, 0)
    dialog = _dialog(qtbot, folder, RetrainOptions(train_prelabels=False))
    assert not dialog.train_prelabels.isVisibleTo(dialog) and not dialog.prelabel_note.isVisibleTo(dialog)
    assert dialog.start_button.isEnabled() and dialog.next_defaults().train_prelabels is False


def test_fine_tuning_with_the_current_models_validation_images_left_has_nothing_to_train_on():
    # two people's images, both the current model's validation images (kept in validation), and pre-labels
    holdout = Holdout(2, ["a.png", "b.png"], prelabels=3, reviewed=2)
    assert holdout.without_prelabels().problem.startswith("no image left for training after the validation split")
    assert Holdout(1, ["a.png"], prelabels=3, reviewed=2).without_prelabels().problem == ""


def test_the_controller_tells_the_worker(qtbot, window, controller, monkeypatch):
    from petloc_gui.ui.training.training_process import TrainingProcess

    started: list[list[str]] = []
    monkeypatch.setattr(TrainingProcess, "start", lambda self, args, env=None, module="": started.append(args))
    assert controller.start(RetrainOptions(epochs=1, save_first=False, train_prelabels=False))
    assert controller.start(RetrainOptions(epochs=1, save_first=False))
    assert ["--skip-prelabels" in args for args in started] == [True, False]


def test_while_the_box_is_not_shown_the_run_trains_on_pre_labels_and_the_choice_is_kept(qtbot, tmp_path):
    # A choice the dialog never showed must not decide the run: unticked on another folder, then Start
    # pressed before this folder's preview arrived (or when it could not be read) left every pre-label out.
    for loader in (lambda: None, None):
        dialog = RetrainDialog(None, model_name="digits", data_name="/data", n_annotated=None, has_unsaved=False,
                               holdout_loader=loader, defaults=RetrainOptions(train_prelabels=False),
                               can_fine_tune=False)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda d=dialog: d._loading is None, timeout=10000)
        assert not dialog.train_prelabels.isVisibleTo(dialog)
        assert dialog.options().train_prelabels is True
        assert dialog.next_defaults().train_prelabels is False  # remembered for a folder that shows it


def test_the_cannot_start_line_counts_the_pre_labels_left_out_even_when_too_few_were_annotated():
    # 1 pre-label and nothing else annotated: the preview said "found 1" although the run would find 0.
    from petloc_gui.model.cannot_train import nothing_left_to_train, too_few_images

    holdout = Holdout(0, [], problem=too_few_images(1), prelabels=1, reviewed=0)
    assert holdout.without_prelabels().problem == too_few_images(0, 1)
    assert "found 0; 1 unreviewed pre-label was left out as asked" in holdout.without_prelabels().problem
    tight = Holdout(2, ["a.png", "b.png"], prelabels=3, reviewed=2)
    assert tight.without_prelabels().problem == nothing_left_to_train(3) == (
        "no image left for training after the validation split (the 3 unreviewed pre-labels left out as asked)")
    assert nothing_left_to_train() == "no image left for training after the validation split"
