"""The Retrain dialog's held-out summary names classes and files as they are. A class "<b>cat" in why a run cannot
start, or in a preview's error, was drawn as markup (a bold "cat", its tags gone): Qt took the label's text for
HTML (an "<img src=…>" in a name had it load a local file)."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout import Holdout

from .shown_text import label_shown

CLASS = "<b>cat"


def _dialog(qtbot, holdout_preview) -> RetrainDialog:
    dialog = RetrainDialog(None, model_name="none", data_name="pets", n_annotated=8, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview, can_fine_tune=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def test_why_a_run_cannot_start_names_the_class_as_it_is(qtbot):
    problem = f"class '{CLASS}' has no image left to train on"
    dialog = _dialog(qtbot, lambda fraction, fine_tune, renamed=None: Holdout(0, [], problem=problem))
    assert label_shown(dialog.holdout_label) == f"This run cannot start: {problem}."


def test_a_failed_preview_is_said_as_it_is(qtbot):
    def failing(fraction, fine_tune, renamed=None):
        raise ValueError(f"no box of {CLASS} can be read")

    dialog = _dialog(qtbot, failing)
    assert label_shown(dialog.holdout_label) == (
        f"The validation images cannot be listed yet (no box of {CLASS} can be read).")


def test_the_held_out_summary_names_the_test_list_as_it_is(qtbot):
    problem = "<b>test.txt cannot be read"
    dialog = _dialog(qtbot, lambda fraction, fine_tune, renamed=None: Holdout(
        2, ["a.png", "b.png"], layout_test_problems=(problem,)))
    assert label_shown(dialog.holdout_label).endswith(f" {problem}.")
