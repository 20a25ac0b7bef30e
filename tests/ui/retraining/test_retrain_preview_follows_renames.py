"""The Retrain dialog's preview leaves out the pre-labels the run leaves out with the class renames chosen in
the dialog. A run leaves out the pre-labels of a model that did not know one of its classes, a class renamed
since known by its old name (`collected_folder.without_unaware_prelabels`); the preview applied no rename:
with "bengal renamed" chosen for "bengal cat" it said the parent's pre-label was left out, which the run
trained on, and a rename that made the run leave another model's pre-labels out went unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.paths import user_data_dir
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import write_annotated
from tests.model.test_unaware_prelabels import _mark, _prelabel, _store_model

PARENT = ["bengal", "bulldog", "husky"]
RENAMED = {"bengal cat": "bengal"}  # the dialog's "bengal renamed" for the folder's "bengal cat"


@pytest.fixture
def pets(tmp_path) -> tuple[Path, Path]:
    """(folder, the parent model's folder): "bengal cat" and "bulldog" boxed by a person; a husky pre-labelled
    by the parent (it knew bengal, not "bengal cat"), a bulldog by a model that knew "bengal cat", not husky."""
    folder = tmp_path / "pets"
    folder.mkdir()
    for name in ("bengal cat", "bulldog"):
        for n in range(3):
            write_annotated(folder, f"{name}{n}", 40, 30, [(name, (5, 5, 20, 20))])
    _store_model("photo-parent", PARENT)
    _store_model("photo-other", ["bengal cat", "bulldog"])
    _prelabel(folder, "by_parent", "husky", _mark("photo-parent"))
    _prelabel(folder, "by_other", "bulldog", _mark("photo-other"))
    return folder, user_data_dir() / "models" / "photo" / "photo-parent"


def _run(folder: Path, parent: Path, renamed: dict[str, str]) -> TrainingData:
    from petloc_gui.model.bundle import read_meta

    meta = read_meta(parent)
    return TrainingData.collect(folder, val_fraction=0.2, parent_meta=meta, parent_class_names=PARENT,
                                renamed=renamed, parent_path=parent)


@pytest.mark.parametrize("renamed", [{}, RENAMED], ids=["no rename", "renamed"])
def test_the_preview_leaves_out_what_the_run_leaves_out(pets, renamed):
    folder, parent = pets
    run = _run(folder, parent, renamed)
    holdout = holdout_preview_for(folder, parent_spec=str(parent))(0.2, True, renamed)
    assert dict(holdout.prelabels_left_out) == run.prelabels_left_out != {}
    assert holdout.prelabels == run.n_prelabels == 1
    # renamed, the parent knew every class: its husky is trained on, and husky is a class the other did not know
    left_out, trained = ("photo-other", "husky") if renamed else ("photo-parent", "bulldog")
    assert list(holdout.prelabels_left_out) == [left_out]
    assert dict(holdout.prelabel_box_counts) == {trained: 1}  # the boxes the run trains on


def test_the_dialog_says_what_the_chosen_rename_leaves_out(qtbot, pets):
    folder, parent = pets
    dialog = RetrainDialog(None, model_name="parent", data_name=str(folder), n_annotated=8, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=str(parent)),
                           session_renames={"bengal": "bengal cat"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    combo = dialog.rename_choices.combo("bengal cat")
    assert dialog.options().renamed == RENAMED  # prefilled from the session's rename
    assert "model photo-other wrote it" in dialog.prelabel_note.text()
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(""))  # "a new class": the parent did not know it
    assert dialog.options().renamed == {}
    assert "model photo-parent wrote it" in dialog.prelabel_note.text()
    assert dialog.rename_choices.isVisibleTo(dialog) and combo.hasFocus()  # the choice keeps the keyboard
    combo.setCurrentIndex(combo.findData("bengal"))
    assert "model photo-other wrote it" in dialog.prelabel_note.text()


def test_a_pre_label_a_rename_brings_back_is_checked_as_the_run_checks_it(pets):
    """The parent's husky pre-label, unreadable: the run with the rename takes it back and skips it (its header
    reads not); the preview took the images to leave out from the fine-tune read without renames, which had left
    the husky out before checking it, and counted it as a pre-label the run trains on."""
    folder, parent = pets
    (folder / "by_parent.png").write_bytes(b"not a png")
    run = _run(folder, parent, RENAMED)
    assert run.n_prelabels == 0  # photo-other's bulldog left out for husky, the husky skipped
    assert any(path.endswith("by_parent.png") and why.startswith("unreadable image") for path, why in run.skipped)
    preview = holdout_preview_for(folder, parent_spec=str(parent))
    holdout = preview(0.2, True, RENAMED)
    assert holdout.prelabels == run.n_prelabels
    assert holdout.unusable == 1  # said in the dialog: the run skips it
    assert preview(0.2, True).unusable == 0  # without the rename the run leaves it out for husky, unchecked
