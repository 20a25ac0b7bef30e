"""A retrain on the bundled demo (200 canvases of the MNIST test digits the bundled digits model's 1,000-digit
test figure is measured on) trained on those test digits and the Retrain dialog said nothing: it matched the
current model's test images by their bytes only, and every canvas is new bytes. Holding them out would leave
the demo nothing to train on, so the dialog now says, before the run, how many annotated images hold digits the
current model was tested on (or learned, or chose its epoch with), by the folder's petloc-digits.json and the
model's meta.json (`petloc evaluate`'s n_learned_digits rule), and that the new model's figures cannot be
compared with its published test figure on them. One line, only when there are any."""

from __future__ import annotations

from petloc_gui.app.demo_folder import write_demo
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.current_model_digits import digits_tested_on
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import write_annotated

TESTED = ("hold MNIST digits the current model was tested on (by the folder's petloc-digits.json and the model's "
          "meta.json): as other canvases than its own they are not held out, so the new model's figures cannot be "
          "compared with the current model's published test figure on those digits")


def test_the_demo_holds_the_bundled_models_test_digits_fine_tuned_or_from_scratch(tmp_path):
    demo = tmp_path / "demo"
    demo.mkdir()
    write_demo(demo)
    annotated = len(list(demo.glob("*.xml")))
    preview = holdout_preview_for(demo, parent_spec="digits")
    for fine_tune in (True, False):
        holdout = preview(0.2, fine_tune)
        assert holdout.parent_test == 0  # none of them is its test image by the bytes: the old check saw nothing
        assert holdout.seen_digits_note() == f"{annotated} of the {annotated} annotated images {TESTED}"


def test_canvases_of_its_training_digits_are_said_as_learned_or_chose_its_epoch_with(tmp_path):
    folder = tmp_path / "dg"
    write_digits_dataset(folder, "train", count=5, seed=3)
    holdout = holdout_preview_for(folder, parent_spec="digits")(0.2, True)
    assert holdout.seen_digits_note() == (
        "5 of the 5 annotated images hold MNIST digits the current model learned, or chose its epoch with (by the "
        "folder's petloc-digits.json and the model's meta.json): as other canvases than its own they are not held "
        "out, so the new model's figures cannot be compared with the current model's published figures on those "
        "digits")


def test_nothing_is_said_without_such_canvases_or_without_a_current_model(tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    for n in range(4):
        write_annotated(photos, f"img{n}", 40, 30, [("cat" if n % 2 else "dog", (5, 5, 20, 20))])
    assert holdout_preview_for(photos, parent_spec="digits")(0.25, False).seen_digits_note() == ""
    digits = tmp_path / "dg"
    write_digits_dataset(digits, "test", count=4, seed=3)
    assert holdout_preview_for(digits)(0.25, False).seen_digits_note() == ""  # a folder's first model


def test_only_a_test_split_by_the_digits_rule_is_a_tested_split():
    assert digits_tested_on(read_meta("digits")) == {"test": None}  # its 1,000 test digits: the whole split
    assert digits_tested_on({"test_split": {"images": ["a.png"]}}) == {}  # a test list: held out by its bytes
    assert digits_tested_on({}) == {}


def test_the_dialog_says_it_before_the_run(qtbot, tmp_path):
    folder = tmp_path / "dg"
    write_digits_dataset(folder, "test", count=6, seed=3)
    dialog = RetrainDialog(None, model_name="digits", data_name=str(folder), n_annotated=6, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec="digits"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    assert dialog.digits_note.isVisibleTo(dialog)
    assert dialog.digits_note.text() == f"Warning: 6 of the 6 annotated images {TESTED}."
    dialog.from_scratch.setChecked(True)  # a model from scratch learns them too
    assert dialog.digits_note.text() == f"Warning: 6 of the 6 annotated images {TESTED}."
