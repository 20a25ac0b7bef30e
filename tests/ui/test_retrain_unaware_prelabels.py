"""The Retrain dialog counts the unreviewed pre-labels a run trains on, and says which it leaves out
and why: a run leaves out the pre-labels of a model that did not know one of its classes
(`model.prelabel_models`), but a run from scratch (a folder's first model too) still counted them in
"Train on the N unreviewed pre-labels too" and said nothing of them."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import write_annotated
from tests.model.test_unaware_prelabels import SHAPES, _mark, _prelabel, _store_model


def _stars(tmp_path):
    """Three boxed images of each of four classes; two stars pre-labelled by a model of three shapes
    (triangle, circle: left out), a circle by a model of all four (trained on)."""
    folder = tmp_path / "shapes4"
    folder.mkdir()
    for k, name in enumerate([*SHAPES, "star"]):
        for n in range(3):
            # each its own picture (a width of its own): byte-identical copies are kept on one side of the split
            write_annotated(folder, f"{name}{n}", 40 + 3 * k + n, 30, [(name, (5, 5, 20, 20))])
    _store_model("photo-three", SHAPES)
    _store_model("photo-four", [*SHAPES, "star"])
    _prelabel(folder, "star_a", "triangle", _mark("photo-three"))
    _prelabel(folder, "star_b", "circle", _mark("photo-three"))
    _prelabel(folder, "circle_c", "circle", _mark("photo-four"))
    return folder


def test_the_preview_counts_the_pre_labels_the_run_trains_on(tmp_path):
    from petloc_gui.model.training_data import TrainingData

    folder = _stars(tmp_path)
    holdout = holdout_preview_for(folder)(0.2, False)
    run = TrainingData.collect(folder, val_fraction=0.2, seed=0)
    assert holdout.prelabels == run.n_prelabels == 1
    assert dict(holdout.prelabels_left_out) == run.prelabels_left_out == {
        "photo-three": {"count": 2, "unknown_classes": ["star"]}}
    assert holdout.reviewed == 12


def test_the_dialog_says_how_many_are_left_out_and_why(qtbot, tmp_path):
    folder = _stars(tmp_path)
    dialog = RetrainDialog(None, model_name="none", data_name=str(folder), n_annotated=15, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder), can_fine_tune=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.holdout_list.count() > 0, timeout=10000)
    assert dialog.train_prelabels.text() == "Train on the 1 unreviewed pre-label too"
    text = dialog.prelabel_note.text()
    assert dialog.prelabel_note.isVisibleTo(dialog)
    assert text.startswith("1 of the annotated images is an unreviewed pre-label")
    left_out = text.split("\n")[-1]
    assert left_out.startswith("2 more unreviewed pre-labels are left out of any run: model photo-three wrote "
                               "them, which did not know the class star")
    assert "review and save one to train on it" in left_out
    dialog.train_prelabels.setChecked(False)  # all of them left out: the line still says why these are
    assert dialog.prelabel_note.text().split("\n")[-1] == left_out


def test_pre_labels_of_two_models_are_said_in_one_line():
    from petloc_gui.ui.training.prelabel_notes import left_out_note

    text = left_out_note({"photo-three": {"count": 2, "unknown_classes": ["star"]},
                          "photo-two": {"count": 1, "unknown_classes": ["star", "triangle"]}})
    assert "\n" not in text
    assert text.startswith("3 unreviewed pre-labels are left out of any run: their model did not know a class of "
                           "this run (2 of model photo-three: the class star; 1 of model photo-two: the classes "
                           "star and triangle)")
    assert left_out_note({}) == ""
