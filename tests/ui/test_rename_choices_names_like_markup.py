"""The Retrain dialog's class choices name classes as they are. A new class "<b>kitten" beside the model's "<b>cat"
was drawn bold, its tags gone, in its row and in "The new model's classes: …": Qt took each label for HTML (an
"<img src=…>" in a class name had it load a local file)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout

from petloc_gui.ui.training.rename_choices import RenameChoices

from .shown_text import label_shown


def _choices(qtbot) -> RenameChoices:
    choices = RenameChoices()
    qtbot.addWidget(choices)
    choices.set_classes(("<b>cat", "dog"), ("<b>kitten",), ("<b>cat",), {})
    return choices


def test_a_new_class_s_row_names_it_as_it_is(qtbot):
    choices = _choices(qtbot)
    row = choices.form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
    assert label_shown(row) == "<b>kitten:"
    assert row.buddy() is choices.combo("<b>kitten")


def test_the_new_model_s_classes_are_named_as_they_are(qtbot):
    choices = _choices(qtbot)
    assert label_shown(choices.summary).startswith(
        "The new model's classes: <b>cat, dog, <b>kitten (new: starts untrained). No box of this folder has <b>cat")
