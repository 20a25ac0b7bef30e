"""The Retrain dialog says, before Start, how many annotations are unreviewed pre-labels and what the run
does with them (trained on as they are, never validated on): 170 unchecked boxes were trained on unsaid."""

from __future__ import annotations

import json

from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for

MARK = "petloc pre-label by petloc predict, model digits"


def _digits_with_prelabels(folder, count: int, prelabels: int) -> list[str]:
    """A digits folder of ``count`` annotated images, the first ``prelabels`` of them marked as a model's."""
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.voc import read_voc, write_voc

    write_digits_dataset(folder, "train", count=count, seed=0)
    marked = sorted(p.with_suffix(".png").name for p in folder.glob("*.xml"))[:prelabels]
    for name in marked:
        xml = (folder / name).with_suffix(".xml")
        annotation = read_voc(xml)
        annotation.prelabel = MARK
        write_voc(annotation, xml)
    return marked


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _assert_all_text_shown(dialog) -> None:
    """Every visible wrapped text has the height its lines need at its width (none squashed)."""
    from PySide6.QtWidgets import QLabel

    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog) and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), f"cut: {label.text()[:40]!r}"
            assert label.mapTo(dialog, label.rect().bottomLeft()).y() < dialog.height()


def _fixed(holdout: Holdout, has_unsaved: bool = False):
    return RetrainDialog(None, model_name="digits", data_name="/data", n_annotated=40, has_unsaved=has_unsaved,
                         holdout_loader=lambda: (lambda fraction, fine_tune: holdout))


def test_the_preview_counts_the_pre_labels_from_scratch_and_fine_tuning(tmp_path):
    from petloc_gui.model.training_data import TrainingData

    folder = tmp_path / "digits"
    _digits_with_prelabels(folder, 30, 4)
    assert holdout_preview_for(folder)(0.2, False).prelabels == 4
    run = TrainingData.collect(folder, val_fraction=0.2)
    parent = tmp_path / "parent"
    parent.mkdir()
    record = run.splits_record()
    (parent / "meta.json").write_text(json.dumps({"class_names": run.class_names, "images": run.images_record(),
                                                  "splits": {**record, "test": []}}))
    assert holdout_preview_for(folder, parent_spec=str(parent))(0.2, True).prelabels == 4


def test_the_dialog_says_how_many_are_pre_labels_and_what_training_does_with_them(qtbot, tmp_path):
    folder = tmp_path / "digits"
    _digits_with_prelabels(folder, 30, 4)
    dialog = _shown(qtbot, RetrainDialog(None, model_name="digits", data_name=str(folder), n_annotated=30,
                                         has_unsaved=False, holdout_loader=lambda: holdout_preview_for(folder),
                                         can_fine_tune=False))
    note = dialog.prelabel_note
    assert not note.isVisibleTo(dialog)  # nothing said while the annotations are being read
    qtbot.waitUntil(lambda: dialog.holdout_list.count() > 0, timeout=10000)
    text = note.text()
    assert note.isVisibleTo(dialog), "no word of the unreviewed pre-labels before Start"
    assert text.startswith("4 of the annotated images are unreviewed pre-labels")
    assert "learns from them as they are" in text and "never validates on them" in text
    assert "figures" in text and "review and save them first" in text
    # next to the held-out preview, and all of it shown: the dialog grew to the wrapped text
    layout = dialog.body.rows
    assert layout.indexOf(note) == layout.indexOf(dialog.holdout_list) + 1
    _assert_all_text_shown(dialog)


def test_one_pre_label_is_said_in_the_singular(qtbot):
    dialog = _shown(qtbot, _fixed(Holdout(3, ["a.png", "b.png", "c.png"], prelabels=1)))
    qtbot.waitUntil(lambda: dialog.holdout_list.count() == 3, timeout=5000)
    text = dialog.prelabel_note.text()
    assert text.startswith("1 of the annotated images is an unreviewed pre-label (")
    assert "learns from it as it is" in text and "never validates on it " in text and "them" not in text
    _assert_all_text_shown(dialog)


def test_no_pre_labels_no_sentence(qtbot):
    dialog = _shown(qtbot, _fixed(Holdout(3, ["a.png", "b.png", "c.png"])))
    qtbot.waitUntil(lambda: dialog.holdout_list.count() == 3, timeout=5000)
    assert not dialog.prelabel_note.isVisibleTo(dialog) and dialog.prelabel_note.text() == ""


def test_edits_saved_first_may_lower_the_count_and_the_note_says_it_is_as_saved(qtbot):
    dialog = _shown(qtbot, _fixed(Holdout(3, ["a.png", "b.png", "c.png"], prelabels=5), has_unsaved=True))
    qtbot.waitUntil(lambda: dialog.holdout_list.count() == 3, timeout=5000)
    assert dialog.prelabel_note.text().startswith("As saved now, 5 of the annotated images are")
    dialog.save_first.setChecked(False)  # the run reads the files as they are
    assert dialog.prelabel_note.text().startswith("5 of the annotated images are")


def test_when_every_annotation_is_a_pre_label_none_validates_and_all_are_counted(tmp_path):
    folder = tmp_path / "digits"
    _digits_with_prelabels(folder, 6, 6)
    holdout = holdout_preview_for(folder)(0.2, False)
    assert holdout.count == 0 and holdout.prelabels == 6


def test_a_fine_tune_that_could_not_start_says_the_runs_own_reason_either_way(tmp_path):
    # Every image but one pre-label is the current model's test image: fine-tuning cannot start. With the
    # pre-labels left out the run says so in its own words (held-out images and the pre-label counted);
    # the box counts only the pre-labels the run could use (not the parent's test images).
    from petloc_gui.model.training_data import TrainingData

    folder = tmp_path / "digits"
    marked = _digits_with_prelabels(folder, 12, 3)
    run = TrainingData.collect(folder, val_fraction=0.2)
    parent = tmp_path / "parent"
    parent.mkdir()
    everything = sorted(name for part in run.splits_record().values() for name in part)
    test = [name for name in everything if name != marked[0]]
    (parent / "meta.json").write_text(json.dumps({"class_names": run.class_names, "images": run.images_record(),
                                                  "splits": {"train": [], "validation": [], "test": test}}))
    renamed = folder / marked[1]  # a pre-labelled test image under another name: still one, by its bytes
    renamed.rename(folder / f"renamed_{renamed.name}")
    xml = renamed.with_suffix(".xml")
    (folder / f"renamed_{xml.name}").write_text(xml.read_text().replace(renamed.name, f"renamed_{renamed.name}"))
    xml.unlink()
    holdout = holdout_preview_for(folder, parent_spec=str(parent))(0.2, True)
    assert holdout.problem.startswith("need at least 2 usable annotated images, found 1 (11 more held out")
    assert holdout.prelabels == 1
    left_out = holdout.without_prelabels().problem
    assert left_out.startswith("need at least 2 usable annotated images, found 0 (11 more held out")
    assert "1 unreviewed pre-label was left out as asked" in left_out
    import pytest

    from petloc_gui.core.errors import DatasetError

    with pytest.raises(DatasetError) as raised:  # the run with the box unticked: its words are the dialog's
        TrainingData.collect(folder, parent_meta=json.loads((parent / "meta.json").read_text()),
                             parent_class_names=run.class_names, skip_prelabels=True)
    assert raised.value.reason == left_out

