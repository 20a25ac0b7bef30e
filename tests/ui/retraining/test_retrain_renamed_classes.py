"""The Retrain dialog asks whether a class new to the current model is one of its classes renamed
(ADR 0011), prefilled from the renames made with Edit → Classes in this session, and says what the new
model's classes will be. Before: a class renamed american_bulldog → bulldog was fine-tuned as a new,
untrained class while the model kept american_bulldog, and the dialog said nothing of it."""

from __future__ import annotations

import json
import re

import pytest

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for

from ..conftest import open_and_wait
from ..test_retrain_prelabel_note import _assert_all_text_shown


@pytest.fixture
def renamed_digits(tmp_path):
    """A digits folder boxed as even/uneven/kitten and the current model (its meta.json: even, odd)."""
    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=12, seed=0)
    for xml in sorted(folder.glob("*.xml")):
        text = xml.read_text()
        digit = int(re.search(r"<name>(\d)</name>", text).group(1))
        name = "even" if digit % 2 == 0 else "uneven" if digit != 9 else "kitten"
        xml.write_text(re.sub(r"<name>\d</name>", f"<name>{name}</name>", text))
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["even", "odd"],
                                                  "splits": {"train": [], "validation": [], "test": []}}))
    return folder, parent


def _dialog(qtbot, folder, parent, session_renames=None):
    dialog = RetrainDialog(None, model_name="parent", data_name=str(folder), n_annotated=12, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=str(parent)),
                           session_renames=session_renames)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def test_the_preview_lists_the_classes_new_to_the_model_and_those_on_no_box(renamed_digits):
    folder, parent = renamed_digits
    holdout = holdout_preview_for(folder, parent_spec=str(parent))(0.2, True)
    assert holdout.parent_classes == ("even", "odd")
    assert holdout.new_classes == ("kitten", "uneven") and holdout.unused_classes == ("odd",)


def test_a_rename_of_this_session_is_prefilled_and_passed_to_training(qtbot, renamed_digits):
    folder, parent = renamed_digits
    dialog = _dialog(qtbot, folder, parent, {"odd": "uneven"})
    choices = dialog.rename_choices
    assert choices.isVisibleTo(dialog) and choices.asks()
    assert choices.combo("uneven").currentData() == "odd" and choices.combo("kitten").currentData() == ""
    assert dialog.options().renamed == {"uneven": "odd"}
    _assert_all_text_shown(dialog)
    assert choices.summary.text() == ("The new model's classes: even, uneven (odd renamed: starts from its "
                                      "weights), kitten (new: starts untrained).")
    # one old class is one new class's: chosen for kitten, uneven is a new class again
    kitten = choices.combo("kitten")
    kitten.setCurrentIndex(kitten.findData("odd"))
    assert dialog.options().renamed == {"kitten": "odd"} and choices.combo("uneven").currentData() == ""
    # from scratch nothing is renamed, nor is a rename remembered for the next run
    dialog.from_scratch.setChecked(True)
    assert not choices.isVisibleTo(dialog) and dialog.options().renamed == {}
    dialog.from_current.setChecked(True)
    assert dialog.options().renamed == {"kitten": "odd"}  # the choice made is kept
    assert dialog.next_defaults().renamed == {}


def test_without_a_rename_of_this_session_the_new_class_is_new_and_the_old_one_said_kept(qtbot, renamed_digits):
    folder, parent = renamed_digits
    dialog = _dialog(qtbot, folder, parent)
    choices = dialog.rename_choices
    assert choices.combo("uneven").currentData() == "" and dialog.options().renamed == {}
    assert choices.summary.text() == (
        "The new model's classes: even, odd, kitten (new: starts untrained), uneven (new: starts untrained). "
        "No box of this folder has odd: the new model keeps it as the current model learned it.")


def test_edit_classes_renames_are_kept_for_the_session_chained(qtbot, main_window, folder):
    from petloc_gui.ui.review.class_editor import ClassEditor

    open_and_wait(qtbot, main_window, folder)
    info = main_window.current_model_info
    editor = ClassEditor(main_window.session, main_window.edits,
                         lambda: info().class_names if info() else (), host=main_window)
    editor.rename("cat", "kitty")
    editor.rename("kitty", "kitten")
    editor.rename("dog", "hound")
    assert main_window.session.classes.renames.as_dict() == {"cat": "kitten", "dog": "hound"}
