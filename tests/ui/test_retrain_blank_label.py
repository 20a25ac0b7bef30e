"""The Retrain dialog (Ctrl+T) refuses a run with a label of nothing but characters drawn as nothing ("\\u200b"),
as `petloc train` refuses it and in its words (`core.case_variant_refusal.blank_label_refusal`): it trained a class
a person saw as no name."""

from __future__ import annotations

from tests.cli.helpers import one_box_each, write_annotated
from tests.ui.test_retrain_case_variants import _dialog


def test_a_label_drawn_as_nothing_is_refused_in_the_commands_words(qtbot, tmp_path):
    folder = one_box_each(tmp_path / "photos", ["cat", "cat", "dog", "dog", "dog"])
    # on a box after the first: on an image's first box it is no label, its image skipped (`model.data`)
    write_annotated(folder, "img2", 40, 30, [("dog", (5, 5, 20, 20)), ("\u200b", (1, 1, 9, 9))])
    dialog = _dialog(qtbot, folder)
    assert dialog.variants_note.isVisibleTo(dialog)
    assert dialog.variants_note.text() == (
        "This run cannot start: a label of nothing but characters drawn as nothing would train as a class with no "
        'name to see: "\\u200b" (1 box). Give its boxes a class name: the window\'s Edit → Classes… (Ctrl+L) '
        "renames a class on every box of the folder.")
    assert not dialog.start_button.isEnabled()
