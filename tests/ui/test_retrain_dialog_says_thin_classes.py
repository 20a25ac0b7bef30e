"""The Retrain dialog says, before the run, how many classes have too few person-reviewed images to be both
trained on and held out, the names in the tooltip, by `petloc train`'s rule and numbers (`app.thin_classes`):
it enabled "Start training" on 80 classes of 1-2 images unsaid, and only after the run the Retraining window
said "No image of 84 of the 127 classes…". It never stops the run."""

from __future__ import annotations

from petloc_gui.app.thin_classes import thin_classes
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import write_annotated


def _dialog(qtbot, loader) -> RetrainDialog:
    dialog = RetrainDialog(None, model_name="none", data_name="/data", n_annotated=40, has_unsaved=False,
                           holdout_loader=loader)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def _folder(tmp_path, labels: dict[str, int]):
    folder = tmp_path / "many"
    folder.mkdir()
    n = 0
    for label, images in labels.items():
        for _ in range(images):
            write_annotated(folder, f"img{n}", 40, 30, [(label, (5, 5, 20, 20))])
            n += 1
    return folder


def test_the_thin_classes_are_counted_and_named_before_the_run(qtbot, tmp_path):
    labels = {"dog": 5, "cat_1": 1, "cat_2": 2, **{f"bird_{i}": 1 for i in range(10)}}
    folder = _folder(tmp_path, labels)
    dialog = _dialog(qtbot, lambda: holdout_preview_for(folder))
    note = dialog.thin_note
    assert note.isVisibleTo(dialog)
    assert note.text().startswith("12 classes have fewer than 3 person-reviewed images, too few to be both "
                                  "trained on and held out")
    tip = note.toolTip()
    birds = ", ".join(f"bird_{i}" for i in range(10))
    assert (f"<p><b>1 person-reviewed image each: it cannot be both trained on and held out, so never measured</b>: "
            f"{birds}, cat_1</p>") in tip  # in natural order
    assert "<p><b>Only 2 person-reviewed images each: one is held out, so the figures rest on a single image</b>: " \
        "cat_2</p>" in tip
    assert "dog" not in tip
    assert dialog.start_button.isEnabled()  # said, not refused


def test_the_cli_warns_of_the_same_classes(tmp_path, capsys):
    from petloc_gui.cli.train_checks import check_classes, read_folder, warn_thin_classes

    folder = _folder(tmp_path, {"dog": 4, "cat": 3, "cat_1": 1, "cat_2": 2, "fox": 1})
    warn_thin_classes(check_classes(read_folder(folder, "default", [])[0]))
    warned = sorted(line.split()[2] for line in capsys.readouterr().err.splitlines() if "class " in line)
    preview = holdout_preview_for(folder)(0.2, False)
    assert sorted(thin_classes(preview.images_by_class, preview.prelabel_images_by_class)) == warned == \
        ["cat_1", "cat_2", "fox"]


def test_pre_labels_count_only_while_the_run_trains_on_them(qtbot):
    holdout = Holdout(2, ["a.png", "b.png"], prelabels=4, reviewed=9, images_by_class={"dog": 9},
                      prelabel_images_by_class={"fox": 4})
    dialog = _dialog(qtbot, lambda: (lambda fraction, fine_tune: holdout))
    assert dialog.thin_note.text().startswith("1 class has fewer than 3")
    assert dialog.thin_note.toolTip() == ("<p><b>Only on unreviewed pre-labels, so never measured (pre-labels are "
                                          "never held out)</b>: fox</p>")
    dialog.train_prelabels.setChecked(False)  # the run leaves fox out: nothing thin is trained
    assert not dialog.thin_note.isVisibleTo(dialog)


def test_nothing_is_said_of_a_run_that_cannot_start_or_of_well_boxed_classes(qtbot):
    for holdout in (Holdout(0, [], problem="too few images", images_by_class={"cat": 1}),
                    Holdout(2, ["a.png", "b.png"], reviewed=9, images_by_class={"cat": 3, "dog": 6})):
        dialog = _dialog(qtbot, lambda holdout=holdout: (lambda fraction, fine_tune: holdout))
        assert not dialog.thin_note.isVisibleTo(dialog) and dialog.thin_note.text() == ""
